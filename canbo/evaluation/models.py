"""Annual rating results (NĐ 90/2020, NĐ 335/2025). The rating campaigns themselves come with issue 5;
this table holds the results that other rules read (sending to study, standards)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from canbo.core.models import Timestamped, Versioned
from canbo.core.rulebook import DatedRule
from canbo.org.models import OrgUnit
from canbo.people.models import Person


class RatingLevel(models.TextChoices):
    EXCELLENT = "HTXS", _("Hoàn thành xuất sắc nhiệm vụ")
    GOOD = "HTT", _("Hoàn thành tốt nhiệm vụ")
    COMPLETED = "HT", _("Hoàn thành nhiệm vụ")
    NOT_COMPLETED = "KHT", _("Không hoàn thành nhiệm vụ")
    NOT_RATED = "KHONG_XEP_LOAI", _("Không xếp loại")


# rank: lower is better (domain.md: HTXS=1 … KHT=4); "not rated" has none.
RATING_RANK = {
    RatingLevel.EXCELLENT: 1,
    RatingLevel.GOOD: 2,
    RatingLevel.COMPLETED: 3,
    RatingLevel.NOT_COMPLETED: 4,
}
GOOD_OR_BETTER = {RatingLevel.EXCELLENT, RatingLevel.GOOD}


class AnnualRating(Versioned, Timestamped):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="ratings")
    year = models.PositiveSmallIntegerField(_("năm"))
    unit = models.ForeignKey(OrgUnit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+")
    level = models.CharField(_("xếp loại"), max_length=16, choices=RatingLevel.choices)
    score = models.DecimalField(_("điểm"), max_digits=5, decimal_places=2, null=True, blank=True)
    decided_on = models.DateField(_("ngày quyết định"), null=True, blank=True)
    decision_number = models.CharField(_("số quyết định"), max_length=60, blank=True)

    class Meta:
        verbose_name = _("kết quả xếp loại")
        verbose_name_plural = _("kết quả xếp loại")
        ordering = ["person", "-year"]
        indexes = [models.Index(fields=["year", "level"], name="rating_year_level")]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "year"],
                name="rating_one_per_person_year",
                violation_error_message=_("Người này đã có kết quả xếp loại năm này."),
            ),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__gte=0, score__lte=100),
                name="rating_score_range",
                violation_error_message=_("Điểm đánh giá từ 0 đến 100."),
            ),
        ]

    def __str__(self):
        return f"{self.person} – {self.year}: {self.get_level_display()}"


class CampaignStatus(models.TextChoices):
    OPEN = "OPEN", _("Đang đánh giá")
    CLOSED = "CLOSED", _("Đã kết thúc")


class SheetStatus(models.TextChoices):
    PENDING = "PENDING", _("Chờ tự đánh giá")
    SELF_ASSESSED = "SELF_ASSESSED", _("Đã tự đánh giá")
    PROPOSED = "PROPOSED", _("Đã có đề xuất của người quản lý")
    DECIDED = "DECIDED", _("Đã có kết quả")


class RatingCampaign(Versioned, Timestamped):
    """A year's rating of the people of a unit's subtree (rule 14: finished by 15/12)."""

    year = models.PositiveSmallIntegerField(_("năm đánh giá"))
    unit = models.ForeignKey(OrgUnit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+")
    deadline = models.DateField(_("hạn hoàn thành"))
    status = models.CharField(
        _("trạng thái"), max_length=8, choices=CampaignStatus.choices, default=CampaignStatus.OPEN
    )
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    closed_on = models.DateField(_("ngày kết thúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("đợt đánh giá, xếp loại")
        verbose_name_plural = _("đợt đánh giá, xếp loại")
        ordering = ["-year", "unit__path"]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "unit"],
                name="rating_campaign_one_per_unit_year",
                violation_error_message=_("Đơn vị này đã có đợt đánh giá năm này."),
            ),
            models.CheckConstraint(
                condition=Q(status__in=CampaignStatus.values), name="rating_campaign_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(status=CampaignStatus.OPEN) | Q(closed_on__isnull=False),
                name="rating_campaign_closed_has_date",
            ),
        ]

    def __str__(self):
        return f"Đánh giá năm {self.year} – {self.unit}"


class RatingSheet(Versioned, Timestamped):
    """One person's rating in a campaign: self-assessment → manager's proposal → the deciding body's result.

    Scores (NĐ 335/2025, rule 16): general criteria 0–30 plus deliverables 0–70; optional where not used."""

    campaign = models.ForeignKey(RatingCampaign, on_delete=models.CASCADE, related_name="sheets")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="rating_sheets")
    year = models.PositiveSmallIntegerField(_("năm đánh giá"), editable=False)
    unit = models.ForeignKey(OrgUnit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+")
    status = models.CharField(
        _("trạng thái"), max_length=14, choices=SheetStatus.choices, default=SheetStatus.PENDING
    )
    months_worked = models.PositiveSmallIntegerField(_("số tháng công tác trong năm"), default=12)
    leave_months = models.PositiveSmallIntegerField(_("số tháng nghỉ"), default=0)
    maternity = models.BooleanField(_("nghỉ thai sản"), default=False)
    self_level = models.CharField(_("tự xếp loại"), max_length=16, choices=RatingLevel.choices, blank=True)
    self_text = models.TextField(_("tự nhận xét"), blank=True)
    self_assessed_at = models.DateTimeField(null=True, blank=True)
    proposed_level = models.CharField(
        _("mức đề xuất"), max_length=16, choices=RatingLevel.choices, blank=True
    )
    proposed_general = models.DecimalField(
        _("điểm tiêu chí chung (đề xuất)"), max_digits=4, decimal_places=2, null=True, blank=True
    )
    proposed_tasks = models.DecimalField(
        _("điểm kết quả nhiệm vụ (đề xuất)"), max_digits=4, decimal_places=2, null=True, blank=True
    )
    proposal_note = models.CharField(_("nhận xét của người quản lý"), max_length=1000, blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    level = models.CharField(_("kết quả xếp loại"), max_length=16, choices=RatingLevel.choices, blank=True)
    score_general = models.DecimalField(
        _("điểm tiêu chí chung"), max_digits=4, decimal_places=2, null=True, blank=True
    )
    score_tasks = models.DecimalField(
        _("điểm kết quả nhiệm vụ"), max_digits=4, decimal_places=2, null=True, blank=True
    )
    decision_number = models.CharField(_("số quyết định"), max_length=60, blank=True)
    decided_on = models.DateField(_("ngày quyết định"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # rule 16: a finding of degradation, recorded by the deciding body with its basis, forces KHT
    degradation_finding = models.BooleanField(
        _("có kết luận suy thoái về tư tưởng chính trị, đạo đức, lối sống"), default=False
    )
    degradation_note = models.CharField(_("căn cứ kết luận suy thoái"), max_length=500, blank=True)
    # NĐ 335/2025 (civil servants from 2026): the group of similar duties the HTXS cap also holds in; for a
    # leader, the unit's corruption, waste or embezzlement handled by law (forces KHT) and the two parts of the
    # leader's tasks formula besides their own deliverables (rules.leader_tasks_score)
    duty_group = models.CharField(_("nhóm nhiệm vụ tương đồng"), max_length=100, blank=True)
    unit_corruption_note = models.CharField(
        _("đơn vị phụ trách để xảy ra tham ô, tham nhũng, lãng phí (căn cứ)"), max_length=500, blank=True
    )
    unit_results_percent = models.PositiveSmallIntegerField(
        _("kết quả hoạt động của đơn vị (%)"), null=True, blank=True
    )
    organisation_percent = models.PositiveSmallIntegerField(
        _("năng lực tổ chức thực hiện nhiệm vụ (%)"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("phiếu đánh giá, xếp loại")
        verbose_name_plural = _("phiếu đánh giá, xếp loại")
        ordering = ["unit__path", "person__sort_key", "id"]
        indexes = [models.Index(fields=["campaign", "unit", "level"], name="rating_sheet_unit_level")]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "year"],
                name="rating_sheet_one_per_person_year",
                violation_error_message=_("Người này đã có phiếu đánh giá năm này."),
            ),
            models.CheckConstraint(
                condition=Q(months_worked__lte=12) & Q(leave_months__lte=12),
                name="rating_sheet_months_range",
            ),
            models.CheckConstraint(
                condition=(Q(unit_results_percent__isnull=True) | Q(unit_results_percent__lte=100))
                & (Q(organisation_percent__isnull=True) | Q(organisation_percent__lte=100)),
                name="rating_sheet_leader_percent_range",
                violation_error_message=_("Tỷ lệ từ 0 đến 100 %."),
            ),
            models.CheckConstraint(
                condition=(
                    Q(proposed_general__isnull=True) | Q(proposed_general__gte=0, proposed_general__lte=30)
                )
                & (Q(score_general__isnull=True) | Q(score_general__gte=0, score_general__lte=30))
                & (Q(proposed_tasks__isnull=True) | Q(proposed_tasks__gte=0, proposed_tasks__lte=70))
                & (Q(score_tasks__isnull=True) | Q(score_tasks__gte=0, score_tasks__lte=70)),
                name="rating_sheet_score_ranges",
                violation_error_message=_(
                    "Điểm tiêu chí chung từ 0 đến 30, điểm kết quả nhiệm vụ từ 0 đến 70."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(status=SheetStatus.DECIDED)
                | (~Q(level="") & ~Q(decision_number="") & Q(decided_on__isnull=False)),
                name="rating_sheet_decided_has_result",
                violation_error_message=_("Phiếu đã có kết quả phải có mức xếp loại, số và ngày quyết định."),
            ),
            models.CheckConstraint(
                condition=Q(degradation_finding=False)
                | (Q(level=RatingLevel.NOT_COMPLETED) & ~Q(degradation_note="")),
                name="rating_sheet_degradation_is_kht",
                violation_error_message=_(
                    "Có kết luận suy thoái thì xếp loại “Không hoàn thành nhiệm vụ” và ghi căn cứ kết luận."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.person} – {self.year}"

    @property
    def proposed_score(self):
        if self.proposed_general is None or self.proposed_tasks is None:
            return None
        return self.proposed_general + self.proposed_tasks

    @property
    def score(self):
        if self.score_general is None or self.score_tasks is None:
            return None
        return self.score_general + self.score_tasks


class DeliverablePeriod(models.TextChoices):
    MONTH = "MONTH", _("Tháng")
    QUARTER = "QUARTER", _("Quý")


class EvaluationRule(DatedRule):
    """The rating rules in force on a date (scope of the NĐ 335 points, bands, HTXS cap, months worked, the
    deadline, the deliverables' scoring), seeded with their legal basis; a year is judged by its own rules."""

    class Meta(DatedRule.Meta):
        verbose_name = _("quy định về đánh giá, xếp loại")
        verbose_name_plural = _("quy định về đánh giá, xếp loại")


class RatingDeliverable(Timestamped):
    """One monthly or quarterly deliverable of a sheet (NĐ 335/2025, rule 16): its share of the 70 points of
    the tasks part, scored on quantity, quality and progress; each miss of quality (of progress) costs 25 % of
    that item's quality (progress) points (rules.tasks_score)."""

    sheet = models.ForeignKey(RatingSheet, on_delete=models.CASCADE, related_name="deliverables")
    period_kind = models.CharField(_("kỳ"), max_length=8, choices=DeliverablePeriod.choices)
    period = models.PositiveSmallIntegerField(_("tháng / quý"))
    title = models.CharField(_("sản phẩm, nhiệm vụ"), max_length=300)
    weight = models.PositiveSmallIntegerField(_("trọng số"), default=1)
    quantity_percent = models.PositiveSmallIntegerField(_("số lượng hoàn thành (%)"), default=100)
    quality_misses = models.PositiveSmallIntegerField(_("số lần không bảo đảm chất lượng"), default=0)
    timeliness_misses = models.PositiveSmallIntegerField(_("số lần không bảo đảm tiến độ"), default=0)
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("sản phẩm, nhiệm vụ được giao")
        verbose_name_plural = _("sản phẩm, nhiệm vụ được giao")
        ordering = ["sheet", "period_kind", "period", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["sheet", "period_kind", "period", "title"],
                name="rating_deliverable_unique",
                violation_error_message=_("Phiếu đã có sản phẩm này trong kỳ này."),
            ),
            models.CheckConstraint(
                condition=Q(period__gte=1)
                & (
                    Q(period_kind=DeliverablePeriod.MONTH, period__lte=12)
                    | Q(period_kind=DeliverablePeriod.QUARTER, period__lte=4)
                ),
                name="rating_deliverable_period_range",
                violation_error_message=_("Tháng từ 1 đến 12, quý từ 1 đến 4."),
            ),
            models.CheckConstraint(
                condition=Q(weight__gte=1, weight__lte=100)
                & Q(quality_misses__lte=4)
                & Q(timeliness_misses__lte=4),
                name="rating_deliverable_ranges",
                violation_error_message=_("Trọng số từ 1 đến 100; số lần không đạt mỗi loại từ 0 đến 4."),
            ),
            models.CheckConstraint(
                condition=Q(quantity_percent__lte=100),
                name="rating_deliverable_quantity_range",
                violation_error_message=_("Số lượng hoàn thành từ 0 đến 100 %."),
            ),
        ]

    def __str__(self):
        return f"{self.get_period_kind_display()} {self.period}: {self.title}"

    @property
    def misses(self) -> int:
        return self.quality_misses + self.timeliness_misses


