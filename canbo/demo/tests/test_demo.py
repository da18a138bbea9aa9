"""The demo province (issue 2 §9): structure, history, the 2025 reform, determinism, logins and seed 001."""

import datetime
from collections import Counter, defaultdict
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count
from django.http import Http404

from canbo.accounts.models import Role, RoleAssignment, User
from canbo.accounts.scoping import visible_units
from canbo.demo.builder import build_demo
from canbo.demo.careers import apportion
from canbo.demo.dates import retirement_day
from canbo.demo.users import DEMO_PASSWORD, DEMO_USERNAMES
from canbo.org.models import OrgEvent, OrgUnit
from canbo.people.models import Employment, Person, Qualification
from canbo.people.selectors import person_get_for_user, person_queryset_for
from canbo.people.validators import check_national_id_matches, validate_national_id
from canbo.reports.registry import get_report

pytestmark = pytest.mark.django_db

D2015 = datetime.date(2015, 12, 31)
D2019 = datetime.date(2019, 12, 31)
LAST_DISTRICT_DAY = datetime.date(2025, 6, 30)
REFORM = datetime.date(2025, 7, 1)


@pytest.fixture
def small_demo():
    return build_demo(scale=300, seed=11)


def _units_on(day):
    rows = OrgUnit.objects.active_on(day).bodies().values("level", "kind", "sector").annotate(n=Count("id"))
    return {(r["level"], r["kind"], r["sector"]): r["n"] for r in rows}


def test_tree_on_31_12_2019_has_the_units_of_seed_001(small_demo):
    units = _units_on(D2019)
    province = {k: n for k, n in units.items() if k[0] == "TINH"}
    assert sum(province.values()) == 45
    assert all(kind == "AGENCY" for _level, kind, _sector in province)
    assert sum(n for (_l, _k, sector), n in province.items() if sector in ("DANG", "MTTQ_DOAN_THE")) == 15
    assert province[("TINH", "AGENCY", "CHINH_QUYEN")] == 30
    district = {k: n for k, n in units.items() if k[0] == "HUYEN"}
    assert sum(district.values()) == 328
    assert district[("HUYEN", "AGENCY", "DANG")] + district[("HUYEN", "AGENCY", "MTTQ_DOAN_THE")] == 125
    assert district[("HUYEN", "DEPARTMENT", "CHINH_QUYEN")] == 151
    assert district[("HUYEN", "PUBLIC_SERVICE", "SU_NGHIEP")] == 52
    assert units[("XA", "COMMUNE", "CHINH_QUYEN")] == 130
    areas = OrgUnit.objects.filter(kind="AREA", level="HUYEN")
    assert areas.count() == 10
    assert set(areas.values_list("valid_to", flat=True)) == {LAST_DISTRICT_DAY}
    assert all(u.legal_basis for u in OrgUnit.objects.all())


def test_tree_after_the_reform_has_45_merged_communes(small_demo):
    assert _units_on(REFORM) == {
        ("TINH", "AGENCY", "DANG"): 10,
        ("TINH", "AGENCY", "MTTQ_DOAN_THE"): 5,
        ("TINH", "AGENCY", "CHINH_QUYEN"): 30,
        ("XA", "COMMUNE", "CHINH_QUYEN"): 45,
    }
    assert not OrgUnit.objects.active_on(REFORM).filter(level="HUYEN").exists()
    root = OrgUnit.objects.get(code="DB")
    new_communes = OrgUnit.objects.filter(level="XA", valid_from=REFORM)
    assert new_communes.count() == 45
    assert set(new_communes.values_list("parent", flat=True)) == {root.pk}
    merges = OrgEvent.objects.filter(kind="MERGE", effective_on=REFORM)
    assert merges.count() == 45
    assert {e.decision_number for e in merges} == {"1661/NQ-UBTVQH15"}
    assert all("1661/NQ-UBTVQH15" in e.legal_basis for e in merges)
    predecessors = Counter(pk for e in merges for pk in e.predecessors.values_list("pk", flat=True))
    assert len(predecessors) == 130 and set(predecessors.values()) == {1}
    assert all(e.successors.get().valid_from == REFORM for e in merges)
    # a subtree is one indexed prefix query
    tuan_giao = OrgUnit.objects.get(code="DB-H099")
    subtree = OrgUnit.objects.subtree_of(tuan_giao)
    assert (
        subtree.count() == OrgUnit.objects.filter(code__startswith="DB-H099").count() == 1 + 13 + 15 + 5 + 19
    )


