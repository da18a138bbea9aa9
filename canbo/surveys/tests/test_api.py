"""The API: answering one's own invitation only, once, while open; builders and results scoped."""

import pytest
from rest_framework.test import APIClient

from canbo.surveys.models import Invitation, Response

from .conftest import answers_for, invite, official


def api(user=None):
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


@pytest.fixture
def invited(board, survey, dana):
    return invite(survey, board, dana)[0]


def test_the_official_answers_through_the_api(survey, dana, invited):
    mine = api(dana).get("/api/v1/survey-invitations/")
    assert mine.status_code == 200 and mine.json()[0]["accepting"] is True
    detail = api(dana).get(f"/api/v1/survey-invitations/{invited.pk}/")
    assert len(detail.json()["questions"]) == 4
    url = f"/api/v1/survey-invitations/{invited.pk}/answer/"
    assert api(dana).post(url, {"answers": answers_for(survey)}, format="json").status_code == 201
    second = api(dana).post(url, {"answers": answers_for(survey)}, format="json")
    assert second.status_code == 400 and "một lần" in str(second.json())
    assert Response.objects.count() == 1


def test_nobody_answers_for_another_through_the_api(tree, survey, alice, board, charlie, invited):
    url = f"/api/v1/survey-invitations/{invited.pk}/answer/"
    other = official(tree["dept_b"], "eve")
    for user, expected in ((other, 404), (charlie, 404), (alice, 403), (board, 403)):
        response = api(user).post(url, {"answers": answers_for(survey)}, format="json")
        assert response.status_code == expected, user
    assert api().post(url, {"answers": {}}, format="json").status_code in (401, 403)
    assert not Response.objects.exists()


def test_bad_and_late_answers_are_refused(board, survey, dana, invited):
    url = f"/api/v1/survey-invitations/{invited.pk}/answer/"
    bad = api(dana).post(url, {"answers": "x"}, format="json")
    assert bad.status_code == 400
    api(board).post(f"/api/v1/surveys/{survey.pk}/close/")
    late = api(dana).post(url, {"answers": answers_for(survey)}, format="json")
    assert late.status_code == 400 and "không còn nhận" in str(late.json())
    assert not Response.objects.exists()


def test_building_through_the_api(board, alice):
    data = {
        "title": "SIPAS",
        "year": 2025,
        "survey_purpose": "SIPAS",
        "opens_on": "01/06/2025",
        "closes_on": "30/06/2025",
    }
    assert api(alice).post("/api/v1/surveys/", data, format="json").status_code == 403
    created = api(board).post("/api/v1/surveys/", data, format="json")
    assert created.status_code == 201 and created.json()["survey_status"] == "DU_THAO"
    pk = created.json()["id"]
    q = {"text": "Hài lòng?", "question_kind": "MOT_LUA_CHON", "choices": ["Có"]}
    assert api(board).post(f"/api/v1/surveys/{pk}/questions/", q, format="json").status_code == 400
    q["choices"] = ["Có", "Không"]
    assert api(board).post(f"/api/v1/surveys/{pk}/questions/", q, format="json").status_code == 201
    assert api(board).post(f"/api/v1/surveys/{pk}/open/").json()["survey_status"] == "DANG_MO"
    assert api(board).post(f"/api/v1/surveys/{pk}/open/").status_code == 400


def test_invitations_and_results_are_scoped(tree, alice, charlie, dana, survey):
    assert (
        api(alice).post(f"/api/v1/surveys/{survey.pk}/invitations/", {"unit": "SO_A"}).json()["created"] == 1
    )
    assert api(alice).post(f"/api/v1/surveys/{survey.pk}/invitations/", {"unit": "SO_B"}).status_code == 400
    assert len(api(alice).get(f"/api/v1/surveys/{survey.pk}/invitations/").json()) == 1
    assert api(charlie).get(f"/api/v1/surveys/{survey.pk}/invitations/").json() == []
    assert api(charlie).get(f"/api/v1/surveys/{survey.pk}/results/").json()["invited"] == 0
    assert api(charlie).get(f"/api/v1/surveys/{survey.pk}/results/?unit=SO_A").status_code == 404
    assert api(dana).get(f"/api/v1/surveys/{survey.pk}/results/").status_code == 403
    assert Invitation.objects.count() == 1
