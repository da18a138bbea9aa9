"""The counts of a statistical form: one aggregate statement (per unit, and the whole scope counted on its own)
and two small look-ups (the units' names, the quotas), whatever the number of persons.

Persons are the employment rows active on the date (`Employment.objects.active_on`, the headcount report's
rule) in the user's scope (`canbo.reports.base.scope_q`) and the form's population. The ORM builds the rows
(scoping stays written once, as Q objects) with one column per condition (gender, Party, ethnicity, rank, age:
1 or 0) and per dimension (the highest rank held on the date on a qualification scale, awarded on or before the
date as in the qualification-share report; the year's rating), so each correlated subquery runs once per row;
the outer aggregate is SQL, like `canbo.reports.sql`: `COUNT(DISTINCT CASE WHEN … THEN person END)` per column,
grouped by unit and overall. A person is counted once per unit and once in the total.
Discipline forms count the decisions of the year up to the date (`DisciplineRecord`), by the unit recorded on
the decision, for the people who on the decision day were in the form's population.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import Case, Exists, F, IntegerField, OuterRef, Q, Subquery, Sum, Value, When
from django.db.models.functions import Coalesce

from canbo.discipline.models import DisciplineRecord
from canbo.evaluation.models import AnnualRating
from canbo.org.models import OrgUnit
from canbo.people.models import Employment, Qualification
from canbo.reports.base import ReportParams, scope_q
from canbo.salary.models import SalaryRecord
from canbo.staffing.models import StaffingQuota

from .columns import BACHELOR_OF_POLITICS, Context
from .definitions import DISCIPLINE, StatForm

RANK_DIMENSIONS = {
    "r_prof": "PROFESSIONAL",
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


# Pay groups (NĐ 204/2004) to the rank columns' tiers: A3 cao cấp / hạng I, A2 chính / hạng II, A1 chuyên viên,
# A0 cán sự (hạng III), B and C nhân viên (hạng IV).
RANK_TIERS = (("A3", "A3"), ("A2", "A2"), ("A1", "A1"), ("A0", "A0"), ("B", "BC"), ("C", "BC"))


def _tier(pay_group_field: str) -> Case:
    return Case(
        *[
            When(**{f"{pay_group_field}__startswith": prefix}, then=Value(tier))
            for prefix, tier in RANK_TIERS
        ],
        default=Value(None),
    )


def rank_tier(on: date):
    """The tier of the rank in force on `on`: the rank of the person's last salary row dated on or before `on`
    (the salary history), else the register's rank (a person whose history was not taken over)."""
    latest = (
        SalaryRecord.objects.filter(person=OuterRef("person"), effective_on__lte=on, rank__isnull=False)
        .order_by("-effective_on", "-pk")
        .annotate(tier=_tier("rank__pay_group"))
        .values("tier")[:1]
    )
    return Coalesce(Subquery(latest), _tier("person__rank__pay_group"))


def dimension(name: str, on: date):
    """The per-person value a `by` column group splits on (see canbo.statforms.columns)."""
    if name in RANK_DIMENSIONS:
        return highest_rank(RANK_DIMENSIONS[name], on)
    if name == "pt_level":  # a cử nhân chính trị diploma counts apart from cao cấp, which has the same rank
        bachelor = Exists(_held_on(on, scale="POLITICAL_THEORY", level="CU_NHAN"))
        return Case(
            When(bachelor, then=Value(BACHELOR_OF_POLITICS)),
            default=highest_rank("POLITICAL_THEORY", on),
            output_field=IntegerField(),
        )
    if name == "rank_tier":
        return rank_tier(on)
    if name == "rating_level":
        levels = AnnualRating.objects.filter(person=OuterRef("person"), year=on.year).values("level")[:1]
        return Subquery(levels)
    raise ValueError(f"Unknown dimension {name!r}")


def employments_in_form(form: StatForm, *, user, params: ReportParams, on: date):
    return Employment.objects.active_on(on).filter(scope_q(user=user, params=params)).filter(form.population)


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
        .filter(Exists(in_population))
    )


