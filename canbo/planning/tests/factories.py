"""Factories of cadre planning. Positions come from the catalogue migration: use position(code)."""

import datetime

import factory

from canbo.people.models import Position
from canbo.planning.choices import EntryStatus, PlanningTier, TermKind
from canbo.planning.models import PlannedPost, PlanningDecision, PlanningEntry, PlanningTerm
from tests.factories import OrgUnitFactory, PersonFactory, UserFactory

D = datetime.date


def position(code: str) -> Position:
    return Position.objects.get(code=code)


class TermFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanningTerm
        django_get_or_create = ("code",)

    code = "2025-2030"
    kind = TermKind.PARTY
    start_date = D(2025, 10, 1)
    end_date = D(2030, 9, 30)


class PostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlannedPost

    term = factory.SubFactory(TermFactory)
    unit = factory.SubFactory(OrgUnitFactory)
    position = factory.LazyFunction(lambda: position("GIAM_DOC_SO"))
    tier = PlanningTier.PROVINCE


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanningDecision

    term = factory.SubFactory(TermFactory)
    number = factory.Sequence(lambda n: f"{n + 100}-QĐ/TU")
    date = D(2025, 11, 1)
    approving_body = "Ban Thường vụ Tỉnh ủy"


class EntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanningEntry

    post = factory.SubFactory(PostFactory)
    person = factory.SubFactory(PersonFactory)
    proposed_by = factory.SubFactory(UserFactory)
    status = EntryStatus.PROPOSED


def approved(post, person, *, decision=None, supplement=False, **extra) -> PlanningEntry:
    decision = decision or DecisionFactory(term=post.term)
    return EntryFactory(
        post=post,
        person=person,
        status=EntryStatus.APPROVED,
        approved_by=decision,
        approved_on=decision.date,
        is_supplement=supplement,
        **extra,
    )
