"""Date arithmetic shared by the apps: years and months that keep the day (clamped), and working days.

Working days (Monday–Friday, minus public holidays given as data), used by the reappointment deadline
(movements) and the feedback handling deadline (feedback).

Rule 9 (QĐ 377): notify at least 90 working days before the term ends. The reappointment is due from the 90th
working day counting back from the term's last day (that day itself counts when it is a working day):
`reappointment_due_date(term_end)`, always a working day. `due_horizon(today)` is the latest term end already
due on `today` (a weekend day counts as the working day before it), so that "term_end ≤ due_horizon(today)"
selects in SQL exactly the terms with today ≥ reappointment_due_date(term_end) (the tests hold them together).

Holidays: the optional setting CANBO_PUBLIC_HOLIDAYS (a list of ISO dates, e.g. Tết and 2/9), or a
`holidays` argument; weekends alone when neither is given.
"""

import calendar
from collections.abc import Iterable
from datetime import date, timedelta

from django.conf import settings


def add_years(day: date, years: int) -> date:
    """The same day `years` later; 29/02 becomes 28/02 in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def add_months(day: date, months: int) -> date:
    """The same day `months` later, clamped to the end of a shorter month."""
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def end_of_month(day: date) -> date:
    return date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])


# --- working days ------------------------------------------------------------------------------------------

REAPPOINTMENT_NOTICE_DAYS = 90
ONE_DAY = timedelta(days=1)


def public_holidays() -> frozenset[date]:
    return frozenset(date.fromisoformat(str(d)) for d in getattr(settings, "CANBO_PUBLIC_HOLIDAYS", ()))


def _holidays(holidays: Iterable[date] | None) -> frozenset[date]:
    return public_holidays() if holidays is None else frozenset(holidays)


def is_working_day(day: date, holidays: Iterable[date] | None = None) -> bool:
    return day.weekday() < 5 and day not in _holidays(holidays)


def working_days_between(start: date, end: date, holidays: Iterable[date] | None = None) -> int:
    """Working days from `start` to `end`, both included (0 when end < start)."""
    if end < start:
        return 0
    days = (end - start).days + 1
    weeks, rest = divmod(days, 7)
    count = weeks * 5 + sum(1 for i in range(rest) if (start.weekday() + i) % 7 < 5)
    off = _holidays(holidays)
    return count - sum(1 for h in off if start <= h <= end and h.weekday() < 5)


def nth_working_day_back(end: date, n: int, holidays: Iterable[date] | None = None) -> date:
    """The n-th working day counting back from `end` (`end` itself is the first when it is a working day)."""
    off = _holidays(holidays)
    day, found = end, 0
    while True:
        if day.weekday() < 5 and day not in off:
            found += 1
            if found == n:
                return day
        day -= ONE_DAY


def nth_working_day_forward(start: date, n: int, holidays: Iterable[date] | None = None) -> date:
    """The n-th working day counting forward from `start` (`start` itself is the first when it is one)."""
    off = _holidays(holidays)
    day, found = start, 0
    while True:
        if day.weekday() < 5 and day not in off:
            found += 1
            if found == n:
                return day
        day += ONE_DAY


def reappointment_due_date(
    term_end: date, days: int = REAPPOINTMENT_NOTICE_DAYS, holidays: Iterable[date] | None = None
) -> date:
    """The first day on which the term has `days` working days left or fewer."""
    return nth_working_day_back(term_end, days, holidays)


def due_horizon(
    today: date, days: int = REAPPOINTMENT_NOTICE_DAYS, holidays: Iterable[date] | None = None
) -> date:
    """The latest term end due on `today`: the day before the (days + 1)-th working day counted from the last
    working day on or before today. term_end ≤ due_horizon(today) ⇔ today ≥ reappointment_due_date(term_end)."""
    last_working = nth_working_day_back(today, 1, holidays)
    return nth_working_day_forward(last_working, days + 1, holidays) - ONE_DAY
