"""Shared pieces of the demo's training data: specs of classes, lượt and study assignments, the award index,
pools of people, costs and durations.

Specs are plain objects built in memory; writer.py turns them into rows. Positions (`pos`) index the careers
list (career.idx - 1); every collection is a list or an insertion-ordered dict, so the same seed gives the same
rows.
"""

from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import chain

from canbo.org.models import AdminLevel
from canbo.people.choices import QUALIFICATION_LEVELS
from canbo.training.choices import EnrolmentResult, TrainingMode, Venue

from .. import DEFAULT_SCALE
from ..careers import TIER, Career, Row, apportion
from ..dates import CUTOFF, D2019, age_on
from ..qualifications import Award

W_FROM, W_TO = date(2015, 1, 1), date(2020, 12, 31)  # seed 001: "giai đoạn 2015 - 2020"
FIRST_YEAR, LAST_YEAR = 2015, 2025
TT, KTT, HCKT = TrainingMode.FULL_TIME, TrainingMode.PART_TIME, TrainingMode.COMPLETION
DOMESTIC, ABROAD = Venue.DOMESTIC, Venue.ABROAD
COMPLETED, PENDING = EnrolmentResult.COMPLETED, EnrolmentResult.PENDING
NOT_COMPLETED, WITHDRAWN = EnrolmentResult.NOT_COMPLETED, EnrolmentResult.WITHDRAWN

# Cost per trainee in 2015 (đồng), rising 3,5 % a year; part-time and completion courses cost less.
NORM = {
    "DT_DAI_HOC": 24_000_000,
    "DT_THAC_SI": 55_000_000,
    "DT_TIEN_SI": 140_000_000,
    "LLCT_SO_CAP": 1_200_000,
    "LLCT_TRUNG_CAP": 9_000_000,
    "LLCT_CAO_CAP": 28_000_000,
    "QLNN_CHUYEN_VIEN": 3_000_000,
    "QLNN_CHUYEN_VIEN_CHINH": 5_500_000,
    "QLNN_CHUYEN_VIEN_CAO_CAP": 11_000_000,
    "BD_BI_THU_HUYEN": 14_000_000,
    "BD_PHO_BI_THU_HUYEN": 12_000_000,
    "BD_LANH_DAO_SO": 7_000_000,
    "BD_LANH_DAO_PHONG": 3_500_000,
    "NV_TO_CHUC": 1_800_000,
    "NV_KIEM_TRA": 1_800_000,
    "NV_TUYEN_GIAO": 1_800_000,
    "NV_DAN_VAN": 1_800_000,
    "NV_VAN_PHONG": 1_800_000,
    "NV_CHUYEN_NGANH": 1_500_000,
    "QLKT": 2_200_000,
    "QPAN_DOI_TUONG_3": 3_500_000,
    "QPAN_DOI_TUONG_4": 1_600_000,
    "NN_TIENG_ANH_B1": 4_000_000,
    "NN_TIENG_ANH_B2": 5_500_000,
    "TH_CO_BAN": 1_200_000,
    "TH_NANG_CAO": 2_000_000,
    "KY_NANG_SO": 600_000,
    "TDT_HMONG": 3_000_000,
    "TDT_THAI": 3_000_000,
}
MODE_FACTOR = {TT: 1.0, KTT: 0.75, HCKT: 0.4, "": 1.0}
# Seed 000: more money per person for communes (travel, board and lodging of commune cadres).
SPENT_FACTOR = {AdminLevel.TINH: 1.0, AdminLevel.HUYEN: 1.1, AdminLevel.XA: 1.6}
ALLOCATED_FACTOR = {AdminLevel.TINH: 1.0, AdminLevel.HUYEN: 1.15, AdminLevel.XA: 1.7}
# Class length in days.
DAYS = {
    "LLCT_SO_CAP": 75,
    "QLNN_CHUYEN_VIEN": 56,
    "QLNN_CHUYEN_VIEN_CHINH": 56,
    "QLNN_CHUYEN_VIEN_CAO_CAP": 42,
    "BD_BI_THU_HUYEN": 12,
    "BD_PHO_BI_THU_HUYEN": 12,
    "BD_LANH_DAO_SO": 14,
    "BD_LANH_DAO_PHONG": 12,
    "NV_TO_CHUC": 5,
    "NV_KIEM_TRA": 5,
    "NV_TUYEN_GIAO": 5,
    "NV_DAN_VAN": 5,
    "NV_VAN_PHONG": 5,
    "NV_CHUYEN_NGANH": 5,
    "QLKT": 7,
    "QPAN_DOI_TUONG_3": 14,
    "QPAN_DOI_TUONG_4": 10,
    "NN_TIENG_ANH_B1": 150,
    "NN_TIENG_ANH_B2": 150,
    "TH_CO_BAN": 45,
    "TH_NANG_CAO": 75,
    "KY_NANG_SO": 3,
    "TDT_HMONG": 100,
    "TDT_THAI": 100,
}
RANKS = {
    (scale, code): rank for scale, levels in QUALIFICATION_LEVELS.items() for code, _label, rank in levels
}
TCT = "Trường Chính trị tỉnh Điện Biên"
HVCT = "Học viện Chính trị khu vực I"


