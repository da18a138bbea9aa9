"""In-app notifications; `key` makes a reminder idempotent (the daily command may run twice)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class NotificationKind(models.TextChoices):
    REAPPOINTMENT_DUE = "REAPPOINTMENT_DUE", _("Đến hạn bổ nhiệm lại")
    RETIREMENT_SOON = "RETIREMENT_SOON", _("Sắp đến tuổi nghỉ hưu")
    ROTATION_ENDING = "ROTATION_ENDING", _("Sắp hết thời hạn luân chuyển")
    TRAINING_PLAN_DUE = "TRAINING_PLAN_DUE", _("Hạn ban hành kế hoạch đào tạo, bồi dưỡng")
    REVIEW_DEADLINE = "REVIEW_DEADLINE", _("Hạn khắc phục tiêu chuẩn")
    ROLE_CHANGE = "ROLE_CHANGE", _("Phân quyền người dùng")
    SALARY_RAISE_DUE = "SALARY_RAISE_DUE", _("Nâng lương đến hạn")
    FEEDBACK_OVERDUE = "FEEDBACK_OVERDUE", _("Phản ánh, kiến nghị quá hạn xử lý")


class Notification(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(_("loại"), max_length=20, choices=NotificationKind.choices)
    key = models.CharField(
        _("khóa"), max_length=120, help_text=_("Một nhắc việc chỉ tạo một lần cho mỗi người dùng.")
    )
    title = models.CharField(_("tiêu đề"), max_length=300)
    body = models.TextField(_("nội dung"), blank=True)
    link = models.CharField(_("liên kết"), max_length=300, blank=True)
    due_date = models.DateField(_("hạn"), null=True, blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    emailed_at = models.DateTimeField(_("đã gửi thư lúc"), null=True, blank=True)
    read_at = models.DateTimeField(_("đã đọc lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("thông báo")
        verbose_name_plural = _("thông báo")
        ordering = ["read_at", "-created_at"]
        indexes = [models.Index(fields=["user", "read_at"], name="notification_user_unread")]
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="notification_once_per_key")]

    def __str__(self):
        return self.title
