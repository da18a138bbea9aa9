"""Person rows of the demo: identity, personal ID, contact, Party dates, rank and salary, current values."""

import uuid
from datetime import date, timedelta
from decimal import Decimal
from types import SimpleNamespace

from canbo.core.text import unaccent
from canbo.org.models import AdminLevel
from canbo.people.catalogues import RANKS
from canbo.people.choices import Gender
from canbo.people.choices import PersonnelCategory as Cat
from canbo.people.services import person_refresh_derived
from canbo.people.validators import compose_national_id

from . import names
from .careers import HEALTH, Career
from .dates import CUTOFF, add_years, random_day
from .orgtree import Tree

ID_PROVINCE = "011"  # Điện Biên in the 12-digit personal ID (Thông tư 59/2021/TT-BCA)
PAY_GROUP = {code: group for code, _name, group, _basis in RANKS}
# Pay scale of NĐ 204/2004: (first coefficient, step, number of steps) per group.
PAY_SCALE = {
    "A3.1": (6.20, 0.36, 6),
    "A2.1": (4.40, 0.34, 8),
    "A2.2": (4.00, 0.34, 8),
    "A1": (2.34, 0.33, 9),
    "A0": (2.10, 0.31, 10),
    "B": (1.86, 0.20, 12),
}
TEACHER_RANKS = [("V.07.03.29", 35), ("V.07.03.28", 10), ("V.07.03.09", 35), ("V.07.02.26", 20)]
PARTY_SHARE = {Cat.CB: 0.97, Cat.CB_XA: 0.9, Cat.CC: 0.6, Cat.CC_XA: 0.6, Cat.VC: 0.3, Cat.LD_HD: 0.1}


def national_id(gender: str, birth: date, serial: int) -> str:
    return compose_national_id(ID_PROVINCE, gender, birth.year, serial)


def rank_for(rng, career: Career) -> str:
    row = career.last
    if row.category == Cat.VC:
        if row.position == "GIAO_VIEN":
            return rng.choices(*zip(*TEACHER_RANKS, strict=True))[0]
        if row.slot.suffix in HEALTH:
            return "V.08.01.03" if row.position == "BAC_SI" else "V.08.05.13"
        return "V.10.03.10" if row.slot.suffix in ("SVHTTDL", "TTVHTT", "BQLDT") else "01.003"
    if career.tier >= 7:
        return "01.001" if rng.random() < 0.6 else "01.002"
    if career.tier >= 4:
        return "01.002" if rng.random() < 0.7 else "01.003"
    if row.slot.suffix == "TTR":
        return "04.023"
    r = rng.random()
    if row.slot.level == AdminLevel.XA:
        return "01.003" if r < 0.6 else "01.004"
    return "06.031" if r < 0.04 else "01.004" if r < 0.12 else "01.005" if r < 0.17 else "01.003"


def salary(rng, rank_code: str, career: Career) -> tuple[int, str]:
    first, step, steps = PAY_SCALE[PAY_GROUP[rank_code]]
    served = ((career.status_date or CUTOFF) - career.recruited).days // 365
    level = max(1, min(steps, 1 + served // 3 + (rng.random() < 0.1)))
    return level, f"{first + step * (level - 1):.2f}"


def party_dates(rng, career: Career, awards) -> tuple[date | None, date | None]:
    """Members: everyone with trung cấp political theory or above, and a share of the others by category."""
    theory = [a.awarded_on for a in awards if a.scale == "POLITICAL_THEORY" and a.rank >= 2]
    category = (career.rows[0] if career.group == "L" else career.last).category
    if not theory and rng.random() >= PARTY_SHARE.get(category, 0.3):
        return None, None
    end = career.status_date or CUTOFF
    lo = add_years(career.birth, 20)
    hi = min(
        add_years(career.birth, 36), end - timedelta(days=400), *(d - timedelta(days=365) for d in theory)
    )
    admitted = random_day(rng, lo, hi) if lo < hi else add_years(career.birth, 18) + timedelta(days=30)
    full = admitted + timedelta(days=365 + rng.randrange(60))
    return admitted, (full if full <= end else None)


def _place(rng, tree: Tree, ethnicity: str, slot_district) -> tuple[str, str]:
    """(place of birth, place of origin)."""
    district = slot_district or rng.choice(tree.districts)
    commune = rng.choice(district.communes).unit.name
    local = f"{commune}, {district.area.name}, tỉnh Điện Biên"
    if ethnicity != "Kinh":
        return local, local
    origin = rng.choice(names.KINH_ORIGINS)
    if origin == "Điện Biên":
        return local, local
    return (local if rng.random() < 0.6 else f"Tỉnh {origin}"), f"Tỉnh {origin}"


def make_person(
    rng, tree: Tree, career: Career, ethnicity: str, awards, used_ids: set, ranks, positions
) -> dict:
    """The Person row (a dict of column values) of one career; current unit, post and category = last row."""
    female = career.gender == Gender.NU
    while True:
        pid = national_id(career.gender, career.birth, rng.randrange(1, 1_000_000))
        if pid not in used_ids:
            used_ids.add(pid)
            break
    row = career.last
    district = row.slot.district or (career.rows[0].slot.district)
    born_in, origin = _place(rng, tree, ethnicity, district)
    full_name = names.full_name(rng, ethnicity, female)
    rank_code = rank_for(rng, career)
    step, coefficient = salary(rng, rank_code, career)
    admitted, full_member = party_dates(rng, career, awards)
    if row.slot.level == AdminLevel.XA:  # a commune: live there (in its district before the reform)
        where = row.slot.unit.name + (f", {row.slot.district.area.name}" if row.slot.district else "")
    elif row.slot.level == AdminLevel.HUYEN:  # a district body: the district seat
        where = f"{district.communes[0].unit.name}, {district.area.name}"
    else:
        where = "Phường Mường Thanh, Thành phố Điện Biên Phủ"
    email = ""
    if row.category in (Cat.CB, Cat.CC) and rng.random() < 0.5:
        email = f"{unaccent(full_name).replace(' ', '')}{career.idx}@dienbien.gov.vn"
    person = SimpleNamespace(
        uuid=uuid.UUID(int=rng.getrandbits(128), version=4),
        code=f"DB{career.idx:06d}",
        full_name=full_name,
        other_names="",
        gender=career.gender,
        date_of_birth=career.birth,
        place_of_birth=born_in,
        place_of_origin=origin,
        ethnicity=names.ethnicity_code(ethnicity),
        religion=names.religion(rng, ethnicity),
        national_id=pid,
        phone=f"09{rng.randrange(10**7, 10**8)}" if rng.random() < 0.85 else "",
        email=email,
        address=f"{where}, tỉnh Điện Biên",
        category=row.category,
        current_unit_id=row.slot.unit.pk,
        position_id=positions.get(row.position),
        rank_id=ranks.get(rank_code),
        salary_step=step,
        salary_coefficient=Decimal(coefficient),
        recruited_on=career.recruited,
        party_admission_date=admitted,
        party_full_member_date=full_member,
        status=career.status,
        status_date=career.status_date,
        user_id=None,
    )
    person_refresh_derived(person)  # name parts, search text, Vietnamese sort key
    return vars(person)
