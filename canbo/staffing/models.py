"""Staffing quotas (biên chế) per unit and year, the reduction roadmap (KL 40-KL/TW) and streamlining cases
(tinh giản biên chế, NĐ 29/2023)."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from canbo.core.models import Timestamped, Versioned
from canbo.core.rulebook import DatedRule
from canbo.org.models import OrgUnit
from canbo.people.models import Person

from .choices import OPEN_STATUSES, CaseStatus, DownsizingPolicy, DownsizingReason, QuotaKind


class StaffingQuota(Versioned, Timestamped):
    """The approved headcount of a unit (its whole subtree) for a year and a kind."""

    unit = models.ForeignKey(OrgUnit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("năm"))
    kind = models.CharField(_("loại biên chế"), max_length=2, choices=QuotaKind.choices)
    approved_count = models.PositiveIntegerField(_("số được giao"))
    decision_number = models.CharField(_("số quyết định"), max_length=60)
    decision_date = models.DateField(_("ngày quyết định"))
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("biên chế được giao")
        verbose_name_plural = _("biên chế được giao")
        ordering = ["-year", "unit__path", "kind"]
        indexes = [models.Index(fields=["year", "kind"], name="quota_year_kind")]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "year", "kind"],
                name="quota_one_per_unit_year_kind",
                violation_error_message=_("Đơn vị đã có biên chế loại này cho năm này."),
            ),
            models.CheckConstraint(
                condition=Q(year__gte=2000, year__lte=2100),
                name="quota_year_range",
                violation_error_message=_("Năm từ 2000 đến 2100."),
            ),
        ]

    def __str__(self):
        return f"{self.unit} – {self.year} – {self.get_kind_display()}: {self.approved_count}"


class ReductionTarget(models.Model):
    """A reduction of the quota over a period against a base year's quota; no unit: the whole province."""

    unit = models.ForeignKey(
        OrgUnit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(_("loại biên chế"), max_length=2, choices=QuotaKind.choices)
    base_year = models.PositiveSmallIntegerField(_("năm gốc"))
    first_year = models.PositiveSmallIntegerField(_("từ năm"))
    last_year = models.PositiveSmallIntegerField(_("đến năm"))
    percent = models.DecimalField(_("tỷ lệ giảm (%)"), max_digits=4, decimal_places=1)
    legal_basis = models.CharField(_("căn cứ"), max_length=300)

    class Meta:
        verbose_name = _("lộ trình tinh giản biên chế")
        verbose_name_plural = _("lộ trình tinh giản biên chế")
        ordering = ["first_year", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "kind", "first_year"],
                name="target_one_per_unit_kind_period",
                violation_error_message=_("Đơn vị đã có chỉ tiêu giảm biên chế loại này cho giai đoạn này."),
            ),
            models.UniqueConstraint(
                fields=["kind", "first_year"],
                condition=Q(unit__isnull=True),
                name="target_one_province_per_kind_period",
                violation_error_message=_("Đã có chỉ tiêu toàn tỉnh loại này cho giai đoạn này."),
            ),
            models.CheckConstraint(
                condition=Q(base_year__lt=F("first_year"), first_year__lte=F("last_year")),
                name="target_years_ordered",
                violation_error_message=_("Năm gốc trước giai đoạn; giai đoạn từ năm đến năm."),
            ),
            models.CheckConstraint(
                condition=Q(percent__gt=0, percent__lte=100),
                name="target_percent_range",
                violation_error_message=_("Tỷ lệ giảm từ trên 0 đến 100 %."),
            ),
        ]

    def __str__(self):
        return f"−{self.percent} % {self.get_kind_display()} {self.first_year}–{self.last_year}"


class StaffingRule(DatedRule):
    """The streamlining rules in force on a date (the reasons and policies with the text that governs each, the
    exemptions), seeded with their legal basis; a case is judged by the rule of its date."""

    class Meta(DatedRule.Meta):
        verbose_name = _("quy định về biên chế, tinh giản")
        verbose_name_plural = _("quy định về biên chế, tinh giản")


