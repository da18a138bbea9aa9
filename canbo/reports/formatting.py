"""Vietnamese number formatting for every report door: 25.944 persons, 54,3 %, +5,1 percentage points.

Written here rather than with Django's l10n filters so the command line, the xlsx notes and the HTML page
print the same strings whatever locale is active.
"""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

ONE_DECIMAL = Decimal("0.1")
DASH = "—"


def round1(value) -> Decimal | None:
    """Round half up to one decimal (5,05 → 5,1), the rounding of every share and change."""
    if value is None:
        return None
    return Decimal(value).quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)


def fmt_int(value) -> str:
    if value is None:
        return DASH
    return f"{int(value):,}".replace(",", ".")


def fmt_decimal(value) -> str:
    """54,3 — one decimal, thousands with dots (1.234,5)."""
    if value is None:
        return DASH
    text = f"{round1(value):,.1f}"
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def fmt_pp(value) -> str:
    """A change in percentage points, always signed: +5,1 / -2,0 / 0,0."""
    if value is None:
        return DASH
    value = round1(value)
    sign = "+" if value > 0 else ""
    return sign + fmt_decimal(value)


def fmt_date(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else DASH


def fmt_value(value, kind: str) -> str:
    if kind == "int":
        return fmt_int(value)
    if kind == "pct":
        return fmt_decimal(value)
    if kind == "pp":
        return fmt_pp(value)
    return DASH if value is None else str(value)
