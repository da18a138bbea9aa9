"""A small province with known counts on 31/12/2019 (the statistical forms' tests check every cell against it).

Tỉnh Thử (area) ─┬─ Sở A (province agency) ........ P1 CC, P2 CB, P5 CC, (P6 left, P7 not yet), P12 LD_HD
                 ├─ Huyện B (area) ─┬─ Phòng Nội vụ (district department) ... P3 CC, P4 CC
                 │                  └─ Xã C (commune) .......................... P8 CC_XA, P9 CB_XA
                 └─ Bệnh viện D (public service unit) ........................... P10 VC (bác sĩ), P11 VC (giáo viên)
alice: unit officer of Huyện B · charlie: unit officer of Sở A · board: province board · dana: official
"""

import datetime

import pytest

from canbo.accounts.models import Role
from canbo.discipline.models import DisciplineRecord
from canbo.evaluation.models import AnnualRating
from canbo.org.models import AdminLevel, OrgSector, UnitKind
from canbo.people.choices import level_rank
from canbo.people.models import Employment, Qualification, Rank
from canbo.staffing.models import StaffingQuota
from tests.factories import OrgUnitFactory, PersonFactory, UserFactory, grant

D = datetime.date
ON = D(2019, 12, 31)


def qualify(person, scale, level, awarded_on, field=""):
    Qualification.objects.create(
        person=person,
        scale=scale,
        level=level,
        rank=level_rank(scale, level),
        awarded_on=awarded_on,
        field=field,
    )


def person(unit, category, gender, born, *, rank=None, ethnicity="01", religion="Không", party=None, **extra):
    return PersonFactory(
        current_unit=unit,
        category=category,
        gender=gender,
        date_of_birth=born,
        rank=Rank.objects.get(code=rank) if rank else None,
        ethnicity=ethnicity,
        religion=religion,
        party_admission_date=party,
        **extra,
    )


@pytest.fixture
def units(db):
    province = OrgUnitFactory(code="TT", name="Tỉnh Thử", kind=UnitKind.AREA)
    so_a = OrgUnitFactory(code="SO_A", name="Sở A", parent=province)
    district = OrgUnitFactory(
        code="H_B", name="Huyện B", parent=province, level=AdminLevel.HUYEN, kind=UnitKind.AREA
    )
    phong = OrgUnitFactory(
        code="H_B_NV", name="Phòng Nội vụ", parent=district, level=AdminLevel.HUYEN, kind=UnitKind.DEPARTMENT
    )
    commune = OrgUnitFactory(
        code="X_C", name="Xã C", parent=district, level=AdminLevel.XA, kind=UnitKind.COMMUNE
    )
    hospital = OrgUnitFactory(
        code="BV_D",
        name="Bệnh viện D",
        parent=province,
        kind=UnitKind.PUBLIC_SERVICE,
        sector=OrgSector.SU_NGHIEP,
    )
    return {
        "province": province,
        "so_a": so_a,
        "district": district,
        "phong": phong,
        "commune": commune,
        "hospital": hospital,
    }


