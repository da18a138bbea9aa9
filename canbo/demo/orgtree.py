"""The demo organisation tree: bulk-created units, their paths, and the 2025 merge and dissolution events."""

from dataclasses import dataclass, field

from canbo.org.models import AdminLevel, OrgEvent, OrgEventKind, OrgSector, OrgUnit, UnitKind
from canbo.org.services import set_paths

from . import geography as geo

ROOT_CODE = "DB"


@dataclass(eq=False)
class Slot:
    """A unit that employs people, with what the career generator needs to know about it."""

    unit: OrgUnit
    level: str
    suffix: str
    weight: float
    vc_share: float
    district: "District | None" = None
    successor: str = ""  # province unit suffix that takes over its tasks at the reform
    legacy: bool = False  # ends on 30/06/2025
    vc_led: bool = False  # headed by a public employee (schools, hospitals, centres)

    @property
    def sector(self) -> str:
        return self.unit.sector

    @property
    def kind(self) -> str:
        return self.unit.kind


@dataclass(eq=False)
class District:
    gso: str
    name: str
    area: OrgUnit
    words: tuple[str, str, str]
    slots: list[Slot] = field(default_factory=list)
    communes: list[Slot] = field(default_factory=list)
    new_communes: list[Slot] = field(default_factory=list)


@dataclass
class Tree:
    root: OrgUnit
    province: list[Slot]
    by_suffix: dict[str, Slot]
    districts: list[District]
    new_communes: list[Slot]
    new_commune_of: dict[int, Slot]  # id(old commune slot) -> new commune slot
    units: list[OrgUnit]

    def legacy_slots(self):
        for d in self.districts:
            yield from d.slots
            yield from d.communes

    def slots_of_level(self, level: str) -> list[Slot]:
        if level == AdminLevel.TINH:
            return self.province
        if level == AdminLevel.HUYEN:
            return [s for d in self.districts for s in d.slots]
        return [s for d in self.districts for s in d.communes]


VC_LED_PROVINCE = {
    "BAODBP",
    "DPTTH",
    "CDSP",
    "CDYT",
    "CDKTKT",
    "BQLDT",
    "BQLDADD",
    "BQLDAGT",
    "BQLDANN",
    "BQLMN",
}


def _unit(code, name, short, level, kind, sector, parent, order, valid_from, valid_to=None, basis=""):
    return OrgUnit(
        code=code,
        name=name,
        short_name=short[:100],
        level=level,
        kind=kind,
        sector=sector,
        parent=parent,
        sort_order=order,
        valid_from=valid_from,
        valid_to=valid_to,
        legal_basis=basis[:300],
    )


def build_tree() -> Tree:
    """Create every unit (three bulk inserts, one per depth), then their paths (one bulk update)."""
    geo.check()
    end = geo.LAST_LEGACY_DAY
    root = _unit(
        ROOT_CODE, "Tỉnh Điện Biên", "Điện Biên", AdminLevel.TINH, UnitKind.AREA, OrgSector.CHINH_QUYEN,
        None, 0, geo.PROVINCE_FROM, basis=geo.PROVINCE_BASIS,
    )  # fmt: skip
    root.save()
    order = 0
    province, depth1, depth2 = [], [], []
    for suffix, name, short, sector, weight, vc in geo.PROVINCE_UNITS:
        order += 1
        basis = {"DANG": geo.BASIS_PARTY, "MTTQ_DOAN_THE": geo.BASIS_MASS}.get(sector, geo.BASIS_SO)
        unit = _unit(f"DB-{suffix}", name, short, AdminLevel.TINH, UnitKind.AGENCY, sector, root, order,
                     geo.PROVINCE_FROM, basis=basis)  # fmt: skip
        depth1.append(unit)
        province.append(Slot(unit, AdminLevel.TINH, suffix, weight, vc, vc_led=suffix in VC_LED_PROVINCE))
    districts = []
    for gso, kind, dname, factor, x_party, x_dept, x_service, communes, _merged in geo.DISTRICTS:
        dv, uy, title = geo.DISTRICT_WORDS[kind]
        order += 1
        area = _unit(f"DB-H{gso}", f"{title} {dname}", dname, AdminLevel.HUYEN, UnitKind.AREA,
                     OrgSector.CHINH_QUYEN, root, order, geo.PROVINCE_FROM, end, geo.DISTRICT_END_BASIS)  # fmt: skip
        depth1.append(area)
        district = District(gso, dname, area, (dv, uy, title))
        districts.append(district)
        words = {"dv": dv, "uy": uy, "Uy": uy.replace(" ủy", ""), "n": dname}
        bodies = list(district_bodies(x_party, x_dept, x_service))
        for suffix, pattern, sector, unit_kind, weight, vc, successor in bodies:
            order += 1
            basis = {"DANG": geo.BASIS_PARTY, "MTTQ_DOAN_THE": geo.BASIS_MASS, "SU_NGHIEP": geo.BASIS_DVSN}
            unit = _unit(f"DB-H{gso}-{suffix}", pattern.format(**words), "", AdminLevel.HUYEN, unit_kind, sector,
                         area, order, geo.PROVINCE_FROM, end, basis.get(sector, geo.BASIS_PHONG))  # fmt: skip
            depth2.append(unit)
            district.slots.append(
                Slot(unit, AdminLevel.HUYEN, suffix, weight * factor, vc, district, successor, True,
                     vc_led=unit_kind == UnitKind.PUBLIC_SERVICE)
            )  # fmt: skip
        for i, spec in enumerate(communes, start=1):
            prefix, cname = spec.split(":", 1)
            order += 1
            unit = _unit(f"DB-H{gso}-X{i:02d}", f"{geo.COMMUNE_WORDS[prefix]} {cname}", cname, AdminLevel.XA,
                         UnitKind.COMMUNE, OrgSector.CHINH_QUYEN, area, order, geo.PROVINCE_FROM, end,
                         geo.BASIS_COMMUNE)  # fmt: skip
            depth2.append(unit)
            district.communes.append(
                Slot(unit, AdminLevel.XA, "XA", 1.0 + 0.08 * (i % 5), 0.0, district, "", True)
            )
    new_communes, new_commune_of = [], {}
    old_by_name = {s.unit.short_name: s for d in districts for s in d.communes}
    n = 0
    for spec in geo.DISTRICTS:
        for cname, ward, olds in spec[8]:
            n += 1
            order += 1
            unit = _unit(f"DB-XA{n:02d}", f"{'Phường' if ward else 'Xã'} {cname}", cname, AdminLevel.XA,
                         UnitKind.COMMUNE, OrgSector.CHINH_QUYEN, root, order, geo.REFORM_DAY,
                         basis=geo.COMMUNE_MERGE_BASIS)  # fmt: skip
            depth1.append(unit)
            slot = Slot(unit, AdminLevel.XA, "XA", float(len(olds)), 0.0, None)
            new_communes.append(slot)
            for old in olds:
                old_slot = old_by_name[old]
                new_commune_of[id(old_slot)] = slot
                if slot not in old_slot.district.new_communes:
                    old_slot.district.new_communes.append(slot)
    OrgUnit.objects.bulk_create(depth1, batch_size=500)
    OrgUnit.objects.bulk_create(depth2, batch_size=500)
    units = [root, *depth1, *depth2]
    set_paths(units)
    OrgUnit.objects.bulk_update(units, ["path", "depth"], batch_size=500)
    return Tree(
        root, province, {s.suffix: s for s in province}, districts, new_communes, new_commune_of, units
    )


