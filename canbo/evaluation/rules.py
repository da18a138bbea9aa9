"""The rating rules (domain.md §3 rules 14–17, §3b), as checks with Vietnamese explanations. The values are
dated rows of `EvaluationRule` (migration 0005), read for the year judged (its 1 January): the NĐ 335 points,
bands and deliverables scoring apply only to civil servants and only from 2026; viên chức and earlier years keep
NĐ 90/2020 (as amended by NĐ 48/2023), which rates without points.

- rule 14: the campaign's deadline is at the latest 15/12 of the year; under 6 months worked in the year → not
  rated (except maternity leave, rated on the time actually worked); 3 to under 6 months of leave → at most HT;
- rule 16 (NĐ 335/2025): score = general criteria (0–30) + deliverables (0–70); bands ≥ 90 HTXS, 70–< 90 HTT,
  50–< 70 HT, < 50 KHT; the deliverables part is computed from the monthly or quarterly items when the sheet
  has them (`tasks_score`); a discipline decided in the year for a duty-related act, or a finding of
  degradation (suy thoái) recorded by the deciding body, forces KHT;
- rule 15: HTXS at most 20 % of HTT per unit; from 2026 for civil servants also per group of similar duties;
- a leader whose unit had corruption, embezzlement or waste handled by law: KHT (NĐ 90 Art 11; NĐ 335);
- leaders' tasks part (NĐ 335): their own deliverables, the results of the unit they manage and their
  capacity to organise the tasks, in equal shares [U: the weights are data].
"""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from canbo.discipline.models import DisciplineRecord

from .models import RATING_RANK, EvaluationRule, RatingLevel

CENT = Decimal("0.01")
HUNDRED = Decimal(100)


def year_rules(year: int) -> dict:
    """Every rating rule in force for `year` (on its 1 January), {code: value}, one query."""
    return EvaluationRule.objects.values_on(date(year, 1, 1))


def points_apply(category: str, year: int, rules_: dict | None = None) -> bool:
    """NĐ 335's 100-point scoring: civil servants, from the 2026 rating on."""
    points = (rules_ if rules_ is not None else year_rules(year)).get("points")
    return points is not None and category in points["categories"]


def _bands(on: date | None = None) -> list[tuple[Decimal, str]]:
    value = EvaluationRule.objects.value("bands", on=on or date(2026, 1, 1))
    return [(Decimal(str(floor)), level) for floor, level in value]


BAND_TEXT = {
    RatingLevel.EXCELLENT: "từ 90 điểm",
    RatingLevel.GOOD: "từ 70 đến dưới 90 điểm",
    RatingLevel.COMPLETED: "từ 50 đến dưới 70 điểm",
    RatingLevel.NOT_COMPLETED: "dưới 50 điểm",
}


def fmt_points(value) -> str:
    """Points as Vietnamese text: 85,0 · 65,63 (a second decimal only when there is one)."""
    value = Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)
    text = f"{value:.1f}" if value == value.quantize(Decimal("0.1")) else f"{value:.2f}"
    return text.replace(".", ",")


def item_share(quantity_percent, quality_misses: int, progress_misses: int, miss_cost: Decimal) -> Decimal:
    """One deliverable's result (0–1): the mean of its quantity, quality and progress points; each quality
    (progress) miss costs `miss_cost` of *that item's* quality (progress) points, never below 0."""
    quantity = Decimal(quantity_percent) / HUNDRED
    quality = max(Decimal(0), 1 - miss_cost * quality_misses)
    progress = max(Decimal(0), 1 - miss_cost * progress_misses)
    return (quantity + quality + progress) / 3


def tasks_score(items, *, year: int = 2026) -> Decimal | None:
    """NĐ 335's 70 points of deliverables from (weight, quantity %, quality misses, progress misses); None
    without items (docs/decisions/013-nd335-deliverable-scoring.md, revised for issue 15):
    70 × Σ(weight × item share) / Σ weight, rounded half up to two decimals."""
    items = list(items)
    total = sum(item[0] for item in items)
    if not items or total <= 0:
        return None
    points = EvaluationRule.objects.value("points", on=date(year, 1, 1))
    miss_cost, tasks_points = Decimal(str(points["miss_cost"])), Decimal(points["tasks"])
    earned = sum(weight * item_share(qty, qm, pm, miss_cost) for weight, qty, qm, pm in items)
    return (tasks_points * earned / total).quantize(CENT, rounding=ROUND_HALF_UP)


