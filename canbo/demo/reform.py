"""2020–2025: retirements under NĐ 135/2020, other departures, and the reform of 01/07/2025.

On 30/06/2025 every open row in a district body or an old commune ends. Its holder either retires early
(NĐ 178/2024) or gets a new row from 01/07/2025 (move SAP_XEP) in the merged commune, or in the provincial body
that takes over the district body's tasks (health centres go to Sở Y tế, …). Commune CB_XA/CC_XA become CB/CC.
"""

from collections import defaultdict
from datetime import date, timedelta

from canbo.org.models import AdminLevel
from canbo.people.choices import PersonnelCategory as Cat
from canbo.people.choices import PersonnelMove as Move
from canbo.people.choices import PersonStatus

from .careers import TIER, Career, CareerPlanner, Row
from .dates import CUTOFF, LAST_LEGACY, REFORM, age_on, random_day, retirement_day
from .geography import TO_PROVINCE_AT_REFORM
from .orgtree import Slot, Tree

REFORM_NOTE = "Sắp xếp tổ chức bộ máy, tổ chức chính quyền địa phương 2 cấp từ 01/07/2025"
EARLY_RETIREMENT = "Nghỉ hưu trước tuổi theo Nghị định 178/2024/NĐ-CP"
DISTRICT_LEADERS = ("BI_THU_HU", "CT_UBND_HUYEN", "PHO_BI_THU_HU", "PCT_UBND_HUYEN")
TO_PROVINCE_POST = {
    "BI_THU_HU": "PHO_GIAM_DOC_SO",
    "CT_UBND_HUYEN": "PHO_GIAM_DOC_SO",
    "PHO_BI_THU_HU": "TRUONG_PHONG",
    "PCT_UBND_HUYEN": "TRUONG_PHONG",
}


def _departure(rng, career: Career):
    """The first departure after 2019 that falls before the end of the demo's history, if any."""
    options = []
    retire_on = retirement_day(career.gender, career.birth)
    if retire_on <= CUTOFF:
        note = "Nghỉ hưu theo Nghị định 135/2020/NĐ-CP" if retire_on.year >= 2021 else "Nghỉ hưu"
        options.append((retire_on, PersonStatus.RETIRED, Move.NGHI_HUU, note))
    if rng.random() < 0.03:
        lo = max(career.last.start + timedelta(days=180), date(2020, 1, 2))
        if lo < CUTOFF:
            day = random_day(rng, lo, CUTOFF)
            if rng.random() < 0.1:
                options.append((day, PersonStatus.DECEASED, Move.THOI_VIEC, "Từ trần"))
            else:
                options.append((day, PersonStatus.MOVED_OUT, Move.THOI_VIEC, "Thôi việc theo nguyện vọng"))
    return min(options, key=lambda o: o[0]) if options else None


def _commune_post(post: str | None, category: str, dest: Slot, taken: dict) -> tuple[str | None, str]:
    wanted = {"BI_THU_XA": ["BI_THU_XA"], "CT_UBND_XA": ["CT_UBND_XA"]}.get(post)
    if post in DISTRICT_LEADERS:
        wanted = ["BI_THU_XA", "CT_UBND_XA"]
    if wanted:
        for candidate in wanted:
            if candidate not in taken[id(dest)]:
                taken[id(dest)].add(candidate)
                return candidate, Cat.CB
        return "PCT_UBND_XA", Cat.CB
    if post == "PCT_UBND_XA":
        return post, Cat.CB
    return post, {Cat.CB_XA: Cat.CB, Cat.CC_XA: Cat.CC}.get(category, category)


def _destination(rng, tree: Tree, row: Row) -> Slot:
    slot = row.slot
    if slot.level == AdminLevel.XA:
        return tree.new_commune_of[id(slot)]
    teacher = slot.suffix == "PGDDT" and row.category == Cat.VC
    if slot.suffix in TO_PROVINCE_AT_REFORM or (not teacher and rng.random() < 0.2):
        return tree.by_suffix[slot.successor]
    return rng.choice(slot.district.new_communes)


def after_2019(rng, tree: Tree, careers: list[Career]) -> None:
    pending = {}
    for career in careers:
        if career.status != PersonStatus.WORKING:
            continue
        departure = _departure(rng, career)
        if departure and departure[0] < REFORM:
            career.end_service(*departure)
        elif departure:
            pending[career] = departure
    order = {id(c): i for i, c in enumerate(careers)}
    legacy = [c for c in careers if c.status == PersonStatus.WORKING and c.last.slot.legacy]
    legacy.sort(key=lambda c: (-TIER.get(c.last.position or "", 0), order[id(c)]))
    taken = defaultdict(set)
    for career in legacy:
        row = career.last
        if age_on(career.birth, LAST_LEGACY) >= 50 and rng.random() < 0.22:
            pending.pop(career, None)
            career.end_service(LAST_LEGACY, PersonStatus.RETIRED, Move.NGHI_HUU, EARLY_RETIREMENT)
            continue
        row.end = LAST_LEGACY
        dest = _destination(rng, tree, row)
        if dest.level == AdminLevel.TINH:
            post, category = TO_PROVINCE_POST.get(row.position, row.position), row.category
        else:
            post, category = _commune_post(row.position, row.category, dest, taken)
        career.rows.append(Row(dest, category, post, REFORM, move=Move.SAP_XEP, note=REFORM_NOTE))
    for career, departure in pending.items():
        career.end_service(*departure)


def plan_careers(rng, tree: Tree, scale: int) -> list[Career]:
    """Every career of the demo, in a shuffled order that gives the record codes DB000001, DB000002, …"""
    planner = CareerPlanner(rng, tree)
    careers = planner.stayers_and_joiners(scale) + planner.leavers(scale) + planner.later_recruits(scale)
    after_2019(rng, tree, careers)
    rng.shuffle(careers)
    for i, career in enumerate(careers, start=1):
        career.idx = i
    return careers
