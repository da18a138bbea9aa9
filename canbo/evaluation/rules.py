"""The rating rules (domain.md §3 rules 14–17), as pure checks with Vietnamese explanations.

- rule 14: the campaign's deadline is at the latest 15/12 of the year; under 6 months worked in the year → not
  rated (except maternity leave, rated on the time actually worked); 3 to under 6 months of leave → at most HT;
- rule 16 (NĐ 335/2025): score = general criteria (0–30) + deliverables (0–70); bands ≥ 90 HTXS, 70–< 90 HTT,
  50–< 70 HT, < 50 KHT; the deliverables part is computed from the monthly or quarterly items when the sheet
  has them (`tasks_score`); a discipline decided in the year for a duty-related act, or a finding of
  degradation (suy thoái) recorded by the deciding body, forces KHT;
- rule 15: HTXS at most 20 % of HTT per unit (HTXS × 5 ≤ HTT).
"""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from canbo.discipline.models import DisciplineRecord

from .models import RATING_RANK, RatingLevel

DEADLINE_DAY = (12, 15)
MIN_MONTHS = 6
LEAVE_CAP_FROM = 3  # 3 to under 6 months of leave → at most HT
HTXS_SHARE_OF_HTT = Decimal("0.20")
BANDS = [  # (lowest score, level), best first
    (Decimal(90), RatingLevel.EXCELLENT),
    (Decimal(70), RatingLevel.GOOD),
    (Decimal(50), RatingLevel.COMPLETED),
    (Decimal(0), RatingLevel.NOT_COMPLETED),
]
BAND_TEXT = {
    RatingLevel.EXCELLENT: "từ 90 điểm",
    RatingLevel.GOOD: "từ 70 đến dưới 90 điểm",
    RatingLevel.COMPLETED: "từ 50 đến dưới 70 điểm",
    RatingLevel.NOT_COMPLETED: "dưới 50 điểm",
}


TASKS_POINTS = Decimal(70)
MISS_COST = Decimal("0.25")  # of the item's points, per quality or timeliness miss
CENT = Decimal("0.01")


def fmt_points(value) -> str:
    """Points as Vietnamese text: 85,0 · 65,63 (a second decimal only when there is one)."""
    value = Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)
    text = f"{value:.1f}" if value == value.quantize(Decimal("0.1")) else f"{value:.2f}"
    return text.replace(".", ",")


def tasks_score(items) -> Decimal | None:
    """NĐ 335's 70 points of deliverables from (weight, misses) pairs; None without items.

    Reading of rule 16 (docs/decisions/013-nd335-deliverable-scoring.md): the 70 points are shared among the
    items by weight (equal weights: equal shares); each miss of quality or of timeliness takes 25 % of that
    item's share, never below 0 (two misses → 50 %, four or more → nothing):
    70 × Σ(weight × max(0; 1 − 0,25 × misses)) / Σ weight, rounded half up to two decimals."""
    items = list(items)
    total = sum(weight for weight, _ in items)
    if not items or total <= 0:
        return None
    earned = sum(weight * max(Decimal(0), 1 - MISS_COST * misses) for weight, misses in items)
    return (TASKS_POINTS * earned / total).quantize(CENT, rounding=ROUND_HALF_UP)


def latest_deadline(year: int) -> date:
    return date(year, *DEADLINE_DAY)


def band_for(score: Decimal) -> str:
    return next(level for floor, level in BANDS if score >= floor)


def months_worked_in(year: int, spans: list[tuple[date, date | None]]) -> int:
    """Whole months of the year covered by employment spans (overlaps counted once)."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    covered: set[int] = set()
    for start, end in spans:
        start, end = max(start, first), min(end or last, last)
        if start <= end:
            covered.update(range(start.toordinal(), end.toordinal() + 1))
    days = last.toordinal() - first.toordinal() + 1
    return min(12, (len(covered) * 24 + days) // (2 * days))  # rounded half up


@dataclass(frozen=True)
class Facts:
    """What the rules read about one person's year."""

    name: str
    year: int
    months_worked: int
    leave_months: int
    maternity: bool
    disciplines: tuple  # DisciplineRecord rows decided in the year for a duty-related act
    degradation: str = ""  # the basis of a degradation finding (empty: none)