def leader_tasks_score(
    own: Decimal | None, unit_results_percent, organisation_percent, *, year: int = 2026
) -> Decimal | None:
    """A leader's tasks part (NĐ 335): their own deliverables' result, the unit's results and their capacity to
    organise the tasks, each a share of the 70 points (`leader_parts` weights); None until all three are known."""
    if own is None or unit_results_percent is None or organisation_percent is None:
        return None
    rules_ = year_rules(year)
    tasks_points = Decimal(rules_["points"]["tasks"])
    weights = {k: Decimal(str(v)) for k, v in rules_["leader_parts"].items()}
    shares = {
        "own": Decimal(own) / tasks_points,
        "unit_results": Decimal(unit_results_percent) / HUNDRED,
        "organisation": Decimal(organisation_percent) / HUNDRED,
    }
    earned = sum(weights[k] * shares[k] for k in weights) / sum(weights.values())
    return (tasks_points * earned).quantize(CENT, rounding=ROUND_HALF_UP)


def latest_deadline(year: int) -> date:
    deadline = EvaluationRule.objects.value("deadline", on=date(year, 1, 1))
    return date(year, deadline["month"], deadline["day"])


def band_for(score: Decimal, *, on: date | None = None) -> str:
    return next(level for floor, level in _bands(on) if score >= floor)


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
    is_leader: bool = False
    unit_corruption: str = (
        ""  # the basis: the leader's unit had corruption, embezzlement or waste (empty: none)
    )


def disciplines_in(person_ids, year: int) -> dict[int, list]:
    """Discipline decided in the year for an act related to the duty (rule 16), per person, oldest first."""
    rows = DisciplineRecord.objects.filter(
        person_id__in=person_ids, decided_on__year=year, duty_related=True
    ).order_by("decided_on", "id")
    found: dict[int, list] = {}
    for row in rows:
        found.setdefault(row.person_id, []).append(row)
    return found


def score_errors(
    general, tasks, level: str, *, field: str = "level", category: str = "CC", year: int = 2026
) -> dict[str, list[str]]:
    """Both parts or none; the level must agree with the score's band. Points only where NĐ 335 applies."""
    if general is None and tasks is None:
        return {}
    if not points_apply(category, year):
        return {
            "score": [
                f"Năm {year}, đối tượng này không chấm điểm theo NĐ 335/2025 (chỉ áp dụng với công chức từ năm "
                "2026): hãy để trống điểm."
            ]
        }
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
    band = band_for(total, on=date(year, 1, 1))
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
    if facts.is_leader and facts.unit_corruption and level != RatingLevel.NOT_COMPLETED:
        return [
            f"{facts.name} là người lãnh đạo, quản lý của đơn vị để xảy ra tham ô, tham nhũng, lãng phí và bị xử "
            f"lý theo quy định ({facts.unit_corruption}): xếp loại “Không hoàn thành nhiệm vụ”."
        ]
    months = EvaluationRule.objects.value("months", on=date(facts.year, 1, 1))
    min_months, leave_cap_from = months["min_months"], months["leave_cap_from"]
    rated_time = facts.months_worked
    if rated_time < min_months and not facts.maternity:
        if level != RatingLevel.NOT_RATED:
            return [
                f"{facts.name} công tác {rated_time} tháng trong năm {facts.year} (dưới {min_months} tháng): "
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
        and leave_cap_from <= facts.leave_months < min_months
        and RATING_RANK[RatingLevel(level)] < RATING_RANK[RatingLevel.COMPLETED]
    ):
        return [
            f"{facts.name} nghỉ {facts.leave_months} tháng trong năm (từ {leave_cap_from} đến dưới "
            f"{min_months} tháng): xếp loại tối đa “Hoàn thành nhiệm vụ”."
        ]
    return []


def excellent_cap(year: int) -> dict:
    """{"share_of_good": "0.20", "duty_group_categories": [...]} for the year (the HTXS cap, rule 15)."""
    return EvaluationRule.objects.value("excellent_cap", on=date(year, 1, 1))


def cap_allows(excellent: int, good: int, *, share: Decimal = Decimal("0.20")) -> bool:
    return excellent <= good * Decimal(str(share))


def cap_message(unit_name: str, excellent: int, good: int, *, share: Decimal = Decimal("0.20")) -> str:
    share = Decimal(str(share))
    allowed = int(good * share)
    return (
        f"{unit_name}: {excellent} người “Hoàn thành xuất sắc nhiệm vụ” vượt tỷ lệ tối đa "
        f"{fmt_points(share * 100).replace(',0', '')} % của {good} người “Hoàn thành tốt nhiệm vụ” (tối đa "
        f"{allowed} người)."
    )
