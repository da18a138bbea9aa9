"""The demo's training of the year after its history (canbo/demo/training/this_year.py): the 2026 plan is as far
as the calendar on the day the demo is loaded — most lines done in December, about half by the end of June.

The shared demo (conftest.py) was finished on the real day; each test wipes the 2026 rows inside its transaction
and runs the step again for a given day."""

import datetime

import pytest
from django.db.models import Q

from canbo.demo.training.this_year import build_this_year
from canbo.people.models import Qualification
from canbo.reports.registry import get_report
from canbo.training.choices import EnrolmentResult, StudyStatus
from canbo.training.models import Enrolment, StudyAssignment, TrainingClass

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo")]  # the shared demo: conftest.py
D = datetime.date


def _again(today: datetime.date) -> dict:
    """This year's rows removed, then the step run as on `today`."""
    StudyAssignment.objects.filter(start_date__year=2026).delete()
    Enrolment.objects.filter(start_date__year=2026).delete()
    TrainingClass.objects.filter(start_date__year=2026).delete()
    return build_this_year(today=today)


def _plan_2026() -> tuple[dict, list]:
    result = get_report("training-plan").execute(user=None, data={"year": 2026})
    return result.meta, [r.values for r in result.rows]


def test_in_december_most_lines_of_the_2026_plan_are_done_and_a_few_under_way(demo):
    done = _again(D(2026, 12, 8))
    meta, lines = _plan_2026()

    assert (
        done["classes"] > 50
        and done["enrolments"]
        == Enrolment.objects.filter(start_date__year=2026, training_class__isnull=False).count()
    )
    reached = [v for v in lines if v["achieved"] is not None and v["achieved"] >= 90]
    under_way = [v for v in lines if v["achieved"] is not None and v["achieved"] < 90]
    assert len(reached) >= 0.7 * len(lines) and 1 <= len(under_way) <= 0.3 * len(lines)
    assert 80 <= meta["turns"] * 100 / meta["target"] <= 100
    assert not Enrolment.objects.filter(start_date__year=2026, start_date__gt=D(2026, 12, 8)).exists()
    # degree courses: sent by decision through the study services, eligible on their start day
    sent = StudyAssignment.objects.filter(start_date__year=2026)
    assert done["sent"] == sent.count() > 0
    assert set(sent.values_list("status", flat=True)) == {StudyStatus.STUDYING}
    assert not sent.filter(Q(decision_number="") | Q(decision_date__gt=D(2026, 9, 15))).exists()


def test_results_only_for_short_courses_that_grant_nothing_and_no_new_qualification(demo):
    done = _again(D(2026, 12, 8))
    resulted = Enrolment.objects.filter(start_date__year=2026).exclude(result=EnrolmentResult.PENDING)

    assert done["results"] == resulted.count() > 0
    assert not resulted.exclude(programme__grants_scale="").exists()
    assert not resulted.filter(result_date__gt=D(2026, 12, 8)).exists()
    assert not Qualification.objects.filter(awarded_on__gt=D(2025, 12, 31)).exists()


def test_by_the_end_of_june_the_2026_plan_is_about_half_done_and_nobody_is_sent_to_a_degree_yet(demo):
    done = _again(D(2026, 6, 30))
    meta, _lines = _plan_2026()

    assert 20 <= meta["turns"] * 100 / meta["target"] <= 70
    assert done["sent"] == 0  # degree courses start on 15/09
    assert not TrainingClass.objects.filter(start_date__gt=D(2026, 6, 30)).exists()


def test_before_2026_the_history_is_left_as_it_is(demo):
    assert _again(D(2025, 12, 31)) == {"classes": 0, "enrolments": 0, "sent": 0, "results": 0}
    assert not Enrolment.objects.filter(start_date__year=2026).exists()
