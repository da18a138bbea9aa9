"""Vietnamese numbers for every door: 25.944 persons, 54,3 %, +5,1 percentage points, and the one `share()`.

Written here rather than with Django's l10n filters so the command line, the xlsx notes and the HTML page
print the same strings whatever locale is active. Shares are computed in Decimal and rounded half up to one
decimal (5,05 → 5,1), so 1 of 8 is 12,5 and never a float's 12,499….
"""

from decimal import ROUND_HALF_UP, Decimal

ONE_DECIMAL = Decimal("0.1")
TWO_DECIMALS = Decimal("0.01")
DASH = "—"


def round1(value) -> Decimal | None:
    """Round half up to one decimal (5,05 → 5,1), the rounding of every share and change."""
    if value is None:
        return None
    return Decimal(value).quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)


def round2(value) -> Decimal | None:
    """Round half up to two decimals (72,245 → 72,25), for a share asked with two decimals."""
    if value is None:
        return None
    return Decimal(value).quantize(TWO_DECIMALS, rounding=ROUND_HALF_UP)


def share(part, whole, *, exact: bool = False) -> Decimal | None:
    """`part` as a percentage of `whole`, rounded to one decimal (`exact`: not rounded, for comparing with a
    threshold or subtracting two shares before rounding); None when `whole` is 0 or missing."""
    if not whole or part is None:
        return None
    value = Decimal(part) * 100 / Decimal(whole)
    return value if exact else round1(value)


def fmt_int(value) -> str:
    if value is None:
        return DASH
    return f"{int(value):,}".replace(",", ".")


def fmt_decimal(value, places: int = 1) -> str:
    """54,3 — one decimal (or `places` = 2: 72,25), thousands with dots (1.234,5)."""
    if value is None:
        return DASH
    rounded = round2(value) if places == 2 else round1(value)
    text = f"{rounded:,.{places}f}"
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def fmt_pct(value) -> str:
    """54,3 % — a share with its sign, a space before it as Vietnamese writes it."""
    if value is None:
        return DASH
    return f"{fmt_decimal(value)} %"


def fmt_pp(value, places: int = 1) -> str:
    """A change in percentage points, always signed: +5,1 / -2,0 / 0,0 (`places` = 2: +24,53)."""
    if value is None:
        return DASH
    value = round2(value) if places == 2 else round1(value)
    sign = "+" if value > 0 else ""
    return sign + fmt_decimal(value, places)
