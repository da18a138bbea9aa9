"""A province of the acceptance seeds (issue 14), as the rows of Canbo's import workbook.

The builder knows nothing of the database: it draws an org tree (province bodies, districts with their bodies,
schools and communes, the 2025 reform that ends the districts and merges the communes), persons with their careers,
qualifications and exits, and classes of training lượt, deterministically from a seed. Each province module
(`vinhlong.py`, `laichau.py`, `bentre.py`) decides the figures its article prints and places them exactly; this
module only gives the pieces. Values are what a user types in the template: Vietnamese labels, dd/mm/yyyy dates.
One module of about 400 lines because the tree, the persons and the classes share one random stream and the
province's state (the unit groups, the lượt keys already used).
"""

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from canbo.core.dates import add_months
from canbo.demo import names
from canbo.people.choices import Gender
from canbo.people.validators import compose_national_id

# Dates after this are not in the files (a retirement on a later day has not happened yet), so the files do not
# depend on the day they are written.
HORIZON = date(2026, 6, 30)
DISTRICTS_END = date(2025, 6, 30)
REFORM_DAY = date(2025, 7, 1)

TINH, HUYEN, XA = "Cấp tỉnh", "Cấp huyện", "Cấp xã"
DANG, CQ, MTTQ, SN = "Khối Đảng", "Khối chính quyền", "Mặt trận Tổ quốc, đoàn thể", "Sự nghiệp công lập"
AREA, AGENCY, DEPARTMENT, PUBLIC, COMMUNE = (
    "Địa bàn hành chính",
    "Cơ quan",
    "Phòng, ban chuyên môn",
    "Đơn vị sự nghiệp công lập",
    "Xã, phường, thị trấn",
)
CB, CC, VC, HD, CB_XA, CC_XA = (
    "Cán bộ",
    "Công chức",
    "Viên chức",
    "Người lao động hợp đồng",
    "Cán bộ cấp xã (trước 01/07/2025)",
    "Công chức cấp xã (trước 01/07/2025)",
)
CBCC = (CB, CC, CB_XA, CC_XA)
AFTER_REFORM = {CB_XA: CB, CC_XA: CC}
PROF, LLCT = "Trình độ chuyên môn", "Lý luận chính trị"
COMPLETED, PENDING = "Hoàn thành", "Đang học"
FULL_TIME, PART_TIME = "Tập trung", "Không tập trung"
DOMESTIC, ABROAD = "Trong nước", "Nước ngoài"

