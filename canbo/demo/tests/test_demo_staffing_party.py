"""The demo province's streamlining, quotas and Party admissions (issue 5): seed 002's 355 cases and 2.715
admissions = 54,3 % through the reports, recounted by hand, and consistent with the register.

The default-scale demo is the shared one of conftest.py; the last test rebuilds it at a tenth of the scale, inside
its transaction.
"""

import datetime

import pytest
from django.db.models import F, Max

from canbo.accounts.models import Role
from canbo.demo.builder import build_demo
from canbo.evaluation.models import AnnualRating
from canbo.org.models import OrgUnit
from canbo.party.choices import PartyStatus
from canbo.party.models import Admission, AdmissionTarget
from canbo.people.choices import PersonStatus
from canbo.people.models import Employment, Person
from canbo.reports.registry import get_report
from canbo.staffing.choices import CaseStatus, DownsizingPolicy, QuotaKind
from canbo.staffing.models import StaffingQuota, StreamliningCase
from canbo.statforms.definitions import HEADCOUNT_PARTITION
from tests.factories import UserFactory, grant

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo")]  # the shared demo: conftest.py
D = datetime.date
SEED_002 = {"from": "01/11/2020", "to": "30/06/2023"}
CONGRESS, SEED_TO = D(2020, 10, 16), D(2023, 6, 30)


def report(name: str, **data):
    return get_report(name).execute(user=None, data=data)


def test_seed_002_streamlining_355_through_the_report(demo):
    result = report("streamlining-cases", **SEED_002)
    assert result.meta["total"] == 355
    assert result.meta["civil"] > 0 and result.meta["public"] > 0 and result.meta["other"] == 0
    assert sum(1 for r in result.rows if r.values["total"] > 0) >= 3  # spread over the reasons
    assert "355 trường hợp" in result.notes[0]
    assert demo.new_log_entries == 0


def test_seed_002_streamlining_recounted_by_hand(demo):
    exited = StreamliningCase.objects.filter(
        status=CaseStatus.EXITED, exit_date__gte=D(2020, 11, 1), exit_date__lte=SEED_TO
    )
    assert exited.count() == 355
    assert StreamliningCase.objects.filter(status__in=[CaseStatus.PROPOSED, CaseStatus.APPROVED]).exists()
    assert StreamliningCase.objects.filter(status=CaseStatus.REJECTED).exclude(rejection_reason="").exists()
    assert StreamliningCase.objects.filter(exit_date__gt=SEED_TO).exists()


def test_every_exited_case_ends_the_persons_service_on_the_exit_day(demo):
    cases = StreamliningCase.objects.filter(status=CaseStatus.EXITED).select_related("person")
    last = {
        r["person"]: r
        for r in Employment.objects.filter(person__streamlining_cases__status=CaseStatus.EXITED)
        .order_by("person", "start_date")
        .values("person", "end_date", "note", "unit", "category")
    }
    rated = dict(
        AnnualRating.objects.filter(person__streamlining_cases__status=CaseStatus.EXITED)
        .values_list("person")
        .annotate(Max("year"))
    )
    for case in cases:
        row, person = last[case.person_id], case.person
        assert row["end_date"] == case.exit_date, case.pk
        assert "Tinh giản biên chế" in row["note"] and case.decision_number in row["note"]
        assert (row["unit"], row["category"]) == (case.unit_id, case.category)
        expected = (
            PersonStatus.RETIRED
            if case.policy == DownsizingPolicy.EARLY_RETIREMENT
            else PersonStatus.MOVED_OUT
        )
        assert (person.status, person.status_date) == (expected, case.exit_date)
        assert case.proposed_on <= case.decision_date <= case.exit_date
        assert D(rated.get(person.pk, 2000), 12, 31) <= case.exit_date  # never rated on a 31/12 after leaving
    open_cases = StreamliningCase.objects.exclude(status=CaseStatus.EXITED)
    assert not open_cases.exclude(person__status=PersonStatus.WORKING).exists()


