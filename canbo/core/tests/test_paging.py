"""The keyset paginator's cursors and sort parsing (the list pages test the paging itself)."""

import datetime
from decimal import Decimal

import pytest

from canbo.core.paging import SortColumn, decode_cursor, encode_cursor, parse_sort, user_filtered
from canbo.core.text import letter_key

COLUMNS = [
    SortColumn("ten", "Họ và tên", ("sort_key",)),
    SortColumn("ngay", "Ngày", ("d",), descending_first=True),
]


def test_a_cursor_round_trips_dates_decimals_text_and_numbers():
    values = [datetime.date(2019, 12, 31), Decimal("4.98"), "Đặng", 7, None]
    assert decode_cursor(encode_cursor(values), len(values)) == values


@pytest.mark.parametrize("token", ["", "!!!", "e30", encode_cursor([1, 2]), encode_cursor([["x"]])])
def test_a_foreign_or_tampered_cursor_is_refused_not_raised(token):
    assert decode_cursor(token, 3) is None


def test_an_unknown_sort_falls_back_to_the_default():
    assert parse_sort("-ngay", COLUMNS, "ten").param == "-ngay"
    assert parse_sort("drop table", COLUMNS, "ten").param == "ten"
    assert parse_sort("--ten", COLUMNS, "-ngay").param == "-ten"
    assert parse_sort(None, COLUMNS, "-ngay").param == "-ngay"


def test_letters_follow_the_vietnamese_alphabet():
    assert letter_key("A") < letter_key("Ă") < letter_key("Â") < letter_key("B")
    assert letter_key("D") < letter_key("Đ") < letter_key("E") and letter_key("đ") == letter_key("Đ")


def test_paging_and_sort_parameters_are_not_filters():
    from django.http import QueryDict

    assert not user_filtered(QueryDict("sap_xep=-ten&sau=abc&chu=A&page=2&q="))
    assert user_filtered(QueryDict("sap_xep=-ten&q=xi"))
