"""Party admissions in the admin: the changelists open, nothing is changed there, scoped by unit."""

import pytest
from django.urls import reverse

from canbo.accounts.models import Role, User
from canbo.party import services
from canbo.party.models import Admission
from tests.factories import UserFactory, grant

from .conftest import admit_data


@pytest.fixture
def superuser(tree):
    return grant(UserFactory(username="root", is_staff=True, is_superuser=True), Role.PROVINCE_BOARD)


@pytest.fixture
def admission(alice, anh, party_a):
    return services.admission_record(actor=alice, person=anh, **admit_data(party_a))


@pytest.mark.parametrize("model", ["admission", "admissiontarget"])
def test_the_changelists_open_for_a_superuser(client, superuser, admission, model):
    client.force_login(superuser)
    assert client.get(reverse(f"admin:party_{model}_changelist")).status_code == 200


def test_an_admission_cannot_be_changed_in_admin(client, superuser, admission):
    client.force_login(superuser)
    url = reverse("admin:party_admission_change", args=[admission.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, {"cell": "Chi bộ khác"}).status_code == 403
    assert Admission.objects.get(pk=admission.pk).cell == "Chi bộ Văn phòng"


def test_another_units_officer_sees_none(client, charlie, admission):
    User.objects.filter(pk=charlie.pk).update(is_staff=True)
    client.force_login(charlie)
    response = client.get(reverse("admin:party_admission_changelist"))
    assert response.status_code == 200 and list(response.context["cl"].result_list) == []