def test_quotas_follow_the_roadmap(demo):
    for year, cut in ((2023, 40), (2026, 100)):
        meta = report("staffing-quota", year=str(year)).meta
        for kind in QuotaKind.values:
            assert meta["totals"][kind]["progress"] == cut, (year, kind)
            assert 0.9 < meta["totals"][kind]["actual"] / meta["totals"][kind]["approved"] < 1.15
    districts = StaffingQuota.objects.filter(unit__code__regex=r"^DB-H\d+$")
    assert districts.filter(year=2025).exists() and not districts.filter(year=2026).exists()
    assert StaffingQuota.objects.filter(year=2026, unit__code__startswith="DB-XA").exists()


def test_seed_002_admissions_2715_of_5000_through_the_report(demo):
    result = report("party-admissions", on="30/06/2023", term="2020-2025")
    assert result.meta["2020-2025"] == {"target": 5000, "admitted": 2715, "pct": "54.3"}
    assert "2.715" in result.notes[0] and "54,3 %" in result.notes[0]


def test_seed_002_admissions_report_has_a_row_per_committee(demo):
    result = report("party-admissions", on="30/06/2023", term="2020-2025")
    rows = [r.values for r in result.rows]
    assert len(rows) == 12 and {r["term"] for r in rows} == {"2020-2025"}  # ten districts, two blocs
    assert sum(r["target"] for r in rows) == 5000 and sum(r["admitted"] for r in rows) == 2715
    assert all(r["admitted"] > 0 for r in rows)
    assert [(t.values["party_org"], t.values["target"], t.values["admitted"]) for t in result.totals] == [
        ("Tổng cộng", 5000, 2715)
    ]
    assert str(result.totals[0].values["pct"]) == "54.3"


def test_seed_002_admissions_recounted_by_hand(demo):
    targets = list(AdmissionTarget.objects.filter(start_year=2020).select_related("party_org"))
    codes = {t.party_org.code for t in targets}
    assert codes == {"DB-DUKCQ", "DB-DUKDN"} | {
        f"{a}-VPHU" for a in OrgUnit.objects.filter(code__regex=r"^DB-H\d+$").values_list("code", flat=True)
    }
    assert sum(t.target for t in targets) == 5000
    counted = 0
    for t in targets:
        assert t.party_org.sector == "DANG" and D(2020, 1, 1) < t.resolution_date < CONGRESS
        mine = Admission.objects.filter(party_org__path__startswith=t.party_org.path)
        counted += mine.filter(admitted_on__gte=t.resolution_date, admitted_on__lte=SEED_TO).count()
        assert not mine.filter(admitted_on__gte=t.resolution_date, admitted_on__lt=D(2021, 1, 1)).exists()
        in_seed = mine.filter(admitted_on__gte=D(2021, 1, 1), admitted_on__lte=SEED_TO).count()
        assert abs(in_seed - 2715 * t.target / 5000) <= 2 + 0.1 * in_seed  # in proportion to the target
    assert counted == 2715
    assert not Admission.objects.exclude(party_org__in=[t.party_org for t in targets]).exists()
    admissions = Admission.objects.all()
    assert admissions.filter(status=PartyStatus.XOA_TEN).exclude(removal_reason="").exists()
    assert admissions.filter(status=PartyStatus.CHINH_THUC, admitted_on__gt=SEED_TO).exists()


def test_no_committee_admits_after_it_ended(demo):
    ended = Admission.objects.filter(party_org__valid_to__isnull=False)
    assert ended.exists()  # the districts' committees, up to 30/06/2025
    assert not ended.filter(admitted_on__gt=F("party_org__valid_to")).exists()
    after = Admission.objects.filter(admitted_on__gte=D(2025, 7, 1))
    assert after.exists()
    assert set(after.values_list("party_org__code", flat=True)) <= {"DB-DUKCQ", "DB-DUKDN"}
    late = Admission.objects.filter(party_org__valid_to__isnull=False, full_member_on__gt=D(2025, 6, 30))
    assert late.exists() and not late.exclude(full_decision_number__endswith="-QĐ/ĐU").exists()


