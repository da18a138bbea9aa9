"""Citizens' feedback (phản ánh, kiến nghị) about an official's conduct (seed 003): intake, assignment,
verification, conclusion and the discipline case it leads to. Seen only by those entitled to handle it."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from canbo.core.models import Timestamped, Versioned
from canbo.discipline.models import DisciplineCase
from canbo.org.models import OrgUnit
from canbo.people.models import Person


class Channel(models.TextChoices):
    CITIZEN = "CONG_DAN", _("Công dân")
    BUSINESS = "DOANH_NGHIEP", _("Doanh nghiệp")
    PRESS = "BAO_CHI", _("Báo chí")
    HOTLINE = "DUONG_DAY_NONG", _("Đường dây nóng")
    ONLINE_PORTAL = "CONG_TRUC_TUYEN", _("Cổng dịch vụ công, cổng thông tin trực tuyến")


class FeedbackStatus(models.TextChoices):
    RECEIVED = "RECEIVED", _("Mới tiếp nhận")
    ASSIGNED = "ASSIGNED", _("Đang xác minh")
    CLOSED = "CLOSED", _("Đã kết luận")


class Conclusion(models.TextChoices):
    FOUNDED = "DUNG", _("Đúng")
    UNFOUNDED = "SAI", _("Sai")
    PARTLY = "DUNG_MOT_PHAN", _("Đúng một phần")


class Feedback(Versioned, Timestamped):
    channel = models.CharField(_("nguồn tiếp nhận"), max_length=16, choices=Channel.choices)
    received_on = models.DateField(_("ngày tiếp nhận"))
    sender = models.CharField(_("người, tổ chức phản ánh"), max_length=200, blank=True)
    subject_person = models.ForeignKey(
        Person,
        verbose_name=_("cán bộ bị phản ánh"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="feedback_about",
    )
    unit = models.ForeignKey(OrgUnit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+")
    content = models.TextField(_("nội dung phản ánh"))
    deadline = models.DateField(_("hạn xử lý"))
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=FeedbackStatus.choices, default=FeedbackStatus.RECEIVED
    )
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người xử lý"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="feedback_handled",
    )
    verification_notes = models.TextField(_("kết quả xác minh"), blank=True)
    conclusion = models.CharField(_("kết luận"), max_length=16, choices=Conclusion.choices, blank=True)
    closed_on = models.DateField(_("ngày kết luận"), null=True, blank=True)
    discipline_case = models.ForeignKey(
        DisciplineCase,
        verbose_name=_("vụ việc kỷ luật"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="feedback",
    )
    received_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("phản ánh, kiến nghị")
        verbose_name_plural = _("phản ánh, kiến nghị")
        ordering = ["-received_on", "-id"]
        indexes = [
            models.Index(fields=["status", "deadline"], name="feedback_status_deadline"),
            models.Index(fields=["received_on"], name="feedback_received"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(deadline__gte=F("received_on")),
                name="feedback_deadline_after_received",
                violation_error_message=_("Hạn xử lý không được trước ngày tiếp nhận."),
            ),
            models.CheckConstraint(
                condition=~Q(status=FeedbackStatus.CLOSED)
                | (~Q(conclusion="") & Q(closed_on__isnull=False, closed_on__gte=F("received_on"))),
                name="feedback_closed_has_conclusion",
                violation_error_message=_("Phản ánh đã kết luận phải có kết luận và ngày kết luận."),
            ),
            models.CheckConstraint(
                condition=~Q(status=FeedbackStatus.ASSIGNED) | Q(handler__isnull=False),
                name="feedback_assigned_has_handler",
                violation_error_message=_("Phản ánh đang xác minh phải có người xử lý."),
            ),
            models.CheckConstraint(
                condition=Q(discipline_case__isnull=True)
                | Q(conclusion__in=[Conclusion.FOUNDED, Conclusion.PARTLY]),
                name="feedback_case_needs_founded",
                violation_error_message=_("Chỉ phản ánh đúng hoặc đúng một phần mới dẫn đến xử lý kỷ luật."),
            ),
        ]

    def __str__(self):
        return f"Phản ánh ngày {self.received_on:%d/%m/%Y} – {self.unit}"

    @property
    def handled_in_time(self) -> bool | None:
        return None if self.closed_on is None else self.closed_on <= self.deadline
