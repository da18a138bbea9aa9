"""The annual training plan, its lines and per-unit breakdown, its workflow log, and units' needs."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from canbo.core.models import Timestamped, Versioned
from canbo.org.models import OrgUnit

from ..choices import PlanStatus, TrainingMode, Venue
from .catalogue import Programme


class TrainingPlan(Versioned, Timestamped):
    """The province's (or a unit's) plan for one year: draft → submitted → appraised → approved → issued."""

    year = models.PositiveSmallIntegerField(_("năm kế hoạch"))
    owner_unit = models.ForeignKey(
        OrgUnit, verbose_name=_("đơn vị xây dựng kế hoạch"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("tên kế hoạch"), max_length=300)
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=PlanStatus.choices, default=PlanStatus.DRAFT
    )
    due_date = models.DateField(_("hạn ban hành"))
    decision_number = models.CharField(_("số văn bản ban hành"), max_length=60, blank=True)
    decision_date = models.DateField(_("ngày ban hành"), null=True, blank=True)
    issuing_body = models.CharField(_("cơ quan ban hành"), max_length=200, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("kế hoạch đào tạo, bồi dưỡng")
        verbose_name_plural = _("kế hoạch đào tạo, bồi dưỡng")
        ordering = ["-year", "owner_unit__path"]
        constraints = [
            models.UniqueConstraint(fields=["owner_unit", "year"], name="training_plan_one_per_unit_year"),
            models.CheckConstraint(
                condition=~Q(status=PlanStatus.ISSUED)
                | (~Q(decision_number="") & Q(decision_date__isnull=False)),
                name="training_plan_issued_has_decision",
                violation_error_message=_("Kế hoạch đã ban hành phải có số và ngày văn bản."),
            ),
            models.CheckConstraint(
                condition=Q(year__gte=1990, year__lte=2100), name="training_plan_year_range"
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def is_editable(self) -> bool:
        return self.status == PlanStatus.DRAFT


class PlanTransition(models.Model):
    """Who moved the plan from one step to the next, when, and why (kept for good)."""

    plan = models.ForeignKey(TrainingPlan, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(_("từ"), max_length=10, choices=PlanStatus.choices)
    to_status = models.CharField(_("sang"), max_length=10, choices=PlanStatus.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(_("lúc"), auto_now_add=True)
    comment = models.TextField(_("ý kiến"), blank=True)

    class Meta:
        verbose_name = _("bước xử lý kế hoạch")
        verbose_name_plural = _("các bước xử lý kế hoạch")
        ordering = ["plan", "at", "id"]

    def __str__(self):
        return f"{self.plan}: {self.get_from_status_display()} → {self.get_to_status_display()}"


class PlanLine(models.Model):
    """One target of the plan: a programme (and mode), how many people, for whom, who runs it, at what cost."""

    plan = models.ForeignKey(TrainingPlan, on_delete=models.CASCADE, related_name="lines")
    programme = models.ForeignKey(Programme, verbose_name=_("chương trình"), on_delete=models.PROTECT)
    mode = models.CharField(_("hệ"), max_length=20, choices=TrainingMode.choices, blank=True)
    venue = models.CharField(
        _("trong nước / nước ngoài"), max_length=10, choices=Venue.choices, default=Venue.DOMESTIC
    )
    audience = models.CharField(_("đối tượng"), max_length=300, blank=True)
    responsible_unit = models.ForeignKey(
        OrgUnit, verbose_name=_("đơn vị chủ trì"), on_delete=models.PROTECT, related_name="+"
    )
    target_count = models.PositiveIntegerField(_("chỉ tiêu (người)"))
    budget = models.PositiveBigIntegerField(_("kinh phí (đồng)"), default=0)
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("dòng kế hoạch")
        verbose_name_plural = _("các dòng kế hoạch")
        ordering = ["plan", "programme__sort_order", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(target_count__gte=1), name="plan_line_target_positive"),
            models.UniqueConstraint(
                fields=["plan", "programme", "mode", "venue", "audience"], name="plan_line_unique"
            ),
        ]

    def __str__(self):
        mode = f" – {self.get_mode_display()}" if self.mode else ""
        return f"{self.programme}{mode}"


class PlanAllocation(models.Model):
    """A plan line broken down per unit: its share of the target and of the budget."""

    line = models.ForeignKey(PlanLine, on_delete=models.CASCADE, related_name="allocations")
    unit = models.ForeignKey(OrgUnit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+")
    target_count = models.PositiveIntegerField(_("chỉ tiêu"))
    budget = models.PositiveBigIntegerField(_("kinh phí phân bổ (đồng)"), default=0)

    class Meta:
        verbose_name = _("phân bổ chỉ tiêu")
        verbose_name_plural = _("phân bổ chỉ tiêu")
        ordering = ["line", "unit__path"]
        constraints = [models.UniqueConstraint(fields=["line", "unit"], name="plan_allocation_unique")]

    def __str__(self):
        return f"{self.line} – {self.unit}: {self.target_count}"


class TrainingNeed(Timestamped):
    """A unit's registered need for year N, which the plan's drafter turns into lines."""

    year = models.PositiveSmallIntegerField(_("năm"))
    unit = models.ForeignKey(OrgUnit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+")
    programme = models.ForeignKey(Programme, verbose_name=_("chương trình"), on_delete=models.PROTECT)
    mode = models.CharField(_("hệ"), max_length=20, choices=TrainingMode.choices, blank=True)
    count = models.PositiveIntegerField(_("số người"))
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    plan_line = models.ForeignKey(
        PlanLine, null=True, blank=True, on_delete=models.SET_NULL, related_name="needs"
    )

    class Meta:
        verbose_name = _("nhu cầu đào tạo, bồi dưỡng")
        verbose_name_plural = _("nhu cầu đào tạo, bồi dưỡng")
        ordering = ["-year", "unit__path"]
        constraints = [
            models.CheckConstraint(condition=Q(count__gte=1), name="training_need_count_positive"),
            models.UniqueConstraint(
                fields=["year", "unit", "programme", "mode"], name="training_need_unique"
            ),
        ]
        indexes = [models.Index(fields=["year", "programme"], name="training_need_year")]
