"""Reads of quotas, the reduction roadmap and streamlining cases, scoped to the acting user's units.

`quota_progress` is set-based: one query returns the quota rows with their base-year quota, a second one the
counts of persons working on 31/12 under them (distinct per subtree, the category mapped to the kind of quota,
counted in the database), whatever the number of quotas.
"""

import math
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db import connections
from django.db.models import (
    Case,
    CharField,
    Count,
    DateField,
    Max,
    Min,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone

from canbo.accounts.access import reads_cadre_work
from canbo.accounts.scoping import any_unit_visibility_q, in_force_unit_q, personal_rows_q, scoped
from canbo.core.dates import add_months
from canbo.core.paging import SortColumn
from canbo.core.text import unaccent
from canbo.org.models import OrgUnit
from canbo.people.models import Employment

from .choices import QUOTA_CATEGORIES, CaseStatus, QuotaKind
from .models import ReductionTarget, StaffingQuota, StreamliningCase

PATH_SEGMENT = len(OrgUnit.path_segment(1))  # every unit path is a run of segments of this width


# --- quotas --------------------------------------------------------------------------------------------------


def quota_queryset_for(*, user):
    """Quotas of the units the user may read (historical paths included); `user` None: the whole province (a
    command, a report run for the province)."""
    quotas = StaffingQuota.objects.select_related("unit")
    if user is None:
        return quotas
    return scoped(quotas, any_unit_visibility_q(user, "unit__path"), allowed=reads_cadre_work(user))


def quota_get_for_user(*, user, pk: int) -> StaffingQuota:
    return get_object_or_404(quota_queryset_for(user=user), pk=pk)


def snapshot_day(year: int, today: date | None = None) -> date:
    """Statistics use the 31/12 snapshot (rule 32); for the current year, today."""
    today = today or timezone.localdate()
    return min(date(year, 12, 31), today)


def _kind_of_category():
    whens = [When(category__in=cats, then=Value(str(kind))) for kind, cats in QUOTA_CATEGORIES.items()]
    return Case(*whens, default=Value(""), output_field=CharField())


def _actual_headcounts(quotas: list[StaffingQuota], on: date) -> dict[tuple[str, str], int]:
    """(unit path, kind) → persons working in the unit's subtree on `on` (distinct, category mapped to the kind).

    One aggregate query: the active employment rows under the top-most quota units grouped by person and kind
    (a hash aggregate on integers: lowest and highest unit, number of rows), then counted per (lowest unit,
    highest unit, kind) — a few hundred rows. A person whose rows lie in one or two units is thus counted exactly;
    one with rows in three units or more comes back by id and their units are read (rare). The counts are rolled
    up the unit paths here (a path is a run of fixed-width segments: its ancestors are its prefixes), a person
    counted once per ancestor. No DISTINCT over every (ancestor, person) pair (decision 043)."""
    wanted = {(q.unit.path, q.kind) for q in quotas}
    paths = sorted({path for path, _kind in wanted})
    tops = [p for i, p in enumerate(paths) if not any(p.startswith(o) for o in paths[:i])]
    if not tops:
        return {}
    under = Q()
    for path in tops:
        under |= Q(path__startswith=path)
    rows = (
        Employment.objects.active_on(on)
        .filter(unit__in=OrgUnit.objects.filter(under).values("pk"))
        .annotate(quota_kind=_kind_of_category())
        .exclude(quota_kind="")
        .order_by()
        .values("person_id", "quota_kind")
        .annotate(low=Min("unit_id"), high=Max("unit_id"), rows=Count("*"))
    )
    rows_sql, params = rows.query.sql_with_params()
    flagged = "CASE WHEN m.rows > 2 AND m.low <> m.high THEN m.person_id END AS pid"
    grouped = (  # the ORM's SQL, its parameters passed apart
        f"SELECT m.low, m.high, m.quota_kind AS kind, COUNT(*) AS n, {flagged} "  # noqa: S608
        f"FROM ({rows_sql}) m GROUP BY m.low, m.high, m.quota_kind, 5"
    )
    units = OrgUnit._meta.db_table
    sql = (  # the few hundred groups get their units' paths
        f"SELECT lo.path, hi.path, g.kind, g.pid, g.n FROM ({grouped}) g "  # noqa: S608 - no input in it
        f"JOIN {units} lo ON lo.id = g.low JOIN {units} hi ON hi.id = g.high"
    )
    with connections[rows.db].cursor() as cursor:
        cursor.execute(sql, params)
        fetched = cursor.fetchall()
    many = {(person, kind) for _lo, _hi, kind, person, _n in fetched if person is not None}
    units_of: dict[tuple[int, str], set[str]] = {}
    if many:  # a person with rows of one kind in three units or more (none in the demo province)
        ids = {person for person, _kind in many}
        for person, kind, path in (
            Employment.objects.active_on(on)
            .filter(person_id__in=ids, unit__in=OrgUnit.objects.filter(under).values("pk"))
            .annotate(quota_kind=_kind_of_category())
            .values_list("person_id", "quota_kind", "unit__path")
        ):
            if (person, kind) in many:
                units_of.setdefault((person, kind), set()).add(path)
    counts: dict[tuple[str, str], int] = {}
    for low, high, kind, person, n in fetched:
        units = units_of[(person, kind)] if person is not None else {low, high}
        for ancestor in {u[:end] for u in units for end in range(PATH_SEGMENT, len(u) + 1, PATH_SEGMENT)}:
            counts[(ancestor, kind)] = counts.get((ancestor, kind), 0) + n
    return {key: n for key, n in counts.items() if key in wanted}


def _target_for(targets: list[ReductionTarget], quota: StaffingQuota) -> ReductionTarget | None:
    """The unit's own target, else its nearest ancestor's, else the province's."""
    best, best_depth = None, -1
    for target in targets:
        if target.kind != quota.kind:
            continue
        if target.unit is None:
            depth = 0
        elif quota.unit.path.startswith(target.unit.path):
            depth = len(target.unit.path)
        else:
            continue
        if depth > best_depth:
            best, best_depth = target, depth
    return best


@dataclass
class Progress:
    """A quota row (or a total) with its actual headcount and its progress on the roadmap."""

    quota: StaffingQuota | None
    kind: str
    approved: int
    actual: int
    base: int | None = None
    target: ReductionTarget | None = None
    unit_name: str = ""
    children: list = field(default_factory=list)

    @property
    def difference(self) -> int:
        """Actual minus approved: positive means over the quota, negative means places left."""
        return self.actual - self.approved

    @property
    def over_quota(self) -> int:
        return max(self.actual - self.approved, 0)

    @property
    def required(self) -> int | None:
        """People the roadmap asks the unit to cut from its base-year quota (None: no target or no base)."""
        if self.base is None or self.target is None:
            return None
        return math.ceil(Decimal(self.base) * self.target.percent / 100)

    @property
    def achieved(self) -> int | None:
        """Base-year quota minus this year's approved quota; negative when the quota rose (shown as a rise)."""
        return None if self.base is None else self.base - self.approved

    @property
    def progress_pct(self) -> Decimal | None:
        """Share of the required cut made, within 0–100 % (a rise counts as 0 %, more than required as 100 %);
        None when there is nothing to measure (no target, no base-year quota, or nothing to cut)."""
        if not self.required:
            return None
        return min(Decimal(max(self.achieved, 0)) * 100 / self.required, Decimal(100))

    @property
    def roadmap_status(self) -> str:
        if self.required is None:
            return "Chưa có chỉ tiêu tinh giản"
        if self.required == 0:
            return "Không phải giảm"
        if self.achieved < 0:
            return f"Biên chế giao tăng {-self.achieved} so với năm gốc"
        if self.achieved > self.required:
            return f"Vượt lộ trình {self.achieved - self.required}"
        if self.achieved == self.required:
            return "Đạt lộ trình"
        return f"Còn phải giảm {self.required - self.achieved}"


def quota_progress(*, user, year: int, org=None, today: date | None = None) -> tuple[list[Progress], dict]:
    """Quota rows of `year` in scope (narrowed to `org`'s subtree), each with its actual headcount and the
    roadmap; and the totals per kind over the top-most quota units (a unit inside another one's subtree is
    already counted in it)."""
    on = snapshot_day(year, today)
    targets = list(
        ReductionTarget.objects.filter(first_year__lte=year, last_year__gte=year).select_related("unit")
    )
    base_years = {t.base_year for t in targets} or {year}
    qs = quota_queryset_for(user=user).filter(year=year)
    if org is not None:
        qs = qs.filter(unit__path__startswith=org.path)
    base_year = min(base_years)
    base = StaffingQuota.objects.filter(unit=OuterRef("unit"), kind=OuterRef("kind"), year=base_year)
    quotas = list(
        qs.annotate(base_count=Subquery(base.values("approved_count")[:1])).order_by("unit__path", "kind")
    )
    actual = _actual_headcounts(quotas, on)
    rows = []
    for quota in quotas:
        target = _target_for(targets, quota)
        rows.append(
            Progress(
                quota=quota,
                kind=quota.kind,
                approved=quota.approved_count,
                actual=actual.get((quota.unit.path, quota.kind), 0),
                base=quota.base_count if target and target.base_year == base_year else None,
                target=target,
                unit_name=quota.unit.name,
            )
        )
    return rows, _totals(rows, targets)


def _totals(rows: list[Progress], targets: list[ReductionTarget]) -> dict:
    totals = {}
    for kind in QuotaKind.values:
        mine = [r for r in rows if r.kind == kind]
        top = [
            r
            for r in mine
            if not any(o is not r and r.quota.unit.path.startswith(o.quota.unit.path) for o in mine)
        ]
        if not top:
            continue
        province = next((t for t in targets if t.kind == kind and t.unit is None), None)
        with_base = [r for r in top if r.base is not None]
        totals[kind] = Progress(
            quota=None,
            kind=kind,
            approved=sum(r.approved for r in top),
            actual=sum(r.actual for r in top),
            base=sum(r.base for r in with_base) if with_base and len(with_base) == len(top) else None,
            target=province,
            unit_name="Tổng cộng",
            children=top,
        )
    return totals


# --- streamlining cases ------------------------------------------------------------------------------------


def case_queryset_for(*, user):
    """Cases of the people the user's units manage, and the exits of their units (in force) whose allowance a
    rehire may owe back (rule 18): not repaid yet, or repaid this budget year (decision 018)."""
    qs = StreamliningCase.objects.select_related("person", "unit", "person__current_unit")
    if user is None:
        return qs
    claim = Q(repaid_on__isnull=True) | Q(repaid_on__year=timezone.localdate().year)
    owed = Q(status=CaseStatus.EXITED) & claim & in_force_unit_q(user, "unit__path")
    return scoped(qs, personal_rows_q(user, incoming=owed), allowed=reads_cadre_work(user))


def case_get_for_user(*, user, pk: int) -> StreamliningCase:
    return get_object_or_404(case_queryset_for(user=user), pk=pk)


CASE_SORT_COLUMNS = [
    SortColumn("ten", "Họ và tên", ("person__sort_key",), letter_field="person__sort_key"),
    SortColumn("don_vi", "Đơn vị", ("unit__path", "person__sort_key")),
    SortColumn("ly_do", "Lý do", ("reason", "-proposed_on")),
    SortColumn("chinh_sach", "Chính sách", ("policy", "-proposed_on")),
    SortColumn("de_nghi", "Ngày đề nghị", ("proposed_on",), descending_first=True),
    SortColumn("trang_thai", "Trạng thái", ("status", "-proposed_on")),
    SortColumn(
        "ngay_nghi",
        "Ngày nghỉ",
        (Coalesce("exit_date", Value(date(1900, 1, 1), output_field=DateField())),),
        descending_first=True,
    ),
]
CASE_DEFAULT_SORT = "-de_nghi"


def case_list(*, user, filters: dict | None = None):
    filters = filters or {}
    qs = case_queryset_for(user=user)
    for name in ("status", "reason", "policy"):
        if filters.get(name):
            qs = qs.filter(**{name: filters[name]})
    if filters.get("unit"):
        qs = qs.filter(unit__path__startswith=filters["unit"].path)
    if filters.get("year"):
        qs = qs.filter(proposed_on__year=filters["year"])
    for token in unaccent(filters.get("q") or "").split()[:8]:
        qs = qs.filter(person__search_text__contains=token)
    return qs.order_by("-proposed_on", "-id")


# --- rule 18: rehire within 60 months of a streamlining exit ------------------------------------------------

REHIRE_MONTHS = 60


def rehire_deadline(exit_date: date) -> date:
    """The first day a new public-sector employment no longer obliges the repayment (exit + 60 months)."""
    return add_months(exit_date, REHIRE_MONTHS)


@dataclass
class Rehire:
    """An exited case whose person started a new employment after the exit and before exit + 60 months."""

    case: StreamliningCase
    rehired_on: date
    rehire_unit: str

    @property
    def deadline(self) -> date:
        return rehire_deadline(self.case.exit_date)

    @property
    def amount(self):
        """What must be repaid: the allowance the case records (None when it was not recorded)."""
        return self.case.allowance_amount

    @property
    def repaid(self) -> bool:
        return self.case.repaid_on is not None


def _with_first_rehire(qs):
    later = Employment.objects.filter(
        person=OuterRef("person_id"), start_date__gt=OuterRef("exit_date")
    ).order_by("start_date", "id")
    return qs.annotate(
        rehired_on=Subquery(later.values("start_date")[:1], output_field=DateField()),
        rehire_unit=Subquery(later.values("unit__name")[:1], output_field=CharField()),
    )


def case_rehire(case: StreamliningCase) -> Rehire | None:
    """The rehire that obliges this case to repay (rule 18), or None."""
    if case.status != CaseStatus.EXITED or case.exit_date is None:
        return None
    row = _with_first_rehire(StreamliningCase.objects.filter(pk=case.pk)).values("rehired_on", "rehire_unit")
    row = row.first()
    if not row or row["rehired_on"] is None or row["rehired_on"] >= rehire_deadline(case.exit_date):
        return None
    return Rehire(case=case, rehired_on=row["rehired_on"], rehire_unit=row["rehire_unit"] or "")


def rehire_list(*, user, filters: dict | None = None) -> list[Rehire]:
    """Exited cases (in scope) whose person was employed again within 60 months: one query, newest rehire first.

    The first employment after the exit decides: if it started on or after exit + 60 months, so did every later
    one. `filters`: repaid = "yes" / "no", q = a name (unaccented)."""
    filters = filters or {}
    qs = case_queryset_for(user=user).filter(status=CaseStatus.EXITED, exit_date__isnull=False)
    if filters.get("repaid") == "yes":
        qs = qs.filter(repaid_on__isnull=False)
    elif filters.get("repaid") == "no":
        qs = qs.filter(repaid_on__isnull=True)
    for token in unaccent(filters.get("q") or "").split()[:8]:
        qs = qs.filter(person__search_text__contains=token)
    qs = _with_first_rehire(qs).filter(rehired_on__isnull=False).order_by("-rehired_on", "-id")
    return [
        Rehire(case=case, rehired_on=case.rehired_on, rehire_unit=case.rehire_unit or "")
        for case in qs
        if case.rehired_on < rehire_deadline(case.exit_date)
    ]


def dashboard_tiles(*, user, today: date) -> dict:
    """Quota progress of this year for the dashboard (3 queries): per kind, approved vs actual and the
    roadmap's progress in % (None outside the roadmap or without a 2021 quota)."""
    _rows, totals = quota_progress(user=user, year=today.year, today=today)
    return {
        "staffing_tiles": [
            {
                "kind": kind,
                "label": str(QuotaKind(kind).label),
                "approved": t.approved,
                "actual": t.actual,
                "achieved": t.achieved,
                "required": t.required,
                "progress": t.progress_pct,
                "over_quota": t.over_quota,
                "status": t.roadmap_status,
                "url": f"/bien-che/?year={today.year}",
            }
            for kind, t in totals.items()
        ]
    }
