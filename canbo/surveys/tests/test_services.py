"""Building, inviting and answering: the rules, by the right and the wrong user."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models

from canbo.people.models import Person
from canbo.surveys import services
from canbo.surveys.choices import QuestionKind, SurveyStatus
from canbo.surveys.models import Answer, Invitation, Response

from .conftest import answer, answers_for, build_survey, invite, official


def test_only_the_board_builds_surveys(alice, board):
    with pytest.raises(PermissionDenied):
        build_survey(alice)
    survey = build_survey(board, open_it=False)
    assert survey.status == SurveyStatus.DRAFT and survey.questions.count() == 4


def test_bad_questions_are_refused(board):
    survey = build_survey(board, open_it=False)
    with pytest.raises(ValidationError) as exc:
        services.question_add(
            actor=board, survey=survey, text="Chọn", kind=QuestionKind.SINGLE, choices=["Một"]
        )
    assert "ít nhất 2 phương án" in str(exc.value)
    with pytest.raises(ValidationError):
        services.question_add(actor=board, survey=survey, text="", kind="BOGUS")
    assert survey.questions.count() == 4


def test_an_open_survey_keeps_its_questions(board, survey):
    with pytest.raises(ValidationError, match="đã mở"):
        services.question_add(actor=board, survey=survey, text="Thêm", kind=QuestionKind.TEXT)


def test_a_survey_without_questions_does_not_open(board):
    survey = build_survey(board, open_it=False)
    for q in list(survey.questions.all()):
        services.question_delete(actor=board, question=q)
    with pytest.raises(ValidationError, match="chưa có câu hỏi"):
        services.survey_transition(actor=board, survey=survey, action="open")


def test_survey_dates_are_checked(board):
    with pytest.raises(ValidationError) as exc:
        services.survey_create(
            actor=board,
            data={"title": "X", "year": 2025, "purpose": "SIPAS", "opens_on": None, "closes_on": None},
        )
    assert set(exc.value.message_dict) == {"opens_on", "closes_on"}


def test_an_officer_invites_their_units_officials(tree, alice, survey, dana, anh):
    counts = services.invitations_create(
        actor=alice,
        survey=survey,
        persons=Person.objects.filter(current_unit__path__startswith=tree["dept_a"].path),
    )
    assert counts == {"created": 1, "already": 0, "no_login": 1, "not_working": 0}  # anh has no login
    assert Invitation.objects.get().person.user == dana
    again = services.invitations_create(actor=alice, survey=survey, persons=Person.objects.filter(user=dana))
    assert again["already"] == 1 and Invitation.objects.count() == 1


def test_inviting_outside_ones_units_writes_nothing(tree, alice, bob, survey, dana, outsider_person):
    with pytest.raises(PermissionDenied):
        services.invitations_create(actor=alice, survey=survey, persons=Person.objects.all())
    with pytest.raises(PermissionDenied):
        services.invitations_create(actor=bob, survey=survey, persons=Person.objects.filter(user=dana))
    assert not Invitation.objects.exists()


def test_the_official_answers_once(board, survey, dana):
    (invitation,) = invite(survey, board, dana)
    answer(survey, dana, invitation)
    invitation.refresh_from_db()
    assert invitation.answered_at is not None
    response = Response.objects.get()
    assert response.unit == dana.person.current_unit
    assert Answer.objects.filter(response=response).count() == 4  # one, one score, two ticked
    with pytest.raises(ValidationError, match="một lần"):
        answer(survey, dana, invitation)
    assert Response.objects.count() == 1


def test_nobody_answers_for_another(board, alice, tree, survey, dana):
    (invitation,) = invite(survey, board, dana)
    other = official(tree["dept_a"], "eve")
    for actor in (board, alice, other):
        with pytest.raises(PermissionDenied, match="chính mình"):
            answer(survey, actor, invitation)
    assert not Response.objects.exists()
    invitation.refresh_from_db()
    assert invitation.answered_at is None


def test_a_closed_survey_refuses_answers(board, survey, dana):
    (invitation,) = invite(survey, board, dana)
    services.survey_transition(actor=board, survey=survey, action="close")
    invitation.refresh_from_db()
    with pytest.raises(ValidationError, match="không còn nhận"):
        answer(survey, dana, invitation)
    assert not Response.objects.exists()


def test_bad_answers_write_nothing(board, survey, dana):
    (invitation,) = invite(survey, board, dana)
    data = answers_for(survey)
    scale = survey.questions.get(kind=QuestionKind.SCALE)
    single = survey.questions.get(kind=QuestionKind.SINGLE)
    data[str(scale.pk)] = 7
    data[str(single.pk)] = 999999
    with pytest.raises(ValidationError) as exc:
        services.response_submit(actor=dana, invitation=invitation, answers=data)
    assert set(exc.value.message_dict) == {f"q{scale.pk}", f"q{single.pk}"}
    with pytest.raises(ValidationError, match="cần trả lời"):
        services.response_submit(actor=dana, invitation=invitation, answers={})
    assert not Response.objects.exists()
    invitation.refresh_from_db()
    assert invitation.answered_at is None


def test_stored_responses_carry_no_link_to_a_person():
    for model in (Response, Answer):
        targets = {f.related_model._meta.label for f in model._meta.concrete_fields if f.is_relation}
        assert targets <= {
            "surveys.Survey",
            "org.OrgUnit",
            "surveys.Response",
            "surveys.Question",
            "surveys.Choice",
        }
        assert not any(isinstance(f, (models.DateTimeField, models.DateField)) for f in model._meta.fields)
        assert isinstance(model._meta.pk, models.UUIDField)  # no insertion order to match answered_at with


def test_responses_are_not_audited(board, survey, dana):
    from auditlog.models import LogEntry

    (invitation,) = invite(survey, board, dana)
    before = LogEntry.objects.count()
    answer(survey, dana, invitation)
    assert LogEntry.objects.count() == before
