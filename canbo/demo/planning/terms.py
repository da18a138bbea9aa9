"""The demo's planning terms, their planned posts and, for each post, the people who may be planned for it.

Posts (seed 001's tiers, see canbo/planning/gaps.py):
- TINH: heads and deputies of the provincial bodies (sở, ban, ngành, đoàn thể; not the public-service units
  headed by public employees), the Party committee's secretary and deputies, the province's chair and vice-chairs;
- HUYEN: a district's Party secretary and deputies, its chair and vice-chairs;
- PHONG: trưởng phòng and equivalent in the administrative bodies of the province and the districts (not in the
  schools, hospitals and service units, whose "trưởng phòng" in the demo are public employees);
- XA (the 2025 terms): secretary, chair and vice-chairs of the 45 merged communes.
A Party term (2020–2025, 2025–2030) plans every post; a State term (2021–2026, 2026–2031) only the government
ones. Seats = holders of the post in the unit on the reference date (at least one for a head).
"""

from datetime import date

from canbo.org.models import OrgSector, UnitKind
from canbo.planning.choices import PlanningTier, TermKind

from ..careers import DEFAULT_HEADS, HEADS
from ..dates import REFORM, age_on
from .specs import CADRES, PostSpec, Snapshot, TermSpec

BASIS_2016 = (
    "Hướng dẫn số 15-HD/BTCTW ngày 15/11/2016 của Ban Tổ chức Trung ương về công tác quy hoạch cán bộ"
)
BASIS_2021 = "Quy định số 50-QĐ/TW ngày 27/12/2021 của Bộ Chính trị về công tác quy hoạch cán bộ"
T2020 = TermSpec("2020-2025", TermKind.PARTY, date(2020, 10, 1), date(2025, 9, 30), BASIS_2016)
T2021 = TermSpec("2021-2026", TermKind.STATE, date(2021, 7, 1), date(2026, 6, 30), BASIS_2016)
T2025 = TermSpec("2025-2030", TermKind.PARTY, date(2025, 10, 1), date(2030, 9, 30), BASIS_2021)
T2026 = TermSpec("2026-2031", TermKind.STATE, date(2026, 7, 1), date(2031, 6, 30), BASIS_2021)
TERMS = [T2020, T2021, T2025, T2026]
TOP = {
    "VPTU",
    "VPUB",
}  # the province units whose head/deputy posts are the Party committee's and the province's
STATE_POSTS = {
    "CT_UBND_TINH",
    "PCT_UBND_TINH",
    "CT_UBND_HUYEN",
    "PCT_UBND_HUYEN",
    "CT_UBND_XA",
    "PCT_UBND_XA",
}
HEAD_POSTS = {
    "BI_THU_TU",
    "CT_UBND_TINH",
    "GIAM_DOC_SO",
    "BI_THU_HU",
    "CT_UBND_HUYEN",
    "BI_THU_XA",
    "CT_UBND_XA",
}
COMMUNE_POSTS = ("BI_THU_XA", "CT_UBND_XA", "PCT_UBND_XA")


def leads_province(slot) -> bool:
    return not slot.vc_led


def has_departments(slot) -> bool:
    """An administrative body whose trưởng phòng are civil servants (the PHONG tier)."""
    return not slot.vc_led and slot.vc_share < 0.9 and slot.kind != UnitKind.PUBLIC_SERVICE


def _post(term, slot, position, tier, snap: Snapshot):
    holders = len(snap.holders(slot.unit.pk, position))
    if tier == PlanningTier.DEPARTMENT:  # a unit without trưởng phòng plans none
        return PostSpec(term, slot, position, tier, holders) if holders else None
    return PostSpec(term, slot, position, tier, 1 if position in HEAD_POSTS else max(holders, 1))


def _state(term: TermSpec, slot, position: str) -> bool:
    if term.kind == TermKind.PARTY:
        return True
    if position in STATE_POSTS:
        return True
    if slot.suffix in TOP or slot.sector != OrgSector.CHINH_QUYEN:
        return False
    return slot.district is None or slot.kind == UnitKind.DEPARTMENT


