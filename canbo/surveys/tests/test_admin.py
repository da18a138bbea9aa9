"""Surveys in the admin: the changelists open, responses are read only and show no answers, scoped."""

import pytest
from django.urls import reverse

from canbo.accounts.models import Role, User
from canbo.surveys.models import Response
from tests.factories import UserFactory, grant

from .conftest import answer, invite, official

CHANGELISTS = ["survey", "question", "invitation", "response"]


def _staff(user):
    User.objects.filter(pk=user.pk).update(is_staff=True)
    user.refresh_from_db()
    return user


@pytest.fixture
def superuser(tree):
    return grant(UserFactory(username="root", is_staff=True, is_superuser=True), Role.PROVINCE_BOARD)


@pytest.fixture
def answered(tree, board, survey):
    user = official(tree["dept_b"], "b0")
    (invitation,) = invite(survey, board, user)
    answer(survey, user, invitation)
    return Response.objects.get(survey=survey)


@pytest.mark.parametrize("model", CHANGELISTS)
def test_the_changelists_open_for_a_superuser(client, superuser, answered, model):
    client.force_login(superuser)

    response = client.get(reverse(f"admin:surveys_{model}_changelist"))

    assert response.status_code == 200
    assert len(response.context["cl"].result_list) >= 1


def test_a_response_cannot_be_changed_or_deleted_in_admin(client, superuser, tree, answered):
    client.force_login(superuser)
    url = reverse("admin:surveys_response_change", args=[answered.pk])

    page = client.get(url)
    posted = client.post(url, {"survey": answered.survey_id, "unit": tree["dept_a"].pk})

    assert page.status_code == 200 and "Sở B" in page.content.decode()
    assert posted.status_code == 403
    answered.refresh_from_db()
    assert answered.unit == tree["dept_b"]
    assert client.get(reverse("admin:surveys_response_add")).status_code == 403
    delete = reverse("admin:surveys_response_delete", args=[answered.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert Response.objects.filter(pk=answered.pk).exists()


def test_a_response_page_shows_no_answer(client, superuser, answered):
    client.force_login(superuser)
    html = client.get(reverse("admin:surveys_response_change", args=[answered.pk])).content.decode()
    assert "Mức hài lòng" not in html and "Tuyển dụng có công khai" not in html


def test_invitations_show_whether_answered_not_when(client, superuser, answered):
    client.force_login(superuser)
    url = reverse("admin:surveys_invitation_changelist")
    html = client.get(url).content.decode()
    assert "icon-yes.svg" in html
    assert "đã trả lời lúc" not in html.lower()  # the field's label: the time is never shown
    assert len(client.get(url, {"answered": "yes"}).context["cl"].result_list) == 1
    assert len(client.get(url, {"answered": "no"}).context["cl"].result_list) == 0


def test_an_officer_sees_only_their_units_invitations_and_no_responses(client, alice, answered):
    client.force_login(_staff(alice))

    invitations = client.get(reverse("admin:surveys_invitation_changelist"))

    assert invitations.status_code == 200 and list(invitations.context["cl"].result_list) == []
    assert client.get(reverse("admin:surveys_response_changelist")).status_code == 403


def test_an_official_cannot_open_the_survey_admin(client, dana, answered):
    client.force_login(_staff(dana))
    assert client.get(reverse("admin:surveys_survey_changelist")).status_code == 403