def district_bodies(x_party: bool, x_dept: bool, x_service: bool):
    """(suffix, name pattern, sector, kind, weight, VC share, successor) for one district's bodies."""
    for suffix, pattern, sector, weight, vc, succ in geo.DISTRICT_PARTY + (
        [geo.DISTRICT_PARTY_EXTRA] * x_party
    ):
        yield suffix, pattern, sector, UnitKind.AGENCY, weight, vc, succ
    for suffix, pattern, weight, vc, succ in (
        geo.DISTRICT_DEPARTMENTS + [geo.DISTRICT_DEPARTMENT_EXTRA] * x_dept
    ):
        yield suffix, pattern, OrgSector.CHINH_QUYEN, UnitKind.DEPARTMENT, weight, vc, succ
    for suffix, pattern, weight, vc, succ in geo.DISTRICT_SERVICES + [geo.DISTRICT_SERVICE_EXTRA] * x_service:
        yield suffix, pattern, OrgSector.SU_NGHIEP, UnitKind.PUBLIC_SERVICE, weight, vc, succ


def record_events(tree: Tree) -> int:
    """MERGE events for the 45 new communes and a DISSOLVE event per district, with their links."""
    events, links = [], []
    predecessors_of = {}
    for district in tree.districts:
        for old in district.communes:
            predecessors_of.setdefault(id(tree.new_commune_of[id(old)]), []).append(old.unit)
    for slot in tree.new_communes:
        event = OrgEvent(
            kind=OrgEventKind.MERGE,
            effective_on=geo.REFORM_DAY,
            decision_number=geo.COMMUNE_MERGE_DECISION,
            legal_basis=geo.COMMUNE_MERGE_BASIS,
            note=f"Thành lập {slot.unit.name} trên cơ sở nhập "
            + ", ".join(u.name for u in predecessors_of[id(slot)]),
        )
        events.append(event)
        links.append((event, predecessors_of[id(slot)], [slot.unit]))
    for district in tree.districts:
        event = OrgEvent(
            kind=OrgEventKind.DISSOLVE,
            effective_on=geo.REFORM_DAY,
            decision_number="72/2025/QH15",
            legal_basis=geo.DISTRICT_END_BASIS[:300],
            note=f"Kết thúc hoạt động của {district.area.name} và các cơ quan, đơn vị cấp huyện",
        )
        events.append(event)
        ended = [district.area, *(s.unit for s in district.slots)]
        links.append((event, ended, [s.unit for s in district.new_communes]))
    OrgEvent.objects.bulk_create(events)
    before = OrgEvent.predecessors.through
    after = OrgEvent.successors.through
    before.objects.bulk_create(
        [before(orgevent_id=e.pk, orgunit_id=u.pk) for e, preds, _s in links for u in preds], batch_size=1000
    )
    after.objects.bulk_create(
        [after(orgevent_id=e.pk, orgunit_id=u.pk) for e, _p, succs in links for u in succs], batch_size=1000
    )
    return len(events)
