"""Reads of the annual rating, every one scoped (canbo.accounts.scoping): staff read the sheets and results of
the people their units manage, and the open sheets of their units' campaigns (decision 018); an official
reads only their own sheets. Outside → 404 (its existence is not disclosed). Counts per unit keep the unit
of the rating."""

import datetime

from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404

from canbo.accounts.access import reads_cadre_work
from canbo.accounts.scoping import (
    in_force_unit_q,
    managed_person_q,
    personal_rows_q,
    reads_all_units,
    scoped,
    unit_paths,
    unit_visibility_q,
)
from canbo.discipline.models import DisciplineRecord
from canbo.org.models import OrgUnit
from canbo.people.choices import PersonStatus
from canbo.people.models import Person

from . import rules
from .models import (
    AnnualRating,
    PartyMemberRating,
    RatingCampaign,
    RatingDeliverable,
    RatingLevel,
    RatingSheet,
    SheetStatus,
)


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
    undecided = ~Q(status=SheetStatus.DECIDED) & in_force_unit_q(user, "unit__path")
    return scoped(qs, personal_rows_q(user, incoming=undecided, own=True))


def _sheet_counts_queryset_for(*, user):
    """Sheets to count (never to list): by the unit rated in, as the user's units read their own past."""
    if not getattr(user, "is_authenticated", False):
        return RatingSheet.objects.none()
    condition = unit_visibility_q(user, "unit__path")
    return scoped(RatingSheet.objects.all(), None if condition is None else condition | Q(person__user=user))


def annual_rating_queryset_for(*, user):
    """Yearly results of the people the user's units manage (the whole history of each)."""
    allowed = getattr(user, "is_authenticated", False) and reads_cadre_work(user)
    return scoped(
        AnnualRating.objects.select_related("person", "unit"), personal_rows_q(user), allowed=allowed
    )


def sheet_get_for_user(*, user, pk) -> RatingSheet:
    return get_object_or_404(sheet_queryset_for(user=user), pk=pk)


def sheet_list(*, user, campaign, filters=None):
    """A campaign's sheets the user may read, by unit then Vietnamese name order."""
    filters = filters or {}
    qs = sheet_queryset_for(user=user).filter(campaign=campaign)
    if filters.get("unit") is not None:
        qs = qs.filter(unit__path__startswith=filters["unit"].path)
    if filters.get("status"):
        qs = qs.filter(status=filters["status"])
    if filters.get("level"):
        qs = qs.filter(level=filters["level"])
    return qs.order_by("unit__path", "person__sort_key", "id")


def my_sheets(*, user):
    return sheet_queryset_for(user=user).filter(person__user=user).order_by("-year")


def campaign_summary(*, user, campaign) -> list[dict]:
    """Per unit (in scope): sheets by status and decided levels, one aggregate query."""
    levels = {
        code.lower(): Count("pk", filter=Q(status=SheetStatus.DECIDED, level=code))
        for code in RatingLevel.values
    }
    rows = (
        _sheet_counts_queryset_for(user=user)
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
    if not reads_cadre_work(user):
        return None
    waiting = (
        sheet_queryset_for(user=user)
        .filter(campaign__status="OPEN")
        .exclude(status=SheetStatus.DECIDED)
        .count()
    )
    return {"label": "Phiếu đánh giá, xếp loại chưa có kết quả", "figure": waiting, "url": "/danh-gia/"}


def sheet_tasks_score(*, sheet):
    """The NĐ 335 tasks part computed from the sheet's deliverables (None without any, or where NĐ 335 does not
    apply: viên chức, years before 2026); a leader's adds the unit's results and the capacity to organise."""
    if not rules.points_apply(sheet.person.category, sheet.year):
        return None
    rows = sheet.deliverables.values_list("weight", "quantity_percent", "quality_misses", "timeliness_misses")
    own = rules.tasks_score(rows, year=sheet.year)
    if own is None or not sheet_is_leader(sheet):
        return own
    return rules.leader_tasks_score(
        own, sheet.unit_results_percent, sheet.organisation_percent, year=sheet.year
    )


def sheet_is_leader(sheet) -> bool:
    position = sheet.person.position
    return bool(position and position.is_leadership)


def deliverable_get_for_user(*, user, pk):
    sheets = sheet_queryset_for(user=user)
    return get_object_or_404(
        RatingDeliverable.objects.select_related(
            "sheet__person", "sheet__unit", "sheet__campaign__unit"
        ).filter(sheet__in=sheets.values("pk")),
        pk=pk,
    )


def party_rating_queryset_for(*, user):
    """Party members' ratings of the organisations the user sees (staff only)."""
    if not getattr(user, "is_authenticated", False) or not reads_cadre_work(user):
        return PartyMemberRating.objects.none()
    qs = PartyMemberRating.objects.select_related("person", "party_org")
    return scoped(qs, personal_rows_q(user))


def party_rating_list(*, user, filters=None):
    filters = filters or {}
    qs = party_rating_queryset_for(user=user)
    if filters.get("party_org") is not None:
        qs = qs.filter(party_org=filters["party_org"])
    if filters.get("year"):
        qs = qs.filter(year=filters["year"])
    if filters.get("level"):
        qs = qs.filter(level=filters["level"])
    return qs.order_by("-year", "party_org__path", "person__sort_key", "id")


def party_org_get_for_user(*, user, code) -> OrgUnit:
    """A unit the user sees, by code (outside → 404)."""
    if not reads_cadre_work(user):
        raise Http404
    condition = unit_visibility_q(user, "path")
    qs = OrgUnit.objects.all() if condition is None else OrgUnit.objects.filter(condition)
    return get_object_or_404(qs, code=code)


def party_roster(*, user, party_org: OrgUnit, year: int):
    """The organisation's Party members on 31/12 of the year (working people of its subtree, and anyone it
    already rated that year), each with the CBCCVC rating, the Party rating and a duty-related discipline of
    the year beside it. One query; `party_org` comes from party_org_get_for_user."""
    end = datetime.date(year, 12, 31)
    annual = AnnualRating.objects.filter(person=OuterRef("pk"), year=year)
    rating = PartyMemberRating.objects.filter(person=OuterRef("pk"), year=year)
    disciplined = DisciplineRecord.objects.filter(
        person=OuterRef("pk"), decided_on__year=year, duty_related=True
    )
    members = Q(
        current_unit__path__startswith=party_org.path,
        party_admission_date__lte=end,
        status=PersonStatus.WORKING,
    )
    rated_here = Q(pk__in=PartyMemberRating.objects.filter(party_org=party_org, year=year).values("person"))
    managed = (
        Person.objects.all() if user is None else scoped(Person.objects.all(), managed_person_q(user, ""))
    )
    return (
        managed.filter(members | rated_here)
        .select_related("current_unit")
        .annotate(
            annual_level=Subquery(annual.values("level")[:1]),
            party_level=Subquery(rating.values("level")[:1]),
            party_org_name=Subquery(rating.values("party_org__name")[:1]),
            party_note=Subquery(rating.values("note")[:1]),
            disciplined=Exists(disciplined),
        )
        .order_by("current_unit__path", "sort_key", "pk")
    )