@pytest.fixture
def people(units):
    so_a, phong, commune, hospital = units["so_a"], units["phong"], units["commune"], units["hospital"]
    p1 = person(so_a, "CC", "NU", D(1990, 6, 1), rank="01.003", ethnicity="03", party=D(2015, 1, 1))
    qualify(p1, "PROFESSIONAL", "DAI_HOC", D(2012, 6, 30))
    qualify(p1, "PROFESSIONAL", "THAC_SI", D(2020, 6, 1))  # after the date: not counted
    qualify(p1, "POLITICAL_THEORY", "TRUNG_CAP", D(2018, 6, 1))
    qualify(p1, "STATE_MGMT", "CHUYEN_VIEN", D(2017, 6, 1))
    qualify(p1, "IT", "CO_BAN", D(2013, 6, 1))
    qualify(p1, "FOREIGN_LANGUAGE", "B1", D(2014, 6, 1))
    # born 15/01/1959: retired on 31/01/2019 under the 60-year rule, still working on 31/12/2019
    p2 = person(so_a, "CB", "NAM", D(1959, 1, 15), rank="01.001", religion="Phật giáo", party=D(1985, 3, 1))
    qualify(p2, "PROFESSIONAL", "TIEN_SI", D(2005, 6, 1))
    qualify(p2, "POLITICAL_THEORY", "CAO_CAP", D(2008, 6, 1))
    qualify(p2, "POLITICAL_THEORY", "CU_NHAN", D(2010, 6, 1))
    qualify(p2, "STATE_MGMT", "CHUYEN_VIEN_CAO_CAP", D(2011, 6, 1))
    p3 = person(phong, "CC", "NU", D(1975, 3, 1), rank="01.002", party=D(2000, 5, 1))
    qualify(p3, "PROFESSIONAL", "DAI_HOC", D(1997, 6, 1))
    qualify(p3, "POLITICAL_THEORY", "CAO_CAP", D(2016, 6, 1))
    qualify(p3, "IT", "NANG_CAO", D(2015, 6, 1))
    qualify(p3, "FOREIGN_LANGUAGE", "A2", D(2010, 6, 1))
    p4 = person(phong, "CC", "NAM", D(1966, 7, 1), rank="01.005")
    qualify(p4, "PROFESSIONAL", "TRUNG_CAP", D(1988, 6, 1))
    p5 = person(so_a, "CC", "NAM", D(1985, 5, 17), rank="01.004")
    qualify(p5, "PROFESSIONAL", "CAO_DANG", D(2006, 6, 1))
    qualify(p5, "ETHNIC_LANGUAGE", "THANH_THAO", D(2012, 6, 1))
    p6 = person(so_a, "CC", "NAM", D(1980, 1, 1), rank="01.003")  # left before the date
    Employment.objects.filter(person=p6).update(end_date=D(2019, 6, 30))
    p7 = person(so_a, "CC", "NU", D(1995, 1, 1), rank="01.003", start_date=D(2020, 2, 1))  # after the date
    p8 = person(commune, "CC_XA", "NAM", D(1992, 1, 1), rank="01.003", ethnicity="06")
    qualify(p8, "PROFESSIONAL", "TRUNG_CAP", D(2012, 6, 1))
    qualify(p8, "POLITICAL_THEORY", "SO_CAP", D(2016, 6, 1))
    p9 = person(commune, "CB_XA", "NU", D(1980, 1, 1), party=D(2005, 1, 1))
    qualify(p9, "PROFESSIONAL", "DAI_HOC", D(2003, 6, 1))
    qualify(p9, "POLITICAL_THEORY", "TRUNG_CAP", D(2010, 6, 1))
    p10 = person(hospital, "VC", "NU", D(1988, 2, 2), rank="V.08.01.03")
    qualify(p10, "PROFESSIONAL", "DAI_HOC", D(2012, 6, 1))
    p11 = person(hospital, "VC", "NAM", D(1970, 2, 2), rank="V.07.03.28", ethnicity="02")
    qualify(p11, "PROFESSIONAL", "THAC_SI", D(2010, 6, 1))
    p12 = person(so_a, "LD_HD", "NAM", D(1990, 1, 1))

    for who, level in [
        (p1, "HTXS"),
        (p2, "HTT"),
        (p3, "HT"),
        (p4, "KHT"),
        (p8, "HTT"),
        (p9, "KHONG_XEP_LOAI"),
    ]:
        AnnualRating.objects.create(person=who, year=2019, unit=who.current_unit, level=level)
    AnnualRating.objects.create(person=p10, year=2018, unit=hospital, level="HTT")  # another year
    for who, form, day in [
        (p4, "KHIEN_TRACH", D(2019, 5, 1)),
        (p3, "CANH_CAO", D(2019, 8, 1)),
        (p8, "KHIEN_TRACH", D(2019, 3, 1)),
        (p11, "CANH_CAO", D(2019, 9, 9)),
        (p1, "KHIEN_TRACH", D(2018, 5, 1)),  # another year
    ]:
        DisciplineRecord.objects.create(
            person=who, form=form, decision_number=f"{who.pk}/QĐ", decided_on=day, unit=who.current_unit
        )
    for unit, kind, n in [(so_a, "CC", 10), (phong, "CC", 5), (commune, "CC", 4), (hospital, "VC", 30)]:
        StaffingQuota.objects.create(
            unit=unit,
            year=2019,
            kind=kind,
            approved_count=n,
            decision_number="1/QĐ",
            decision_date=D(2019, 1, 2),
        )
    return {f"p{i}": p for i, p in enumerate([p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12], start=1)}


@pytest.fixture
def board(units):
    return grant(UserFactory(username="board"), Role.PROVINCE_BOARD)


@pytest.fixture
def alice(units):
    return grant(UserFactory(username="alice"), Role.UNIT_OFFICER, units["district"])


@pytest.fixture
def charlie(units):
    return grant(UserFactory(username="charlie"), Role.UNIT_OFFICER, units["so_a"])


@pytest.fixture
def dana(units):
    return grant(UserFactory(username="dana"), Role.OFFICIAL)