PROVINCE_BODIES = [
    ("TU_VP", "Văn phòng Tỉnh ủy", DANG),
    ("TU_BTC", "Ban Tổ chức Tỉnh ủy", DANG),
    ("TU_BTG", "Ban Tuyên giáo Tỉnh ủy", DANG),
    ("TU_UBKT", "Ủy ban Kiểm tra Tỉnh ủy", DANG),
    ("UB_VP", "Văn phòng Ủy ban nhân dân tỉnh", CQ),
    ("SNV", "Sở Nội vụ", CQ),
    ("STC", "Sở Tài chính", CQ),
    ("SKHDT", "Sở Kế hoạch và Đầu tư", CQ),
    ("SGDDT", "Sở Giáo dục và Đào tạo", CQ),
    ("SYT", "Sở Y tế", CQ),
    ("SNN", "Sở Nông nghiệp và Phát triển nông thôn", CQ),
    ("STNMT", "Sở Tài nguyên và Môi trường", CQ),
    ("SXD", "Sở Xây dựng", CQ),
    ("SLDTBXH", "Sở Lao động - Thương binh và Xã hội", CQ),
    ("STTTT", "Sở Thông tin và Truyền thông", CQ),
    ("STP", "Sở Tư pháp", CQ),
    ("TTR", "Thanh tra tỉnh", CQ),
    ("MTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", MTTQ),
    ("TDOAN", "Tỉnh đoàn", MTTQ),
    ("HLHPN", "Hội Liên hiệp Phụ nữ tỉnh", MTTQ),
]
PROVINCE_SERVICES = [
    ("BVDK", "Bệnh viện Đa khoa tỉnh"),
    ("TCT", "Trường Chính trị tỉnh"),
    ("CDCD", "Trường Cao đẳng Cộng đồng tỉnh"),
    ("CDC", "Trung tâm Kiểm soát bệnh tật tỉnh"),
    ("THPT_CHUYEN", "Trường Trung học phổ thông Chuyên"),
]
DISTRICT_BODIES = [
    ("VPHU", "Văn phòng Huyện ủy", DANG, AGENCY),
    ("BTCHU", "Ban Tổ chức Huyện ủy", DANG, AGENCY),
    ("VP", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân", CQ, DEPARTMENT),
    ("PNV", "Phòng Nội vụ", CQ, DEPARTMENT),
    ("PTCKH", "Phòng Tài chính - Kế hoạch", CQ, DEPARTMENT),
    ("PGDDT", "Phòng Giáo dục và Đào tạo", CQ, DEPARTMENT),
    ("PNN", "Phòng Nông nghiệp và Phát triển nông thôn", CQ, DEPARTMENT),
    ("MTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam", MTTQ, AGENCY),
]
COMMUNE_NAMES = [
    "An Bình", "Tân Hòa", "Phú Lộc", "Hòa Lợi", "Mỹ Thạnh", "Tân Phú", "Long Phước", "Thạnh Mỹ", "Hưng Nhượng",
    "Bình Phước", "Phước Hậu", "Lộc Hòa", "Thành Lợi", "Nhơn Phú", "Tân An", "Hòa Bình",
]  # fmt: skip


@dataclass
class Unit:
    code: str
    name: str
    level: str
    sector: str
    kind: str
    parent: str
    valid_from: date
    valid_to: date | None = None
    basis: str = ""
    successor: "Unit | None" = None  # where its people go on 01/07/2025

    def row(self) -> dict:
        return {
            "org_code": self.code, "org_name": self.name, "org_level": self.level, "org_sector": self.sector,
            "org_kind": self.kind, "parent_code": self.parent, "valid_from": self.valid_from,
            "valid_to": self.valid_to, "legal_basis": self.basis,
        }  # fmt: skip


@dataclass
class Career:
    unit: Unit
    category: str
    start: date
    end: date | None = None
    move: str = "Tuyển dụng"
    decision: str = ""


@dataclass
class Person:
    national_id: str
    name: str
    female: bool
    birth: date
    ethnicity: str
    religion: str
    recruited: date
    careers: list[Career]
    quals: list[dict] = field(default_factory=list)
    exit_on: date | None = None
    party: tuple[date | None, date | None] = (None, None)

    @property
    def category(self) -> str:
        return self.careers[0].category

    def works(self, start: date, end: date) -> bool:
        """Working every day from `start` to `end` (both included)."""
        return self.careers[0].start <= start and (self.exit_on is None or self.exit_on > end)

    def add_qual(self, scale: str, level: str, awarded: date, fld: str = "", issuer: str = "") -> None:
        self.quals.append(
            {"national_id": self.national_id, "scale": scale, "level": level, "field": fld,
             "awarded_on": awarded, "issuer": issuer}
        )  # fmt: skip


def last_of_month(day: date) -> date:
    return add_months(day.replace(day=1), 1) - timedelta(days=1)


class Province:
    def __init__(self, *, prefix: str, name: str, id_code: str, founded: date, districts: list[str], seed: int,
                 ethnic_mix: list[tuple[str, int]], communes: int = 8, schools: int = 6, new_communes: int = 3):  # fmt: skip
        self.prefix, self.name, self.id_code = prefix, name, id_code
        self.rng = random.Random(seed)
        self.ethnic_mix = ethnic_mix
        self.founded = founded
        self.units: list[Unit] = []
        self.groups: dict[str, list[Unit]] = {"body": [], "service": [], "commune": []}
        self.events: list[dict] = []
        self.persons: list[Person] = []
        self.turns: list[dict] = []
        self.ratings: list[dict] = []
        self.awards: list[dict] = []
        self.discipline: list[dict] = []
        self._keys: set[tuple] = set()
        self._classes = 0
        self._build_tree(districts, communes, schools, new_communes)

    # -- the org tree ----------------------------------------------------------------------------------
    def _unit(self, suffix, name, level, sector, kind, parent: Unit | None, group=None, **kw) -> Unit:
        basis = kw.pop("basis", f"Quyết định thành lập {name}")
        unit = Unit(f"{self.prefix}_{suffix}", name, level, sector, kind, parent.code if parent else "",
                    kw.pop("valid_from", self.founded), basis=basis, **kw)  # fmt: skip
        self.units.append(unit)
        if group:
            self.groups[group].append(unit)
        return unit

    def _build_tree(self, districts, communes, schools, new_communes) -> None:
        root = self._unit(
            "TINH", f"Tỉnh {self.name}", TINH, CQ, AREA, None, basis="Hiến pháp; Luật Tổ chức CQĐP"
        )
        for suffix, name, sector in PROVINCE_BODIES:
            self._unit(suffix, name, TINH, sector, AGENCY, root, "body")
        for suffix, name in PROVINCE_SERVICES:
            self._unit(suffix, name, TINH, SN, PUBLIC, root, "service")
        names_left = list(COMMUNE_NAMES)
        for d, district in enumerate(districts, start=1):
            end = DISTRICTS_END
            area = self._unit(f"H{d:02d}", district, HUYEN, CQ, AREA, root, valid_to=end)
            short = district.removeprefix("Huyện ").removeprefix("Thành phố ").removeprefix("Thị xã ")
            new = [
                self._unit(f"H{d:02d}_XM{k}", f"Xã {short} {k} (từ 01/07/2025)", XA, CQ,
                           COMMUNE, root, valid_from=REFORM_DAY, basis="Nghị quyết sắp xếp đơn vị hành chính cấp xã")
                for k in range(1, new_communes + 1)
            ]  # fmt: skip
            for suffix, name, sector, kind in DISTRICT_BODIES:
                unit = self._unit(f"H{d:02d}_{suffix}", f"{name} {short}", HUYEN, sector, kind, area, "body",
                                  valid_to=end)  # fmt: skip
                unit.successor = new[0]
            health = self._unit(f"H{d:02d}_TTYT", f"Trung tâm Y tế {short}", HUYEN, SN, PUBLIC, area, "service",
                                valid_to=end)  # fmt: skip
            health.successor = new[0]
            for k in range(1, schools + 1):
                school = self._unit(f"H{d:02d}_TR{k:02d}", f"Trường Tiểu học và THCS số {k} {short}", HUYEN, SN,
                                    PUBLIC, area, "service", valid_to=end)  # fmt: skip
                school.successor = new[k % new_communes]
            merged: dict[str, list[str]] = {u.code: [] for u in new}
            for k in range(communes):
                if not names_left:
                    names_left = list(COMMUNE_NAMES)
                commune = self._unit(f"H{d:02d}_X{k + 1:02d}", f"Xã {names_left.pop(0)} ({short})", XA, CQ, COMMUNE,
                                     area, "commune", valid_to=end)  # fmt: skip
                commune.successor = new[k % new_communes]
                merged[commune.successor.code].append(commune.code)
            for code, olds in merged.items():
                self.events.append(
                    {"event_kind": "Hợp nhất, sáp nhập", "effective_on": REFORM_DAY, "predecessors": ", ".join(olds),
                     "successors": code, "event_decision": f"{1650 + d}/NQ-UBTVQH15",
                     "event_basis": "Nghị quyết của Ủy ban Thường vụ Quốc hội về sắp xếp đơn vị hành chính cấp xã"}
                )  # fmt: skip

    # -- persons ---------------------------------------------------------------------------------------
    def category_for(self, unit: Unit) -> str:
        r = self.rng.random()
        if unit.kind == COMMUNE:
            return CB_XA if r < 0.45 else CC_XA
        if unit.kind == PUBLIC:
            return HD if r < 0.04 else VC
        return CB if r < 0.1 else CC

    def retirement(self, birth: date, female: bool) -> date:
        return last_of_month(add_months(birth, 12 * (55 if female else 60)))

    def person(self, unit: Unit, category: str, birth: date, recruited: date, *, female: bool | None = None,
               party: float = 0.5) -> Person:  # fmt: skip
        rng = self.rng
        female = rng.random() < 0.45 if female is None else female
        ethnicity = names._weighted(rng, self.ethnic_mix)
        serial = len(self.persons) + 1
        nid = compose_national_id(self.id_code, Gender.NU if female else Gender.NAM, birth.year, serial)
        start = max(recruited, unit.valid_from)
        careers = [Career(unit, category, start, decision=f"{serial % 900 + 1}/QĐ-TD")]
        retire = self.retirement(birth, female)
        exit_on = retire if retire <= HORIZON else None
        if unit.valid_to and (exit_on is None or exit_on > unit.valid_to):
            careers[0].end = unit.valid_to
            careers.append(
                Career(unit.successor, AFTER_REFORM.get(category, category), REFORM_DAY, move="Sắp xếp tổ chức bộ máy",
                       decision=f"{serial % 700 + 1}/QĐ-UBND")
            )  # fmt: skip
        admitted = None
        if rng.random() < party:
            admitted = min(start + timedelta(days=rng.randint(400, 3000)), HORIZON - timedelta(days=400))
        full = admitted + timedelta(days=365) if admitted else None
        if admitted and (admitted <= add_months(birth, 12 * 18) or (exit_on and admitted >= exit_on)):
            admitted = full = None
        p = Person(nid, names.full_name(rng, ethnicity, female), female, birth, ethnicity,
                   names.religion(rng, ethnicity), recruited, careers, exit_on=exit_on, party=(admitted, full))  # fmt: skip
        self.persons.append(p)
        return p

    def birth_for(self, earliest: date, latest: date) -> date:
        return earliest + timedelta(days=self.rng.randint(0, (latest - earliest).days))

    def pick_unit(self, kind: str) -> Unit:
        """A body ("cbcc"), a public service unit ("vc") or a commune, weighted to the province's size."""
        if kind == "vc":
            return self.rng.choice(self.groups["service"])
        if kind == "commune":
            return self.rng.choice(self.groups["commune"])
        return self.rng.choice(self.groups["body"])

    # -- training lượt ---------------------------------------------------------------------------------
    def enrol(self, person: Person, programme: str, start: date, end: date, *, course: str = "",
              mode: str = FULL_TIME, venue: str = DOMESTIC) -> dict | None:  # fmt: skip
        """One lượt; completed when it ends by HORIZON (None when the person already has this programme that day)."""
        key = (person.national_id, programme, start)
        if key in self._keys:
            return None
        self._keys.add(key)
        done = end <= HORIZON
        row = {
            "national_id": person.national_id, "programme": programme, "course_name": course,
            "training_mode": mode, "venue": venue, "start_date": start, "end_date": end,
            "training_result": COMPLETED if done else PENDING,
        }  # fmt: skip
        self.turns.append(row)
        return row

    def fill_classes(self, programme: str, label: str, total: int, first: date, last: date, members, *,
                     days: tuple[int, int] = (3, 20), size: tuple[int, int] = (30, 60),
                     mode: str = FULL_TIME, months: int = 0) -> list[tuple[Person, dict]]:  # fmt: skip
        """`total` lượt of `programme` in classes of `size` starting between `first` and `last`, each class within
        one calendar year; `members(year, start, want)` gives the candidates (working the whole year), in the order
        they should be taken; a course of `months` ends that many months after its start instead. Returns the
        (person, lượt) written, `total` of them."""
        written = []
        span = (last - first).days
        while len(written) < total:
            self._classes += 1
            start = first + timedelta(days=self.rng.randint(0, span))
            end = min(start + timedelta(days=self.rng.randint(*days)), date(start.year, 12, 31))
            if months:
                end = add_months(start, months) - timedelta(days=1)
            want = min(self.rng.randint(*size), total - len(written))
            course = f"{label} khóa {self._classes}, năm {start.year}"
            for person in members(start.year, start, want):
                if want == 0:
                    break
                row = self.enrol(person, programme, start, end, course=course, mode=mode)
                if row:
                    written.append((person, row))
                    want -= 1
        return written

    def working_year(self, year: int, among: list[Person] | None = None) -> list[Person]:
        """Those working every day of `year` (cached per year for the whole province)."""
        if among is None:
            cache = self.__dict__.setdefault("_year_pool", {})
            if year not in cache:
                cache[year] = [p for p in self.persons if p.works(date(year, 1, 1), date(year, 12, 31))]
            return cache[year]
        return [p for p in among if p.works(date(year, 1, 1), date(year, 12, 31))]

    def random_members(self, pool_for):
        """A `members` function drawing at random from `pool_for(year)`."""

        def members(year, _start, want):
            pool = pool_for(year)
            return self.rng.sample(pool, min(len(pool), want * 2))

        return members

    # -- the workbook's rows ---------------------------------------------------------------------------
    def rows(self) -> dict[str, list[dict]]:
        persons, history, quals = [], [], []
        for p in self.persons:
            last = p.careers[-1]
            retired = p.exit_on is not None
            persons.append({
                "full_name": p.name, "gender": "Nữ" if p.female else "Nam", "date_of_birth": p.birth,
                "national_id": p.national_id, "ethnicity": p.ethnicity, "religion": p.religion,
                "place_of_origin": f"Tỉnh {self.name}", "place_of_birth": f"Tỉnh {self.name}",
                "category": last.category, "unit_code": last.unit.code, "recruited_on": p.recruited,
                "party_admission_date": p.party[0], "party_full_member_date": p.party[1],
                "status": "Đã nghỉ hưu" if retired else "", "exit_date": p.exit_on,
                "exit_move": "Nghỉ hưu" if retired else "",
                "exit_decision": f"{len(persons) % 800 + 1}/QĐ-NH" if retired else "",
            })  # fmt: skip
            for c in p.careers:
                history.append({
                    "national_id": p.national_id, "unit_code": c.unit.code, "category": c.category,
                    "start_date": c.start, "end_date": c.end, "move": c.move, "decision_number": c.decision,
                })  # fmt: skip
            quals.extend(p.quals)
        return {
            "org_units": [u.row() for u in self.units],
            "org_events": self.events,
            "persons": persons,
            "history": history,
            "qualifications": quals,
            "training": self.turns,
            "ratings": self.ratings,
            "awards": self.awards,
            "discipline": self.discipline,
        }

    def rate_year(self, year: int) -> None:
        """Ratings of `year` for everyone working on 31/12 (recruited by 30/06), a few awards and reprimands."""
        end = date(year, 12, 31)
        for p in self.persons:
            if not p.works(end, end) or p.careers[0].start > date(year, 6, 30):
                continue
            r = self.rng.random()
            level = "Hoàn thành xuất sắc nhiệm vụ" if r < 0.12 else "Hoàn thành tốt nhiệm vụ"
            if r > 0.97:
                level = "Hoàn thành nhiệm vụ"
            self.ratings.append({"national_id": p.national_id, "year": year, "rating_level": level,
                                 "rating_decided_on": date(year, 12, 20), "rating_decision": f"{year}/QĐ-XL"})  # fmt: skip
            if level != "Hoàn thành nhiệm vụ" and self.rng.random() < 0.08:
                self.awards.append({"national_id": p.national_id, "award_form": "Lao động tiên tiến", "year": year,
                                    "award_decision": f"{200 + len(self.awards) % 50}/QĐ-KT",
                                    "award_date": date(year, 12, 28), "issuing_body": "Thủ trưởng cơ quan, đơn vị"})  # fmt: skip
            elif level == "Hoàn thành nhiệm vụ" and len(self.discipline) < 5:
                self.discipline.append({"national_id": p.national_id, "discipline_form": "Khiển trách",
                                        "discipline_decision": f"{len(self.discipline) + 1}/QĐ-KL",
                                        "decided_on": date(year, 10, 15), "authority": "Thủ trưởng cơ quan",
                                        "reason": "Vi phạm quy chế làm việc của cơ quan"})  # fmt: skip

    def populate(self, count: int, *, born: tuple[date, date], recruited: tuple[date, date],
                 shares: tuple[float, float] = (0.3, 0.15)) -> list[Person]:  # fmt: skip
        """`count` persons: a share in bodies (cán bộ, công chức), a share in communes, the rest public employees;
        each with a professional degree before recruitment (university for most civil servants)."""
        rng, made = self.rng, []
        for _ in range(count):
            r = rng.random()
            kind = "cbcc" if r < shares[0] else "commune" if r < shares[0] + shares[1] else "vc"
            unit = self.pick_unit(kind)
            birth = self.birth_for(*born)
            first = max(recruited[0], add_months(birth, 12 * rng.randint(22, 30)))
            start = min(first, recruited[1]) if first <= recruited[1] else recruited[1]
            person = self.person(
                unit, self.category_for(unit), birth, start, party=0.7 if kind != "vc" else 0.3
            )
            university = rng.random() < (0.9 if kind == "cbcc" else 0.6 if kind == "commune" else 0.5)
            level = "Đại học" if university else rng.choice(["Cao đẳng", "Trung cấp"])
            person.add_qual(
                PROF, level, start - timedelta(days=rng.randint(30, 400)), "Kinh tế", "Trường Đại học"
            )
            made.append(person)
        return made
