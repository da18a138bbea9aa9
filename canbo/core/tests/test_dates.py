"""Working days (weekends and listed holidays off) and the 90-working-day reappointment deadline (rule 9)."""

import datetime

from hypothesis import given
from hypothesis import strategies as st

from canbo.core.dates import (
    due_horizon,
    is_working_day,
    nth_working_day_forward,
    reappointment_due_date,
    working_days_between,
)

D = datetime.date
DAY = datetime.timedelta(days=1)


def test_weekends_and_listed_holidays_are_not_working_days():
    assert is_working_day(D(2026, 11, 20))  # Friday
    assert not is_working_day(D(2026, 11, 21))  # Saturday
    assert not is_working_day(D(2026, 9, 2), holidays=[D(2026, 9, 2)])
    assert working_days_between(D(2026, 11, 16), D(2026, 11, 22)) == 5
    assert working_days_between(D(2026, 11, 16), D(2026, 11, 22), holidays=[D(2026, 11, 18)]) == 4
    assert working_days_between(D(2026, 11, 22), D(2026, 11, 16)) == 0


def test_the_due_date_is_the_90th_working_day_back_from_the_end():
    end = D(2025, 12, 31)  # a Wednesday: 90 working days = 18 weeks back from the Thursday after
    due = reappointment_due_date(end)

    assert due == D(2025, 8, 28)
    assert working_days_between(due, end) == 90
    assert working_days_between(due + DAY, end) == 89


def test_holidays_push_the_due_date_earlier():
    end = D(2025, 12, 31)

    assert reappointment_due_date(end, holidays=[D(2025, 9, 1), D(2025, 9, 2)]) == D(2025, 8, 26)


def test_a_term_ending_on_a_weekend_counts_its_last_working_day():
    assert reappointment_due_date(D(2026, 1, 4)) == reappointment_due_date(D(2026, 1, 2))


@given(
    st.dates(min_value=D(2020, 1, 1), max_value=D(2035, 12, 31)),
    st.integers(min_value=0, max_value=250),
    st.sets(st.dates(min_value=D(2020, 1, 1), max_value=D(2036, 12, 31)), max_size=20),
)
def test_the_horizon_and_the_due_date_agree(end, back, holidays):
    today_ = end - datetime.timedelta(days=back)

    assert (end <= due_horizon(today_, holidays=holidays)) == (
        today_ >= reappointment_due_date(end, holidays=holidays)
    )


def test_counting_forward_skips_weekends_and_holidays():
    assert nth_working_day_forward(D(2026, 11, 20), 1) == D(2026, 11, 20)  # Friday counts itself
    assert nth_working_day_forward(D(2026, 11, 21), 1) == D(2026, 11, 23)  # Saturday → Monday
    assert nth_working_day_forward(D(2026, 11, 20), 2, holidays=[D(2026, 11, 23)]) == D(2026, 11, 24)
