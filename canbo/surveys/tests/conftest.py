"""Fixtures of the survey tests on top of the root cast: a PAR Index survey built and opened by the board,
and officials (a login and a person record) created on demand."""

import datetime

import pytest
from django.utils import timezone

from canbo.accounts.models import Role
from canbo.people.models import Person
from canbo.surveys import services
from canbo.surveys.choices import QuestionKind, SurveyPurpose
from canbo.surveys.models import Invitation
from tests.factories import PersonFactory, UserFactory, grant


def today() -> datetime.date:
    return timezone.localdate()


def build_survey(board, *, open_it=True):
    survey = services.survey_create(
        actor=board,
        data={
            "title": "Khảo sát Chỉ số cải cách hành chính",
            "year": today().year,
            "purpose": SurveyPurpose.PAR_INDEX,
            "description": "",
            "opens_on": today() - datetime.timedelta(days=1),
            "closes_on": today() + datetime.timedelta(days=30),
        },
    )
    services.question_add(
        actor=board,
        survey=survey,
        text="Tuyển dụng có công khai?",
        kind=QuestionKind.SINGLE,
        choices=["Có", "Không"],
    )
    services.question_add(actor=board, survey=survey, text="Mức hài lòng", kind=QuestionKind.SCALE)
    services.question_add(
        actor=board,
        survey=survey,
        text="Kênh thông tin",
        kind=QuestionKind.MULTIPLE,
        required=False,
        choices=["Cổng thông tin", "Niêm yết", "Họp cơ quan"],
    )
    services.question_add(actor=board, survey=survey, text="Góp ý", kind=QuestionKind.TEXT, required=False)
    if open_it:
        services.survey_transition(actor=board, survey=survey, action="open")
    survey.refresh_from_db()
    return survey


@pytest.fixture
def survey(board):
    return build_survey(board)


def official(unit, name: str):
    user = grant(UserFactory(username=name), Role.OFFICIAL)
    PersonFactory(full_name=f"Cán bộ {name}", current_unit=unit, user=user)
    return user


def invite(survey, actor, *users):
    persons = Person.objects.filter(user__in=users)
    services.invitations_create(actor=actor, survey=survey, persons=persons)
    return [Invitation.objects.get(survey=survey, person__user=u) for u in users]


def answers_for(survey, choice_index=0, score=4) -> dict:
    questions = list(survey.questions.order_by("order"))
    single, scale, multiple, _text = questions
    return {
        str(single.pk): single.choices.order_by("order")[choice_index].pk,
        str(scale.pk): score,
        str(multiple.pk): [c.pk for c in multiple.choices.order_by("order")[:2]],
    }


def answer(survey, user, invitation, **kw):
    services.response_submit(actor=user, invitation=invitation, answers=answers_for(survey, **kw))