def cost(code: str, year: int, mode: str = "", factor: float = 1.0) -> int:
    value = NORM[code] * MODE_FACTOR.get(mode, 1.0) * 1.035 ** (year - 2015) * factor
    return int(round(value / 10_000)) * 10_000


def workday(day: date) -> date:
    """The Monday after a weekend day."""
    return day + timedelta(days=(7 - day.weekday()) % 7 if day.weekday() >= 5 else 0)


@dataclass(eq=False, slots=True)
class ClassSpec:
    code: str
    name: str
    programme: str
    mode: str
    start: date
    end: date
    organiser: int  # unit pk
    organiser_name: str
    location: str
    cost_per_trainee: int
    venue: str = DOMESTIC
    capacity: int = 0
    members: list = field(default_factory=list)
    line: object = None


@dataclass(eq=False, slots=True)
class EnrolSpec:
    pos: int
    programme: str
    mode: str
    venue: str
    start: date
    end: date | None
    unit: int  # unit pk at the start
    level: str  # that unit's level
    result: str = PENDING
    result_date: date | None = None
    certificate_number: str = ""
    certificate_date: date | None = None
    attendance: int | None = None
    cost: int = 0
    award: Award | None = None
    klass: ClassSpec | None = None
    line: object = None
    removed: bool = False


@dataclass(eq=False, slots=True)
class StudySpec:
    enrolment: EnrolSpec
    institution: str
    field_of_study: str
    funding: str
    expected_end: date
    status: str
    decision_number: str
    decision_date: date
    proposer: str  # demo username
    end_date: date | None = None
    commitment_months: int = 0
    commitment_end: date | None = None
    rule: int | None = None


class AwardIndex:
    """The demo's planned qualifications by (scale, level) and date, and each person's ranks over time."""

    SCALES = ("PROFESSIONAL", "POLITICAL_THEORY", "STATE_MGMT", "FOREIGN_LANGUAGE", "IT", "ETHNIC_LANGUAGE")

    def __init__(self, awards: list[Award]):
        self.by_level: dict[tuple, list[Award]] = defaultdict(list)
        self.ranks: dict[tuple, list[tuple[date, int]]] = defaultdict(list)
        for a in awards:
            rank = RANKS[(a.scale, a.level)]
            self.ranks[(a.career.idx - 1, a.scale)].append((a.awarded_on, rank))
            if a.scale in self.SCALES and a.awarded_on >= W_FROM:
                self.by_level[(a.scale, a.level)].append(a)
        for items in self.by_level.values():
            items.sort(key=lambda a: (a.awarded_on, a.career.idx))
        self.dates = {k: [a.awarded_on for a in v] for k, v in self.by_level.items()}
        self.linked: set[int] = set()  # id() of awards that already have their lượt
        self.new: list[Award] = []
        self.new_ids: set[int] = set()

    def between(self, scale: str, level: str, lo: date, hi: date) -> list[Award]:
        items, days = self.by_level.get((scale, level), []), self.dates.get((scale, level), [])
        return items[bisect_left(days, lo) : bisect_right(days, hi)]

    def rank_on(self, pos: int, scale: str, day: date) -> int:
        return max((r for d, r in self.ranks.get((pos, scale), ()) if d <= day), default=0)

    def top(self, pos: int, scale: str) -> int:
        return max((r for _d, r in self.ranks.get((pos, scale), ())), default=0)

    def unlink(self, award: Award) -> None:
        """The award's lượt was dropped: a planned award stays on the register, a new one goes."""
        self.linked.discard(id(award))
        if id(award) in self.new_ids:
            self.new_ids.discard(id(award))
            self.new = [a for a in self.new if a is not award]

    def add(self, award: Award) -> Award:
        """A new award (always after 31/12/2019: the 2015 and 2019 shares stay as planned)."""
        assert award.awarded_on > D2019 and award.awarded_on <= CUTOFF
        self.new.append(award)
        self.new_ids.add(id(award))
        self.ranks[(award.career.idx - 1, award.scale)].append(
            (award.awarded_on, RANKS[(award.scale, award.level)])
        )
        return award


