import datetime

import pytest
from django.utils import timezone

from canbo.org.models import OrgSector
from tests.factories import OrgUnitFactory

D = datetime.date


def today() -> datetime.date:
    return timezone.localdate()


@pytest.fixture
def party_a(tree):
    """A Party organisation (khối Đảng) inside dept_a's subtree."""
    return OrgUnitFactory(code="DB_SO_A", name="Đảng bộ Sở A", parent=tree["dept_a"], sector=OrgSector.DANG)


@pytest.fixture
def party_b(tree):
    return OrgUnitFactory(code="DB_SO_B", name="Đảng bộ Sở B", parent=tree["dept_b"], sector=OrgSector.DANG)


def admit_data(party_org, **extra):
    vote = today() - datetime.timedelta(days=400)
    data = {
        "party_org": party_org,
        "cell": "Chi bộ Văn phòng",
        "cell_vote_date": vote,
        "decision_number": "15-QĐ/ĐU",
        "decision_date": vote + datetime.timedelta(days=10),
        "admitted_on": vote + datetime.timedelta(days=20),
        "education": "THPT",
    }
    data.update(extra)
    return data
