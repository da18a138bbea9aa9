"""Planned qualification levels on 31/12/2015 and 31/12/2019, so the seed's changes come out exactly.

Report definition (brief): share(D, S, L) = persons employed on D holding on D a qualification of scale S with
rank >= rank(L), divided by persons employed on D. Seed 001, "so với đầu nhiệm kỳ (năm 2015)": professional
trung cấp+ +5,1 pp, đại học+ +14,7 pp, trên đại học +2,5 pp, political theory trung cấp+ +10,0 pp.

The plan fixes each threshold's share on both dates to one decimal (SHARES_2015 / SHARES_2019), so the number
of holders on each date is round(share × headcount) and both the shares and their difference round to the
target. Leavers (2015 only) and joiners (2019 only) take their own, older / younger mix; the stayers take the
rest, ranked by a propensity score, so nobody's level ever goes down.
"""

# Professional levels by index: 0 below trung cấp (none or sơ cấp), 1 TRUNG_CAP … 5 TIEN_SI.
PROFESSIONAL = [None, "TRUNG_CAP", "CAO_DANG", "DAI_HOC", "THAC_SI", "TIEN_SI"]
# Political theory by index: 0 none, 1 SO_CAP, 2 TRUNG_CAP, 3 CAO_CAP.
POLITICAL = [None, "SO_CAP", "TRUNG_CAP", "CAO_CAP"]

# Cumulative shares in % of "at or above" index 1, 2, … on each date, and of leavers and joiners.
SHARES = {
    "PROFESSIONAL": {
        "2015": [88.9, 68.0, 47.3, 2.5, 0.1],
        "2019": [94.0, 79.0, 62.0, 5.0, 0.2],
        "leavers": [75.0, 50.0, 25.0, 1.0, 0.0],
        "joiners": [98.0, 90.0, 75.0, 5.0, 0.0],
    },
    "POLITICAL_THEORY": {
        "2015": [64.0, 32.0, 4.5],
        "2019": [72.0, 42.0, 6.0],
        "leavers": [65.0, 35.0, 5.0],
        "joiners": [30.0, 5.0, 0.0],
    },
}
# The seed's changes, for the tests and the summary: (scale, level code, pp).
SEED_CHANGES = [
    ("PROFESSIONAL", "TRUNG_CAP", 5.1),
    ("PROFESSIONAL", "DAI_HOC", 14.7),
    ("PROFESSIONAL", "THAC_SI", 2.5),
    ("POLITICAL_THEORY", "TRUNG_CAP", 10.0),
]


def _holders(shares: list[float], size: int) -> list[int]:
    return [round(share * size / 100) for share in shares]


def _levels_by_rank(people: list, counts: list[int], score) -> dict:
    """Rank people by score (best first); the r-th gets the number of thresholds with r < count."""
    ranked = sorted(people, key=score, reverse=True)
    return {id(p): sum(1 for c in counts if r < c) for r, p in enumerate(ranked)}


def plan_levels(scale: str, stayers: list, leavers: list, joiners: list, score) -> tuple[dict, dict]:
    """Level index of each person on 31/12/2015 (stayers, leavers) and 31/12/2019 (stayers, joiners)."""
    spec = SHARES[scale]
    size_2015, size_2019 = len(stayers) + len(leavers), len(stayers) + len(joiners)
    left = _holders(spec["leavers"], len(leavers))
    joined = _holders(spec["joiners"], len(joiners))
    stay_2015 = [c - lv for c, lv in zip(_holders(spec["2015"], size_2015), left, strict=True)]
    stay_2019 = [c - j for c, j in zip(_holders(spec["2019"], size_2019), joined, strict=True)]
    # Feasible whatever the scale: nested thresholds, within the stayers, and nobody goes down.
    for k in range(len(stay_2019)):
        ceiling = stay_2019[k - 1] if k else len(stayers)
        stay_2019[k] = min(max(stay_2019[k], 0), ceiling)
        stay_2015[k] = min(max(stay_2015[k], 0), stay_2019[k], stay_2015[k - 1] if k else len(stayers))
    on_2015 = _levels_by_rank(stayers, stay_2015, score)
    on_2019 = _levels_by_rank(stayers, stay_2019, score)
    on_2015.update(_levels_by_rank(leavers, left, score))
    on_2019.update(_levels_by_rank(joiners, joined, score))
    return on_2015, on_2019


def draw_level(rng, shares: list[float]) -> int:
    """A level index drawn from cumulative shares (for people outside both snapshots)."""
    r = rng.random() * 100
    return sum(1 for s in shares if r < s)
