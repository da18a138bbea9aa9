"""Reads of the standards module, scoped to the acting user.

The catalogue of title standards is a published rule, not personal data: every signed-in user reads it.
Checks, gap lists and review campaigns show persons: the board and the Standing Committee everywhere, unit
officers and leaders in their subtrees; officials and the system administrator see none of them.
"""

from datetime import date as _date

from django.db.models import Count, DateField, Prefetch, Q, Value
from django.db.models.functions import Coalesce

from canbo.accounts.access import reads_cadre_work
from canbo.accounts.scoping import (
    can_edit_unit,
    personal_rows_q,
    reads_all_units,
    scoped,
    unit_paths,
    unit_visibility_q,
)
from canbo.core.paging import SortColumn
from canbo.evaluation.models import RatingLevel
from canbo.people.choices import QualificationScale, level_label
from canbo.people.models import Position

from .choices import CriterionKind
from .models import ReviewCampaign, ReviewFinding, StandardCriterion, TitleStandard


def criterion_label(c: StandardCriterion) -> str:
    """A criterion in words: "Lý luận chính trị: Cao cấp trở lên", "Ít nhất 5 năm công tác"."""
    if c.kind == CriterionKind.QUALIFICATION:
        return f"{QualificationScale(c.scale).label}: {level_label(c.scale, c.min_level)} trở lên"
    if c.kind == CriterionKind.SERVICE_YEARS:
        return f"Ít nhất {c.years} năm công tác"
    if c.kind == CriterionKind.POST_MONTHS:
        return f"Ít nhất {c.months} tháng giữ chức vụ thấp hơn liền kề (bậc {c.lower_tier} trở lên)"
    if c.kind == CriterionKind.SERVICE_LEFT:
        return f"Còn ít nhất {c.years} năm công tác đến tuổi nghỉ hưu (bổ nhiệm lần đầu, chức vụ cao hơn)"
    if c.kind == CriterionKind.RATING:
        level = RatingLevel(c.min_rating).label
        return (
            f"Xếp loại {level} trở lên trong {c.years} năm liên tục gần nhất (năm không xếp loại được bỏ qua)"
        )
    return "Có trong quy hoạch chức danh (hoặc tương đương) được phê duyệt (trừ bổ nhiệm lại)"


# --- the catalogue ----------------------------------------------------------------------------------------


def standard_list(*, user, on=None, position: Position | None = None):
    """Every version of every standard (or those in force on `on`), criteria prefetched: 2 queries."""
    if not getattr(user, "is_authenticated", False):
        return TitleStandard.objects.none()
    qs = TitleStandard.objects.select_related("position", "rank").prefetch_related("criteria")
    if on is not None:
        qs = qs.active_on(on)
    if position is not None:
        qs = qs.filter(position=position)
    return qs.order_by("-position__tier", "position__name", "rank__code", "-valid_from")


def standard_versions(*, standard: TitleStandard):
    """The history of the post's (or rank's) standard: every version, newest first."""
    same = Q(position=standard.position_id) if standard.position_id else Q(rank=standard.rank_id)
    return (
        TitleStandard.objects.filter(same)
        .order_by("-valid_from")
        .prefetch_related(
            Prefetch("criteria", queryset=StandardCriterion.objects.order_by("kind", "scale", "id"))
        )
    )


def positions_with_standards():
    return Position.objects.filter(standards__isnull=False).distinct().order_by("-tier", "name")


# --- review campaigns -----------------------------------------------------------------------------------


def _ancestors(path: str) -> set[str]:
    parts = [p for p in path.split(".") if p]
    return {".".join(parts[:i]) + "." for i in range(1, len(parts))}


NO_DATE = Value(_date(1900, 1, 1), output_field=DateField())
CAMPAIGN_SORT_COLUMNS = [
    SortColumn("ten", "Đợt rà soát", ("name",)),
    SortColumn("pham_vi", "Phạm vi", ("unit__path", "-review_date")),
    SortColumn("ngay_ra_soat", "Ngày rà soát", ("review_date",), descending_first=True),
    SortColumn("han", "Hạn khắc phục", ("deadline",), descending_first=True),
    SortColumn("kiem_tra_lai", "Kiểm tra lại", (Coalesce("rechecked_on", NO_DATE),), descending_first=True),
]
CAMPAIGN_DEFAULT_SORT = "-ngay_ra_soat"
FINDING_SORT_COLUMNS = [
    SortColumn("ten", "Họ và tên", ("person__sort_key",), letter_field="person__sort_key"),
    SortColumn("don_vi", "Đơn vị (khi rà soát)", ("unit__path", "person__sort_key")),
    SortColumn("khac_phuc", "Đã khắc phục", (Coalesce("resolved_on", NO_DATE), "person__sort_key")),
]
FINDING_DEFAULT_SORT = "don_vi"


def campaign_queryset_for(*, user):
    """Campaigns over the user's units: whose scope lies in them, or contains them (a provincial campaign is
    seen by the officers of each department, for their own findings)."""
    if not reads_cadre_work(user):
        return ReviewCampaign.objects.none()
    qs = ReviewCampaign.objects.select_related("unit", "responsible_unit")
    if reads_all_units(user):
        return qs
    paths = unit_paths(user)
    condition = Q(unit__path__in={a for p in paths for a in _ancestors(p)})
    for path in paths:
        condition |= Q(unit__path__startswith=path)
    return qs.filter(condition)


def finding_queryset_for(*, user, campaign: ReviewCampaign):
    """The campaign's findings (they name a person) about the people the user's units manage (decision 018)."""
    qs = ReviewFinding.objects.filter(campaign=campaign).select_related("person", "unit", "position")
    return scoped(qs, personal_rows_q(user), allowed=reads_cadre_work(user))


def _finding_counts_queryset_for(*, user, campaign: ReviewCampaign):
    """Findings to count (never to list): by the unit the person held the post in."""
    qs = ReviewFinding.objects.filter(campaign=campaign)
    return scoped(qs, unit_visibility_q(user, "unit__path"), allowed=reads_cadre_work(user))


def campaign_counts(*, user, campaign: ReviewCampaign) -> dict:
    """Findings, resolved, still short — in the user's units; one query."""
    figures = _finding_counts_queryset_for(user=user, campaign=campaign).aggregate(
        findings=Count("pk"),
        resolved=Count("pk", filter=Q(resolved_on__isnull=False)),
        open=Count("pk", filter=Q(resolved_on__isnull=True)),
    )
    return figures


def campaign_units(*, user, campaign: ReviewCampaign) -> list[dict]:
    """Per unit: findings and still short (one query)."""
    return list(
        _finding_counts_queryset_for(user=user, campaign=campaign)
        .order_by()
        .values("unit", "unit__name", "unit__code", "unit__path")
        .annotate(
            findings=Count("pk"),
            open=Count("pk", filter=Q(resolved_on__isnull=True)),
        )
        .order_by("unit__path")
    )


def can_manage_campaign(user, campaign: ReviewCampaign) -> bool:
    return can_edit_unit(user, campaign.unit)


def overdue_campaigns(*, user, today):
    """Campaigns past their deadline with people still short in the user's units (a dashboard tile): each
    with `open`, the number still short. One query."""
    condition = unit_visibility_q(user, "findings__unit__path")
    still_short = Q(findings__resolved_on__isnull=True)
    if condition is not None:
        still_short &= condition
    return (
        campaign_queryset_for(user=user)
        .filter(deadline__lt=today)
        .annotate(open=Count("findings", filter=still_short))
        .filter(open__gt=0)
        .order_by("deadline", "pk")
    )