class StreamliningCase(Versioned, Timestamped):
    """One person proposed for streamlining: proposed → approved (board) → exited (employment ended)."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="streamlining_cases")
    unit = models.ForeignKey(
        OrgUnit, verbose_name=_("đơn vị khi đề nghị"), on_delete=models.PROTECT, related_name="+"
    )
    category = models.CharField(_("phân loại"), max_length=8)
    reason = models.CharField(_("lý do tinh giản"), max_length=16, choices=DownsizingReason.choices)
    reason_detail = models.CharField(_("căn cứ, thuyết minh"), max_length=500)
    policy = models.CharField(_("chính sách"), max_length=24, choices=DownsizingPolicy.choices)
    # the text that governs the case on its proposal date (StaffingRule "reasons")
    legal_basis = models.CharField(_("căn cứ pháp lý"), max_length=300, blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=CaseStatus.choices, default=CaseStatus.PROPOSED
    )
    proposed_on = models.DateField(_("ngày đề nghị"))
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    # Exemptions as declared by the unit (NĐ 29/2023 Art 3, NĐ 154/2025; `StaffingRule` "exemptions"): pregnancy,
    # maternity or a child under 36 months (unless the person applies voluntarily); under consideration for
    # prosecution or inspection (an open discipline case is read from the discipline app).
    is_pregnant = models.BooleanField(_("đang mang thai, nghỉ thai sản"), default=False)
    youngest_child_birth = models.DateField(_("ngày sinh con nhỏ nhất"), null=True, blank=True)
    is_voluntary = models.BooleanField(_("cá nhân tự nguyện tinh giản biên chế"), default=False)
    under_prosecution = models.BooleanField(_("đang bị xem xét truy cứu trách nhiệm hình sự"), default=False)
    under_inspection = models.BooleanField(
        _("đang bị thanh tra, kiểm tra do có dấu hiệu vi phạm"), default=False
    )
    # Approval by the province organisation board, then the exit.
    decision_number = models.CharField(_("số quyết định"), max_length=60, blank=True)
    decision_date = models.DateField(_("ngày quyết định"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    planned_exit_date = models.DateField(_("ngày nghỉ dự kiến"), null=True, blank=True)
    exit_date = models.DateField(_("ngày nghỉ"), null=True, blank=True)
    rejection_reason = models.CharField(_("lý do không phê duyệt"), max_length=500, blank=True)
    # The allowance paid on exit; rule 18: a rehire in the public sector within 60 months means repaying it.
    allowance_amount = models.DecimalField(
        _("số tiền trợ cấp đã nhận (đồng)"), max_digits=14, decimal_places=0, null=True, blank=True
    )
    repaid_on = models.DateField(_("ngày hoàn trả trợ cấp"), null=True, blank=True)
    repaid_amount = models.DecimalField(
        _("số tiền đã hoàn trả (đồng)"), max_digits=14, decimal_places=0, null=True, blank=True
    )
    repayment_note = models.CharField(_("ghi chú hoàn trả"), max_length=300, blank=True)
    repayment_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )

    class Meta:
        verbose_name = _("trường hợp tinh giản biên chế")
        verbose_name_plural = _("trường hợp tinh giản biên chế")
        ordering = ["-proposed_on", "-id"]
        indexes = [
            models.Index(fields=["status", "exit_date"], name="streamlining_status_exit"),
            models.Index(fields=["reason"], name="streamlining_reason"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=Q(status__in=OPEN_STATUSES),
                name="streamlining_one_open_case",
                violation_error_message=_("Người này đã có đề nghị tinh giản biên chế đang xử lý."),
            ),
            models.CheckConstraint(
                condition=Q(status__in=[CaseStatus.PROPOSED, CaseStatus.REJECTED])
                | Q(decision_date__isnull=False) & ~Q(decision_number=""),
                name="streamlining_approved_has_decision",
                violation_error_message=_("Trường hợp đã phê duyệt cần số và ngày quyết định."),
            ),
            models.CheckConstraint(
                condition=~Q(status=CaseStatus.EXITED) | Q(exit_date__isnull=False),
                name="streamlining_exited_has_date",
                violation_error_message=_("Trường hợp đã nghỉ cần ngày nghỉ."),
            ),
            models.CheckConstraint(
                condition=Q(allowance_amount__isnull=True) | Q(allowance_amount__gte=0),
                name="streamlining_allowance_not_negative",
                violation_error_message=_("Số tiền trợ cấp không được âm."),
            ),
            models.CheckConstraint(
                condition=Q(repaid_on__isnull=True, repaid_amount__isnull=True)
                | Q(
                    repaid_on__isnull=False,
                    repaid_amount__gt=0,
                    status=CaseStatus.EXITED,
                    repaid_on__gte=F("exit_date"),
                ),
                name="streamlining_repayment_after_exit",
                violation_error_message=_(
                    "Hoàn trả trợ cấp cần ngày (sau ngày nghỉ) và số tiền dương, chỉ cho trường hợp đã nghỉ."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.person} – {self.get_reason_display()} ({self.get_status_display()})"
