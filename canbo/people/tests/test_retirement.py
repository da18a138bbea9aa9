"""The retirement roadmap at its boundaries, and properties over every birth date."""

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from canbo.demo.dates import retirement_day as demo_retirement_day
from canbo.people.retirement import latest_birth_retiring_before, retirement_age_months, retirement_date

D = datetime.date
pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "gender,year,months",
    [
        ("NAM", 2020, 720),
        ("NAM", 2021, 723),
        ("NAM", 2022, 726),
        ("NAM", 2027, 741),
        ("NAM", 2028, 744),
        ("NAM", 2040, 744),
        ("NU", 2020, 660),
        ("NU", 2021, 664),
        ("NU", 2034, 716),
        ("NU", 2035, 720),
        ("NU", 2050, 720),
    ],
)
def test_age_in_force_per_year(gender, year, months):
    assert retirement_age_months(gender, year) == months


@pytest.mark.parametrize(
    "gender,birth,expected",
    [
        ("NAM", D(1960, 6, 15), D(2020, 6, 30)),  # 60 in 2020, before the roadmap
        ("NAM", D(1961, 1, 1), D(2021, 4, 30)),  # 60y3m in 2021
        ("NAM", D(1961, 9, 10), D(2021, 12, 31)),  # 60y3m reached in December 2021
        ("NAM", D(1961, 10, 1), D(2022, 4, 30)),  # reaches 60y3m only in 2022, when 60y6m applies
        ("NAM", D(1966, 1, 1), D(2027, 10, 31)),  # 61y9m in 2027 (NĐ 135 appendix: 01/1966 → 10/2027)
        ("NAM", D(1966, 4, 1), D(2028, 4, 30)),  # 62 from 2028
        ("NU", D(1966, 1, 1), D(2021, 5, 31)),  # 55y4m in 2021
        ("NU", D(1980, 1, 1), D(2040, 1, 31)),  # 60 from 2035 on
    ],
)
def test_retirement_dates_at_the_boundaries(gender, birth, expected):
    assert retirement_date(gender, birth) == expected


@settings(max_examples=300, deadline=None)
@given(gender=st.sampled_from(["NAM", "NU"]), birth=st.dates(D(1950, 1, 1), D(2005, 12, 31)))
def test_properties_of_the_roadmap(gender, birth):
    day = retirement_date(gender, birth)
    next_month = day + datetime.timedelta(days=1)
    assert next_month.day == 1  # always the last day of a month
    months = (day.year - birth.year) * 12 + day.month - birth.month
    assert retirement_age_months(gender, day.year) <= months + 1  # the age in force that year is reached
    assert (
        retirement_date(gender, birth + datetime.timedelta(days=40)) >= day
    )  # later birth, not earlier exit
    assert demo_retirement_day(gender, birth) == day  # the demo follows the same roadmap


@settings(max_examples=100, deadline=None)
@given(gender=st.sampled_from(["NAM", "NU"]), day=st.dates(D(2015, 1, 1), D(2040, 12, 31)))
def test_birth_threshold_for_service_left(gender, day):
    limit = latest_birth_retiring_before(gender, day)
    assert retirement_date(gender, limit) < day <= retirement_date(gender, limit + datetime.timedelta(days=1))
