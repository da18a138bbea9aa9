"""Party admissions of the demo province against the 2020–2025 congress targets (seed 002: 2.715 = 54,3 %).

The provincial resolution's 5.000 (at the default scale; round(5.000 × scale / 25.944)) is split over the Party
committees directly under the Tỉnh ủy, in proportion to their people on the provincial congress day (16/10/2020):
each district's Party committee (recorded on its Văn phòng Huyện ủy/Thị ủy/Thành ủy, under the district, so a
district's personnel officer sees it) and the two provincial bloc committees (Đảng ủy Khối các cơ quan tỉnh: the
province-level bodies; Đảng ủy Khối doanh nghiệp tỉnh: the enterprises, whose workforce is outside the register —
ENTERPRISES of the register's headcount). Each target carries its own congress resolution (June–August 2020),
and the report counts a committee's term from that day; none is nested in another, so the report's "Tổng cộng"
adds them up to the province's figure.

Every Admission is on the committee of the place where the person is admitted: a register person's on the day
(the district of their unit, or the bloc of a province-level body), outside candidates (names, 12-digit personal
IDs, 18–45 at the cell vote) spread in proportion to the targets, in cells "Chi bộ …" of the committee's units
(the enterprises' cells for Khối doanh nghiệp). The districts end on 30/06/2025 (OrgUnit.valid_to): their
committees admit nobody after that day, and decisions on their probationers taken later are the new commune
Party committees' (…-QĐ/ĐU). Register admissions of 2020 on or after their committee's congress are moved before
the first committee congress (Person dates too), so the counts from the congresses to 30/06/2023 are the article's
"from 2021": exactly round(2.715 × scale / 25.944), each committee's share in proportion to its target. The term
goes on to FINAL_SHARE of the targets. Full membership after 12 months' probation; a few removals (xóa tên).
"""

import random
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import connection

from canbo.core.bulk import insert_rows
from canbo.org.models import AdminLevel, OrgUnit
from canbo.party.choices import GeneralEducation, PartyStatus
from canbo.party.models import Admission, AdmissionTarget
from canbo.people.choices import Gender
from canbo.people.models import Person

from .. import names
from ..careers import Career, apportion
from ..dates import CUTOFF, REFORM, add_years, random_day
from ..persons import national_id
from ..planning.writer import stamp

CONGRESS = date(2020, 10, 16)  # the provincial congress; the committees' congresses come before it
DISTRICT_CONGRESSES = (date(2020, 6, 15), date(2020, 8, 20))
BLOC_CONGRESSES = (date(2020, 6, 1), date(2020, 7, 31))
YEAR_END_2020 = date(2020, 12, 31)
SEED_TO, SEED_ADMITTED, SEED_TARGET, SEED_SCALE = date(2023, 6, 30), 2715, 5000, 25_944
FINAL_SHARE = 0.96  # of the targets reached by the end of the term
ENTERPRISES = 0.04  # the enterprises' workforce (not in the register), as a share of the register's headcount
EARLY = (10, 150)  # days before the first committee congress where the 2020 register admissions move
REMOVED = 0.008
REMOVAL_REASONS = [
    "Không đủ tư cách đảng viên trong thời gian dự bị",
    "Tự ý bỏ sinh hoạt đảng ba tháng trong năm không có lý do chính đáng",
]
ENTERPRISE_CELLS = [
    "Chi bộ Công ty Điện lực Điện Biên",
    "Chi bộ Công ty Cổ phần Cấp nước Điện Biên",
    "Chi bộ Công ty TNHH MTV Xổ số kiến thiết Điện Biên",
    "Chi bộ Công ty TNHH MTV Quản lý thủy nông Điện Biên",
    "Chi bộ Công ty Cổ phần Môi trường và Đô thị Điện Biên",
    "Chi bộ Công ty Cổ phần Quản lý và Xây dựng đường bộ Điện Biên",
    "Chi bộ Công ty Cổ phần Sách và Thiết bị trường học Điện Biên",
    "Chi bộ Chi nhánh Ngân hàng Nông nghiệp và Phát triển nông thôn tỉnh Điện Biên",
]


@dataclass(eq=False)
class Committee:
    """A Party committee directly under the Tỉnh ủy, recorded on the unit that stands for it."""

    unit: OrgUnit
    congress: date
    resolution: str
    last_day: date  # it admits nobody after this day
    slots: list  # the units whose cells it admits in (none: ENTERPRISE_CELLS)
    district: bool
    people: float = 0.0
    target: int = 0

    def decision(self, rng, day: date) -> str:
        issuer = ("HU" if day <= self.last_day else "ĐU") if self.district else "ĐUK"
        return f"{rng.randint(40, 2900)}-QĐ/{issuer}"

    def cell(self, rng) -> tuple[str, str]:
        """(cell name, level for the candidate's ethnic mix) of a cell picked at random."""
        if not self.slots:
            return rng.choice(ENTERPRISE_CELLS), AdminLevel.TINH
        slot = rng.choice(self.slots)
        return _cell(slot.unit), slot.level


