"""The salary rules as dated rows (see catalogue.py for the sources) and the pure date arithmetic over them.

`RULE_MODELS` lists every rule model of this app, for the "Căn cứ pháp lý" page that lists the rules in force on
a date with their legal basis.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from canbo.core.dates import add_months, working_days_between

from .models import (
    BaseSalary,
    DisciplineDelayRule,
    EarlyRaiseQuotaRule,
    EarlyRaiseReason,
    SalaryScale,
    StepRule,
)

RULE_MODELS = [StepRule, DisciplineDelayRule, EarlyRaiseQuotaRule, EarlyRaiseReason, BaseSalary, SalaryScale]

HALF_MONTH_DAYS = 15


def step_rules_on(day: date) -> dict[str, StepRule]:
    """{training class: rule} in force on `day` (the latest row when several overlap)."""
    rules = {}
    for rule in StepRule.objects.active_on(day).order_by("valid_from"):
        rules[rule.training_class] = rule
    return rules


def discipline_delays_on(day: date) -> dict[str, int]:
    delays = {}
    for rule in DisciplineDelayRule.objects.active_on(day).order_by("valid_from"):
        delays[rule.form] = rule.months
    return delays


def quota_share_on(day: date) -> int | None:
    rule = EarlyRaiseQuotaRule.objects.active_on(day).order_by("-valid_from").first()
    return rule.share_percent if rule else None


def base_salary_on(day: date) -> int | None:
    row = BaseSalary.objects.active_on(day).order_by("-valid_from").first()
    return row.amount if row else None


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
    return NextStep("VUOT_KHUNG", step, grades[step], seniority_percent + rule.seniority_yearly_percent, 12)
