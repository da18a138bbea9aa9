"""Reads of the annual rating, every one scoped (canbo.accounts.scoping): staff read the sheets of the units
they see; an official reads only their own sheets. Outside → 404 (its existence is not disclosed)."""

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404

from canbo.accounts.access import reads_cadre_work
from canbo.accounts.scoping import reads_all_units, unit_paths, unit_visibility_q

from .models import RatingCampaign, RatingLevel, RatingSheet, SheetStatus

is_staff = reads_cadre_work  # board, Standing Committee, unit officers, leaders


def campaign_queryset_for(*, user):
    """Campaigns of a unit the user sees, or above one (a province campaign covers the officer's unit)."""
    if not getattr(user, "is_authenticated", False):
        return RatingCampaign.objects.none()
    qs = RatingCampaign.objects.select_related("unit")
    if reads_all_units(user):
        return qs
    condition = Q(pk__in=[])
    for path in unit_paths(user):
        condition |= Q(unit__path__startswith=path)
        # ancestors of the user's unit: their path is a prefix of `path`
        parts = path.rstrip(".").split(".")
        condition |= Q(unit__path__in=[".".join(parts[:i]) + "." for i in range(1, len(parts))])
    condition |= Q(sheets__person__user=user)
    return qs.filter(pk__in=RatingCampaign.objects.filter(condition).values("pk"))


def campaign_get_for_user(*, user, pk) -> RatingCampaign:
    return get_object_or_404(campaign_queryset_for(user=user), pk=pk)


def sheet_queryset_for(*, user):
    if not getattr(user, "is_authenticated", False):
        return RatingSheet.objects.none()
    qs = RatingSheet.objects.select_related("person", "unit", "campaign", "campaign__unit")
    condition = unit_visibility_q(user, "unit__path")
    if condition is None:
        return qs
    return qs.filter(condition | Q(person__user=user))


def sheet_get_for_user(*, user, pk) -> RatingSheet:
    return get_object_or_404(sheet_queryset_for(user=user), pk=pk)


def sheet_list(*, fetched_by, campaign, filters=None):
    """A campaign's sheets the user may read, by unit then Vietnamese name order."""
    filters = filters or {}
    qs = sheet_queryset_for(user=fetched_by).filter(campaign=campaign)
    if filters.get("unit") is not None:
        qs = qs.filter(unit__path__startswith=filters["unit"].path)
    if filters.get("status"):
        qs = qs.filter(status=filters["status"])
    if filters.get("level"):
        qs = qs.filter(level=filters["level"])
    return qs.order_by("unit__path", "person__sort_key", "id")


def my_sheets(*, user):
    return sheet_queryset_for(user=user).filter(person__user=user).order_by("-year")


def campaign_summary(*, fetched_by, campaign) -> list[dict]:
    """Per unit (in scope): sheets by status and decided levels, one aggregate query."""
    levels = {
        code.lower(): Count("pk", filter=Q(status=SheetStatus.DECIDED, level=code))
        for code in RatingLevel.values
    }
    rows = (
        sheet_queryset_for(user=fetched_by)
        .filter(campaign=campaign)
        .values("unit_id", "unit__code", "unit__name", "unit__path")
        .annotate(
            total=Count("pk"),
            decided=Count("pk", filter=Q(status=SheetStatus.DECIDED)),
            self_assessed=Count("pk", filter=~Q(status=SheetStatus.PENDING)),
            **levels,
        )
        .order_by("unit__path")
    )
    result = []
    for row in rows:
        row["cap_exceeded"] = row["htxs"] * 5 > row["htt"]
        result.append(row)
    return result


def rating_tile(*, user) -> dict | None:
    """Dashboard tile: sheets of open campaigns still without a result, in the user's units (None: no tile)."""
    if not is_staff(user):
        return None
    waiting = (
        sheet_queryset_for(user=user)
        .filter(campaign__status="OPEN")
        .exclude(status=SheetStatus.DECIDED)
        .count()
    )
    return {"label": "Phiếu đánh giá, xếp loại chưa có kết quả", "figure": waiting, "url": "/danh-gia/"}