def _cell(unit) -> str:
    name = unit.name
    if name.split(" ", 1)[0] in ("Xã", "Phường", "Thị"):
        name = name[0].lower() + name[1:]
    return f"Chi bộ {name}"[:200]


def _committees(rng, tree) -> tuple[list[Committee], object]:
    """The committees, and committee_of(slot) → (committee, slot whose cell admits: a predecessor if new)."""
    committees, of_district = [], {}
    for d in tree.districts:
        office = next(s for s in d.slots if s.suffix == "VPHU").unit
        c = Committee(
            office, random_day(rng, *DISTRICT_CONGRESSES), f"Nghị quyết Đại hội Đảng bộ {d.words[0]} {d.name}"[:60],
            office.valid_to or CUTOFF, d.slots + d.communes * 2, True,
        )  # fmt: skip
        committees.append(c)
        of_district[id(d)] = c
    blocs = {}
    for suffix, words in (("DUKCQ", "Khối các cơ quan tỉnh"), ("DUKDN", "Khối doanh nghiệp tỉnh")):
        unit = tree.by_suffix[suffix].unit
        slots = [s for s in tree.province if s.suffix != "DUKDN"] if suffix == "DUKCQ" else []
        blocs[suffix] = Committee(
            unit, random_day(rng, *BLOC_CONGRESSES), f"Nghị quyết Đại hội Đảng bộ {words}",
            unit.valid_to or CUTOFF, slots, False,
        )  # fmt: skip
        committees.append(blocs[suffix])
    predecessor = {}
    for d in tree.districts:
        for old in d.communes:
            predecessor.setdefault(id(tree.new_commune_of[id(old)]), old)

    def committee_of(slot):
        slot = predecessor.get(id(slot), slot)  # admitted before the new commune existed: its predecessor's
        if slot.district is not None:
            return of_district[id(slot.district)], slot
        return blocs["DUKDN" if slot.suffix == "DUKDN" else "DUKCQ"], slot

    return committees, committee_of


def _set_targets(committees: list[Committee], careers: list[Career], committee_of, total: int) -> None:
    for career in careers:
        row = career.row_on(CONGRESS)
        if row is not None:
            committee_of(row.slot)[0].people += 1
    enterprises = next(c for c in committees if not c.slots and not c.district)
    enterprises.people += ENTERPRISES * sum(c.people for c in committees)
    weights = [c.people for c in committees]
    targets = apportion(total, weights)
    if 0 in targets and total >= len(committees):  # tiny scales: every committee gets at least one
        targets = [1 + t for t in apportion(total - len(committees), weights)]
    for c, t in zip(committees, targets, strict=True):
        c.target = t


def _move_persons(rows: list[tuple]) -> None:
    """(admitted, full member, person id): the moved 2020 register admissions (one statement)."""
    table = connection.ops.quote_name(Person._meta.db_table)
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {table} SET party_admission_date = %s, party_full_member_date = %s WHERE id = %s",  # noqa: S608
            rows,
        )


def _register(rng, careers, person_ids, committee_of, first: date) -> tuple[list[tuple], int]:
    """(person id, birth, admitted, full member, committee, slot) of the register people admitted from 2020,
    and how many were moved."""
    people = Person.objects.filter(pk__in=person_ids, party_admission_date__year__gte=2020).values_list(
        "pk", "date_of_birth", "party_admission_date", "party_full_member_date"
    )
    position = {pid: pos for pos, pid in enumerate(person_ids)}
    out, moved = [], []
    for pk, born, admitted, full in people.order_by("pk"):
        career = careers[position[pk]]
        committee, slot = committee_of((career.row_on(admitted) or career.rows[0]).slot)
        if committee.congress <= admitted <= YEAR_END_2020:
            day = random_day(rng, first - timedelta(days=EARLY[1]), first - timedelta(days=EARLY[0]))
            day = max(day, add_years(born, 18) + timedelta(days=1))
            if day < first:
                shift = admitted - day
                admitted, full = day, (full - shift if full else None)
                moved.append((admitted, full, pk))
                committee, slot = committee_of((career.row_on(admitted) or career.rows[0]).slot)
        out.append((pk, born, admitted, full, committee, slot))
    _move_persons(moved)
    return out, len(moved)


def _base(rng, c: Committee, cell: str, admitted: date, born: date, board: int) -> dict:
    vote = admitted - timedelta(days=rng.randint(20, 45))
    decided = admitted - timedelta(days=rng.randint(0, 12))
    return {
        "person_id": None, "candidate_name": "", "candidate_national_id": "", "birth_date": born,
        "education": GeneralEducation.THPT if rng.random() < 0.85 else GeneralEducation.THCS,
        "party_org_id": c.unit.pk, "cell": cell, "cell_vote_date": vote,
        "decision_number": c.decision(rng, admitted), "decision_date": max(decided, vote), "admitted_on": admitted,
        "status": PartyStatus.DU_BI, "full_vote_date": None, "full_decision_number": "", "full_member_on": None,
        "removed_on": None, "removal_decision_number": "", "removal_reason": "", "recorded_by_id": board,
        "version": 1, "created_at": stamp(admitted), "updated_at": stamp(admitted),
    }  # fmt: skip


