"""Quota progress (set-based headcount on 31/12, the roadmap), scoping, and the two reports."""

import datetime
from decimal import Decimal

import pytest

from canbo.people.models import Employment
from canbo.reports.registry import get_report
from canbo.staffing.models import ReductionTarget, StreamliningCase
from canbo.staffing.selectors import Progress, case_queryset_for, quota_progress
from tests.factories import PersonFactory

from .conftest import quota

D = datetime.date
TODAY = D(2025, 6, 1)


def by_unit(rows):
    return {(r.quota.unit.code, r.kind): r for r in rows}


def test_actual_headcount_on_31_12_in_the_subtree(quotas, staff_a, board):
    rows, totals = quota_progress(user=board, year=2024, today=TODAY)
    got = by_unit(rows)
    assert got[("SO_A", "CC")].actual == 3  # 2 CC + 1 CB in dept_a and its office; the leaver not counted
    assert got[("SO_A", "VC")].actual == 1
    assert got[("SO_B", "CC")].actual == 1


def test_roadmap_progress_per_unit_and_province(quotas, board):
    rows, totals = quota_progress(user=board, year=2024, today=TODAY)
    a_cc, a_vc, b_cc = (by_unit(rows)[k] for k in [("SO_A", "CC"), ("SO_A", "VC"), ("SO_B", "CC")])
    assert (a_cc.base, a_cc.required, a_cc.achieved, a_cc.progress_pct) == (100, 5, 4, Decimal(80))
    assert (a_vc.base, a_vc.required, a_vc.achieved, a_vc.progress_pct) == (50, 5, 5, Decimal(100))
    assert (b_cc.required, b_cc.achieved) == (2, 0)
    total = totals["CC"]
    assert (total.base, total.approved, total.required, total.achieved) == (140, 136, 7, 4)
    assert round(total.progress_pct, 1) == Decimal("57.1")


def test_nested_quota_is_not_counted_twice_in_the_total(quotas, tree, board):
    quota(tree["dept_a_office"], 2024, "CC", 10)
    rows, totals = quota_progress(user=board, year=2024, today=TODAY)
    assert len([r for r in rows if r.kind == "CC"]) == 3
    assert totals["CC"].approved == 136


def test_outside_the_roadmap_no_target(quotas, board):
    rows, _totals = quota_progress(user=board, year=2021, today=TODAY)
    assert all(r.required is None and r.progress_pct is None for r in rows)


@pytest.mark.parametrize(
    ("who", "units"),
    [
        ("alice", {"SO_A"}),
        ("bob", {"SO_A"}),
        ("charlie", {"SO_B"}),
        ("standing", {"SO_A", "SO_B"}),
        ("dana", set()),
        ("sysadmin", set()),
    ],
)
def test_quota_progress_is_scoped(request, quotas, who, units):
    rows, _ = quota_progress(user=request.getfixturevalue(who), year=2024, today=TODAY)
    assert {r.quota.unit.code for r in rows} == units


def test_progress_in_a_fixed_number_of_queries(quotas, tree, board, django_assert_max_num_queries):
    for i in range(5):
        quota(tree["dept_a_office"], 2024 - i, "VC", 10 + i)
        PersonFactory(current_unit=tree["dept_a_office"], category="VC")
    with django_assert_max_num_queries(4):
        rows, _ = quota_progress(user=board, year=2024, today=TODAY)
    assert len(rows) == 4


# --- reports ---------------------------------------------------------------------------------------------------


def test_staffing_quota_report(quotas, staff_a, alice):
    result = get_report("staffing-quota").execute(user=alice, data={"year": "2024"})
    assert [r.values["unit_code"] for r in result.rows] == ["SO_A", "SO_A"]
    assert result.meta["totals"]["CC"]["progress"] == Decimal("80.0")
    assert any("80,0 %" in n for n in result.notes)


def test_staffing_quota_report_opens_on_this_year(quotas, board):
    from django.utils import timezone

    from canbo.reports.base import ReportParameterError

    result = get_report("staffing-quota").execute(user=board, data={})
    assert result.meta["year"] == timezone.localdate().year
    with pytest.raises(ReportParameterError, match="Năm"):
        get_report("staffing-quota").execute(user=board, data={"year": "x"})


EXIT = D(2024, 3, 1)


def make_case(person, reason, status="EXITED", exit_date=EXIT):
    return StreamliningCase.objects.create(
        person=person,
        unit=person.current_unit,
        category=person.category,
        reason=reason,
        reason_detail="x",
        policy="THOI_VIEC_NGAY",
        status=status,
        proposed_on=D(2024, 1, 2),
        decision_number="1/QĐ" if status != "PROPOSED" else "",
        decision_date=D(2024, 2, 1) if status != "PROPOSED" else None,
        exit_date=exit_date if status == "EXITED" else None,
    )