def test_nobody_works_in_a_district_unit_after_30_06_2025(small_demo):
    district_rows = Employment.objects.filter(unit__level="HUYEN")
    assert district_rows.exists()
    assert not district_rows.filter(end_date__isnull=True).exists()
    assert not district_rows.filter(end_date__gt=LAST_DISTRICT_DAY).exists()
    assert not Employment.objects.active_on(REFORM).filter(unit__level="HUYEN").exists()
    assert not Employment.objects.filter(start_date__gte=REFORM, category__in=["CB_XA", "CC_XA"]).exists()
    moved = Employment.objects.filter(start_date=REFORM, move="SAP_XEP")
    assert moved.filter(unit__level="XA").exists() and moved.filter(unit__level="TINH").exists()
    assert Person.objects.filter(status="RETIRED", status_date=LAST_DISTRICT_DAY).exists()
    assert not Person.objects.filter(status="WORKING", current_unit__level="HUYEN").exists()


def test_histories_are_consistent(small_demo):
    rows = defaultdict(list)
    for e in Employment.objects.select_related("unit").order_by("start_date"):
        rows[e.person_id].append(e)
    persons = list(Person.objects.all())
    assert len(rows) == len(persons)
    statuses = Counter(p.status for p in persons)
    assert statuses["WORKING"] and statuses["RETIRED"] and statuses["MOVED_OUT"]
    for person in persons:
        history = rows[person.pk]
        for earlier, later in zip(history, history[1:], strict=False):
            assert earlier.end_date is not None and earlier.end_date < later.start_date
        for e in history:
            assert e.unit.valid_from <= e.start_date and (
                e.unit.valid_to is None or e.end_date <= e.unit.valid_to
            )
        latest = history[-1]
        assert (person.current_unit_id, person.category, person.position_id) == (
            latest.unit_id,
            latest.category,
            latest.position_id,
        )
        assert (person.status == "WORKING") == (latest.end_date is None)
        assert person.status == "WORKING" or person.status_date == latest.end_date
        validate_national_id(person.national_id)
        assert check_national_id_matches(person.national_id, person.gender, person.date_of_birth.year) == []
        assert person.search_text and person.sort_key and person.given_name
    assert Person.objects.filter(employments__start_date__lte=D2015).exists()
    assert Qualification.objects.filter(awarded_on__gt=datetime.date(2025, 12, 31)).count() == 0
    assert set(Qualification.objects.values_list("scale", flat=True)) >= {
        "PROFESSIONAL",
        "POLITICAL_THEORY",
        "STATE_MGMT",
        "FOREIGN_LANGUAGE",
        "IT",
        "ETHNIC_LANGUAGE",
    }


def test_same_seed_gives_the_same_people_and_another_seed_does_not():
    def ids():
        return list(Person.objects.order_by("code").values_list("code", "national_id", "full_name"))

    build_demo(scale=120, seed=5)
    first = ids()
    build_demo(scale=120, seed=5, reset=True)
    assert ids() == first
    build_demo(scale=120, seed=6, reset=True)
    assert ids() != first


def test_load_demo_command_if_empty_reset_and_bad_input():
    out = StringIO()
    call_command("load_demo", scale=100, stdout=out)
    assert "CBCCVC ngày 31/12/2019: 100" in out.getvalue()
    persons = Person.objects.count()
    with pytest.raises(CommandError, match="--reset"):
        call_command("load_demo", scale=100, stdout=StringIO())
    out = StringIO()
    call_command("load_demo", scale=100, if_empty=True, stdout=out)
    assert "không tạo lại" in out.getvalue()
    call_command("load_demo", scale=100, reset=True, stdout=StringIO())
    assert Person.objects.count() == persons
    assert OrgUnit.objects.filter(code="DB").count() == 1
    with pytest.raises(CommandError):
        call_command("load_demo", scale=0, stdout=StringIO())
    call_command("load_demo", delete=True, stdout=StringIO())
    assert not Person.objects.exists() and not OrgUnit.objects.exists()
    assert not User.objects.filter(username__in=DEMO_USERNAMES).exists()


