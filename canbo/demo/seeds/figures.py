"""Small arithmetic the seed provinces share: scaling a count, splitting a total, and the holder counts that give a
share with two decimals and its change, as the qualification-share report computes them (half up, the change from
the unrounded shares)."""

from decimal import ROUND_HALF_UP, Decimal

TWO = Decimal("0.01")


def scaled(count: int, scale: float) -> int:
    return count if scale == 1 else max(1, round(count * scale))


def split(total: int, weights: list[int]) -> list[int]:
    """`total` in parts proportional to `weights`, the rounding left on the last part (sum is exactly `total`)."""
    whole = sum(weights)
    parts = [total * w // whole for w in weights[:-1]]
    return [*parts, total - sum(parts)]


def pct2(part: int, whole: int) -> Decimal:
    return (Decimal(part) * 100 / Decimal(whole)).quantize(TWO, rounding=ROUND_HALF_UP)


def holders_for(share: str, change: str, *, before: int, after: int) -> tuple[int, int]:
    """(holders before, holders after) so that the share after rounds to `share` and the change from the
    unrounded shares rounds to `change` (two decimals)."""
    target, delta = Decimal(share), Decimal(change)
    for h2 in range(round(after * target / 100) - 3, round(after * target / 100) + 4):
        if pct2(h2, after) != target:
            continue
        exact2 = Decimal(h2) * 100 / Decimal(after)
        guess = round(before * (target - delta) / 100)
        for h1 in range(guess - 5, guess + 6):
            exact1 = Decimal(h1) * 100 / Decimal(before)
            if (exact2 - exact1).quantize(TWO, rounding=ROUND_HALF_UP) == delta:
                return h1, h2
    raise ValueError(f"no holder counts give {share} % and {change} points for {before} → {after} persons")
