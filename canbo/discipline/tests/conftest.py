import datetime

import pytest

from canbo.discipline.models import DisciplineForm as F
from canbo.discipline.services import case_open, case_review
from canbo.people.models import Position

D = datetime.date


@pytest.fixture
def leader_post(db):
    return Position.objects.create(
        code="PGD", name="Phó Giám đốc Sở", is_leadership=True, tier=3, valid_from=D(2000, 1, 1)
    )


ACT_DAY = D(2026, 1, 5)


def act(form=F.REPRIMAND, on=ACT_DAY, text="Chậm giải quyết hồ sơ của dân"):
    return {"description": text, "committed_on": on, "form": form}


@pytest.fixture
def opened(alice, anh):
    return case_open(actor=alice, person=anh, opened_on=D(2026, 2, 1), acts=[act()])


@pytest.fixture
def reviewed(alice, opened):
    return case_review(actor=alice, case=opened, proposed_form=F.REPRIMAND)
