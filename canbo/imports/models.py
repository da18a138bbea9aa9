"""An import run: who started it, with which file, its state, counts and the error list."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportStatus(models.TextChoices):
    PENDING = "PENDING", _("Chờ xử lý")
    RUNNING = "RUNNING", _("Đang xử lý")
    SUCCEEDED = "SUCCEEDED", _("Đã nhập xong")
    CHECKED = "CHECKED", _("Đã kiểm tra, không có lỗi (chưa ghi)")
    REJECTED = "REJECTED", _("Có lỗi, không ghi dữ liệu")
    FAILED = "FAILED", _("Lỗi hệ thống, không ghi dữ liệu")


FINISHED = {ImportStatus.SUCCEEDED, ImportStatus.CHECKED, ImportStatus.REJECTED, ImportStatus.FAILED}


class ImportJob(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người nhập"), on_delete=models.PROTECT, related_name="+"
    )
    file_name = models.CharField(_("tên tệp"), max_length=255)
    file_size = models.PositiveBigIntegerField(_("dung lượng"), default=0)
    dry_run = models.BooleanField(_("chỉ kiểm tra"), default=False)
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=ImportStatus.choices, default=ImportStatus.PENDING
    )
    counts = models.JSONField(_("số lượng"), default=dict, blank=True)
    errors = models.JSONField(_("danh sách lỗi"), default=list, blank=True)
    error_count = models.PositiveIntegerField(_("số lỗi"), default=0)
    message = models.TextField(_("thông báo"), blank=True)
    job = models.OneToOneField(
        "jobs.Job",
        verbose_name=_("tác vụ nền"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("bắt đầu lúc"), auto_now_add=True)
    finished_at = models.DateTimeField(_("kết thúc lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("lượt nhập dữ liệu")
        verbose_name_plural = _("lượt nhập dữ liệu")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["created_by", "-created_at"], name="import_job_user_created")]

    def __str__(self):
        return f"{self.file_name} ({self.created_at:%d/%m/%Y %H:%M})"

    @property
    def is_finished(self) -> bool:
        return self.status in FINISHED


class AliasCatalogue(models.TextChoices):
    """The catalogues whose entries may be written another way in an imported file."""

    ETHNICITY = "ETHNICITY", _("Dân tộc")
    RELIGION = "RELIGION", _("Tôn giáo")
    PROGRAMME = "PROGRAMME", _("Chương trình đào tạo, bồi dưỡng")
    RANK = "RANK", _("Ngạch, chức danh nghề nghiệp")
    POSITION = "POSITION", _("Chức vụ")


class CatalogueAlias(models.Model):
    """Another spelling of a catalogue entry ("Mông" for "HMông"): the import reads it as the entry's code.
    Kept by the province board; `key` is the spelling without accents, case, spaces or hyphens."""

    catalogue = models.CharField(_("danh mục"), max_length=12, choices=AliasCatalogue.choices)
    alias = models.CharField(_("cách viết khác"), max_length=200)
    key = models.CharField(_("khóa so khớp"), max_length=200, editable=False)
    target = models.CharField(
        _("mã trong danh mục"),
        max_length=200,
        help_text=_("Mã dân tộc, tên tôn giáo, mã chương trình, mã ngạch hoặc mã chức vụ."),
    )
    target_label = models.CharField(_("mục trong danh mục"), max_length=200, blank=True)
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thêm"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("thêm lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("cách viết khác của mục danh mục")
        verbose_name_plural = _("cách viết khác của mục danh mục")
        ordering = ["catalogue", "key"]
        constraints = [
            models.UniqueConstraint(
                fields=["catalogue", "key"],
                name="catalogue_alias_unique_key",
                violation_error_message=_("Cách viết này đã có trong danh mục."),
            ),
            models.CheckConstraint(condition=~models.Q(key=""), name="catalogue_alias_key_not_empty"),
        ]

    def __str__(self):
        return f"{self.alias} → {self.target_label or self.target}"
