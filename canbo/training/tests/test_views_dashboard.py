"""The dashboard's training tiles: this year's issued plan (actual ÷ target), overdue plans, graduates whose
commitment is at risk — each figure links to the list behind it, in a few queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from canbo.people.models import Person
from canbo.training.choices import PlanStatus, StudyStatus
from canbo.training.models import Enrolment, PlanLine, TrainingPlan
from tests.factories import PersonFactory

from .factories import (
    EnrolmentFactory,
    StudyAssignmentFactory,
    TrainingClassFactory,
    TrainingPlanFactory,
    programme,
)

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today()


@pytest.fixture
def issued(tree):
    plan = TrainingPlanFactory(
        owner_unit=tree["province"],
        year=TODAY.year,
        status=PlanStatus.ISSUED,
        decision_number="01/KH-UBND",
        decision_date=datetime.date(TODAY.year, 1, 20),
    )
    line = PlanLine.objects.create(
        plan=plan, programme=programme("LLCT_CAO_CAP"), responsible_unit=tree["province"], target_count=55
    )
    klass = TrainingClassFactory(programme=line.programme, plan_line=line, organiser_unit=tree["dept_a"])
    for _ in range(44):
        EnrolmentFactory(training_class=klass, person__current_unit=tree["dept_a"])
    return plan


@pytest.fixture
def overdue(tree):
    return [
        TrainingPlanFactory(owner_unit=tree["dept_a"], year=year, due_date=datetime.date(year, 1, 31))
        for year in (2019, 2020)
    ]


@pytest.fixture
def at_risk(tree, board):
    """A graduate with a commitment until 2030 who left in 2026, not yet marked as breached."""
    person = PersonFactory(full_name="Mùa A Dế", current_unit=tree["dept_a"])
    StudyAssignmentFactory(
        person=person,
        proposed_by=board,
        status=StudyStatus.COMPLETED,
        end_date=datetime.date(2024, 6, 30),
        commitment_months=72,
        commitment_end=datetime.date(2030, 6, 30),
        decision_number="5/QĐ",
        enrolment=Enrolment.objects.create(
            person=person,
            programme=programme("DT_THAC_SI"),
            unit=tree["dept_a"],
            mode="KHONG_TAP_TRUNG",
            venue="TRONG_NUOC",
            start_date=datetime.date(2022, 9, 1),
            result="COMPLETED",
            result_date=datetime.date(2024, 6, 30),
        ),
    )
    Person.objects.filter(pk=person.pk).update(status="MOVED_OUT", status_date=datetime.date(2026, 1, 1))
    return person


def test_tiles_show_the_figures_and_link_to_the_lists_behind_them(client, board, issued, overdue, at_risk):
    client.force_login(board)
    response = client.get(reverse("home:dashboard"))
    html = response.content.decode()
    assert "80,0<small> %</small>" in html and "44 / 55" in html
    assert reverse("training:plan_detail", args=[issued.pk]) in html
    assert response.context["overdue_plans"] == 2 and response.context["commitments_at_risk"] == 1
    plans = client.get(reverse("training:plan_list") + "?overdue=on").context["page"]
    assert plans.count == 2 and 'href="/dao-tao/ke-hoach/?overdue=on"' in html
    studies = client.get(reverse("training:study_list") + "?at_risk=on").context["page"]
    assert [a.person.full_name for a in studies.object_list] == ["Mùa A Dế"]
    assert 'href="/dao-tao/cu-di-hoc/?at_risk=on"' in html


def test_without_an_issued_plan_the_tile_says_so(client, alice, tree):
    TrainingPlan.objects.create(
        year=TODAY.year,
        owner_unit=tree["province"],
        title="Dự thảo",
        due_date=datetime.date(TODAY.year, 1, 31),
    )
    client.force_login(alice)
    html = client.get(reverse("home:dashboard")).content.decode()
    assert f"chưa ban hành kế hoạch đào tạo, bồi dưỡng năm {TODAY.year}" in html


def test_an_outside_officer_does_not_count_another_units_graduates(client, charlie, at_risk):
    client.force_login(charlie)
    assert client.get(reverse("home:dashboard")).context["commitments_at_risk"] == 0


def test_officials_get_no_training_tiles(client, dana, issued):
    client.force_login(dana)
    response = client.get(reverse("home:dashboard"))
    assert "training_year" not in response.context
    assert "kế hoạch quá hạn ban hành" not in response.content.decode()


def test_the_tiles_cost_three_queries_whatever_the_data(client, board, issued, overdue, at_risk, tree):
    client.force_login(board)

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("home:dashboard")).status_code == 200
        return [q["sql"] for q in ctx.captured_queries]

    count()  # the first visit computes and stores the dashboard's heavy figures (canbo/home/snapshot.py)
    before = count()
    for _ in range(20):
        EnrolmentFactory(training_class=issued.lines.get().classes.get(), person__current_unit=tree["dept_b"])
    TrainingPlanFactory(owner_unit=tree["dept_b"], year=2018, due_date=datetime.date(2018, 1, 31))
    after = count()
    assert len(after) == len(before)
    training = [sql for sql in after if "training_" in sql]
    assert len(training) == 3, training