def test_streamlining_report_counts_exits_by_reason(tree, board, charlie):
    a, b = tree["dept_a"], tree["dept_b"]
    make_case(PersonFactory(current_unit=a), "DOI_DU_BO_MAY")
    make_case(PersonFactory(current_unit=a, category="VC"), "DOI_DU_BO_MAY")
    make_case(PersonFactory(current_unit=b), "XEP_LOAI_THAP")
    make_case(PersonFactory(current_unit=b), "DOI_DU_DVHC", exit_date=D(2023, 12, 31))  # outside the interval
    make_case(PersonFactory(current_unit=b), "DOI_DU_VTVL", status="PROPOSED")
    data = {"from": "01/01/2024", "to": "31/12/2024"}
    result = get_report("streamlining-cases").execute(user=board, data=data)
    cells = {
        r.values["reason_code"]: (r.values["civil"], r.values["public"], r.values["total"])
        for r in result.rows
    }
    assert cells["DOI_DU_BO_MAY"] == (1, 1, 2) and cells["XEP_LOAI_THAP"] == (1, 0, 1)
    assert result.meta["total"] == 3
    assert get_report("streamlining-cases").execute(user=charlie, data=data).meta["total"] == 1
    proposed = get_report("streamlining-cases").execute(user=board, data={**data, "measure": "proposed"})
    assert proposed.meta["total"] == 5  # every case was proposed on 02/01/2024, whatever its status
    by_year = get_report("streamlining-cases").execute(
        user=board, data={"from": "01/01/2023", "to": "31/12/2024", "group": "year_reason"}
    )
    assert [(r.values["year"], r.values["reason_code"]) for r in by_year.rows][0] == ("2023", "DOI_DU_DVHC")


def test_case_queryset_scoped(tree, alice, charlie, dana):
    case = make_case(PersonFactory(current_unit=tree["dept_a_office"]), "DOI_DU_BO_MAY")
    assert list(case_queryset_for(user=alice)) == [case]
    assert not case_queryset_for(user=charlie).exists()
    assert not case_queryset_for(user=dana).exists()


def test_dashboard_tiles(quotas, alice, dana, django_assert_max_num_queries):
    from canbo.staffing.selectors import dashboard_tiles

    with django_assert_max_num_queries(4):
        tiles = dashboard_tiles(user=alice, today=D(2024, 12, 31))["staffing_tiles"]
    assert [(t["kind"], t["achieved"], t["required"]) for t in tiles] == [("CC", 4, 5), ("VC", 5, 5)]
    assert dashboard_tiles(user=dana, today=D(2024, 12, 31))["staffing_tiles"] == []


def test_progress_stays_within_0_and_100_and_says_why():
    target = ReductionTarget(kind="CC", percent=Decimal(5), base_year=2021, first_year=2022, last_year=2026)
    rose = Progress(quota=None, kind="CC", approved=12, actual=15, base=4, target=target)
    assert (rose.required, rose.achieved, rose.progress_pct, rose.over_quota) == (1, -8, Decimal(0), 3)
    assert rose.roadmap_status == "Biên chế giao tăng 8 so với năm gốc"
    beyond = Progress(quota=None, kind="CC", approved=100, actual=90, base=110, target=target)
    assert (beyond.required, beyond.achieved, beyond.progress_pct, beyond.over_quota) == (
        6,
        10,
        Decimal(100),
        0,
    )
    assert beyond.roadmap_status == "Vượt lộ trình 4"
    untargeted = Progress(quota=None, kind="CC", approved=10, actual=10, base=None, target=None)
    assert untargeted.progress_pct is None and untargeted.roadmap_status == "Chưa có chỉ tiêu tinh giản"
    halfway = Progress(quota=None, kind="CC", approved=97, actual=99, base=100, target=target)
    assert (halfway.progress_pct, halfway.roadmap_status) == (Decimal(60), "Còn phải giảm 2")


def _concurrent(person, *units, category="CC"):
    """Extra employment rows of `person` active on 31/12/2024 (concurrent posts) in `units`."""
    for unit in units:
        Employment.objects.create(
            person=person, unit=unit, category=category, start_date=D(2015, 1, 1), end_date=D(2025, 6, 30)
        )


def test_a_person_with_posts_in_several_units_counts_once_in_each_subtree(quotas, staff_a, tree, board):
    # Given the headcounts before, a province-wide quota, and two persons holding concurrent posts:
    # one in the office and dept_b (two units), one in dept_a, its office and dept_b (three units)
    quota(tree["province"], 2024, "CC", 500)
    before = by_unit(quota_progress(user=board, year=2024, today=TODAY)[0])
    two = PersonFactory(current_unit=tree["dept_a_office"], category="CC")
    _concurrent(two, tree["dept_b"])
    three = PersonFactory(current_unit=tree["dept_a"], category="CC")
    _concurrent(three, tree["dept_a_office"], tree["dept_b"], tree["dept_b"])
    # When the quotas are read again
    after = by_unit(quota_progress(user=board, year=2024, today=TODAY)[0])
    # Then each of them adds exactly one person to every quota whose subtree holds one of their posts
    for code in ("T11", "SO_A", "SO_B"):
        assert after[(code, "CC")].actual == before[(code, "CC")].actual + 2
    assert after[("T11", "CC")].actual == 4 + 2  # staff_a: 3 CC or CB working in dept_a, 1 in dept_b; the two
