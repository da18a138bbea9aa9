"""Retirement dates from the effective-dated roadmap (canbo.people.models.RetirementRule; domain.md rule 21).

A person retires on the last day of the month in which they reach the age in force for that calendar year:
men 60y3m in 2021, plus 3 months a year up to 62 (2028); women 55y4m in 2021, plus 4 months a year up to 60
(2035). Only the birth year known: 1 January. The rules are read once per process (and on `clear_cache`).
"""

import functools
from datetime import date

from canbo.core.dates import add_months, end_of_month


@functools.cache
def _rules() -> dict[str, list[tuple[int, int | None, int, int, int]]]:
    from .models import RetirementRule

    table: dict[str, list] = {}
    for rule in RetirementRule.objects.order_by("valid_from"):
        end = rule.valid_to.year if rule.valid_to else None
        table.setdefault(rule.gender, []).append(
            (rule.valid_from.year, end, rule.base_months, rule.annual_step_months, rule.cap_months)
        )
    return table


def clear_cache() -> None:
    _rules.cache_clear()


def retirement_age_months(gender: str, year: int) -> int:
    """The retirement age (in months) for someone retiring in calendar year `year`."""
    rules = _rules().get(gender) or []
    if not rules:
        raise LookupError(f"Chưa có lộ trình tuổi nghỉ hưu cho giới tính {gender}.")
    chosen = rules[0]
    for rule in rules:
        first, last, *_ = rule
        if first <= year and (last is None or year <= last):
            chosen = rule
    first, _last, base, step, cap = chosen
    return min(base + step * max(year - first, 0), cap)


def retirement_date(gender: str, birth: date) -> date:
    """Last day of the month in which the person reaches the retirement age in force in that year."""
    year = birth.year + retirement_age_months(gender, birth.year + 50) // 12
    while True:
        reached = add_months(birth, retirement_age_months(gender, year))
        if reached.year <= year:
            return end_of_month(reached)
        year += 1


def latest_birth_retiring_before(gender: str, day: date) -> date:
    """The latest birth date whose retirement date is before `day`: people born on or before it retire
    earlier (retirement_date is non-decreasing in the birth date), so "at least N years of service left on D"
    is the SQL condition date_of_birth > latest_birth_retiring_before(gender, D + N years)."""
    lo, hi = date(day.year - 80, 1, 1), day  # retirement_date(lo) < day <= retirement_date(hi)
    while (hi - lo).days > 1:
        mid = lo + (hi - lo) / 2
        if retirement_date(gender, mid) < day:
            lo = mid
        else:
            hi = mid
    return lo
