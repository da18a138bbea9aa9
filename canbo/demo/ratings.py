"""Annual ratings 2022–2025 of the demo province (canbo.evaluation.AnnualRating), read by the sending rules.

Everyone working on 31/12 of the year is rated in the unit they work in then: mostly "hoàn thành tốt" (HTT),
"hoàn thành xuất sắc" (HTXS) for the best of each unit but at most 20 % of its HTT count, a few "hoàn thành"
(HT) and "không hoàn thành" (KHT), and "không xếp loại" for those recruited after 30/06 of the year. A person
keeps roughly the same standing from year to year. People sent to postgraduate study in 2024–2025 are rated
HTT or better in the two years before (the rule they were checked against). 2025 results carry a score.
"""

import random
from collections import defaultdict
from datetime import date
from decimal import Decimal

from canbo.core.bulk import insert_rows
from canbo.evaluation.models import AnnualRating, RatingLevel

from .careers import Career
from .training.writer import indexes_built_after

YEARS = (2022, 2023, 2024, 2025)
SCORES = {
    RatingLevel.EXCELLENT: (90, 100),
    RatingLevel.GOOD: (70, 89),
    RatingLevel.COMPLETED: (50, 69),
    RatingLevel.NOT_COMPLETED: (30, 49),
}


def _decision(unit) -> str:
    suffix = unit.code.rsplit("-", 1)[-1]
    return "UBND" if suffix.startswith("X") else suffix


def plan_ratings(seed: int, careers: list[Career], good_years: dict[int, set[int]]) -> list[dict]:
    rng = random.Random(f"canbo-demo-ratings-{seed}")
    draw = rng.random
    standing = [draw() for _ in careers]
    days = [(year, date(year, 12, 31)) for year in YEARS]
    by_unit: dict[tuple, list[int]] = defaultdict(list)  # (year, unit pk) -> positions, in career order
    units = {}
    for pos, career in enumerate(careers):
        for row in career.rows:
            for year, day in days:
                if row.start <= day and (row.end is None or row.end >= day):
                    unit = row.slot.unit
                    units[unit.pk] = unit
                    by_unit[(year, unit.pk)].append(pos)
    rows = []
    for (year, unit_pk), members in sorted(by_unit.items()):
        number = f"{rng.randint(12, 480)}/QĐ-{_decision(units[unit_pk])}"
        decided = date(year, 12, rng.randint(8, 30))
        not_before = date(year, 6, 30)
        levels, good = {}, []
        for pos in members:
            must = year in good_years.get(pos, ())
            r = standing[pos] * 0.6 + draw() * 0.4
            if careers[pos].recruited > not_before:
                levels[pos] = RatingLevel.NOT_RATED
            elif r < 0.03 and not must:
                levels[pos] = RatingLevel.NOT_COMPLETED
            elif r < 0.15 and not must:
                levels[pos] = RatingLevel.COMPLETED
            else:
                good.append((r, pos))
        good.sort(reverse=True)
        best = int(len(good) * rng.uniform(0.08, 0.15))  # HTXS ≤ 15 % of the good = 17,6 % of HTT
        for i, (_r, pos) in enumerate(good):
            levels[pos] = RatingLevel.EXCELLENT if i < best else RatingLevel.GOOD
        for pos in members:
            level = levels[pos]
            score = None
            if year == 2025 and level in SCORES:
                lo, hi = SCORES[level]
                score = Decimal(lo * 10 + int(draw() * (min(hi * 10 + 9, 1000) - lo * 10 + 1))) / 10
            rows.append(
                {
                    "person_id": pos,  # replaced by the person id when written
                    "year": year,
                    "unit_id": unit_pk,
                    "level": level,
                    "score": score,
                    "decided_on": decided,
                    "decision_number": number,
                }
            )
    return rows


def build_ratings(seed: int, careers: list[Career], person_ids: list[int], good_years: dict) -> int:
    rows = plan_ratings(seed, careers, good_years)
    for row in rows:
        row["person_id"] = person_ids[row["person_id"]]
    with indexes_built_after(AnnualRating):
        return insert_rows(AnnualRating, rows)
