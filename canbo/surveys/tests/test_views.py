"""Pages: the official answers their own questionnaire; nobody else can; staff pages are scoped."""

import pytest
from django.urls import reverse

from canbo.people.models import Person
from canbo.surveys.choices import QuestionKind
from canbo.surveys.models import Invitation, Response

from .conftest import answers_for, invite, official


def form_data(survey) -> dict:
    data = {}
    for key, value in answers_for(survey).items():
        data[f"q{key}"] = [str(v) for v in value] if isinstance(value, list) else str(value)
    return data


@pytest.fixture
def invited(board, survey, dana):
    return invite(survey, board, dana)[0]


def test_the_official_sees_and_answers_their_questionnaire(client, survey, dana, invited):
    client.force_login(dana)
    page = client.get(reverse("surveys:mine"))
    assert page.status_code == 200 and survey.title in page.content.decode()
    url = reverse("surveys:answer", args=[invited.pk])
    form = client.get(url).content.decode()
    assert 'type="radio"' in form and 'type="checkbox"' in form and "<fieldset" in form
    assert client.post(url, form_data(survey)).status_code == 302
    assert Response.objects.count() == 1
    again = client.post(url, form_data(survey))
    assert again.status_code == 409 and "một lần" in again.content.decode()
    assert Response.objects.count() == 1


def test_a_missing_answer_is_shown_next_to_the_question(client, survey, dana, invited):
    client.force_login(dana)
    data = form_data(survey)
    scale = survey.questions.get(kind=QuestionKind.SCALE)
    del data[f"q{scale.pk}"]
    page = client.post(reverse("surveys:answer", args=[invited.pk]), data)
    assert page.status_code == 400 and f"Câu {scale.order}: cần trả lời" in page.content.decode()
    assert not Response.objects.exists()


def test_nobody_answers_for_another_on_the_page(client, tree, alice, board, charlie, survey, invited):
    url = reverse("surveys:answer", args=[invited.pk])
    other = official(tree["dept_a"], "eve")
    for user, expected in ((other, 404), (charlie, 404), (alice, 403), (board, 403)):
        client.force_login(user)
        assert client.get(url).status_code == expected, user
        assert client.post(url, form_data(survey)).status_code == expected, user
    assert not Response.objects.exists()


def test_a_closed_survey_refuses_on_the_page(client, board, survey, dana, invited):
    client.force_login(board)
    client.post(reverse("surveys:close", args=[survey.pk]))
    client.force_login(dana)
    page = client.post(reverse("surveys:answer", args=[invited.pk]), form_data(survey))
    assert page.status_code == 409 and not Response.objects.exists()


def test_the_board_builds_a_survey_on_the_pages(client, board):
    client.force_login(board)
    created = client.post(
        reverse("surveys:create"),
        {
            "title": "SIPAS 2025",
            "year": 2025,
            "purpose": "SIPAS",
            "opens_on": "01/06/2025",
            "closes_on": "30/06/2025",
        },
    )
    assert created.status_code == 302
    pk = int(created["Location"].rstrip("/").split("/")[-1])
    bad = client.post(
        reverse("surveys:detail", args=[pk]), {"text": "Một", "kind": "MOT_LUA_CHON", "choices": "A"}
    )
    assert bad.status_code == 400 and "ít nhất 2 phương án" in bad.content.decode()
    ok = client.post(reverse("surveys:detail", args=[pk]), {"text": "Hài lòng?", "kind": "THANG_DIEM"})
    assert ok.status_code == 302
    assert client.post(reverse("surveys:open", args=[pk])).status_code == 302


@pytest.mark.parametrize("name", ["create"])
def test_officers_and_officials_cannot_build(client, alice, dana, name):
    for user in (alice, dana):
        client.force_login(user)
        assert client.get(reverse(f"surveys:{name}")).status_code == 403


def test_staff_pages_refuse_officials(client, dana, survey):
    client.force_login(dana)
    for name in ("detail", "invitations", "results", "results_xlsx"):
        assert client.get(reverse(f"surveys:{name}", args=[survey.pk])).status_code == 403


def test_an_officer_invites_from_a_filtered_list(client, tree, alice, survey, dana, outsider_person):
    client.force_login(alice)
    url = reverse("surveys:invitations", args=[survey.pk]) + "?unit=SO_A"
    page = client.get(url)
    assert "1 người đang công tác phù hợp" in page.content.decode()
    assert client.post(url).status_code == 302
    assert list(Invitation.objects.values_list("person__user", flat=True)) == [dana.pk]
    # Another unit's code is outside alice's scope: nothing matched, nothing invited.
    assert client.post(reverse("surveys:invitations", args=[survey.pk]) + "?unit=SO_B").status_code == 403
    assert Invitation.objects.count() == 1
    assert Person.objects.get(pk=outsider_person.pk).survey_invitations.count() == 0


def test_results_page_and_export(client, board, survey, django_assert_max_num_queries, export_via_job):
    client.force_login(board)
    with django_assert_max_num_queries(16):
        page = client.get(reverse("surveys:results", args=[survey.pk]))
    assert page.status_code == 200 and "Chưa đủ 5 phiếu" in page.content.decode()
    xlsx = export_via_job(reverse("surveys:results_xlsx", args=[survey.pk]))
    assert xlsx.status_code == 200 and xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    assert xlsx["Content-Disposition"].endswith(f'filename="khao-sat-{survey.pk}-ket-qua.xlsx"')