def build_posts(term: TermSpec, tree, snap: Snapshot) -> list[PostSpec]:
    """The term's posts: province bodies and districts before the 2025 reform, province bodies and the merged
    communes after it."""
    posts = []
    for slot in tree.province:
        if leads_province(slot):
            head, deputy = HEADS["TINH"].get(slot.suffix, DEFAULT_HEADS["TINH"])
            posts += [_post(term, slot, p, PlanningTier.PROVINCE, snap) for p in (head, deputy)]
        if has_departments(slot):
            posts.append(_post(term, slot, "TRUONG_PHONG", PlanningTier.DEPARTMENT, snap))
    if term.start < REFORM:
        for district in tree.districts:
            for slot in district.slots:
                if slot.suffix in ("VPHU", "VPUB"):
                    head, deputy = HEADS["HUYEN"][slot.suffix]
                    posts += [_post(term, slot, p, PlanningTier.DISTRICT, snap) for p in (head, deputy)]
                if has_departments(slot):
                    posts.append(_post(term, slot, "TRUONG_PHONG", PlanningTier.DEPARTMENT, snap))
    else:
        for slot in tree.new_communes:
            posts += [_post(term, slot, p, PlanningTier.COMMUNE, snap) for p in COMMUNE_POSTS]
    return [p for p in posts if p is not None and _state(term, p.slot, p.position)]


class Candidates:
    """For a post and a snapshot: the people who may be planned for it, nearest first (own unit, then the
    district's or the sector's other bodies). Ranks are those of the post held on the snapshot's date."""

    def __init__(self, tree, snap: Snapshot, careers):
        self.snap, self.careers = snap, careers
        self.province_units = [s.unit.pk for s in tree.province]
        self.counterparts: dict[str, list[int]] = {}
        self.district_of: dict[int, object] = {}
        self.leaders: dict[str, list[int]] = {}
        for district in tree.districts:
            for slot in district.slots + district.communes:
                self.district_of[slot.unit.pk] = district
            self.leaders[district.gso] = [s.unit.pk for s in district.slots if s.suffix in ("VPHU", "VPUB")]
            for slot in district.slots:
                self.counterparts.setdefault(slot.successor, []).append(slot.unit.pk)
        self.admin = {
            d.gso: [s.unit.pk for s in d.slots if has_departments(s) and s.suffix not in ("VPHU", "VPUB")]
            for d in tree.districts
        }
        self.communes = {d.gso: [s.unit.pk for s in d.communes] for d in tree.districts}
        self.all_leaders = [pk for pks in self.leaders.values() for pk in pks]

    def groups(self, post: PostSpec) -> list[list[int]]:
        snap, r, unit = self.snap, post.rank, post.slot.unit.pk
        between = set(range(max(r - 3, 3), r))
        if post.tier == PlanningTier.PROVINCE:
            if post.slot.suffix in TOP:
                tops = set(range(max(r - 3, 6), r))
                return [snap.in_units(self.province_units, tops), snap.in_units(self.all_leaders, tops)]
            near = snap.in_units([unit], between)
            far = snap.in_units(self.counterparts.get(post.slot.suffix, []), {4, 5, 6} & set(range(r)))
            if r >= 7:
                far += snap.in_units(self.all_leaders, {5, 6})
            return [near, far]
        if post.tier == PlanningTier.DISTRICT:
            gso = post.slot.district.gso
            own = snap.in_units(self.leaders[gso], set(range(max(r - 2, 5), r)))
            heads = snap.in_units(self.admin[gso], {4})
            return [own, heads, snap.in_units(self.admin[gso], {3})] if r <= 6 else [own, heads]
        if post.tier == PlanningTier.DEPARTMENT:
            staff = self.staff(unit)
            groups = [snap.in_units([unit], {3}), staff]
            district = self.district_of.get(unit)
            if district is not None:
                groups.append(snap.in_units(self.communes[district.gso], {3}))
            return groups
        staff = self.staff(unit)
        return [snap.in_units([unit], {3}), staff] if r >= 4 else [staff]

    def staff(self, unit: int) -> list[int]:
        """Cadres and civil servants without a post, aged 27 or more on the snapshot's date."""
        snap = self.snap
        return [
            p
            for p in snap.in_units([unit], {0})
            if snap.rows[p].category in CADRES and age_on(self.careers[p].birth, snap.day) >= 27
        ]