class Pools:
    """Lists of positions of careers that ever worked in a place or post; draws check the dates."""

    def __init__(self, careers: list[Career]):
        self.lists: dict[tuple, list[int]] = defaultdict(list)
        self._joined: dict[tuple, list[int]] = {}  # one list per combination: classes share it (read only)
        for pos, career in enumerate(careers):
            keys = {("all",)}
            for row in career.rows:
                slot = row.slot
                if slot.district is not None:
                    keys.add(("d", slot.district.gso))
                elif slot.level == AdminLevel.TINH:
                    keys.add(("p",))
                else:
                    keys.add(("x",))  # a commune formed on 01/07/2025
                keys.add(("s", slot.suffix))
                if TIER.get(row.position or "", 0) >= 3:
                    keys.add(("lead",))
            for key in sorted(keys):
                self.lists[key].append(pos)

    def get(self, *keys) -> list[int]:
        if len(keys) == 1:
            return self.lists.get(keys[0], [])
        joined = self._joined.get(keys)
        if joined is None:
            joined = self._joined[keys] = [pos for key in keys for pos in self.lists.get(key, [])]
        return joined


class Ctx:
    def __init__(self, rng, tree, careers, person_ids, awards, scale: int, units: dict):
        self.rng, self.tree, self.careers, self.person_ids = rng, tree, careers, person_ids
        self.factor = scale / DEFAULT_SCALE
        self.awards = AwardIndex(awards)
        self.pools = Pools(careers)
        self.units = units  # suffix -> province OrgUnit, "ROOT" -> the root unit
        self.districts = {d.gso: d for d in tree.districts}
        self.ttct = {d.gso: next(s.unit for s in d.slots if s.suffix == "TTCT") for d in tree.districts}
        self.enrolments: list[EnrolSpec] = []
        self.classes: list[ClassSpec] = []
        self.studies: list[StudySpec] = []
        self.good_years: dict[int, set[int]] = defaultdict(set)  # pos -> years rated HTT or better
        self.rules: list[tuple] = []  # (id, valid_from, valid_to, commitment multiplier) of SponsorshipRule
        self.proposers: dict[
            int, str
        ] = {}  # unit pk -> demo username who proposes its people (default board)
        self._seq: dict[int, int] = defaultdict(int)

    def rule_on(self, day: date) -> tuple[int, int] | None:
        for pk, valid_from, valid_to, multiplier in self.rules:
            if valid_from <= day and (valid_to is None or day <= valid_to):
                return pk, multiplier
        return None

    def proposer(self, unit: int) -> str:
        return self.proposers.get(unit, "bantochuc")

    def n(self, count: int) -> int:
        """A count of the default scale, at this scale."""
        return round(count * self.factor)

    def split(self, by_year: dict[int, int], years) -> dict[int, int]:
        """Scaled counts of `years` whose sum is the scaled sum (exact figures of a period stay exact)."""
        years = list(years)
        return dict(
            zip(
                years,
                apportion(self.n(sum(by_year[y] for y in years)), [by_year[y] for y in years]),
                strict=True,
            )
        )

    def class_code(self, year: int) -> str:
        self._seq[year] += 1
        return f"DB-{year}-{self._seq[year]:04d}"

    def working(self, pos: int, start: date, end: date | None = None) -> Row | None:
        career = self.careers[pos]
        row = career.row_on(start)
        if row is None or (end is not None and career.row_on(min(end, CUTOFF)) is None):
            return None
        return row

    def age(self, pos: int, day: date) -> int:
        return age_on(self.careers[pos].birth, day)

    def draw(self, pool: list[int], k: int, start: date, end: date, accept=None, taken=None) -> list:
        """Up to k (pos, row) working from `start` to `end`, accepted by accept(pos, row), not in `taken`."""
        out, chosen, rng = [], set(), self.rng
        if not pool or k <= 0:
            return out
        size = len(pool)
        if size <= 4 * k:
            order = rng.sample(pool, size)
        else:  # random draws, then (rarely: a narrow `accept`) a scan from a random place
            draw, offset = rng.random, rng.randrange(size)
            order = chain(
                (pool[int(draw() * size)] for _ in range(40 * k + 200)),
                (pool[(offset + i) % size] for i in range(size)),
            )
        for pos in order:
            if pos in chosen or (taken is not None and pos in taken):
                continue
            row = self.working(pos, start, end)
            if row is None or (accept is not None and not accept(pos, row)):
                continue
            chosen.add(pos)
            out.append((pos, row))
            if len(out) == k:
                break
        return out

    def enrol(
        self,
        pos: int,
        row: Row,
        programme: str,
        mode: str,
        start: date,
        end,
        *,
        venue=DOMESTIC,
        klass: ClassSpec | None = None,
    ) -> EnrolSpec:
        spec = EnrolSpec(
            pos, programme, mode, venue, start, end, row.slot.unit.pk, row.slot.level, klass=klass
        )
        if klass is not None:
            spec.cost = int(round(klass.cost_per_trainee * SPENT_FACTOR[spec.level] / 1000)) * 1000
            klass.members.append(spec)
        self.enrolments.append(spec)
        return spec

    def new_class(
        self,
        programme,
        mode,
        start,
        end,
        organiser,
        organiser_name,
        location,
        name,
        *,
        venue=DOMESTIC,
        capacity=0,
    ) -> ClassSpec:
        klass = ClassSpec(
            self.class_code(start.year),
            name,
            programme,
            mode,
            start,
            end,
            organiser,
            organiser_name,
            location,
            cost(programme, start.year, mode),
            venue,
            capacity,
        )
        self.classes.append(klass)
        return klass


