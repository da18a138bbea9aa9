"""The programme catalogue and the effective-dated sponsorship rule (NĐ 101/2017 → NĐ 171/2025)."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from canbo.core.models import EffectiveDated
from canbo.core.rulebook import DatedRule
from canbo.people.choices import ALL_LEVEL_CHOICES, QualificationScale

from ..choices import ProgrammeKind, TrainingForm


class Programme(EffectiveDated):
    """A programme type with a stable code, and the qualification it grants on completion (if any)."""

    code = models.CharField(_("mã chương trình"), max_length=40, unique=True)
    name = models.CharField(_("tên chương trình"), max_length=200)
    kind = models.CharField(_("nhóm"), max_length=24, choices=ProgrammeKind.choices)
    form = models.CharField(_("hình thức"), max_length=10, choices=TrainingForm.choices)
    grants_scale = models.CharField(
        _("cấp văn bằng loại"), max_length=20, choices=QualificationScale.choices, blank=True
    )
    grants_level = models.CharField(_("cấp trình độ"), max_length=20, choices=ALL_LEVEL_CHOICES, blank=True)
    typical_months = models.PositiveSmallIntegerField(_("thời gian học thông thường (tháng)"), default=1)
    sort_order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("chương trình đào tạo, bồi dưỡng")
        verbose_name_plural = _("chương trình đào tạo, bồi dưỡng")
        ordering = ["sort_order", "code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(grants_scale="", grants_level="") | (~Q(grants_scale="") & ~Q(grants_level="")),
                name="programme_grant_complete",
                violation_error_message=_("Cần cả loại và trình độ văn bằng được cấp, hoặc bỏ trống cả hai."),
            ),
            models.CheckConstraint(condition=Q(typical_months__gte=1), name="programme_duration_positive"),
        ]

    def __str__(self):
        return self.name

    @property
    def grants_qualification(self) -> bool:
        return bool(self.grants_scale and self.grants_level)

    @property
    def is_postgraduate(self) -> bool:
        return self.grants_scale == QualificationScale.PROFESSIONAL and self.grants_level in {
            "THAC_SI",
            "TIEN_SI",
        }


class SponsorshipRule(EffectiveDated):
    """Conditions for being sent to postgraduate study and the service commitment afterwards."""

    min_service_years = models.PositiveSmallIntegerField(_("số năm công tác tối thiểu"))
    rated_years = models.PositiveSmallIntegerField(_("số năm liền kề xếp loại từ hoàn thành tốt"))
    max_age = models.PositiveSmallIntegerField(_("tuổi tối đa khi cử đi học sau đại học"))
    commitment_multiplier = models.PositiveSmallIntegerField(_("thời gian cam kết (số lần thời gian học)"))

    class Meta:
        verbose_name = _("điều kiện cử đi đào tạo")
        verbose_name_plural = _("điều kiện cử đi đào tạo")
        ordering = ["-valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["valid_from"], name="sponsorship_rule_one_per_start"),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="sponsorship_rule_dates_ordered",
            ),
        ]

    def __str__(self):
        return f"{self.legal_basis} ({self.valid_from:%d/%m/%Y})"


class TrainingRule(DatedRule):
    """Training rules as dated rows with their legal basis (issue 15): `plan_due` — the day and month by which
    the year's training plan is issued, read by the plan's year."""

    class Meta(DatedRule.Meta):
        verbose_name = _("quy định về đào tạo, bồi dưỡng")
        verbose_name_plural = _("quy định về đào tạo, bồi dưỡng")
