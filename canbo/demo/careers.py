"""Careers of the demo province, 2004–2025: who worked where, in which post and category, and when they left.

Four groups: stayers (working on 31/12/2015 and 31/12/2019), leavers (2015 but gone by 2019), joiners (recruited
2016–2019) and later recruits (2020–2025). The 31/12/2019 seats are apportioned exactly to the seed's figures
(7.759 province, 15.413 district, 2.772 commune at the default scale); the 2025 reform then ends every district
and old-commune row on 30/06/2025 and moves its people (see reform.py).
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from canbo.org.models import AdminLevel, OrgSector
from canbo.people.catalogues import POSITIONS
from canbo.people.choices import Gender, PersonStatus
from canbo.people.choices import PersonnelCategory as Cat
from canbo.people.choices import PersonnelMove as Move

from .dates import D2015, D2019, REFORM, add_years, random_day, retirement_day
from .orgtree import Slot, Tree

SEED_2019 = {AdminLevel.TINH: 7759, AdminLevel.HUYEN: 15413, AdminLevel.XA: 2772}
JOINER_SHARE, LEAVER_SHARE, LATER_SHARE = 0.12, 0.105, 0.085
TIER = {code: tier for code, _name, _lead, tier in POSITIONS}
HEADS = {
    AdminLevel.TINH: {"VPTU": ("BI_THU_TU", "PHO_BI_THU_TU"), "VPUB": ("CT_UBND_TINH", "PCT_UBND_TINH")},
    AdminLevel.HUYEN: {"VPHU": ("BI_THU_HU", "PHO_BI_THU_HU"), "VPUB": ("CT_UBND_HUYEN", "PCT_UBND_HUYEN")},
}
DEFAULT_HEADS = {
    AdminLevel.TINH: ("GIAM_DOC_SO", "PHO_GIAM_DOC_SO"),
    AdminLevel.HUYEN: ("TRUONG_PHONG", "PHO_TRUONG_PHONG"),
}
COMMUNE_LEADERS = ("BI_THU_XA", "CT_UBND_XA", "PCT_UBND_XA", "PCT_UBND_XA")
TEACHING = {"SGDDT", "PGDDT", "CDSP", "CDYT", "CDKTKT", "TCT", "TTGDNN", "TTCT"}
HEALTH = {"SYT", "TTYT"}
ORIGIN_NOTE = "Tiếp nhận khi chia tách tỉnh Lai Châu, thành lập tỉnh Điện Biên (01/01/2004)"


@dataclass(eq=False, slots=True)
class Row:
    slot: Slot
    category: str
    position: str | None
    start: date
    end: date | None = None
    move: str = Move.TUYEN_DUNG
    note: str = ""


@dataclass(eq=False, slots=True)
class Career:
    group: str  # T stayer, L leaver, J joiner, K later recruit
    gender: str
    birth: date
    recruited: date
    rows: list[Row] = field(default_factory=list)
    status: str = PersonStatus.WORKING
    status_date: date | None = None
    tier: int = 0
    idx: int = 0

    def row_on(self, day: date) -> Row | None:
        for row in self.rows:
            if row.start <= day and (row.end is None or row.end >= day):
                return row
        return None

    @property
    def last(self) -> Row:
        return self.rows[-1]

    def end_service(self, day: date, status: str, move: str, note: str = "") -> None:
        self.last.end = day
        self.last.note = (self.last.note + " " + (note or Move(move).label)).strip()[:255]
        self.status, self.status_date = status, day


def apportion(total: int, weights: list[float]) -> list[int]:
    """Largest-remainder apportionment: integer shares of `total` proportional to `weights`, summing to it."""
    whole = sum(weights)
    raw = [total * w / whole for w in weights]
    counts = [int(r) for r in raw]
    order = sorted(range(len(raw)), key=lambda i: counts[i] - raw[i])
    for i in order[: total - sum(counts)]:
        counts[i] += 1
    return counts


def level_counts(scale: int) -> dict[str, int]:
    total = sum(SEED_2019.values())
    province = round(scale * SEED_2019[AdminLevel.TINH] / total)
    commune = round(scale * SEED_2019[AdminLevel.XA] / total)
    return {AdminLevel.TINH: province, AdminLevel.HUYEN: scale - province - commune, AdminLevel.XA: commune}


class Picker:
    """Weighted random choice of a unit of a given level (the same weights as the 2019 seats)."""

    def __init__(self, rng, tree: Tree):
        self.rng = rng
        self.pools = {}
        for level in (AdminLevel.TINH, AdminLevel.HUYEN, AdminLevel.XA):
            slots = tree.slots_of_level(level)
            self.pools[level] = (slots, _cumulative([s.weight for s in slots]))
        self.pools["NEW_XA"] = (tree.new_communes, _cumulative([s.weight for s in tree.new_communes]))
        counts = level_counts(1000)
        self.levels = list(counts)
        self.level_weights = _cumulative(list(counts.values()))

    def slot(self, level: str, avoid: Slot | None = None) -> Slot:
        slots, cum = self.pools[level]
        for _ in range(10):
            slot = self.rng.choices(slots, cum_weights=cum)[0]
            if slot is not avoid:
                return slot
        return slot

    def level(self) -> str:
        return self.rng.choices(self.levels, cum_weights=self.level_weights)[0]


def _cumulative(weights):
    total, out = 0.0, []
    for w in weights:
        total += w
        out.append(total)
    return out


def staff_post(rng, slot: Slot, category: str) -> str | None:
    if category == Cat.CC_XA:
        return "CONG_CHUC_XA"
    if category == Cat.CB_XA:
        return None
    if category == Cat.VC:
        if slot.suffix in TEACHING:
            return "GIAO_VIEN"
        if slot.suffix in HEALTH:
            return "BAC_SI" if rng.random() < 0.28 else "NHAN_VIEN"
        return "CHUYEN_VIEN" if rng.random() < 0.6 else "NHAN_VIEN"
    if slot.level == AdminLevel.XA:
        return "CONG_CHUC_XA"
    return "CHUYEN_VIEN" if rng.random() < 0.9 else "NHAN_VIEN"


def post_for(rng, slot: Slot, role: str, category: str) -> str | None:
    if slot.level == AdminLevel.XA and role != "staff":
        return "BI_THU_XA" if role == "head" else "PCT_UBND_XA"
    if role in ("head", "deputy"):
        head, deputy = HEADS[slot.level].get(slot.suffix, DEFAULT_HEADS[slot.level])
        return head if role == "head" else deputy
    if role == "mid":
        return "PHO_TRUONG_PHONG"
    return staff_post(rng, slot, category)


def category_for(rng, slot: Slot, role: str, on: date) -> str:
    """role: head, deputy, mid (head of a sub-unit) or staff."""
    after_reform = on >= REFORM
    if slot.level == AdminLevel.XA:
        if role != "staff":
            return Cat.CB if after_reform else Cat.CB_XA
        if after_reform:
            return Cat.CB if rng.random() < 0.3 else Cat.CC
        return Cat.CB_XA if rng.random() < 0.35 else Cat.CC_XA
    if role in ("head", "deputy"):
        if slot.vc_led:
            return Cat.VC
        if slot.sector in (OrgSector.DANG, OrgSector.MTTQ_DOAN_THE) or slot.suffix in (
            "VPUB",
            "VPHU",
            "VPTU",
        ):
            return Cat.CB
        return Cat.CC
    if role == "mid" and slot.vc_share >= 0.9:
        return Cat.VC
    return Cat.VC if rng.random() < slot.vc_share else Cat.CC


def seat_roles(slot: Slot, size: int) -> list[tuple[str, str | None]]:
    """(role, post) of each 2019 seat of a unit, leaders first; staff posts are drawn later."""
    if slot.level == AdminLevel.XA:
        leaders = [("head" if i == 0 else "deputy", post) for i, post in enumerate(COMMUNE_LEADERS)]
        return (leaders + [("staff", None)] * size)[:size]
    head, deputy = HEADS[slot.level].get(slot.suffix, DEFAULT_HEADS[slot.level])
    deputies = 3 if size >= 40 else 2 if size >= 8 else 1
    roles = [("head", head)] + [("deputy", deputy)] * deputies
    rest = max(size - len(roles), 0)
    if slot.level == AdminLevel.TINH and size >= 20 or size >= 40:
        heads_of_sub_units = round(rest * (0.06 if slot.level == AdminLevel.TINH else 0.035))
        roles += [("mid", "TRUONG_PHONG")] * heads_of_sub_units
        roles += [("mid", "PHO_TRUONG_PHONG")] * round(
            rest * (0.08 if slot.level == AdminLevel.TINH else 0.05)
        )
    return (roles + [("staff", None)] * size)[:size]


def female_share(slot: Slot, role: str, category: str) -> float:
    if role in ("head", "deputy"):
        return 0.18
    if slot.suffix == "HLHPN":
        return 0.95
    if category == Cat.VC and (slot.suffix in TEACHING or slot.suffix in HEALTH):
        return 0.55
    if slot.level == AdminLevel.XA:
        return 0.25
    return 0.36


def birth_day(rng, lo_year: int, hi_year: int, mode: float) -> date:
    year = min(int(rng.triangular(lo_year, hi_year + 1, mode)), hi_year)
    return date(year, 1, 1) + timedelta(days=rng.randrange(365))


class CareerPlanner:
    def __init__(self, rng, tree: Tree):
        self.rng, self.tree = rng, tree
        self.pick = Picker(rng, tree)

    # -- people -------------------------------------------------------------------------------------------
    def person(self, group: str, slot: Slot, role: str, category: str, start_on: date) -> Career:
        rng = self.rng
        female = rng.random() < female_share(slot, role, category)
        gender = Gender.NU if female else Gender.NAM
        if group in ("J", "K"):
            birth = birth_day(rng, 1986, 1998, 1995)
        elif role in ("head", "deputy"):
            birth = birth_day(rng, 1965 if female else 1962, 1978, 1970)
        else:
            birth = birth_day(rng, 1965 if female else 1960, 1992, 1980)
        if group in ("J", "K"):
            recruited = start_on
            if recruited < add_years(birth, 21):  # graduates first: at least 21 on recruitment
                birth = add_years(recruited, -rng.randint(21, 26)) - timedelta(days=rng.randrange(365))
        else:
            recruited = add_years(birth, rng.randint(21, 30)) + timedelta(days=rng.randrange(365))
            if recruited > D2015 - timedelta(days=30):
                recruited = random_day(rng, add_years(birth, 20), D2015 - timedelta(days=30))
        return Career(group, gender, birth, recruited)

    def first_row(self, career: Career, slot: Slot, category: str, post: str | None) -> Row:
        start = max(career.recruited, slot.unit.valid_from)
        if career.recruited < slot.unit.valid_from:
            return Row(slot, category, post, start, move=Move.SAP_XEP, note=ORIGIN_NOTE)
        return Row(slot, category, post, start)

    # -- 2019 seats: stayers and joiners --------------------------------------------------------------------
    def seats_2019(self, scale: int) -> list[tuple[Slot, str, str | None]]:
        seats = []
        for level, count in level_counts(scale).items():
            slots = self.tree.slots_of_level(level)
            for slot, size in zip(slots, apportion(count, [s.weight for s in slots]), strict=True):
                seats += [(slot, role, post) for role, post in seat_roles(slot, size)]
        return seats

    def stayers_and_joiners(self, scale: int) -> list[Career]:
        rng = self.rng
        seats = self.seats_2019(scale)
        staff_seats = [i for i, (_s, role, _p) in enumerate(seats) if role == "staff"]
        joiner_seats = set(rng.sample(staff_seats, min(round(scale * JOINER_SHARE), len(staff_seats))))
        careers = []
        for i, (slot, role, post) in enumerate(seats):
            group = "J" if i in joiner_seats else "T"
            category = category_for(rng, slot, role, D2019)
            post = post or staff_post(rng, slot, category)
            start = random_day(rng, date(2016, 1, 2), D2019) if group == "J" else None
            career = self.person(group, slot, role, category, start)
            career.tier = TIER.get(post, 0) if post else 0
            if group == "J":
                career.rows.append(Row(slot, category, post, start))
            else:
                self._stayer_history(career, slot, role, category, post)
            careers.append(career)
        return careers

    def _stayer_history(self, career: Career, slot: Slot, role: str, category: str, post: str | None) -> None:
        """Rows up to the 2019 seat: an appointment, a transfer or an earlier posting for some."""
        rng = self.rng
        first_start = max(career.recruited, slot.unit.valid_from)
        leader = role in ("head", "deputy")
        final = (slot, role, post, category)
        segments = []  # (start or None for the first row, slot, role, post, category, move)
        r = rng.random()
        if (leader and r < 0.3) or (not leader and r < 0.07):
            moved_on = random_day(rng, date(2016, 1, 1), D2019 - timedelta(days=15))
            before = self.pick.slot(transfer_level(rng, slot.level), avoid=slot)
            move = (
                Move.BO_NHIEM
                if leader
                else (Move.DIEU_DONG if before.level == slot.level else Move.LUAN_CHUYEN)
            )
            segments = [self._segment(None, before, "mid" if leader else "staff"), (moved_on, *final, move)]
        elif leader and r < 0.8 and add_years(first_start, 6) < D2019 - timedelta(days=60):
            appointed = random_day(rng, add_years(first_start, 6), D2019 - timedelta(days=60))
            earlier_role = "deputy" if role == "head" else "mid"
            segments = [self._segment(None, slot, earlier_role), (appointed, *final, Move.BO_NHIEM)]
        else:
            segments = [(None, *final, None)]
        lo, hi = add_years(first_start, 2), D2015 - timedelta(days=180)
        if rng.random() < 0.18 and lo < hi and (len(segments) == 1 or segments[1][0] > hi):
            first = segments[0]
            earlier = self.pick.slot(first[1].level, avoid=first[1])
            segments = [self._segment(None, earlier, "staff"), (random_day(rng, lo, hi), *first[1:5], Move.DIEU_DONG),
                        *segments[1:]]  # fmt: skip
        for start, seg_slot, _role, seg_post, seg_category, move in segments:
            if start is None:
                row = self.first_row(career, seg_slot, seg_category, seg_post)
            else:
                row = Row(seg_slot, seg_category, seg_post, start, move=move)
                career.rows[-1].end = start - timedelta(days=1)
            career.rows.append(row)

    def _segment(self, start, slot: Slot, role: str):
        category = category_for(self.rng, slot, role, start or D2015)
        return (start, slot, role, post_for(self.rng, slot, role, category), category, None)

    # -- leavers and later recruits -----------------------------------------------------------------------------
    def leavers(self, scale: int) -> list[Career]:
        rng = self.rng
        careers = []
        for _ in range(round(scale * LEAVER_SHARE)):
            slot = self.pick.slot(self.pick.level())
            category = category_for(rng, slot, "staff", D2015)
            post = staff_post(rng, slot, category)
            r = rng.random()
            if r < 0.55:
                female = rng.random() < 0.5
                gender = Gender.NU if female else Gender.NAM
                start_year = 1961 if female else 1956
                birth = date(start_year, 1, 1) + timedelta(days=rng.randrange(365 * 4 - 40))
                exit_on = retirement_day(gender, birth)
                status, move = PersonStatus.RETIRED, Move.NGHI_HUU
            else:
                female = rng.random() < female_share(slot, "staff", category)
                gender = Gender.NU if female else Gender.NAM
                exit_on = random_day(rng, date(2016, 1, 1), D2019 - timedelta(days=1))
                if r < 0.80:
                    birth = birth_day(rng, 1968, 1990, 1982)
                    status, move = PersonStatus.MOVED_OUT, rng.choice([Move.THOI_VIEC, Move.DIEU_DONG])
                elif r < 0.97:
                    birth = birth_day(rng, 1965 if female else 1960, 1975, 1966)
                    status, move = PersonStatus.MOVED_OUT, Move.TINH_GIAN
                else:
                    birth = birth_day(rng, 1960, 1985, 1970)
                    status, move = PersonStatus.DECEASED, Move.THOI_VIEC
            recruited = add_years(birth, rng.randint(21, 30)) + timedelta(days=rng.randrange(365))
            if recruited > D2015 - timedelta(days=30):
                recruited = random_day(rng, add_years(birth, 20), D2015 - timedelta(days=30))
            career = Career("L", gender, birth, recruited)
            career.rows.append(self.first_row(career, slot, category, post))
            note = {
                Move.DIEU_DONG: "Chuyển công tác ra ngoài tỉnh",
                Move.TINH_GIAN: "Tinh giản biên chế theo Nghị định 108/2014/NĐ-CP",
            }.get(move, "")
            if status == PersonStatus.DECEASED:
                note = "Từ trần"
            career.end_service(exit_on, status, move, note)
            careers.append(career)
        return careers

    def later_recruits(self, scale: int) -> list[Career]:
        rng = self.rng
        careers = []
        for _ in range(round(scale * LATER_SHARE)):
            start = random_day(rng, date(2020, 1, 2), date(2025, 12, 1))
            if start < REFORM:
                slot = self.pick.slot(self.pick.level())
            else:
                slot = self.pick.slot(AdminLevel.TINH if rng.random() < 0.45 else "NEW_XA")
            category = category_for(rng, slot, "staff", start)
            post = staff_post(rng, slot, category)
            career = self.person("K", slot, "staff", category, start)
            career.rows.append(Row(slot, category, post, start))
            careers.append(career)
        return careers


def transfer_level(rng, level: str) -> str:
    """Where someone who moved into a unit of `level` during 2016–2019 came from."""
    choices = {
        AdminLevel.TINH: ([AdminLevel.TINH, AdminLevel.HUYEN], [0.7, 0.3]),
        AdminLevel.HUYEN: ([AdminLevel.TINH, AdminLevel.HUYEN, AdminLevel.XA], [0.15, 0.6, 0.25]),
        AdminLevel.XA: ([AdminLevel.HUYEN, AdminLevel.XA], [0.4, 0.6]),
    }[level]
    return rng.choices(*choices)[0]
