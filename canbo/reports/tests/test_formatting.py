from decimal import Decimal

from canbo.reports.formatting import fmt_decimal, fmt_int, fmt_pp, round1


def test_integers_use_dots_between_thousands():
    assert fmt_int(25944) == "25.944"
    assert fmt_int(1234567) == "1.234.567"
    assert fmt_int(0) == "0"


def test_shares_use_a_decimal_comma_and_one_decimal():
    assert fmt_decimal(Decimal("54.25")) == "54,3"
    assert fmt_decimal(Decimal("1234.56")) == "1.234,6"
    assert fmt_decimal(None) == "—"


def test_changes_are_signed_percentage_points():
    assert fmt_pp(Decimal("5.1")) == "+5,1"
    assert fmt_pp(Decimal("-2")) == "-2,0"
    assert fmt_pp(Decimal("0")) == "0,0"


def test_rounding_is_half_up():
    assert round1(Decimal("5.05")) == Decimal("5.1")
    assert round1(Decimal("14.649")) == Decimal("14.6")
