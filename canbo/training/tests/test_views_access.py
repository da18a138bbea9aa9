"""Who reaches which training page: anonymous → login, officials and the system administrator → 403 (an
official sees only the training tab of her own record), staff roles read; the hub and the nav link."""

import datetime

import pytest
from django.urls import reverse

from canbo.people.models import Person
from canbo.training import services

from .factories import EnrolmentFactory, TrainingClassFactory, TrainingPlanFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def objects(tree, alice, anh):
    plan = TrainingPlanFactory(owner_unit=tree["dept_a"])
    klass = TrainingClassFactory(organiser_unit=tree["dept_a"])
    enrolment = EnrolmentFactory(training_class=klass, person=anh)
    return {"plan": plan, "klass": klass, "enrolment": enrolment}


def _pages(objects):
    plan, klass = objects["plan"], objects["klass"]
    return [
        reverse("training:hub"),
        reverse("training:plan_list"),
        reverse("training:plan_detail", args=[plan.pk]),
        reverse("training:need_list"),
        reverse("training:class_list"),
        reverse("training:class_detail", args=[klass.pk]),
        reverse("training:enrolment_list"),
        reverse("training:enrolment_export"),
        reverse("training:study_list"),
    ]


def _write_pages(objects):
    plan, klass = objects["plan"], objects["klass"]
    return [
        reverse("training:plan_create"),
        reverse("training:plan_edit", args=[plan.pk]),
        reverse("training:class_create"),
        reverse("training:bulk_enrol", args=[klass.pk]),
        reverse("training:study_propose"),
        reverse("people:person_picker"),
    ]


def test_anonymous_goes_to_login(client, objects, anh):
    for url in [*_pages(objects), *_write_pages(objects), reverse("training:person", args=[anh.uuid])]:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/tai-khoan/"), url


@pytest.mark.parametrize("who", ["dana", "sysadmin"])
def test_officials_and_the_system_administrator_have_no_training_pages(client, objects, request, who):
    client.force_login(request.getfixturevalue(who))
    for url in [*_pages(objects), *_write_pages(objects)]:
        assert client.get(url).status_code == 403, url
    assert (
        client.post(
            reverse("training:plan_transition", args=[objects["plan"].pk]), {"action": "submit"}
        ).status_code
        == 403
    )
    assert "/dao-tao/" not in client.get(reverse("home:dashboard")).content.decode()


@pytest.mark.parametrize("who", ["board", "standing", "alice", "bob"])
def test_staff_roles_read_every_page(client, objects, request, who):
    client.force_login(request.getfixturevalue(who))
    for url in _pages(objects):
        assert client.get(url).status_code == 200, url
    assert 'href="/dao-tao/"' in client.get(reverse("home:dashboard")).content.decode()


@pytest.mark.parametrize("who", ["standing", "bob"])
def test_readers_get_403_on_write_pages(client, objects, request, who):
    client.force_login(request.getfixturevalue(who))
    for url in _write_pages(objects):
        assert client.get(url).status_code == 403, url


def test_charlie_reads_plans_but_not_sở_a_s_class(client, objects, charlie):
    client.force_login(charlie)
    assert client.get(reverse("training:plan_detail", args=[objects["plan"].pk])).status_code == 200
    assert client.get(reverse("training:class_detail", args=[objects["klass"].pk])).status_code == 404


def test_the_official_sees_the_training_tab_of_her_own_record_only(client, dana, anh, tree):
    own = Person.objects.get(user=dana)
    EnrolmentFactory(
        training_class=TrainingClassFactory(organiser_unit=tree["dept_a"], code="LOP-DANA"), person=own
    )
    client.force_login(dana)
    response = client.get(reverse("training:person", args=[own.uuid]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "LOP-DANA" in html and 'aria-current="page">Đào tạo, bồi dưỡng' in html
    assert client.get(reverse("training:person", args=[anh.uuid])).status_code == 404


def test_the_profile_tab_follows_the_profile_access(client, alice, charlie, objects, anh):
    url = reverse("training:person", args=[anh.uuid])
    client.force_login(alice)
    response = client.get(url)
    assert response.status_code == 200 and objects["klass"].code in response.content.decode()
    assert url in client.get(reverse("people:detail", args=[anh.uuid])).content.decode()
    client.force_login(charlie)
    assert client.get(url).status_code == 404


def test_the_hub_shows_this_years_plan_and_what_runs(client, board, tree, anh):
    today = datetime.date.today()
    plan = TrainingPlanFactory(owner_unit=tree["province"], year=today.year, title="Kế hoạch năm nay")
    klass = TrainingClassFactory(
        organiser_unit=tree["dept_a"], start_date=today - datetime.timedelta(days=2), end_date=today
    )
    EnrolmentFactory(training_class=klass, person=anh)
    client.force_login(board)
    response = client.get(reverse("training:hub"))
    assert response.context["plans"] == [plan]
    assert response.context["running"] == 1
    assert response.context["studying"] == {"turns": 1, "persons": 1}
    html = response.content.decode()
    assert "Kế hoạch năm nay" in html
    assert ("(quá hạn ban hành)" in html) == services.is_overdue(plan)
    studying = client.get(reverse("training:enrolment_list") + "?" + response.context["studying_query"])
    assert studying.context["counts"] == {"turns": 1, "persons": 1}
    assert response.context["unresulted"] == 0


def test_the_hub_tells_studying_from_ended_without_a_result(client, board, tree, anh):
    today = datetime.date.today()
    ended = TrainingClassFactory(
        organiser_unit=tree["dept_a"],
        start_date=today - datetime.timedelta(days=60),
        end_date=today - datetime.timedelta(days=30),
    )
    EnrolmentFactory(training_class=ended, person=anh)
    client.force_login(board)
    response = client.get(reverse("training:hub"))
    assert (response.context["running"], response.context["studying"]["turns"]) == (0, 0)
    assert response.context["unresulted"] == 1
    listed = client.get(reverse("training:enrolment_list") + "?" + response.context["unresulted_query"])
    assert listed.context["counts"] == {"turns": 1, "persons": 1}