def _inner_columns(form: StatForm, ctx: Context, counted: str):
    """The inner query's columns (one row per counted row) and, per output column, its outer aggregate (SQL
    over the inner alias `t`, with its parameters). Dimensions and conditions are columns of the inner rows, so
    each correlated subquery runs once per row."""
    inner = {"u": F("unit"), "c": F(counted)}
    outer: dict[str, tuple[str, list]] = {}
    for group in form.groups:
        if group.by:
            alias = f"d_{group.by}"
            inner[alias] = F(group.by) if group.by == "form" else dimension(group.by, ctx.on)
        for column in group.columns:
            if column.special == "quota":
                continue
            if column.special == "persons":
                inner["cp"] = F("person")
                outer[column.key] = ("COUNT(DISTINCT t.cp)", [])
            elif group.by:
                present = [v for v in column.values if v is not None]
                tests = [f"t.{alias} IN ({', '.join(['%s'] * len(present))})"] if present else []
                tests += [f"t.{alias} IS NULL"] if None in column.values else []
                outer[column.key] = (f"COUNT(DISTINCT CASE WHEN {' OR '.join(tests)} THEN t.c END)", present)
            elif column.condition is not None:
                flag = f"f_{column.key}"
                inner[flag] = Case(When(column.condition(ctx), then=Value(1)), default=Value(0))
                outer[column.key] = (f"COUNT(DISTINCT CASE WHEN t.{flag} = 1 THEN t.c END)", [])
            else:
                outer[column.key] = ("COUNT(DISTINCT t.c)", [])
    return inner, outer


def _count_units_and_total(rows, inner: dict, outer: dict[str, tuple[str, list]]):
    """{unit id: {key: n}} and the whole scope's {key: n}, in one statement (GROUPING SETS on PostgreSQL,
    UNION ALL over a CTE on SQLite, as canbo.reports.sql does)."""
    try:
        inner_sql, inner_params = rows.order_by().values(**inner).query.sql_with_params()
    except EmptyResultSet:  # a user who sees no unit
        return {}, dict.fromkeys(outer, 0)
    keys = list(outer)
    aggregates = ", ".join(sql for sql, _params in outer.values())
    aggregate_params = [p for _sql, params in outer.values() for p in params]
    connection = connections[rows.db]
    if connection.vendor == "postgresql":
        sql = (
            f"SELECT t.u, GROUPING(t.u), {aggregates} FROM ({inner_sql}) t "  # noqa: S608
            "GROUP BY GROUPING SETS ((t.u), ())"
        )
        params = [*aggregate_params, *inner_params]
    else:
        sql = (
            f"WITH t AS ({inner_sql}) SELECT t.u, 0, {aggregates} FROM t GROUP BY t.u "  # noqa: S608
            f"UNION ALL SELECT NULL, 1, {aggregates} FROM t"
        )
        params = [*inner_params, *aggregate_params, *aggregate_params]
    by_unit, total = {}, dict.fromkeys(keys, 0)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for unit, grouping, *counts in cursor.fetchall():
            values = {k: int(n or 0) for k, n in zip(keys, counts, strict=True)}
            if grouping:
                total = values
            else:
                by_unit[unit] = values
    return by_unit, total


def form_counts(form: StatForm, *, user, params: ReportParams) -> FormCounts:
    on = params.on
    if form.kind == DISCIPLINE:
        rows, counted = discipline_records(form, user=user, params=params, on=on), "id"
    else:
        rows, counted = employments_in_form(form, user=user, params=params, on=on), "person"
    inner, outer = _inner_columns(form, Context(on=on), counted)
    by_unit, total = _count_units_and_total(rows, inner, outer)
    result = FormCounts(by_unit=by_unit, total=total)
    for unit in OrgUnit.objects.filter(pk__in=list(by_unit)).values("pk", "code", "name", "path"):
        result.units[unit["pk"]] = {"code": unit["code"], "name": unit["name"], "path": unit["path"]}
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
