from decimal import Decimal as D

import pytest

from canbo.evaluation.models import AnnualRating
from canbo.reports.base import ReportParameterError
from canbo.reports.registry import get_report
from tests.factories import PersonFactory


def run(name, user=None, **data):
    return get_report(name).execute(user=user, data=data)


def rate(person, year, level, unit=None):
    return AnnualRating.objects.create(
        person=person, year=year, unit=unit or person.current_unit, level=level
    )


@pytest.fixture
def ratings(tree):
    a = [PersonFactory(current_unit=tree["dept_a"]) for _ in range(6)]
    b = PersonFactory(current_unit=tree["dept_b"])
    for person, level in zip(a, ["HTXS", "HTT", "HTT", "HT", "KHT", "KHONG_XEP_LOAI"], strict=True):
        rate(person, 2024, level)
    rate(b, 2024, "KHT")
    rate(a[4], 2023, "KHT")
    rate(b, 2023, "HT")
    return a, b


def test_distribution_per_unit_with_shares(ratings, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        result = run("rating-distribution", year="2024")
    dept_a = next(r.values for r in result.rows if r.values["unit_code"] == "SO_A")
    assert (dept_a["htxs"], dept_a["htt"], dept_a["ht"], dept_a["kht"], dept_a["khong_xep_loai"]) == (
        1,
        2,
        1,
        1,
        1,
    )
    assert dept_a["htt_pct"] == D("40.0") and dept_a["total"] == 6 and dept_a["rated"] == 5
    total = result.totals[0].values
    assert (total["total"], total["kht"], total["kht_pct"]) == (7, 2, D("33.3"))


def test_distribution_is_scoped(ratings, alice, charlie):
    assert [r.values["unit_code"] for r in run("rating-distribution", alice, year="2024").rows] == ["SO_A"]
    assert run("rating-distribution", charlie, year="2024").totals[0].values["total"] == 1


def test_distribution_opens_on_the_latest_year_with_results(ratings):
    assert run("rating-distribution").meta["year"] == 2024
    with pytest.raises(ReportParameterError) as exc:
        run("rating-distribution", year="hai nghìn")
    assert "year" in exc.value.errors


def test_distribution_opens_on_this_year_without_results(db):
    from django.utils import timezone

    assert run("rating-distribution").meta["year"] == timezone.localdate().year


def test_not_completed_two_years_running(ratings, alice, charlie):
    a, _b = ratings
    result = run("rating-not-completed-twice", year="2024")
    assert [r.values["code"] for r in result.rows] == [a[4].code]
    assert result.meta == {"count": 1}
    assert run("rating-not-completed-twice", charlie, year="2024").rows == []
    assert run("rating-not-completed-twice", alice, year="2025").rows == []


def test_the_person_named_in_a_reports_excel_file_sees_the_export_on_their_own_page(
    client, ratings, alice, export_via_job
):
    from canbo.nationaldb.models import AccessLogEntry
    from tests.access_log import assert_the_person_sees_the_export

    a, _b = ratings
    client.force_login(alice)
    export_via_job("/bao-cao/rating-not-completed-twice/xuat-excel/", {"year": "2024"})
    assert set(AccessLogEntry.objects.values_list("person_id", flat=True)) == {a[4].pk}
    assert_the_person_sees_the_export(client, a[4], alice)
    AccessLogEntry.objects.all().delete()
    client.force_login(alice)
    export_via_job("/bao-cao/rating-distribution/xuat-excel/", {"year": "2024"})  # figures only: nobody
    assert not AccessLogEntry.objects.exists()
