"""Salary histories of the demo province (issue 15), written in bulk (no audit rows for generated data).

Every person with a rank gets a history that ends at the step and coefficient their Person row carries: built
backwards from the newest row by the dated rules of canbo.salary (a step every 36 months, 24 for the lower
ranks; at the top step vượt khung 5 % after as long again, then +1 % a year), down to a first grading on the
recruitment day (at the step in force then), or at step 1 after the probation (tập sự). The newest row carries a regional allowance (phụ cấp khu vực 0,5).

The newest row is placed so that the next raise of the working people falls between next month and the end of
their interval, relative to the day the demo is loaded (like the survey's closing day): about 4 % of them are due
next month, which is what the "Nâng lương đến hạn" page and the reminder show; nobody is overdue, apart from
those a discipline decision or the cut-off pushes. Those who left stop before their exit.
"""

import random
from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from canbo.core.bulk import insert_rows
from canbo.people.choices import PersonStatus
from canbo.people.models import Person
from canbo.salary.models import Allowance, ChangeKind, SalaryGrade, SalaryRecord, SalaryScale, UnpaidLeave
from canbo.salary.rules import step_rules_on

from .dates import add_months

DUE_NEXT_MONTH_SHARE = 0.04
REGIONAL_ALLOWANCE = Decimal("0.50")
CHUNK = 5000


def _first_of_next_month(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1)


def _month_between(rng, lo: date, hi: date) -> date:
    """The first day of a random month from lo's month to hi's month."""
    months = (hi.year - lo.year) * 12 + hi.month - lo.month
    return add_months(lo.replace(day=1), rng.randint(0, max(0, months)))


def _seniority_percent(person, top: int, rule, on: date) -> int:
    """Vượt khung of someone at the top step on `on`, had every raise come on time since the recruitment."""
    recruited = person["recruited_on"]
    if person["salary_step"] != top:
        return 0
    served = (on.year - recruited.year) * 12 + on.month - recruited.month
    beyond = served - (top - 1) * rule.step_months - rule.seniority_after_months
    return rule.seniority_first_percent + beyond // 12 * rule.seniority_yearly_percent if beyond >= 0 else 0


def _history(person, grades, rule, anchor: date, percent: int) -> list[tuple]:
    """[(effective_on, kind, step, percent)] oldest first, ending at (person's step, `percent`) on `anchor`."""
    interval, recruited = rule.step_months, person["recruited_on"]
    step = person["salary_step"]

    def predecessor(step, percent):
        if percent > rule.seniority_first_percent:
            return (step, percent - rule.seniority_yearly_percent), 12
        if percent:
            return (step, 0), rule.seniority_after_months
        if step > 1:
            return (step - 1, 0), interval
        return None, None

    states = [(anchor, step, percent)]  # newest first
    while True:
        previous, gap = predecessor(*states[-1][1:])
        if previous is None:
            break
        earlier = add_months(states[-1][0], -gap)
        if earlier < recruited:
            break
        states.append((earlier, *previous))
    oldest_day, oldest_step, oldest_percent = states[-1]
    previous, _gap = predecessor(oldest_step, oldest_percent)
    if oldest_day > recruited and previous is not None:  # graded higher at recruitment, raised on oldest_day
        states.append((recruited, *previous))
    # else step 1 on oldest_day: graded at the end of the probation (tập sự), after the recruitment
    rows = []
    for n, (day, step, percent) in enumerate(reversed(states)):
        kind = ChangeKind.INITIAL if n == 0 else ChangeKind.SENIORITY if percent else ChangeKind.REGULAR
        rows.append((day, kind, step, percent))
    return rows


def build_salary(*, seed: int, person_ids: list[int]) -> dict:
    rng = random.Random(f"canbo-demo-salary-{seed}")
    today = timezone.localdate()
    next_month = _first_of_next_month(today)
    scales = {s.code: s for s in SalaryScale.objects.active_on(today)}
    grades: dict[int, dict[int, Decimal]] = {}
    for scale_id, step, coefficient in SalaryGrade.objects.values_list("scale_id", "step", "coefficient"):
        grades.setdefault(scale_id, {})[step] = coefficient
    rules = step_rules_on(today)
    persons = (
        Person.objects.filter(pk__in=person_ids, rank__isnull=False, salary_step__isnull=False)
        .exclude(recruited_on__isnull=True)
        .values(
            "pk", "rank__pay_group", "salary_step", "recruited_on", "status", "status_date", "current_unit_id"
        )
        .order_by("pk")
    )
    records, newest, due_next_month = [], {}, 0
    for p in persons:
        scale = scales.get(p["rank__pay_group"])
        if scale is None or p["salary_step"] not in grades.get(scale.pk, {}):
            continue
        rule = rules[scale.training_class]
        top = max(grades[scale.pk])
        end = today if p["status"] == PersonStatus.WORKING else (p["status_date"] or today)
        percent = _seniority_percent(p, top, rule, end)
        base = rule.step_months if p["salary_step"] < top else 12 if percent else rule.seniority_after_months
        if p["status"] == PersonStatus.WORKING:
            if rng.random() < DUE_NEXT_MONTH_SHARE:
                anchor = add_months(next_month, -base)
                due_next_month += 1
            else:
                anchor = _month_between(rng, add_months(next_month, 1 - base), add_months(today, -1))
        else:
            anchor = _month_between(rng, add_months(end, 1 - base), add_months(end, -1))
        anchor = max(anchor, p["recruited_on"])
        history = _history(p, grades[scale.pk], rule, anchor, percent)
        for n, (day, kind, step, percent) in enumerate(history, start=1):
            records.append(
                {
                    "person_id": p["pk"],
                    "unit_id": p["current_unit_id"],
                    "kind": kind,
                    "effective_on": day,
                    "counted_from": day,
                    "scale_id": scale.pk,
                    "step": step,
                    "coefficient": grades[scale.pk][step],
                    "seniority_percent": percent,
                    "decision_number": "" if kind == ChangeKind.INITIAL else f"{rng.randint(1, 999)}/QĐ-UBND",
                    "decision_date": None,
                    "early_months": 0,
                    "note": "",
                    "is_current": n == len(history),  # the newest row (SalaryRecord.mark_current)
                }
            )
        newest[p["pk"]] = history[-1][0]
    count = insert_rows(SalaryRecord, records)
    allowances = []
    ids = list(newest)
    for start in range(0, len(ids), CHUNK):
        rows = SalaryRecord.objects.filter(person_id__in=ids[start : start + CHUNK]).values_list(
            "pk", "person_id", "effective_on"
        )
        allowances += [
            {"record_id": pk, "kind": "KHU_VUC", "coefficient": REGIONAL_ALLOWANCE, "percent": None}
            for pk, pid, day in rows
            if newest[pid] == day
        ]
    insert_rows(Allowance, allowances)
    return {"salary_records": count, "persons": len(newest), "due_next_month": due_next_month}


def reset_salary(person_ids: list[int]) -> None:
    """Plain DELETEs of the demo persons' salary rows (before the persons go)."""
    for qs in (
        Allowance.objects.filter(record__person_id__in=person_ids),
        SalaryRecord.objects.filter(person_id__in=person_ids),
        UnpaidLeave.objects.filter(person_id__in=person_ids),
    ):
        qs._raw_delete(qs.db)
