"""A job: one piece of long work run by the task queue's worker (an import, an export, the daily reminders).

The row is the truth: status, progress, who started it, the result file and the errors live here, never in a
process's memory or a local cache, so the page shows the same thing from any app server and after a restart.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class JobStatus(models.TextChoices):
    QUEUED = "QUEUED", _("Đang chờ xử lý")
    RUNNING = "RUNNING", _("Đang xử lý")
    SUCCEEDED = "SUCCEEDED", _("Đã xong")
    FAILED = "FAILED", _("Không hoàn thành")


FINISHED = (JobStatus.SUCCEEDED, JobStatus.FAILED)


class Job(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(_("loại tác vụ"), max_length=40)
    title = models.CharField(_("tên tác vụ"), max_length=200)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người tạo"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Trống với tác vụ chạy theo lịch."),
    )
    params = models.JSONField(_("tham số"), default=dict, blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED
    )
    stage = models.CharField(_("bước"), max_length=100, blank=True)
    done = models.PositiveBigIntegerField(_("đã xử lý"), default=0)
    total = models.PositiveBigIntegerField(_("tổng số"), default=0)
    unit = models.CharField(_("đơn vị đếm"), max_length=20, blank=True)
    percent = models.PositiveSmallIntegerField(_("tiến độ (%)"), default=0)
    message = models.TextField(_("thông báo"), blank=True)
    errors = models.JSONField(_("lỗi"), default=list, blank=True)
    result = models.JSONField(_("kết quả"), default=dict, blank=True)
    result_file = models.FileField(_("tệp kết quả"), upload_to="jobs/%Y/%m/", max_length=300, blank=True)
    result_name = models.CharField(_("tên tệp tải về"), max_length=200, blank=True)
    attempts = models.PositiveSmallIntegerField(_("số lần chạy"), default=0)
    worker = models.CharField(_("tiến trình xử lý"), max_length=100, blank=True, help_text=_("máy:pid"))
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    started_at = models.DateTimeField(_("bắt đầu lúc"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(_("tín hiệu gần nhất"), null=True, blank=True)
    finished_at = models.DateTimeField(_("kết thúc lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("tác vụ nền")
        verbose_name_plural = _("tác vụ nền")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["created_by", "-created_at"], name="job_user_created"),
            models.Index(fields=["status", "heartbeat_at"], name="job_status_heartbeat"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(percent__lte=100), name="job_percent_at_most_100"),
            models.CheckConstraint(
                condition=Q(finished_at__isnull=True) | Q(status__in=["SUCCEEDED", "FAILED"]),
                name="job_finished_only_when_done",
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.created_at:%d/%m/%Y %H:%M})"

    @property
    def is_finished(self) -> bool:
        return self.status in FINISHED

    @property
    def has_file(self) -> bool:
        return self.status == JobStatus.SUCCEEDED and bool(self.result_file)
