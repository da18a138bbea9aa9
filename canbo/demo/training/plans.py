"""The province's annual training plans 2015–2027: lines, per-unit breakdown and the workflow log.

Plans 2015–2026 are issued (a decision dated by 31/01 of the year, after submission by Sở Nội vụ, appraisal by
the Party Organisation Board and approval by the Standing Committee); 2027 is a draft due 31/01/2027. A line is
one programme × mode × venue of the year's lượt; its target is the lượt done (not withdrawn) ÷ an achievement
near 100 %, except seed 001's 2019 full-time cao cấp line: 44 of 55 = 80 %. Allocations break a line down
by unit (province bodies, districts, communes), with more money per person for communes (seed 000).
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from canbo.org.models import AdminLevel
from canbo.training.choices import PlanStatus

from ..careers import apportion
from ..dates import CUTOFF
from .specs import ALLOCATED_FACTOR, DOMESTIC, TT, WITHDRAWN, Ctx, cost

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
SEED_LINE = (2019, "LLCT_CAO_CAP", TT, DOMESTIC)  # seed 001: 44 sent = 80 % of the target
RESPONSIBLE = {
    "NV_KIEM_TRA": "UBKTTU",
    "NV_TUYEN_GIAO": "BTGTU",
    "NV_DAN_VAN": "BDVTU",
    "NV_VAN_PHONG": "VPTU",
    "QLKT": "SKHDT",
    "TDT_HMONG": "BDT",
    "TDT_THAI": "BDT",
    "NV_CHUYEN_NGANH": "SNV",
    "KY_NANG_SO": "SNV",
    "BD_LANH_DAO_SO": "SNV",
    "BD_LANH_DAO_PHONG": "SNV",
}
AUDIENCE = {
    "DT_DAI_HOC": "Cán bộ, công chức, viên chức chưa có trình độ đại học phù hợp vị trí việc làm",
    "DT_THAC_SI": "Cán bộ, công chức, viên chức trong quy hoạch, đủ điều kiện cử đi đào tạo sau đại học",
    "DT_TIEN_SI": "Cán bộ, công chức, viên chức trong quy hoạch, đủ điều kiện cử đi đào tạo sau đại học",
    "LLCT_CAO_CAP": "Cán bộ lãnh đạo, quản lý đương chức và trong quy hoạch",
    "LLCT_TRUNG_CAP": "Cán bộ, công chức cấp huyện, cấp xã và lãnh đạo cấp phòng",
    "LLCT_SO_CAP": "Cán bộ, đảng viên ở cơ sở",
}
NEED_PROGRAMMES = ("LLCT_TRUNG_CAP", "LLCT_CAO_CAP", "QLNN_CHUYEN_VIEN", "BD_LANH_DAO_PHONG")


@dataclass(eq=False)
class LineSpec:
    year: int
    programme: str
    mode: str
    venue: str
    actual: int = 0
    funded: float = 1.0  # share of the lượt the state pays for (self-funded degrees cost it nothing)
    target: int = 0
    budget: int = 0
    units: Counter = field(default_factory=Counter)  # allocation unit pk -> lượt
    allocations: list = field(default_factory=list)  # (unit pk, level, target, budget)
    pk: int | None = None

    @property
    def responsible(self) -> str:
        if self.programme.startswith("QLNN") or self.programme.startswith(("NN_", "TH_")):
            return "SNV"
        return RESPONSIBLE.get(self.programme, "BTCTU")


@dataclass(eq=False)
class PlanSpec:
    year: int
    status: str
    lines: list
    decision_number: str = ""
    decision_date: date | None = None
    transitions: list = field(default_factory=list)  # (from, to, username, at, comment)
    pk: int | None = None


def allocation_units(tree) -> tuple[dict, set]:
    """unit pk -> (pk of the unit a line is allocated to, its level), and the units that still exist."""
    alloc = {s.unit.pk: (s.unit.pk, AdminLevel.TINH) for s in tree.province}
    for d in tree.districts:
        alloc.update({s.unit.pk: (d.area.pk, AdminLevel.HUYEN) for s in d.slots})
        alloc.update({s.unit.pk: (s.unit.pk, AdminLevel.XA) for s in d.communes})
    alloc.update({s.unit.pk: (s.unit.pk, AdminLevel.XA) for s in tree.new_communes})
    current = {s.unit.pk for s in tree.province} | {s.unit.pk for s in tree.new_communes}
    return alloc, current


def plan_plans(ctx: Ctx) -> list[PlanSpec]:
    rng = ctx.rng
    alloc, current = allocation_units(ctx.tree)
    lines: dict[tuple, LineSpec] = {}
    paid = Counter()
    for spec in ctx.enrolments:
        if spec.removed or not 2015 <= spec.start.year <= 2025:
            continue
        key = (spec.start.year, spec.programme, spec.mode, spec.venue)
        line = lines.get(key) or lines.setdefault(key, LineSpec(*key))
        spec.line = line
        line.actual += spec.result != WITHDRAWN
        line.units[alloc[spec.unit][0]] += 1
        paid[key] += spec.cost > 0
    for key, line in lines.items():
        line.funded = max(paid[key], 1) / max(sum(line.units.values()), 1)
    for klass in ctx.classes:
        klass.line = lines.get((klass.start.year, klass.programme, klass.mode, klass.venue))
    level_of = dict(alloc.values())
    by_year: dict[int, list] = {year: [] for year in range(2015, 2028)}
    for key, line in lines.items():
        achieved = 0.8 if key == SEED_LINE else rng.uniform(0.93, 1.07)
        line.target = max(1, round(line.actual / achieved))
        by_year[line.year].append(line)
    for year in (2026, 2027):  # the next plans: last year's lines, a little more
        for before in by_year[year - 1]:
            line = LineSpec(year, before.programme, before.mode, before.venue, funded=before.funded)
            line.target = max(1, round(before.target * rng.uniform(0.95, 1.2)))
            line.units = Counter({u: n for u, n in before.units.items() if u in current})
            by_year[year].append(line)
    for year_lines in by_year.values():
        for line in year_lines:
            _allocate(line, level_of)
    return [_plan(ctx, year, year_lines) for year, year_lines in by_year.items()]


def _allocate(line: LineSpec, level_of: dict) -> None:
    units = list(line.units)
    if not units:
        line.budget = cost(line.programme, line.year, line.mode, line.funded) * line.target
        return
    for unit, target in zip(units, apportion(line.target, [line.units[u] for u in units]), strict=True):
        if target:
            level = level_of[unit]
            budget = (
                cost(line.programme, line.year, line.mode, ALLOCATED_FACTOR[level] * line.funded) * target
            )
            line.allocations.append((unit, level, target, budget))
            line.budget += budget


def _at(day: date, rng) -> datetime:
    return datetime.combine(day, time(rng.randint(8, 16), rng.choice((0, 15, 30, 45))), tzinfo=TZ)


def _plan(ctx: Ctx, year: int, lines: list) -> PlanSpec:
    rng = ctx.rng
    if year == 2027:
        return PlanSpec(year, PlanStatus.DRAFT, lines)
    decided = (
        date(year - 1, 12, rng.randint(18, 30))
        if rng.random() < 0.4 or year == 2026
        else (date(year, 1, rng.randint(6, 28)))
    )
    decided = min(decided, CUTOFF)
    plan = PlanSpec(year, PlanStatus.ISSUED, lines, f"{rng.randint(20, 380)}/KH-UBND", decided)
    approved = decided - timedelta(days=rng.randint(2, 6))
    appraised = approved - timedelta(days=rng.randint(5, 10))
    submitted = appraised - timedelta(days=rng.randint(8, 14))
    steps = []
    if year == 2017:  # returned once for correction
        first = submitted - timedelta(days=rng.randint(12, 18))
        steps += [
            (
                PlanStatus.DRAFT,
                PlanStatus.SUBMITTED,
                "sonoivu",
                first,
                f"Trình thẩm định kế hoạch năm {year}.",
            ),
            (
                PlanStatus.SUBMITTED,
                PlanStatus.DRAFT,
                "bantochuc",
                first + timedelta(days=5),
                "Đề nghị bổ sung chỉ tiêu bồi dưỡng theo chức danh lãnh đạo, quản lý và kinh phí cho cấp xã.",
            ),
        ]
    steps += [
        (
            PlanStatus.DRAFT,
            PlanStatus.SUBMITTED,
            "sonoivu",
            submitted,
            f"Trình thẩm định kế hoạch năm {year}.",
        ),
        (
            PlanStatus.SUBMITTED,
            PlanStatus.APPRAISED,
            "bantochuc",
            appraised,
            "Thống nhất nội dung; đề nghị Ban Thường vụ Tỉnh ủy phê duyệt.",
        ),
        (PlanStatus.APPRAISED, PlanStatus.APPROVED, ctx.standing, approved, "Phê duyệt."),
        (PlanStatus.APPROVED, PlanStatus.ISSUED, "sonoivu", decided, ""),
    ]
    plan.transitions = [(a, b, who, _at(day, rng), comment) for a, b, who, day, comment in steps]
    return plan


def audience(programme: str, venue: str) -> str:
    text = AUDIENCE.get(programme, "")
    return f"{text} (học ở nước ngoài)" if venue != DOMESTIC else text


def needs_of(plan: PlanSpec) -> list[tuple]:
    """Units' registered needs behind the draft plan's main lines: (line, unit pk, count)."""
    return [
        (line, unit, target)
        for line in plan.lines
        if line.programme in NEED_PROGRAMMES and line.venue == DOMESTIC
        for unit, _level, target, _budget in line.allocations
    ]