def disciplines_in(person_ids, year: int) -> dict[int, list]:
    """Discipline decided in the year for an act related to the duty (rule 16), per person, oldest first."""
    rows = DisciplineRecord.objects.filter(
        person_id__in=person_ids, decided_on__year=year, duty_related=True
    ).order_by("decided_on", "id")
    found: dict[int, list] = {}
    for row in rows:
        found.setdefault(row.person_id, []).append(row)
    return found


def score_errors(general, tasks, level: str, *, field: str = "level") -> dict[str, list[str]]:
    """Both parts or none; the level must agree with the score's band."""
    if general is None and tasks is None:
        return {}
    if general is None or tasks is None:
        return {
            "score": ["Cần nhập cả điểm tiêu chí chung (tối đa 30) và điểm kết quả nhiệm vụ (tối đa 70)."]
        }
    errors: dict[str, list[str]] = {}
    if not 0 <= general <= 30:
        errors["score_general"] = ["Điểm tiêu chí chung từ 0 đến 30."]
    if not 0 <= tasks <= 70:
        errors["score_tasks"] = ["Điểm kết quả nhiệm vụ từ 0 đến 70."]
    if errors:
        return errors
    if level == RatingLevel.NOT_RATED:
        return {field: ["Không xếp loại thì không chấm điểm: hãy để trống điểm."]}
    total = general + tasks
    band = band_for(total)
    if level and band != level:
        return {
            field: [
                f"Tổng điểm {fmt_points(total)} ({fmt_points(general)} + {fmt_points(tasks)}) thuộc khung "
                f"“{RatingLevel(band).label}” ({BAND_TEXT[band]}), không phải “{RatingLevel(level).label}” "
                f"({BAND_TEXT[RatingLevel(level)]})."
            ]
        }
    return {}


def level_errors(facts: Facts, level: str) -> list[str]:
    """Why `level` is not allowed for this person and year (empty: allowed)."""
    if level not in RatingLevel.values:
        return ["Mức xếp loại không hợp lệ."]
    if facts.degradation:  # forced KHT, whatever the time worked
        if level == RatingLevel.NOT_COMPLETED:
            return []
        return [
            f"{facts.name} có kết luận suy thoái về tư tưởng chính trị, đạo đức, lối sống ({facts.degradation}): "
            "xếp loại “Không hoàn thành nhiệm vụ”."
        ]
    rated_time = facts.months_worked
    if rated_time < MIN_MONTHS and not facts.maternity:
        if level != RatingLevel.NOT_RATED:
            return [
                f"{facts.name} công tác {rated_time} tháng trong năm {facts.year} (dưới {MIN_MONTHS} tháng): "
                "không xếp loại (trừ trường hợp nghỉ thai sản)."
            ]
        return []
    if level == RatingLevel.NOT_RATED:
        return [
            f"{facts.name} công tác {rated_time} tháng trong năm {facts.year}"
            f"{' (nghỉ thai sản: đánh giá theo thời gian công tác thực tế)' if facts.maternity else ''}: "
            "phải xếp loại, không được để “không xếp loại”."
        ]
    if facts.disciplines and level != RatingLevel.NOT_COMPLETED:
        record = facts.disciplines[0]
        return [
            f"{facts.name} bị kỷ luật {record.get_form_display().lower()} theo quyết định số "
            f"{record.decision_number} ngày {record.decided_on:%d/%m/%Y} trong năm đánh giá: xếp loại "
            "“Không hoàn thành nhiệm vụ”."
        ]
    if (
        not facts.maternity
        and LEAVE_CAP_FROM <= facts.leave_months < MIN_MONTHS
        and RATING_RANK[RatingLevel(level)] < RATING_RANK[RatingLevel.COMPLETED]
    ):
        return [
            f"{facts.name} nghỉ {facts.leave_months} tháng trong năm (từ {LEAVE_CAP_FROM} đến dưới "
            f"{MIN_MONTHS} tháng): xếp loại tối đa “Hoàn thành nhiệm vụ”."
        ]
    return []


def cap_allows(excellent: int, good: int) -> bool:
    return excellent * 5 <= good


def cap_message(unit_name: str, excellent: int, good: int) -> str:
    allowed = good // 5
    return (
        f"{unit_name}: {excellent} người “Hoàn thành xuất sắc nhiệm vụ” vượt tỷ lệ tối đa 20 % của {good} người "
        f"“Hoàn thành tốt nhiệm vụ” (tối đa {allowed} người)."
    )