def test_register_admissions_are_on_the_committee_of_their_unit(demo):
    linked = Admission.objects.filter(person__isnull=False).values_list(
        "person", "admitted_on", "party_org__code", "party_org__parent__path"
    )
    checked = 0
    for person, admitted, org, district_path in linked:
        job = (
            Employment.objects.active_on(admitted)
            .filter(person=person)
            .order_by("start_date")
            .values_list("unit__path", "unit__level")
            .first()
        )
        if job is None:  # admitted before joining the register
            continue
        path, level = job
        if org.endswith("-VPHU"):
            assert path.startswith(district_path), (person, org)
        else:
            assert level == "TINH", (person, org)
        checked += 1
    assert checked > 100


def test_a_district_officer_sees_their_districts_row(demo):
    district = OrgUnit.objects.get(code="DB-H099")
    officer = grant(UserFactory(username="tochuc_h099"), Role.UNIT_OFFICER, district)
    result = get_report("party-admissions").execute(
        user=officer, data={"on": "30/06/2023", "term": "2020-2025"}
    )
    assert [r.values["party_org"] for r in result.rows] == [f"Văn phòng Huyện ủy {district.short_name}"]
    row = result.rows[0].values
    target = AdmissionTarget.objects.get(party_org__code="DB-H099-VPHU", start_year=2020)
    by_hand = Admission.objects.filter(
        party_org__path__startswith=district.path,
        admitted_on__gte=target.resolution_date,
        admitted_on__lte=SEED_TO,
    ).count()
    assert row["admitted"] == by_hand > 0 and row["target"] == target.target < 5000
    assert result.meta["2020-2025"]["admitted"] == by_hand  # the total is the district's own


def test_every_register_admission_matches_the_persons_dates(demo):
    people = Person.objects.filter(code__startswith="DB", party_admission_date__year__gte=2020)
    linked = {
        a.person_id: a
        for a in Admission.objects.filter(person__isnull=False).only(
            "person", "admitted_on", "full_member_on"
        )
    }
    assert Admission.objects.filter(person__isnull=False).count() == len(linked) == people.count()
    for pk, admitted, full in people.values_list("pk", "party_admission_date", "party_full_member_date"):
        assert (linked[pk].admitted_on, linked[pk].full_member_on) == (admitted, full)
    outside = Admission.objects.filter(person__isnull=True)
    assert not outside.filter(candidate_name="").exists()
    assert all(len(n) == 12 for n in outside.values_list("candidate_national_id", flat=True)[:500])


def test_the_ministry_forms_of_31_12_2019_add_up_to_the_headcount_25944(demo):
    # issue 16: the statistical forms of the demo province (canbo.statforms), same snapshot as seed 001
    headcount = report("headcount", on="31/12/2019")
    assert headcount.meta["total"] == 25944
    forms = {slug: report(slug, on="31/12/2019") for slug in HEADCOUNT_PARTITION}
    assert all(f.meta["reconciliation"]["ok"] for f in forms.values()), [f.notes[0] for f in forms.values()]
    contract = Employment.objects.active_on(D(2019, 12, 31)).filter(category="LD_HD")
    contract_workers = contract.values("person").distinct().count()
    assert sum(f.meta["total"] for f in forms.values()) + contract_workers == headcount.meta["total"]
    upper = forms["bieu-0203n"].meta["total"]
    assert upper == sum(
        r.values["total"]
        for r in headcount.rows
        if r.kind == "data"
        and r.values["category"] in ("Cán bộ", "Công chức")
        and r.values["level"] in ("Cấp tỉnh", "Cấp huyện")
    )
    for slug in ("bieu-0207an", "bieu-bm01-bnv"):
        assert report(slug, on="31/12/2019").meta["reconciliation"]["ok"]


def test_a_smaller_scale_gives_proportional_figures(demo):
    build_demo(scale=2594, reset=True)  # inside this test's transaction: rolled back afterwards
    assert report("streamlining-cases", **SEED_002).meta["total"] == round(355 * 2594 / 25944)
    meta = report("party-admissions", on="30/06/2023", term="2020-2025").meta["2020-2025"]
    assert (meta["target"], meta["admitted"]) == (round(5000 * 2594 / 25944), round(2715 * 2594 / 25944))
