"""Issue 11/14: the career-timeline rules, one definition each, used by the services and the Excel import."""

from datetime import date
from types import SimpleNamespace as Row

from canbo.people.rules import latest_row, overlapping_neighbours, periods_overlap, rows_to_close


def row(start, end=None):
    return Row(start_date=start, end_date=end)


def test_the_current_row_is_the_one_that_starts_last():
    rows = [row(date(2015, 1, 1), date(2019, 12, 31)), row(date(2020, 1, 1)), row(date(2010, 1, 1))]

    assert latest_row(rows) is rows[1]
    assert latest_row([]) is None


def test_a_later_current_row_ends_the_open_row_before_it():
    earlier, later = row(date(2015, 1, 1)), row(date(2020, 3, 1))

    assert rows_to_close([earlier, later]) == [(earlier, date(2020, 3, 1))]


def test_a_later_closed_row_ends_nothing():
    earlier, later = row(date(2015, 1, 1)), row(date(2020, 3, 1), date(2021, 1, 1))

    assert rows_to_close([earlier, later]) == []


def test_overlaps_show_between_neighbours_of_the_sorted_timeline():
    a = row(date(2010, 1, 1), date(2020, 12, 31))
    b = row(date(2012, 1, 1), date(2013, 1, 1))
    c = row(date(2014, 1, 1), date(2015, 1, 1))
    d = row(date(2021, 1, 1))

    assert overlapping_neighbours([a, b, c, d]) == [(a, b)]
    assert periods_overlap(a, c) and not periods_overlap(c, d)
    assert overlapping_neighbours([b, c, d]) == []