def test_demo_users_cover_every_role_and_are_scoped(small_demo):
    users = {u.username: u for u in User.objects.filter(username__in=DEMO_USERNAMES)}
    assert set(users) == set(DEMO_USERNAMES)
    assert all(u.check_password(DEMO_PASSWORD) for u in users.values())
    roles = {(a.user.username, a.role, a.unit.code if a.unit else None) for a in RoleAssignment.objects.all()}
    assert roles == {
        ("bantochuc", Role.PROVINCE_BOARD, None),
        ("sonoivu", Role.UNIT_OFFICER, "DB-SNV"),
        ("huyentuangiao", Role.UNIT_OFFICER, "DB-H099"),
        ("lanhdao", Role.LEADER, "DB-SYT"),
        ("thuongvu", Role.STANDING_COMMITTEE, None),
        ("congchuc", Role.OFFICIAL, None),
        ("quantri", Role.SYSADMIN, None),
    }
    assert users["quantri"].is_staff and not users["quantri"].is_superuser
    assert set(RoleAssignment.objects.values_list("status", flat=True)) == {"ACTIVE"}  # seed data
    official = Person.objects.get(user=users["congchuc"])
    assert official.status == "WORKING"
    assert list(person_queryset_for(user=users["congchuc"])) == [official]
    assert set(visible_units(users["sonoivu"]).values_list("code", flat=True)) == {"DB-SNV"}
    legacy = set(visible_units(users["huyentuangiao"]).values_list("code", flat=True))
    assert "DB-H099" in legacy and all(code.startswith("DB-H099") for code in legacy)
    # the district ended on 30/06/2025: its officer manages nobody, reads no person, keeps its past's figures (018)
    assert not person_queryset_for(user=users["huyentuangiao"]).exists()
    figures = get_report("party-admissions").execute(
        user=users["huyentuangiao"], data={"on": "31/12/2025", "term": "2020-2025"}
    )
    assert figures.rows and figures.meta["2020-2025"]["admitted"] > 0
    outsider = Person.objects.exclude(current_unit__code="DB-SYT").first()
    with pytest.raises(Http404):  # the Sở Y tế leader does not see another unit's record
        person_get_for_user(user=users["lanhdao"], uuid=outsider.uuid)
    assert not person_queryset_for(user=users["quantri"]).exists()


def test_demo_logins_prints_url_and_table(small_demo):
    out = StringIO()
    call_command("demo_logins", url="http://127.0.0.1:8000/", stdout=out)
    text = out.getvalue()
    assert "http://127.0.0.1:8000/" in text
    for username in DEMO_USERNAMES:
        assert username in text
    assert DEMO_PASSWORD in text and "Sở Nội vụ" in text


def test_demo_logins_without_demo_says_so():
    out = StringIO()
    call_command("demo_logins", stdout=out)
    assert "load_demo" in out.getvalue()


def test_helpers_apportion_and_retirement_age():
    assert apportion(10, [1, 1, 1]) == [4, 3, 3]
    assert sum(apportion(25944, [3.0, 1.5, 0.25, 7])) == 25944
    assert retirement_day("NAM", datetime.date(1960, 12, 5)) == datetime.date(2020, 12, 31)
    assert retirement_day("NAM", datetime.date(1961, 1, 5)) == datetime.date(2021, 4, 30)  # 60y3m
    assert retirement_day("NAM", datetime.date(1961, 10, 5)) == datetime.date(2022, 4, 30)  # 60y6m
    assert retirement_day("NU", datetime.date(1966, 6, 10)) == datetime.date(2021, 10, 31)  # 55y4m


def _share(scale, rank, on):
    """The brief's definition, written independently of the loader: holders on D / persons employed on D."""
    employed = Employment.objects.active_on(on).values("person_id")
    total = Person.objects.filter(pk__in=employed).count()
    holders = (
        Qualification.objects.filter(person_id__in=employed, scale=scale, rank__gte=rank, awarded_on__lte=on)
        .values("person_id")
        .distinct()
        .count()
    )
    return 100 * holders / total


@pytest.mark.xdist_group("demo")  # the default-scale demo that the test_demo_* modules share (conftest.py)
def test_default_scale_reproduces_seed_001_figures(demo):
    by_level = {
        r["unit__level"]: r["n"]
        for r in Employment.objects.active_on(D2019)
        .values("unit__level")
        .annotate(n=Count("person", distinct=True))
        .order_by()
    }
    assert by_level == {"TINH": 7759, "HUYEN": 15413, "XA": 2772}
    assert Employment.objects.active_on(D2019).values("person").distinct().count() == 25944
    changes = {  # seed 001: "so với đầu nhiệm kỳ (năm 2015)"
        ("PROFESSIONAL", 4): 5.1,  # trung cấp trở lên
        ("PROFESSIONAL", 6): 14.7,  # đại học trở lên
        ("PROFESSIONAL", 7): 2.5,  # trên đại học
        ("POLITICAL_THEORY", 2): 10.0,  # lý luận chính trị trung cấp trở lên
    }
    for (scale, rank), pp in changes.items():
        before, after = _share(scale, rank, D2015), _share(scale, rank, D2019)
        assert round(after - before, 1) == pp, (scale, rank, before, after)
        assert round(round(after, 1) - round(before, 1), 1) == pp
    assert Employment.objects.active_on(D2015).values("person").distinct().count() != 25944
    today = Employment.objects.active_on(datetime.date(2025, 12, 31))
    assert set(today.values_list("unit__level", flat=True).distinct()) == {"TINH", "XA"}
