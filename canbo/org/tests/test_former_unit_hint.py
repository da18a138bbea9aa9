import datetime

import pytest
from django.urls import reverse

from canbo.accounts.models import Role
from canbo.org.selectors import scope_ended_on
from tests.factories import OrgUnitFactory, UserFactory, grant

pytestmark = pytest.mark.django_db
ENDED = datetime.date(2025, 6, 30)


def test_a_former_units_officer_is_offered_the_last_day_it_existed(client):
    district = OrgUnitFactory(valid_to=ENDED)
    officer = grant(UserFactory(), Role.UNIT_OFFICER, district)
    assert scope_ended_on(user=officer, on=datetime.date(2026, 12, 7)) == ENDED
    assert scope_ended_on(user=officer, on=ENDED) is None  # in force that day: nothing to offer
    client.force_login(officer)
    html = client.get(reverse("org:tree")).content.decode()
    assert "đã kết thúc hoạt động ngày 30/06/2025" in html and "?on=30/06/2025" in html
    assert "đã kết thúc hoạt động" not in client.get(reverse("org:tree") + "?on=30/06/2025").content.decode()
    assert "đã kết thúc hoạt động ngày 30/06/2025" in client.get(reverse("home:dashboard")).content.decode()


def test_no_hint_for_a_unit_in_force_or_for_someone_without_units():
    officer = grant(UserFactory(), Role.UNIT_OFFICER, OrgUnitFactory())
    assert scope_ended_on(user=officer, on=datetime.date(2026, 12, 7)) is None
    assert scope_ended_on(user=UserFactory(), on=datetime.date(2026, 12, 7)) is None