class PartyMemberRating(Versioned, Timestamped):
    """A Party member's quality rating of a year (QĐ 366/2025, rule 28): the four levels (or not rated), not
    higher than the person's CBCCVC rating of the same year (canbo.evaluation.party)."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="party_ratings")
    year = models.PositiveSmallIntegerField(_("năm"))
    party_org = models.ForeignKey(
        OrgUnit, verbose_name=_("tổ chức đảng"), on_delete=models.PROTECT, related_name="+"
    )
    level = models.CharField(_("xếp loại đảng viên"), max_length=16, choices=RatingLevel.choices)
    decided_on = models.DateField(_("ngày quyết định"))
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("xếp loại chất lượng đảng viên")
        verbose_name_plural = _("xếp loại chất lượng đảng viên")
        ordering = ["-year", "party_org__path", "person__sort_key", "id"]
        indexes = [
            models.Index(fields=["year", "party_org", "level"], name="party_rating_org_level"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "year"],
                name="party_rating_one_per_person_year",
                violation_error_message=_("Đảng viên này đã có kết quả xếp loại năm này."),
            ),
            models.CheckConstraint(
                condition=Q(level__in=RatingLevel.values), name="party_rating_level_valid"
            ),
        ]

    def __str__(self):
        return f"{self.person} – đảng viên {self.year}: {self.get_level_display()}"
