"""The counts of a statistical form: two aggregate queries (one row per unit, and the whole scope counted on
its own), whatever the number of persons.

Persons are the employment rows active on the date (`Employment.objects.active_on`, the headcount report's
rule) in the user's scope (`canbo.reports.base.scope_q`) and the form's population; each row carries, as
correlated subqueries, the highest rank held on the date on each qualification scale (awarded on or before the
date, the qualification-share report's rule) and the year's rating. Every cell is a conditional
`Count("person", distinct=True, filter=…)`, so a person is counted once per unit and once in the total.
Discipline forms count the decisions of the year up to the date (`DisciplineRecord`), by the unit recorded on
the decision, for the people who on the decision day were in the form's population.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import BooleanField, Count, Exists, IntegerField, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from canbo.discipline.models import DisciplineRecord
from canbo.evaluation.models import AnnualRating
from canbo.people.models import Employment, Qualification
from canbo.reports.base import ReportParams, scope_q
from canbo.staffing.models import StaffingQuota

from .columns import Context
from .definitions import DISCIPLINE, RATING, StatForm

RANK_ANNOTATIONS = {
    "r_prof": "PROFESSIONAL",
    "r_pt": "POLITICAL_THEORY",
    "r_sm": "STATE_MGMT",
    "r_it": "IT",
    "r_fl": "FOREIGN_LANGUAGE",
    "r_ethlang": "ETHNIC_LANGUAGE",
}


@dataclass
class FormCounts:
    by_unit: dict[int, dict[str, int]] = field(default_factory=dict)  # unit id -> column key -> count
    units: dict[int, dict] = field(default_factory=dict)  # unit id -> {"code", "name", "path"}
    total: dict[str, int] = field(default_factory=dict)


def _held_on(on: date, **filters):
    return Qualification.objects.filter(person=OuterRef("person"), awarded_on__lte=on, **filters).order_by()


def highest_rank(scale: str, on: date) -> Subquery:
    """The highest rank on `scale` the row's person holds on `on` (NULL when none)."""
    ranks = _held_on(on, scale=scale).order_by("-rank").values("rank")[:1]
    return Subquery(ranks, output_field=IntegerField())


def annotated_employments(form: StatForm, *, user, params: ReportParams, on: date):
    rows = (
        Employment.objects.active_on(on)
        .filter(scope_q(user=user, params=params))
        .filter(form.population)
        .annotate(**{name: highest_rank(scale, on) for name, scale in RANK_ANNOTATIONS.items()})
        .annotate(
            pt_bachelor=Exists(_held_on(on, scale="POLITICAL_THEORY", level="CU_NHAN")),
        )
    )
    if form.kind == RATING:
        levels = AnnualRating.objects.filter(person=OuterRef("person"), year=on.year).values("level")[:1]
        rows = rows.annotate(rating_level=Subquery(levels))
    return rows


def discipline_records(form: StatForm, *, user, params: ReportParams, on: date):
    in_population = (
        Employment.objects.filter(person=OuterRef("person"), start_date__lte=OuterRef("decided_on"))
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=OuterRef("decided_on")))
        .filter(form.population)
    )
    return (
        DisciplineRecord.objects.filter(decided_on__gte=date(on.year, 1, 1), decided_on__lte=on)
        .filter(unit__isnull=False)
        .filter(scope_q(user=user, params=params))
        .annotate(in_population=Exists(in_population, output_field=BooleanField()))
        .filter(in_population=True)
    )


def _aggregates(form: StatForm, ctx: Context) -> dict:
    counted = "id" if form.kind == DISCIPLINE else "person"
    aggregates = {}
    for column in form.columns:
        if column.special == "quota":
            continue
        if column.special == "persons":
            aggregates[column.key] = Count("person", distinct=True)
        elif column.condition is None:
            aggregates[column.key] = Count(counted, distinct=True)
        else:
            aggregates[column.key] = Count(counted, distinct=True, filter=column.condition(ctx))
    return aggregates


def form_counts(form: StatForm, *, user, params: ReportParams) -> FormCounts:
    on = params.on
    ctx = Context(on=on)
    if form.kind == DISCIPLINE:
        rows = discipline_records(form, user=user, params=params, on=on)
    else:
        rows = annotated_employments(form, user=user, params=params, on=on)
    aggregates = _aggregates(form, ctx)
    result = FormCounts()
    grouped = rows.order_by().values("unit", "unit__code", "unit__name", "unit__path").annotate(**aggregates)
    for row in grouped:
        unit = row["unit"]
        result.units[unit] = {"code": row["unit__code"], "name": row["unit__name"], "path": row["unit__path"]}
        result.by_unit[unit] = {key: int(row[key] or 0) for key in aggregates}
    totals = rows.order_by().aggregate(**aggregates)
    result.total = {key: int(totals[key] or 0) for key in aggregates}
    if form.quota_kind:
        _add_quotas(result, form, on)
    return result


def _add_quotas(result: FormCounts, form: StatForm, on: date) -> None:
    """The quota approved for the year to the row's own unit (none: empty); the total adds up the rows'."""
    quotas = dict(
        StaffingQuota.objects.filter(unit__in=list(result.by_unit), year=on.year, kind=form.quota_kind)
        .values_list("unit")
        .annotate(n=Coalesce(Sum("approved_count"), Value(0)))
    )
    for unit, counts in result.by_unit.items():
        counts["quota"] = quotas.get(unit)
    result.total["quota"] = sum(quotas.values()) if quotas else None
