"""Reading free-text answers: groups of at least 5 only, the owner and the board only, a shuffled order, the
page, the Excel export and the API."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from canbo.jobs.models import Job
from canbo.surveys import services
from canbo.surveys.texts import shuffle_key, survey_texts

from .conftest import answers_for, invite, official


def text_question(survey):
    return survey.questions.get(kind="TU_LUAN")


def respond_with_texts(survey, board, unit, texts, prefix):
    users = [official(unit, f"{prefix}{i}") for i in range(len(texts))]
    invitations = invite(survey, board, *users)
    question = text_question(survey)
    for user, invitation, text in zip(users, invitations, texts, strict=True):
        answers = {**answers_for(survey), str(question.pk): text}
        services.response_submit(actor=user, invitation=invitation, answers=answers)


def texts_of(data):
    return {item.group.unit.code: [t.text for t in item.texts] for item in data["groups"]}


def test_a_group_of_four_shows_no_text(tree, board, survey):
    respond_with_texts(survey, board, tree["dept_b"], [f"Ý kiến {i}" for i in range(4)], "b")

    data = survey_texts(user=board, survey=survey, question=text_question(survey))

    assert data["groups"] == [] and data["text_count"] == 0
    assert (data["hidden_groups"], data["hidden_responses"]) == (1, 4)


def test_a_group_of_five_shows_its_texts(tree, board, survey):
    written = [f"Ý kiến {i}" for i in range(5)]
    respond_with_texts(survey, board, tree["dept_b"], written, "b")

    data = survey_texts(user=board, survey=survey, question=text_question(survey))

    assert sorted(texts_of(data)["SO_B"]) == written and data["hidden_groups"] == 0


def test_texts_follow_the_merged_groups_and_hide_a_small_root(tree, board, survey):
    # SO_A_VP (3) merges into SO_A (2 + 3 = 5): shown as SO_A; SO_B (2) merges into the province (2): hidden.
    respond_with_texts(survey, board, tree["dept_a"], ["A1", "A2"], "a")
    respond_with_texts(survey, board, tree["dept_a_office"], ["V1", "V2", "V3"], "v")
    respond_with_texts(survey, board, tree["dept_b"], ["B1", "B2"], "b")

    data = survey_texts(user=board, survey=survey, question=text_question(survey))

    assert {code: sorted(t) for code, t in texts_of(data).items()} == {"SO_A": ["A1", "A2", "V1", "V2", "V3"]}
    assert (data["hidden_groups"], data["hidden_responses"]) == (1, 2)


def test_empty_texts_are_not_listed(tree, board, survey):
    respond_with_texts(survey, board, tree["dept_b"], ["Một ý kiến", "", "", "", ""], "b")

    data = survey_texts(user=board, survey=survey, question=text_question(survey))

    assert texts_of(data) == {"SO_B": ["Một ý kiến"]}


def test_the_order_is_shuffled_per_survey_not_insertion(tree, board, survey):
    written = [f"Ý kiến số {i:02d}" for i in range(12)]
    respond_with_texts(survey, board, tree["dept_b"], written, "b")
    question = text_question(survey)

    first = texts_of(survey_texts(user=board, survey=survey, question=question))["SO_B"]
    again = texts_of(survey_texts(user=board, survey=survey, question=question))["SO_B"]

    assert sorted(first) == written and first != written  # 12! orders: insertion order by chance is ~2e-9
    assert first == again
    keys = dict(question.answers.values_list("text", "id"))
    assert first == sorted(written, key=lambda t: shuffle_key(survey, keys[t]))


@pytest.fixture
def five_texts(tree, board, survey):
    long_text = "Đề nghị " + "công khai hơn nữa " * 30
    respond_with_texts(survey, board, tree["dept_b"], ["Ngắn", long_text, "Ba", "Bốn", "=1+1"], "b")
    return survey


def texts_url(survey, name="surveys:texts"):
    return reverse(name, args=[survey.pk, text_question(survey).pk])


def test_the_board_reads_the_page_with_a_preview(client, board, five_texts):
    client.force_login(board)

    response = client.get(texts_url(five_texts))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Ngắn" in html and "<details><summary>Đề nghị công khai" in html and "…</summary>" in html
    assert "Sở B" in html


def test_another_units_officer_is_refused(client, charlie, five_texts):
    client.force_login(charlie)  # reads the survey and SO_B's results, but not the texts

    assert client.get(texts_url(five_texts)).status_code == 403
    assert client.get(texts_url(five_texts, "surveys:texts_xlsx")).status_code == 403
    assert client.post(texts_url(five_texts, "surveys:texts_xlsx")).status_code == 403
    assert not Job.objects.exists()
    api = reverse("api-survey-texts", args=[five_texts.pk, text_question(five_texts).pk])
    assert client.get(api).status_code == 403


def test_an_official_is_refused_and_the_results_page_has_no_link(client, dana, alice, five_texts):
    client.force_login(dana)
    assert client.get(texts_url(five_texts)).status_code == 403
    client.force_login(alice)
    html = client.get(reverse("surveys:results", args=[five_texts.pk])).content.decode()
    assert texts_url(five_texts) not in html


def test_the_owner_sees_a_link_from_the_results(client, board, five_texts):
    client.force_login(board)
    html = client.get(reverse("surveys:results", args=[five_texts.pk])).content.decode()
    assert texts_url(five_texts) in html


def test_a_question_that_is_not_free_text_answers_404(client, board, five_texts):
    client.force_login(board)
    scale = five_texts.questions.get(kind="THANG_DIEM")
    assert client.get(reverse("surveys:texts", args=[five_texts.pk, scale.pk])).status_code == 404
    assert client.get(reverse("surveys:texts", args=[five_texts.pk, 999999])).status_code == 404


def test_the_excel_export_has_the_same_texts_in_the_same_order(client, board, five_texts, export_via_job):
    client.force_login(board)
    page = survey_texts(user=board, survey=five_texts, question=text_question(five_texts))

    response = export_via_job(texts_url(five_texts, "surveys:texts_xlsx"))

    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = [r for r in sheet.iter_rows(min_row=5, values_only=True) if r[2]]
    assert [r[2] for r in rows] == [t.text for t in page["groups"][0].texts]
    assert "=1+1" in [r[2] for r in rows]  # kept as text, not a formula
    assert all(r[1] == 5 for r in rows)
    formula = next(c for c in sheet["C"] if c.value == "=1+1")
    assert formula.data_type == "s"


def test_the_export_job_applies_the_rules_when_it_runs(client, board, tree, survey, export_via_job):
    """A group under 5 responses shows no text in the file either; the texts of a group of 5 do."""
    respond_with_texts(survey, board, tree["dept_b"], ["B1", "B2", "B3", "B4"], "b")
    client.force_login(board)

    sheet = load_workbook(
        io.BytesIO(b"".join(export_via_job(texts_url(survey, "surveys:texts_xlsx")).streaming_content))
    ).active

    values = [c for row in sheet.iter_rows(values_only=True) for c in row if c]
    assert not {"B1", "B2", "B3", "B4"} & set(values)
    assert any("1 nhóm đơn vị dưới 5 phiếu (4 phiếu)" in str(v) for v in values)


def test_an_export_job_of_someone_not_entitled_to_the_texts_fails_with_the_reason(charlie, five_texts):
    """The job checks again when it runs (e.g. the starter lost the role meanwhile): charlie reads the
    survey's results, not its texts."""
    from canbo.jobs.exports import run_export
    from canbo.jobs.registry import JobFailed
    from canbo.surveys.exports import TEXTS_EXPORT
    from canbo.surveys.texts import TEXTS_REFUSED

    question = text_question(five_texts)
    job = Job.objects.create(kind="export", title="x", created_by=charlie,
                             params={"export": TEXTS_EXPORT, "query": f"survey={five_texts.pk}&question={question.pk}"})  # fmt: skip

    with pytest.raises(JobFailed) as failed:
        run_export(job, lambda *args, **kwargs: None)

    assert failed.value.message == TEXTS_REFUSED
    assert not job.result_file


def test_the_api_gives_the_groups_texts(client, board, five_texts):
    client.force_login(board)
    api = reverse("api-survey-texts", args=[five_texts.pk, text_question(five_texts).pk])

    body = client.get(api).json()

    assert body["min_group"] == 5 and body["text_count"] == 5
    assert body["groups"][0]["group"]["unit"] == "SO_B" and len(body["groups"][0]["texts"]) == 5


def test_reading_the_texts_takes_a_fixed_number_of_queries(board, five_texts, django_assert_max_num_queries):
    # roles, invitations, responses, unit paths, units, answers
    with django_assert_max_num_queries(6):
        survey_texts(user=board, survey=five_texts, question=text_question(five_texts))
