"""The salary rules as dated rows (SalaryRule, on the "Căn cứ pháp lý" page; see catalogue.py for the sources)
and the pure date arithmetic over them. Each rule is read by the date it judges: the base salary of a row's date,
the step rules and discipline delays of the month a raise falls due, the quota of the year.

`RULE_MODELS` lists every dated table of this app (rules, early-raise reasons, scales), each row with its legal
basis.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Case, IntegerField, Value, When

from canbo.core.dates import add_months, working_days_between
from canbo.core.rulebook import RuleMissing

from .models import EarlyRaiseReason, SalaryRule, SalaryScale

RULE_MODELS = [SalaryRule, EarlyRaiseReason, SalaryScale]

HALF_MONTH_DAYS = 15
SENIORITY_YEARLY_MONTHS = 12  # vượt khung grows by its yearly % every 12 months
STEP, DELAY = "step.", "discipline_delay."


@dataclass(frozen=True)
class StepRule:
    """The `step.<training class>` rule in force: regular raise and vượt khung (TT 08/2013 Art 2 and 4)."""

    training_class: str
    step_months: int
    seniority_after_months: int
    seniority_first_percent: int
    seniority_yearly_percent: int
    legal_basis: str = ""


def _prefixed_on(prefix: str, day: date) -> dict[str, SalaryRule]:
    """{suffix: row} of the rules whose code starts with `prefix`, in force on `day` (one query)."""
    found = {}
    for row in SalaryRule.objects.active_on(day).filter(code__startswith=prefix).order_by("valid_from"):
        found[row.code.removeprefix(prefix)] = row
    return found


def step_rules_on(day: date) -> dict[str, StepRule]:
    """{training class: rule} in force on `day` (the latest row when several overlap)."""
    return {
        cls: StepRule(training_class=cls, legal_basis=row.legal_basis, **row.value)
        for cls, row in _prefixed_on(STEP, day).items()
    }


def discipline_delays_on(day: date) -> dict[str, int]:
    """{discipline form: months the next raise is pushed back} in force on `day`."""
    return {form: row.value for form, row in _prefixed_on(DELAY, day).items()}


def quota_share_on(day: date) -> int | None:
    try:
        return SalaryRule.objects.value("early_raise_quota", on=day)
    except RuleMissing:
        return None


def base_salary_on(day: date) -> int | None:
    try:
        return SalaryRule.objects.value("base_salary", on=day)
    except RuleMissing:
        return None


def base_salary_history() -> list[tuple[date, date | None, int]]:
    """Every version of the base salary, (from, to, amount), oldest first, one query (for a loop over rows)."""
    return [(r.valid_from, r.valid_to, r.value) for r in SalaryRule.objects.history("base_salary").versions]


def scale_on(code: str, day: date) -> SalaryScale | None:
    return SalaryScale.objects.active_on(day).filter(code=code).order_by("-valid_from").first()


def early_reasons_on(day: date):
    return EarlyRaiseReason.objects.active_on(day)


def months_not_counted(start: date, end: date) -> Decimal:
    """Months of a period (both days included) that do not count towards the next raise: whole months, and the
    odd days by TT 08/2013 Art 2: under 11 working days nothing, 11 to 21 half a month, 22 or more one month."""
    months, cursor = 0, start
    while add_months(start, months + 1) <= end + timedelta(days=1):
        months += 1
        cursor = add_months(start, months)
    odd = Decimal(0)
    if cursor <= end:
        working = working_days_between(cursor, end)
        odd = Decimal(1) if working >= 22 else Decimal("0.5") if working >= 11 else Decimal(0)
    return Decimal(months) + odd


def add_delay(day: date, months: Decimal | int) -> date:
    """`day` moved by a number of months that may end in a half month (15 days)."""
    months = Decimal(months)
    whole = int(months)
    moved = add_months(day, whole)
    return moved + timedelta(days=HALF_MONTH_DAYS) if months - whole else moved


@dataclass(frozen=True)
class NextStep:
    kind: str  # THUONG_XUYEN (next step) or VUOT_KHUNG (next vượt khung percentage)
    step: int
    coefficient: Decimal
    seniority_percent: int
    base_months: int  # months the rule asks before the delays


def next_step(*, step: int, seniority_percent: int, grades: dict[int, Decimal], rule: StepRule) -> NextStep:
    """What the next raise gives from (step, vượt khung %): the next step, or vượt khung at the top step
    (5 % after 36 months there, then +1 % every 12 months)."""
    top = max(grades)
    if step < top:
        return NextStep("THUONG_XUYEN", step + 1, grades[step + 1], 0, rule.step_months)
    if seniority_percent == 0:
        return NextStep(
            "VUOT_KHUNG", step, grades[step], rule.seniority_first_percent, rule.seniority_after_months
        )
    return NextStep(
        "VUOT_KHUNG",
        step,
        grades[step],
        seniority_percent + rule.seniority_yearly_percent,
        SENIORITY_YEARLY_MONTHS,
    )


def base_months_expression(
    *, scales: dict[int, tuple[str, int]], step_rules: dict[str, StepRule], value=None, output_field=None
) -> Case:
    """`next_step(...).base_months` as a SQL expression over a salary row's scale, step and vượt khung %, for the
    set-based reads (the raises due): the months per step below the scale's top step, the months at the top step
    before vượt khung, then 12. `scales`: {scale id: (training class, top step)}; NULL for a scale without a
    rule in force (next_step is not asked for those either). `value(months)` maps the months to what the
    expression gives (by default the months; e.g. a date to compare with). Tested equal to next_step."""
    value = value or (lambda months: Value(months))
    output_field = output_field or IntegerField()
    whens = []
    groups: dict[tuple[str, int], list[int]] = {}
    for scale_id, (training_class, top) in scales.items():
        if training_class in step_rules:
            groups.setdefault((training_class, top), []).append(scale_id)
    for (training_class, top), ids in sorted(groups.items()):
        rule = step_rules[training_class]
        whens += [
            When(scale_id__in=ids, step__lt=top, then=value(rule.step_months)),
            When(scale_id__in=ids, seniority_percent=0, then=value(rule.seniority_after_months)),
            When(scale_id__in=ids, then=value(SENIORITY_YEARLY_MONTHS)),
        ]
    if not whens:
        return Value(None, output_field=output_field)
    return Case(*whens, default=None, output_field=output_field)
