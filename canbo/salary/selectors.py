"""Reads of the salary history and of the raises due, scoped to the acting user.

`raises_due` is set-based: one query reads the candidates, each person's current salary row (`is_current`) whose
raise falls in the month or earlier before delays, with the discipline delay (sum of the dated delays of the
decisions taken since the step was counted) and the unpaid leave not counted; plus small queries for the scales,
grades and rules. The exact due date is then date arithmetic per candidate in Python (`rules.next_step`).
"""

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from django.db.models import (
    Case,
    DateField,
    DecimalField,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from canbo.accounts.access import reads_cadre_work
from canbo.accounts.scoping import managed_person_q
from canbo.core.dates import add_months, end_of_month
from canbo.discipline.models import DisciplineRecord
from canbo.org.models import OrgUnit, UnitKind
from canbo.people.choices import PersonStatus
from canbo.people.models import Person

from . import rules
from .models import SalaryGrade, SalaryRecord, SalaryScale, UnpaidLeave


def record_queryset_for(*, user):
    """Salary rows of the persons the user may read: their units' people, and an official's own rows."""
    if not getattr(user, "is_authenticated", False):
        return SalaryRecord.objects.none()
    own = Q(person__user=user)
    if not reads_cadre_work(user):
        return SalaryRecord.objects.filter(own)
    condition = managed_person_q(user, "person")  # decision 018: the people the unit manages today
    return SalaryRecord.objects.all() if condition is None else SalaryRecord.objects.filter(condition | own)


def record_list(*, user, filters: dict | None = None):
    filters = filters or {}
    qs = record_queryset_for(user=user)
    if filters.get("person"):
        qs = qs.filter(person=filters["person"])
    if filters.get("unit"):
        qs = qs.filter(person__current_unit__path__startswith=filters["unit"].path)
    if filters.get("kind"):
        qs = qs.filter(kind=filters["kind"])
    if filters.get("date_from"):
        qs = qs.filter(effective_on__gte=filters["date_from"])
    if filters.get("date_to"):
        qs = qs.filter(effective_on__lte=filters["date_to"])
    return (
        qs.select_related("person", "scale", "rank", "early_reason", "unit")
        .prefetch_related("allowances")
        .order_by("person__sort_key", "person_id", "-effective_on", "-pk")
    )


def record_get_for_user(*, user, pk) -> SalaryRecord:
    qs = record_queryset_for(user=user).select_related("person", "scale", "rank", "early_reason", "unit")
    return get_object_or_404(qs.prefetch_related("allowances"), pk=pk)


@dataclass
class HistoryRow:
    record: SalaryRecord
    base_salary: int | None

    @property
    def monthly_salary(self) -> int | None:
        """Base salary × (coefficient × (1 + vượt khung %)), without the allowances."""
        if self.base_salary is None:
            return None
        coefficient = self.record.coefficient * (1 + Decimal(self.record.seniority_percent) / 100)
        return int((coefficient * self.base_salary).quantize(Decimal(1)))


def salary_history(*, person: Person) -> list[HistoryRow]:
    """A person's rows, newest first, each with the base salary in force on its date (two queries). The caller
    has fetched `person` through people.selectors.person_get_for_user (scoped)."""
    records = list(
        person.salary_records.select_related("scale", "rank", "early_reason")
        .prefetch_related("allowances")
        .order_by("-effective_on", "-pk")
    )
    bases = rules.base_salary_history()

    def base_on(day):
        found = None
        for start, end, amount in bases:
            if start <= day and (end is None or day <= end):
                found = amount
        return found

    return [HistoryRow(r, base_on(r.effective_on)) for r in records]


@dataclass(frozen=True)
class RaiseDue:
    person_id: int
    sort_key: str
    unit_path: str
    record_id: int
    scale_id: int
    scale_code: str
    step: int
    coefficient: Decimal
    seniority_percent: int
    counted_from: date
    next: rules.NextStep
    discipline_months: int
    leave_months: Decimal
    due_on: date
    person: Person | None = None  # attached by attach_persons (only for the rows shown)

    @property
    def delay_months(self) -> Decimal:
        return Decimal(self.discipline_months) + self.leave_months


def _scales() -> tuple[dict[int, SalaryScale], dict[int, dict[int, Decimal]]]:
    """Every scale and its grades {scale id: {step: coefficient}} (two small queries)."""
    grades: dict[int, dict[int, Decimal]] = {}
    for scale_id, step, coefficient in SalaryGrade.objects.values_list("scale_id", "step", "coefficient"):
        grades.setdefault(scale_id, {})[step] = coefficient
    return SalaryScale.objects.in_bulk(), grades


def _with_delays(rows, *, until: date, delays: dict[str, int]):
    """Current salary rows annotated with the discipline delay (the dated months of each decision taken since the
    row's counted_from) and the unpaid leave not counted since then (subqueries run for the rows returned only)."""
    discipline = DisciplineRecord.objects.filter(
        person=OuterRef("person_id"), decided_on__gte=OuterRef("counted_from"), decided_on__lte=until
    )
    if delays:
        months = Case(
            *(When(form=form, then=Value(n)) for form, n in delays.items()),
            default=Value(0),
            output_field=IntegerField(),
        )
        discipline_sum = Subquery(
            discipline.order_by().values("person").annotate(total=Sum(months)).values("total")[:1]
        )
    else:
        discipline_sum = Value(0)
    leave = UnpaidLeave.objects.filter(
        person=OuterRef("person_id"), start_date__gte=OuterRef("counted_from"), start_date__lte=until
    )
    leave_sum = Subquery(
        leave.order_by().values("person").annotate(total=Sum("counted_months")).values("total")[:1]
    )
    return rows.annotate(
        discipline_months=Coalesce(discipline_sum, Value(0), output_field=IntegerField()),
        leave_months=Coalesce(
            leave_sum, Value(Decimal(0)), output_field=DecimalField(max_digits=6, decimal_places=1)
        ),
    )


ROW_FIELDS = (
    "id",
    "person_id",
    "person__sort_key",
    "person__current_unit__path",
    "scale_id",
    "step",
    "coefficient",
    "seniority_percent",
    "counted_from",
    "discipline_months",
    "leave_months",
)


def _compute(rows, *, on: date, scales, grades) -> list[RaiseDue]:
    """The next raise of every current row (plain values; rows without a scale rule or grades are skipped)."""
    step_rules = rules.step_rules_on(on)
    result = []
    steps_of: dict[tuple, rules.NextStep | None] = {}  # a few dozen (scale, step, %) for thousands of rows
    for r in rows.values_list(*ROW_FIELDS, named=True):
        state = (r.scale_id, r.step, r.seniority_percent)
        if state not in steps_of:
            scale = scales.get(r.scale_id)
            rule = step_rules.get(scale.training_class) if scale else None
            steps = grades.get(r.scale_id)
            ok = rule is not None and steps and r.step in steps
            steps_of[state] = (
                rules.next_step(step=r.step, seniority_percent=r.seniority_percent, grades=steps, rule=rule)
                if ok
                else None
            )
        nxt = steps_of[state]
        if nxt is None:
            continue
        scale = scales[r.scale_id]
        leave = Decimal(r.leave_months or 0)
        due = add_months(r.counted_from, nxt.base_months)
        if r.discipline_months or leave:
            due = rules.add_delay(due, r.discipline_months + leave)
        result.append(
            RaiseDue(
                person_id=r.person_id,
                sort_key=r.person__sort_key,
                unit_path=r.person__current_unit__path or "",
                record_id=r.id,
                scale_id=scale.pk,
                scale_code=scale.code,
                step=r.step,
                coefficient=r.coefficient,
                seniority_percent=r.seniority_percent,
                counted_from=r.counted_from,
                next=nxt,
                discipline_months=r.discipline_months,
                leave_months=leave,
                due_on=due,
            )
        )
    return result


PERSONS_CHUNK = 2000


def attach_persons(dues: list[RaiseDue]) -> list[RaiseDue]:
    """The rows with their Person (unit, rank and post joined): one query per 2.000 rows."""
    ids = [d.person_id for d in dues]
    found: dict[int, Person] = {}
    for start in range(0, len(ids), PERSONS_CHUNK):
        chunk = ids[start : start + PERSONS_CHUNK]
        found |= Person.objects.select_related("current_unit", "rank", "position").in_bulk(chunk)
    return [replace(d, person=found[d.person_id]) for d in dues]


def _current_rows(persons):
    """The current salary rows of a queryset of persons."""
    return SalaryRecord.objects.filter(is_current=True, person__in=persons.order_by().values("pk"))


def _current_rows_for(*, user, unit: OrgUnit | None = None):
    """The current salary rows of the working persons the user's units manage (within `unit`'s subtree), the
    person's conditions joined rather than a subquery over every person."""
    if not getattr(user, "is_authenticated", False) or not reads_cadre_work(user):
        return SalaryRecord.objects.none()
    rows = SalaryRecord.objects.filter(is_current=True, person__status=PersonStatus.WORKING)
    condition = managed_person_q(user, "person")
    if condition is not None:
        rows = rows.filter(condition)
    if unit is not None:
        rows = rows.filter(person__current_unit__path__startswith=unit.path)
    return rows


def _due_by(current_rows, *, month: date) -> list[RaiseDue]:
    """Every raise of these persons due on or before the end of `month`, overdue ones included, unsorted.

    The database returns only the candidates: each person's current row whose raise falls in `month` or earlier
    before any delay (the month of counted_from + the rule's base months, `rules.base_months_expression`); a
    delay only pushes a raise later. The exact due date, with the delays, is then computed for those rows."""
    last = end_of_month(month)
    scales, grades = _scales()
    tops = {pk: (scale.training_class, max(grades[pk])) for pk, scale in scales.items() if grades.get(pk)}
    # counted_from + base months falls in `month` or earlier ⇔ counted_from < the first day of the next month
    # moved back by the base months: a date compared per row (cheap), no month arithmetic in SQL.
    following = add_months(month.replace(day=1), 1)
    threshold = rules.base_months_expression(
        scales=tops,
        step_rules=rules.step_rules_on(last),
        value=lambda months: Value(add_months(following, -months)),
        output_field=DateField(),
    )
    rows = (
        current_rows.order_by().annotate(due_threshold=threshold).filter(counted_from__lt=F("due_threshold"))
    )
    rows = _with_delays(rows, until=last, delays=rules.discipline_delays_on(last))
    return [r for r in _compute(rows, on=last, scales=scales, grades=grades) if r.due_on <= last]


def raises_due_for(persons, *, month: date, include_overdue: bool = False) -> list[RaiseDue]:
    """Raises (next step or vượt khung) falling due in `month` (any day of it) for these persons, with the
    discipline and unpaid-leave delays, persons attached; `include_overdue`: also those due earlier and not yet
    granted. Ordered by due date, then the Vietnamese order of names."""
    first = month.replace(day=1)
    due = [r for r in _due_by(_current_rows(persons), month=month) if include_overdue or r.due_on >= first]
    return attach_persons(sorted(due, key=lambda r: (r.due_on, r.sort_key, r.person_id)))


def raises_due(
    *, user, month: date, unit: OrgUnit | None = None, include_overdue: bool = False
) -> list[RaiseDue]:
    rows, _summary = raises_due_listing(user=user, month=month, unit=unit, include_overdue=include_overdue)
    return attach_persons(sorted(rows, key=lambda r: (r.due_on, r.sort_key, r.person_id)))


@dataclass(frozen=True)
class DueSummary:
    """The figures above the list of a month: due in the month (next step / vượt khung, of them delayed by
    discipline or unpaid leave) and overdue (due earlier, not yet granted)."""

    month: date
    due: int
    regular: int
    seniority: int
    delayed: int
    overdue: int


def raises_due_listing(
    *, user, month: date, unit: OrgUnit | None = None, kind: str = "", include_overdue: bool = False
) -> tuple[list[RaiseDue], DueSummary]:
    """The rows of the due-raises page (without persons: the page attaches them to the rows it shows) and the
    summary of the month. `kind`: THUONG_XUYEN (next step) or VUOT_KHUNG, empty for both."""
    first = month.replace(day=1)
    every = _due_by(_current_rows_for(user=user, unit=unit), month=month)
    every = [r for r in every if not kind or r.next.kind == kind]
    in_month = [r for r in every if r.due_on >= first]
    summary = DueSummary(
        month=first,
        due=len(in_month),
        regular=sum(1 for r in in_month if r.next.kind == "THUONG_XUYEN"),
        seniority=sum(1 for r in in_month if r.next.kind == "VUOT_KHUNG"),
        delayed=sum(1 for r in in_month if r.delay_months),
        overdue=len(every) - len(in_month),
    )
    return (every if include_overdue else in_month), summary


def next_raises_for(persons, *, on: date) -> dict[int, RaiseDue]:
    """{person id: next raise} as of `on` for a queryset of persons (a constant number of queries); decisions
    and leave recorded ahead of `on` still delay the raise."""
    rows = _with_delays(
        _current_rows(persons).order_by(), until=add_months(on, 120), delays=rules.discipline_delays_on(on)
    )
    scales, grades = _scales()
    return {r.person_id: r for r in attach_persons(_compute(rows, on=on, scales=scales, grades=grades))}


def next_raise_for(person: Person, *, on: date) -> RaiseDue | None:
    """The person's next raise as of `on`, or None without a salary row."""
    return next_raises_for(Person.objects.filter(pk=person.pk), on=on).get(person.pk)


@dataclass(frozen=True)
class Quota:
    unit: OrgUnit
    year: int
    share_percent: int | None
    headcount: int
    quota: int
    used: int

    @property
    def remaining(self) -> int:
        return max(0, self.quota - self.used)


def payroll_unit(unit: OrgUnit) -> OrgUnit:
    """The body whose payroll the quota is counted on: a department (phòng, ban) counts in its agency."""
    while unit.kind == UnitKind.DEPARTMENT and unit.parent_id and unit.parent.kind != UnitKind.AREA:
        unit = unit.parent
    return unit


def early_raise_quota(*, unit: OrgUnit, year: int) -> Quota:
    """The yearly quota of early raises for achievement in a unit (its subtree is its payroll): the share in
    force on 31/12 of the year × the working persons, rounded down; used = early raises counted in the quota
    with their date in the year."""
    share = rules.quota_share_on(date(year, 12, 31))
    headcount = Person.objects.filter(
        status=PersonStatus.WORKING, current_unit__path__startswith=unit.path
    ).count()
    used = SalaryRecord.objects.filter(
        unit__path__startswith=unit.path,
        kind="TRUOC_THOI_HAN",
        early_reason__counts_in_quota=True,
        effective_on__year=year,
    ).count()
    quota = headcount * share // 100 if share else 0
    return Quota(unit, year, share, headcount, quota, used)
