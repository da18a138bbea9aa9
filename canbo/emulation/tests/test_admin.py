"""Emulation and commendation in the admin: the changelists open, nothing is changed there, scoped by unit."""

import pytest
from django.urls import reverse
from django.utils import timezone

from canbo.accounts.models import Role, User
from canbo.emulation import services
from canbo.emulation.models import Award
from tests.factories import UserFactory, grant


@pytest.fixture
def superuser(tree):
    return grant(UserFactory(username="root", is_staff=True, is_superuser=True), Role.PROVINCE_BOARD)


@pytest.fixture
def recorded(board, alice, anh):
    year = timezone.localdate().year
    movement = services.movement_create(
        actor=board, code="THI_DUA_1", name="Thi đua yêu nước", start_year=year
    )
    services.registration_record(actor=alice, movement=movement, year=year, kind="CA_NHAN", person=anh)
    return services.award_record(
        actor=alice, form="LD_TIEN_TIEN", kind="CA_NHAN", person=anh, year=year - 1,
        decision_number="12/QĐ-UBND", decision_date=timezone.localdate(), issuing_body="Giám đốc Sở A",
    )  # fmt: skip


@pytest.mark.parametrize("model", ["emulationmovement", "registration", "award"])
def test_the_changelists_open_for_a_superuser(client, superuser, recorded, model):
    client.force_login(superuser)
    response = client.get(reverse(f"admin:emulation_{model}_changelist"))
    assert response.status_code == 200 and len(response.context["cl"].result_list) == 1


def test_an_award_cannot_be_changed_in_admin(client, superuser, recorded):
    client.force_login(superuser)
    url = reverse("admin:emulation_award_change", args=[recorded.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, {"decision_number": "99"}).status_code == 403
    assert Award.objects.get(pk=recorded.pk).decision_number == "12/QĐ-UBND"


def test_another_units_officer_sees_none(client, charlie, recorded):
    User.objects.filter(pk=charlie.pk).update(is_staff=True)
    client.force_login(charlie)
    response = client.get(reverse("admin:emulation_award_changelist"))
    assert response.status_code == 200 and list(response.context["cl"].result_list) == []
