"""Date helpers of the demo: key snapshot dates, random days, retirement under NĐ 135/2020."""

from datetime import date, timedelta

from canbo.core.dates import add_months, add_years, end_of_month
from canbo.people.choices import Gender

__all__ = ["add_months", "add_years", "end_of_month"]

D2015 = date(2015, 12, 31)  # start of the 2015–2020 term (seed 001: "so với đầu nhiệm kỳ")
D2019 = date(2019, 12, 31)  # seed 001's snapshot: 25.944 persons
REFORM = date(2025, 7, 1)
LAST_LEGACY = date(2025, 6, 30)
CUTOFF = date(2025, 12, 31)  # the demo's history stops here, so it is the same whatever day it is loaded


def random_day(rng, lo: date, hi: date) -> date:
    if hi <= lo:
        return lo
    return lo + timedelta(days=rng.randrange((hi - lo).days + 1))


def age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def retirement_day(gender: str, birth: date) -> date:
    """Last day of the month the person reaches retirement age.

    Before 2021: men 60, women 55. NĐ 135/2020: from 2021 men 60y3m plus 3 months a year up to 62 (2028),
    women 55y4m plus 4 months a year up to 60 (2035); the age of the calendar year of retirement applies.
    """
    male = gender == Gender.NAM
    base, step, cap = (720, 3, 744) if male else (660, 4, 720)
    reached = add_months(birth, base)
    if reached < date(2021, 1, 1):
        return end_of_month(reached)
    # smallest k whose age is reached within year 2020 + k; start from a lower bound of it
    k = max(1, birth.year + base // 12 - 2020)
    while True:
        months = min(base + step * k, cap)
        reached = add_months(birth, months)
        if reached.year <= 2020 + k or months == cap:
            return end_of_month(reached)
        k += 1