def complete(
    spec: EnrolSpec,
    result_date: date,
    *,
    award: Award | None = None,
    number: str = "",
    certificate_date: date | None = None,
    attendance: int | None = None,
) -> EnrolSpec:
    """Completed; with a qualification, the certificate is that qualification's document."""
    spec.result, spec.result_date = COMPLETED, max(result_date, spec.start)
    spec.attendance = attendance
    if award is not None:
        spec.award = award
        spec.certificate_number, spec.certificate_date = award.document_number, award.awarded_on
    else:
        spec.certificate_number, spec.certificate_date = number, certificate_date
    return spec


def region(row: Row) -> tuple:
    """("d", gso) for a district body or an old commune, ("p",) for a province body, ("x",) a new commune."""
    slot = row.slot
    if slot.district is not None:
        return ("d", slot.district.gso)
    return ("p",) if slot.level == AdminLevel.TINH else ("x",)


def place(ctx: "Ctx", key: tuple) -> tuple[int, str, str]:
    """(organiser unit pk, organiser name, place name) of a class held for `key`'s people."""
    if key[0] == "d":
        centre = ctx.ttct[key[1]]
        return centre.pk, centre.name, ctx.districts[key[1]].area.name
    return ctx.units["TCT"].pk, TCT, "tỉnh Điện Biên"


def in_window(day: date) -> bool:
    return W_FROM <= day <= W_TO


def pos_of(award: Award) -> int:
    return award.career.idx - 1
