"""Reads of the salary history and of the raises due, scoped to the acting user.

`raises_due` is set-based: one query for the persons with their latest salary row, the discipline delay (sum of
the dated delays of the decisions taken since the step was counted) and the unpaid leave not counted, plus one
query for the grades and one for the rules; the due date is then date arithmetic per row in Python.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Case, DecimalField, IntegerField, OuterRef, Q, Subquery, Sum, Value, When
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

SHORTEST_INTERVAL_MONTHS = 12  # vượt khung's yearly +1 %: no raise comes sooner


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
    person: Person
    record_id: int
    scale_code: str
    step: int
    coefficient: Decimal
    seniority_percent: int
    counted_from: date
    next: rules.NextStep
    discipline_months: int
    leave_months: Decimal
    due_on: date

    @property
    def delay_months(self) -> Decimal:
        return Decimal(self.discipline_months) + self.leave_months


def _latest(field: str):
    rows = SalaryRecord.objects.filter(person=OuterRef("pk")).order_by("-effective_on", "-pk")
    return Subquery(rows.values(field)[:1])


def _persons_with_latest_row(persons, *, until: date, delays: dict[str, int]):
    """Persons annotated with their latest salary row and the delays since its counted_from (one query)."""
    persons = persons.annotate(
        last_id=_latest("pk"),
        last_step=_latest("step"),
        last_coefficient=_latest("coefficient"),
        last_percent=_latest("seniority_percent"),
        last_counted_from=_latest("counted_from"),
        last_scale=_latest("scale_id"),
    ).filter(last_id__isnull=False)
    discipline = DisciplineRecord.objects.filter(
        person=OuterRef("pk"), decided_on__gte=OuterRef("last_counted_from"), decided_on__lte=until
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
        person=OuterRef("pk"), start_date__gte=OuterRef("last_counted_from"), start_date__lte=until
    )
    leave_sum = Subquery(
        leave.order_by().values("person").annotate(total=Sum("counted_months")).values("total")[:1]
    )
    return persons.annotate(
        discipline_months=Coalesce(discipline_sum, Value(0), output_field=IntegerField()),
        leave_months=Coalesce(
            leave_sum, Value(Decimal(0)), output_field=DecimalField(max_digits=6, decimal_places=1)
        ),
    )


def _compute(persons, *, on: date) -> list[RaiseDue]:
    """The next raise of every annotated person (persons without a scale rule or grades are skipped)."""
    persons = list(persons)
    scale_ids = {p.last_scale for p in persons}
    scales = {s.pk: s for s in SalaryScale.objects.filter(pk__in=scale_ids)}
    grades: dict[int, dict[int, Decimal]] = {}
    for scale_id, step, coefficient in SalaryGrade.objects.filter(scale__in=scale_ids).values_list(
        "scale_id", "step", "coefficient"
    ):
        grades.setdefault(scale_id, {})[step] = coefficient
    step_rules = rules.step_rules_on(on)
    result = []
    for p in persons:
        scale = scales[p.last_scale]
        rule = step_rules.get(scale.training_class)
        if rule is None or not grades.get(scale.pk) or p.last_step not in grades[scale.pk]:
            continue
        nxt = rules.next_step(
            step=p.last_step, seniority_percent=p.last_percent, grades=grades[scale.pk], rule=rule
        )
        leave = Decimal(p.leave_months or 0)
        due = rules.add_delay(add_months(p.last_counted_from, nxt.base_months), p.discipline_months + leave)
        result.append(
            RaiseDue(
                person=p,
                record_id=p.last_id,
                scale_code=scale.code,
                step=p.last_step,
                coefficient=p.last_coefficient,
                seniority_percent=p.last_percent,
                counted_from=p.last_counted_from,
                next=nxt,
                discipline_months=p.discipline_months,
                leave_months=leave,
                due_on=due,
            )
        )
    return result


def working_persons_for(*, user):
    if not getattr(user, "is_authenticated", False) or not reads_cadre_work(user):
        return Person.objects.none()
    condition = managed_person_q(user, "")
    qs = Person.objects.filter(status=PersonStatus.WORKING)
    return qs if condition is None else qs.filter(condition)


def raises_due_for(persons, *, month: date, include_overdue: bool = False) -> list[RaiseDue]:
    """Raises (next step or vượt khung) falling due in `month` (any day of it) for these persons, with the
    discipline and unpaid-leave delays; `include_overdue`: also those due earlier and not yet granted."""
    first, last = month.replace(day=1), end_of_month(month)
    delays = rules.discipline_delays_on(last)
    qs = _persons_with_latest_row(persons, until=last, delays=delays).filter(
        last_counted_from__lte=add_months(last, -SHORTEST_INTERVAL_MONTHS)
    )
    qs = qs.select_related("current_unit", "rank", "position").order_by("sort_key", "pk")
    due = [r for r in _compute(qs, on=last) if r.due_on <= last and (include_overdue or r.due_on >= first)]
    return sorted(due, key=lambda r: (r.due_on, r.person.sort_key, r.person.pk))


def raises_due(
    *, user, month: date, unit: OrgUnit | None = None, include_overdue: bool = False
) -> list[RaiseDue]:
    persons = working_persons_for(user=user)
    if unit is not None:
        persons = persons.filter(current_unit__path__startswith=unit.path)
    return raises_due_for(persons, month=month, include_overdue=include_overdue)


def next_raises_for(persons, *, on: date) -> dict[int, RaiseDue]:
    """{person id: next raise} as of `on` for a queryset of persons (a constant number of queries); decisions
    and leave recorded ahead of `on` still delay the raise."""
    delays = rules.discipline_delays_on(on)
    qs = _persons_with_latest_row(persons, until=add_months(on, 120), delays=delays)
    return {r.person.pk: r for r in _compute(qs.select_related("current_unit"), on=on)}


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
