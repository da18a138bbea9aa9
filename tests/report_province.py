"""A small hand-built province for the report tests (the framework's in canbo/reports/tests, each app's report
tests in its own tests), on top of the conftest cast's tree; `run` and `find` run a report as every door does.

province (AREA) ─┬─ dept_a (Sở A, CHINH_QUYEN) ── dept_a_office
                 ├─ dept_b (Sở B, CHINH_QUYEN)
                 ├─ party (Ban Tổ chức, DANG)
                 ├─ dept_c (closed 31/12/2018)
                 └─ district (AREA, HUYEN) ─┬─ district_dept (DEPARTMENT, CHINH_QUYEN)
                                            ├─ district_party (AGENCY, DANG)
                                            ├─ district_school (PUBLIC_SERVICE, SU_NGHIEP)
                                            └─ commune (COMMUNE, XA)

On 31/12/2019: 11 persons — province 5 (dept_a 3 with the mover, dept_b 1, party 1), district 4, commune 2;
the retiree (left 30/06/2019) and the late hire (from 01/03/2020) are not counted.
On 31/12/2015: 12 persons (the retiree counts, the mover is in dept_b).
"""

import datetime

import pytest

from canbo.org.models import AdminLevel, OrgSector, UnitKind
from canbo.people.choices import PersonStatus
from canbo.people.models import Employment, Person
from canbo.reports.registry import get_report
from tests.factories import OrgUnitFactory, PersonFactory, QualificationFactory

D = datetime.date


def qual(person, scale, level, rank, awarded_on):
    return QualificationFactory(person=person, scale=scale, level=level, rank=rank, awarded_on=awarded_on)


@pytest.fixture(name="province")
def province_fixture(tree):
    t = dict(tree)
    t["party"] = OrgUnitFactory(
        code="BTC", name="Ban Tổ chức Tỉnh ủy", parent=t["province"], sector=OrgSector.DANG
    )
    t["dept_c"] = OrgUnitFactory(code="SO_C", name="Sở C", parent=t["province"], valid_to=D(2018, 12, 31))
    district = OrgUnitFactory(
        code="H01", name="Huyện Một", parent=t["province"], level=AdminLevel.HUYEN, kind=UnitKind.AREA
    )
    t["district"] = district
    t["district_dept"] = OrgUnitFactory(
        code="H01_NV", name="Phòng Nội vụ", parent=district, level=AdminLevel.HUYEN, kind=UnitKind.DEPARTMENT
    )
    t["district_party"] = OrgUnitFactory(
        code="H01_HU",
        name="Huyện ủy",
        parent=district,
        level=AdminLevel.HUYEN,
        kind=UnitKind.AGENCY,
        sector=OrgSector.DANG,
    )
    t["district_school"] = OrgUnitFactory(
        code="H01_THPT",
        name="Trường THPT",
        parent=district,
        level=AdminLevel.HUYEN,
        kind=UnitKind.PUBLIC_SERVICE,
        sector=OrgSector.SU_NGHIEP,
    )
    t["commune"] = OrgUnitFactory(
        code="X01", name="Xã Một", parent=district, level=AdminLevel.XA, kind=UnitKind.COMMUNE
    )
    return t


@pytest.fixture(name="staff")
def staff_fixture(province):
    t = province
    people = {}
    people["a1"] = PersonFactory(current_unit=t["dept_a"], category="CC")
    qual(people["a1"], "PROFESSIONAL", "DAI_HOC", 6, D(2008, 6, 30))
    qual(people["a1"], "POLITICAL_THEORY", "TRUNG_CAP", 2, D(2012, 1, 1))

    people["a2"] = PersonFactory(current_unit=t["dept_a_office"], category="VC")
    qual(people["a2"], "PROFESSIONAL", "TRUNG_CAP", 4, D(2005, 6, 30))
    qual(people["a2"], "PROFESSIONAL", "THAC_SI", 7, D(2018, 6, 1))

    # Moved from dept_b to dept_a on 01/07/2018.
    mover = PersonFactory(current_unit=t["dept_a"], category="CC", start_date=D(2018, 7, 1))
    Employment.objects.create(
        person=mover, unit=t["dept_b"], category="CC", start_date=D(2010, 1, 1), end_date=D(2018, 6, 30)
    )
    qual(mover, "PROFESSIONAL", "DAI_HOC", 6, D(2009, 6, 30))
    qual(mover, "POLITICAL_THEORY", "CAO_CAP", 3, D(2017, 5, 1))
    people["mover"] = mover

    # Retired on 30/06/2019: counted in 2015 and 2018, not on 31/12/2019.
    retiree = PersonFactory(current_unit=t["dept_a"], category="CC")
    Employment.objects.filter(person=retiree).update(end_date=D(2019, 6, 30))
    Person.objects.filter(pk=retiree.pk).update(status=PersonStatus.RETIRED, status_date=D(2019, 6, 30))
    qual(retiree, "PROFESSIONAL", "DAI_HOC", 6, D(2000, 6, 30))
    people["retiree"] = retiree

    people["late"] = PersonFactory(current_unit=t["dept_a"], category="CC", start_date=D(2020, 3, 1))

    people["b1"] = PersonFactory(current_unit=t["dept_b"], category="VC")
    qual(people["b1"], "PROFESSIONAL", "DAI_HOC", 6, D(2020, 6, 1))  # awarded after 31/12/2019

    people["party"] = PersonFactory(current_unit=t["party"], category="CB")
    people["h_cc"] = PersonFactory(current_unit=t["district_dept"], category="CC")
    people["h_cb"] = PersonFactory(current_unit=t["district_party"], category="CB")
    people["h_vc1"] = PersonFactory(current_unit=t["district_school"], category="VC")
    people["h_vc2"] = PersonFactory(current_unit=t["district_school"], category="VC")
    people["x_cb"] = PersonFactory(current_unit=t["commune"], category="CB_XA")
    people["x_cc"] = PersonFactory(current_unit=t["commune"], category="CC_XA")
    return people


def make_people(unit, n):
    """n persons in a unit, each with a university degree: for query-count tests."""
    for _ in range(n):
        person = PersonFactory(current_unit=unit, category="CC", start_date=D(2010, 1, 1))
        qual(person, "PROFESSIONAL", "DAI_HOC", 6, D(2008, 6, 30))


def run(name, user=None, **data):
    """Run a report through the framework as every door does (validate, scope, aggregate)."""
    return get_report(name).execute(user=user, data=data)


def find(result, **match):
    """The single row (data, subtotal or total) whose values contain `match`."""
    rows = [r for r in [*result.rows, *result.totals] if all(r.values.get(k) == v for k, v in match.items())]
    assert len(rows) == 1, (match, [r.values for r in rows])
    return rows[0]
