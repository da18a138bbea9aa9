"""Formatting for every report door: the numbers come from canbo.core.numbers (25.944, 54,3 %, +5,1),
dates as dd/mm/yyyy, and `fmt_value` choosing by a column's kind."""

from datetime import date

from canbo.core.numbers import DASH, fmt_decimal, fmt_int, fmt_pct, fmt_pp, round1

__all__ = ["DASH", "fmt_date", "fmt_decimal", "fmt_int", "fmt_pct", "fmt_pp", "fmt_value", "round1"]


def fmt_date(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else DASH


def fmt_value(value, kind: str) -> str:
    if kind == "int":
        return fmt_int(value)
    if kind in ("pct", "pct2"):
        return fmt_decimal(value, 2 if kind == "pct2" else 1)
    if kind in ("pp", "pp2"):
        return fmt_pp(value, 2 if kind == "pp2" else 1)
    return DASH if value is None else str(value)