def _full(rng, row: dict, c: Committee, full: date | None) -> dict:
    if full is None or full > CUTOFF:
        return row
    return row | {
        "status": PartyStatus.CHINH_THUC,
        "full_vote_date": full - timedelta(days=rng.randint(5, 20)),
        "full_decision_number": c.decision(rng, full),
        "full_member_on": full,
        "version": 2,
        "updated_at": stamp(full),
    }


def _outside_rows(rng, c: Committee, count: int, lo: date, hi: date, board: int, used: set) -> list[dict]:
    rows = []
    for _ in range(count):
        admitted = random_day(rng, lo, hi)
        cell, level = c.cell(rng)
        female = rng.random() < 0.45
        born = add_years(admitted, -int(rng.triangular(19, 45, 24))) - timedelta(days=rng.randrange(365))
        gender = Gender.NU if female else Gender.NAM
        while True:
            pid = national_id(gender, born, rng.randrange(1, 1_000_000))
            if pid not in used:
                used.add(pid)
                break
        item = _base(rng, c, cell, admitted, born, board)
        item["candidate_name"] = names.full_name(rng, names.pick_ethnicity(rng, level), female)
        item["candidate_national_id"] = pid
        if rng.random() < REMOVED:
            removed = admitted + timedelta(days=rng.randint(120, 330))
            if removed <= CUTOFF:
                item |= {
                    "status": PartyStatus.XOA_TEN,
                    "removed_on": removed,
                    "removal_decision_number": c.decision(rng, removed),
                    "removal_reason": rng.choice(REMOVAL_REASONS),
                    "version": 2,
                    "updated_at": stamp(removed),
                }
                rows.append(item)
                continue
        full = admitted + timedelta(days=365 + rng.randint(0, 40))
        rows.append(_full(rng, item, c, full))
    return rows


def _shares(total: int, weights: list[int], have: list[int]) -> list[int]:
    """Outside admissions per committee: its share of `total` by weight less what it has, summing to
    max(total − Σ have, 0) (a committee over its share gets none, the largest needs give way)."""
    need = [max(s - h, 0) for s, h in zip(apportion(total, weights), have, strict=True)]
    for _ in range(sum(need) - max(total - sum(have), 0)):
        need[need.index(max(need))] -= 1
    return need


def build_admissions(*, seed: int, scale: int, tree, careers, person_ids, users) -> dict:
    rng = random.Random(f"canbo-demo-{seed}-party")
    board = users["bantochuc"]
    committees, committee_of = _committees(rng, tree)
    total = max(1, round(SEED_TARGET * scale / SEED_SCALE))
    _set_targets(committees, careers, committee_of, total)
    AdmissionTarget.objects.bulk_create(
        AdmissionTarget(
            party_org=c.unit,
            start_year=2020,
            end_year=2025,
            target=c.target,
            resolution_number=c.resolution,
            resolution_date=c.congress,
            recorded_by_id=board,
        )  # fmt: skip
        for c in committees
        if c.target
    )
    first = min(c.congress for c in committees)
    rows, in_seed, later = [], {id(c): 0 for c in committees}, {id(c): 0 for c in committees}
    register, moved = _register(rng, careers, person_ids, committee_of, first)
    for pk, born, admitted, full, c, slot in register:
        item = _base(rng, c, _cell(slot.unit), admitted, born, board)
        item["person_id"] = pk
        rows.append(_full(rng, item, c, full))
        if c.congress <= admitted <= SEED_TO:
            in_seed[id(c)] += 1
        elif admitted > SEED_TO:
            later[id(c)] += 1
    wanted = round(SEED_ADMITTED * scale / SEED_SCALE)
    targets = [c.target for c in committees]
    have = [in_seed[id(c)] for c in committees]
    final = apportion(round(total * FINAL_SHARE), targets)
    used = set(Person.objects.values_list("national_id", flat=True))
    for c, n, goal, done in zip(committees, _shares(wanted, targets, have), final, have, strict=True):
        rows += _outside_rows(rng, c, n, date(2021, 1, 4), SEED_TO, board, used)
        rest = max(goal - done - n - later[id(c)], 0)
        rows += _outside_rows(rng, c, rest, SEED_TO + timedelta(days=1), c.last_day, board, used)
    insert_rows(Admission, rows)
    return {
        "target": total,
        "committees": sum(1 for c in committees if c.target),
        "admissions": len(rows),
        "by_30_06_2023": max(wanted, sum(have)),
        "moved_2020": moved,
        "after_reform": sum(1 for r in rows if r["admitted_on"] >= REFORM),
    }


def reset_admissions(units) -> None:
    for qs in (
        Admission.objects.filter(party_org__in=units),
        AdmissionTarget.objects.filter(party_org__in=units),
    ):
        qs._raw_delete(qs.db)
