"""Cadre planning per term: terms, planned posts per unit, candidates, and the yearly review's decisions."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from canbo.core.models import Timestamped, Versioned
from canbo.core.rulebook import DatedRule
from canbo.org.models import OrgUnit
from canbo.people.models import Person, Position

from .choices import EntryStatus, PlanningTier, RemovalReason, TermKind


class PlanningRule(DatedRule):
    """The planning rules in force on a date (the tiers open to a term starting then, the limits and ratios a new
    term takes by default, the service a candidate needs), seeded with their legal basis (QĐ 50/2021 → QĐ 377)."""

    class Meta(DatedRule.Meta):
        verbose_name = _("quy định về quy hoạch cán bộ")
        verbose_name_plural = _("quy định về quy hoạch cán bộ")


class PlanningTerm(models.Model):
    code = models.CharField(_("nhiệm kỳ"), max_length=20, unique=True, help_text=_("Ví dụ 2025-2030"))
    kind = models.CharField(_("loại nhiệm kỳ"), max_length=6, choices=TermKind.choices)
    start_date = models.DateField(_("bắt đầu"))
    end_date = models.DateField(_("kết thúc"))
    max_per_post = models.PositiveSmallIntegerField(_("số người tối đa cho một chức danh"), default=3)
    max_posts_per_person = models.PositiveSmallIntegerField(_("số chức danh tối đa cho một người"), default=3)
    min_women_pct = models.PositiveSmallIntegerField(_("tỷ lệ nữ tối thiểu (%)"), default=25)
    min_young_pct = models.PositiveSmallIntegerField(_("tỷ lệ cán bộ trẻ tối thiểu (%)"), default=15)
    young_age = models.PositiveSmallIntegerField(_("tuổi cán bộ trẻ (dưới)"), default=40)
    legal_basis = models.CharField(_("căn cứ"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("nhiệm kỳ quy hoạch")
        verbose_name_plural = _("nhiệm kỳ quy hoạch")
        ordering = ["-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gt=F("start_date")), name="planning_term_dates_ordered"
            )
        ]

    def __str__(self):
        return self.code


class PlannedPost(models.Model):
    """A title planned in a unit for a term (e.g. Giám đốc Sở Y tế, 2025-2030)."""

    term = models.ForeignKey(PlanningTerm, on_delete=models.PROTECT, related_name="posts")
    unit = models.ForeignKey(OrgUnit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+")
    position = models.ForeignKey(
        Position, verbose_name=_("chức danh"), on_delete=models.PROTECT, related_name="+"
    )
    tier = models.CharField(_("nhóm quy hoạch"), max_length=6, choices=PlanningTier.choices)
    seats = models.PositiveSmallIntegerField(_("số chức danh"), default=1)

    class Meta:
        verbose_name = _("chức danh quy hoạch")
        verbose_name_plural = _("chức danh quy hoạch")
        ordering = ["term", "unit__path", "-position__tier"]
        constraints = [
            models.UniqueConstraint(fields=["term", "unit", "position"], name="planned_post_unique")
        ]

    def __str__(self):
        return f"{self.position} – {self.unit} ({self.term})"


class PlanningDecision(models.Model):
    """A decision approving additions to or removals from the plan (the yearly review, seed 002)."""

    term = models.ForeignKey(PlanningTerm, on_delete=models.PROTECT, related_name="decisions")
    number = models.CharField(_("số quyết định"), max_length=60)
    date = models.DateField(_("ngày quyết định"))
    approving_body = models.CharField(_("cơ quan phê duyệt"), max_length=200)
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("quyết định phê duyệt quy hoạch")
        verbose_name_plural = _("quyết định phê duyệt quy hoạch")
        ordering = ["-date"]
        constraints = [models.UniqueConstraint(fields=["term", "number"], name="planning_decision_unique")]

    def __str__(self):
        return f"{self.number} ngày {self.date:%d/%m/%Y}"


class PlanningEntry(Versioned, Timestamped):
    """A candidate for a planned post: proposed, approved (by a decision), removed (with a reason)."""

    post = models.ForeignKey(PlannedPost, on_delete=models.PROTECT, related_name="entries")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="planning_entries")
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=EntryStatus.choices, default=EntryStatus.PROPOSED
    )
    is_supplement = models.BooleanField(_("bổ sung quy hoạch"), default=False)
    approved_by = models.ForeignKey(
        PlanningDecision, null=True, blank=True, on_delete=models.PROTECT, related_name="approvals"
    )
    approved_on = models.DateField(_("ngày phê duyệt"), null=True, blank=True)
    removed_by = models.ForeignKey(
        PlanningDecision, null=True, blank=True, on_delete=models.PROTECT, related_name="removals"
    )
    removed_on = models.DateField(_("ngày đưa ra"), null=True, blank=True)
    removal_reason = models.CharField(
        _("lý do đưa ra"), max_length=20, choices=RemovalReason.choices, blank=True
    )
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("người trong quy hoạch")
        verbose_name_plural = _("người trong quy hoạch")
        ordering = ["post", "person__sort_key"]
        indexes = [
            models.Index(fields=["status", "approved_on"], name="planning_entry_status"),
            models.Index(fields=["person", "status"], name="planning_entry_person"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["post", "person"],
                condition=~Q(status=EntryStatus.REMOVED),
                name="planning_entry_once_per_post",
                violation_error_message=_("Người này đã có trong quy hoạch chức danh này."),
            ),
            models.CheckConstraint(
                condition=~Q(status=EntryStatus.APPROVED)
                | Q(approved_on__isnull=False, approved_by__isnull=False),
                name="planning_entry_approved_has_decision",
            ),
            models.CheckConstraint(
                condition=~Q(status=EntryStatus.REMOVED)
                | (Q(removed_on__isnull=False) & ~Q(removal_reason="")),
                name="planning_entry_removed_has_reason",
            ),
        ]

    def __str__(self):
        return f"{self.person} – {self.post}"
