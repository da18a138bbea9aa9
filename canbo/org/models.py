"""The organisation tree: effective-dated units with a materialised path, and merge/split events."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from canbo.core.models import EffectiveDated, EffectiveDatedQuerySet, Timestamped

PATH_STEP = 8  # characters per level: a zero-padded id and a dot


class AdminLevel(models.TextChoices):
    TINH = "TINH", _("Cấp tỉnh")
    HUYEN = "HUYEN", _("Cấp huyện")  # legacy: ended 30/06/2025 (two-tier local government)
    XA = "XA", _("Cấp xã")


class OrgSector(models.TextChoices):
    DANG = "DANG", _("Khối Đảng")
    CHINH_QUYEN = "CHINH_QUYEN", _("Khối chính quyền")
    MTTQ_DOAN_THE = "MTTQ_DOAN_THE", _("Mặt trận Tổ quốc, đoàn thể")
    SU_NGHIEP = "SU_NGHIEP", _("Sự nghiệp công lập")


class UnitKind(models.TextChoices):
    AREA = "AREA", _("Địa bàn hành chính")  # province or district as a container; not a body
    AGENCY = "AGENCY", _("Cơ quan")
    DEPARTMENT = "DEPARTMENT", _("Phòng, ban chuyên môn")
    PUBLIC_SERVICE = "PUBLIC_SERVICE", _("Đơn vị sự nghiệp công lập")
    COMMUNE = "COMMUNE", _("Xã, phường, thị trấn")


LEGACY_DISTRICT_END = "2025-06-30"


class OrgUnitQuerySet(EffectiveDatedQuerySet):
    def bodies(self):
        """Units that employ people (everything but the administrative-area containers)."""
        return self.exclude(kind=UnitKind.AREA)

    def subtree_of(self, *units):
        condition = Q()
        for unit in units:
            condition |= Q(path__startswith=unit.path)
        return self.filter(condition) if units else self.none()


class OrgUnit(EffectiveDated, Timestamped):
    code = models.CharField(_("mã đơn vị"), max_length=40, unique=True)
    name = models.CharField(_("tên đơn vị"), max_length=255)
    short_name = models.CharField(_("tên viết tắt"), max_length=100, blank=True)
    level = models.CharField(_("cấp"), max_length=8, choices=AdminLevel.choices)
    kind = models.CharField(_("loại"), max_length=16, choices=UnitKind.choices)
    sector = models.CharField(_("khối"), max_length=16, choices=OrgSector.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị cấp trên"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    # "0000001.0000042." — one indexed LIKE 'prefix%' gives a whole subtree.
    path = models.CharField(_("đường dẫn cây"), max_length=255, db_index=True, editable=False, default="")
    depth = models.PositiveSmallIntegerField(_("độ sâu"), default=0, editable=False)
    sort_order = models.PositiveIntegerField(_("thứ tự"), default=0)

    objects = OrgUnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")
        ordering = ["path"]
        indexes = [
            models.Index(fields=["path"], name="org_unit_path_like", opclasses=["varchar_pattern_ops"]),
            models.Index(fields=["level", "sector", "kind"], name="org_unit_level_sector"),
            models.Index(fields=["valid_from", "valid_to"], name="org_unit_validity"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=F("valid_from")),
                name="org_unit_valid_dates_ordered",
                violation_error_message=_("Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực."),
            ),
            models.CheckConstraint(
                condition=~Q(level=AdminLevel.HUYEN) | Q(valid_from__lte="2025-06-30"),
                name="org_unit_no_new_district_after_reform",
                violation_error_message=_("Không được lập đơn vị cấp huyện sau ngày 30/06/2025."),
            ),
        ]

    def __str__(self):
        return self.name

    def is_active_on(self, on) -> bool:
        return self.valid_from <= on and (self.valid_to is None or self.valid_to >= on)

    @staticmethod
    def path_segment(pk: int) -> str:
        return f"{pk:07d}."


class OrgEventKind(models.TextChoices):
    ESTABLISH = "ESTABLISH", _("Thành lập")
    MERGE = "MERGE", _("Hợp nhất, sáp nhập")
    SPLIT = "SPLIT", _("Chia tách")
    RENAME = "RENAME", _("Đổi tên")
    DISSOLVE = "DISSOLVE", _("Giải thể")


class OrgEvent(Timestamped):
    """A dated change of the tree: ends the predecessors and links their successors."""

    kind = models.CharField(_("loại sự kiện"), max_length=16, choices=OrgEventKind.choices)
    effective_on = models.DateField(_("ngày có hiệu lực"))
    decision_number = models.CharField(_("số quyết định"), max_length=100, blank=True)
    legal_basis = models.CharField(_("căn cứ pháp lý"), max_length=300, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    predecessors = models.ManyToManyField(OrgUnit, related_name="ended_by", verbose_name=_("đơn vị trước"))
    successors = models.ManyToManyField(OrgUnit, related_name="started_by", verbose_name=_("đơn vị kế thừa"))

    class Meta:
        verbose_name = _("sự kiện tổ chức")
        verbose_name_plural = _("sự kiện tổ chức")
        ordering = ["-effective_on", "-id"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.effective_on:%d/%m/%Y}"
