"""Fixtures of the rating tests on top of the root cast: a campaign of last year on dept_a (alice, its officer,
opened it), with sheets for dana (who has a login), anh (dept_a's office, no login) and `people` made on demand.
The outsider in dept_b is outside it."""

import datetime

import pytest
from django.utils import timezone

from canbo.evaluation import services
from canbo.evaluation.models import RatingSheet
from tests.factories import PersonFactory


@pytest.fixture
def year():
    """Last year, but not before 2026: the NĐ 335 points apply to civil servants from the 2026 rating on."""
    return max(timezone.localdate().year - 1, 2026)


def decision_day(year) -> datetime.date:
    return min(datetime.date(year, 12, 10), timezone.localdate())


@pytest.fixture
def decided_on(year):
    return decision_day(year)


@pytest.fixture
def campaign(alice, dana, anh, outsider_person, year):
    return services.campaign_open(
        actor=alice, year=year, unit=anh.current_unit.parent, deadline=datetime.date(year, 12, 15)
    )


def sheet_of(person_or_user, campaign=None) -> RatingSheet:
    qs = RatingSheet.objects.select_related("person", "unit", "campaign", "campaign__unit")
    if hasattr(person_or_user, "full_name"):
        return qs.get(person=person_or_user)
    return qs.get(person__user=person_or_user)


@pytest.fixture
def dana_sheet(campaign, dana):
    return sheet_of(dana)


@pytest.fixture
def anh_sheet(campaign, anh):
    return sheet_of(anh)


def proposed(sheet, actor, level="HTT", **kwargs) -> RatingSheet:
    """Bring a sheet to PROPOSED (self-assessment first when the person has a login)."""
    if sheet.person.user_id:
        services.sheet_self_assess(
            actor=sheet.person.user, sheet=sheet, level=level, text="Hoàn thành công việc."
        )
    return services.sheet_propose(actor=actor, sheet=sheet, level=level, **kwargs)


def decided(sheet, actor, level="HTT", on=None, **kwargs) -> RatingSheet:
    proposed(sheet, actor, level)
    on = on or decision_day(sheet.year)
    return services.sheet_decide(
        actor=actor, sheet=sheet, level=level, decision_number="15/QĐ-SNV", decided_on=on, **kwargs
    )


@pytest.fixture
def make_people(tree):
    def make(n, unit=None):
        return [PersonFactory(current_unit=unit or tree["dept_a"]) for _ in range(n)]

    return make
