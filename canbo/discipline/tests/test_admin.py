"""Discipline in the admin: the changelists open, nothing is changed there, scoped by unit."""

import pytest
from django.urls import reverse

from canbo.accounts.models import Role, User
from canbo.discipline.models import DisciplineCase
from tests.factories import UserFactory, grant


@pytest.fixture
def superuser(tree):
    return grant(UserFactory(username="root", is_staff=True, is_superuser=True), Role.PROVINCE_BOARD)


@pytest.mark.parametrize("model", ["disciplinecase", "disciplinerecord"])
def test_the_changelists_open_for_a_superuser(client, superuser, opened, model):
    client.force_login(superuser)
    assert client.get(reverse(f"admin:discipline_{model}_changelist")).status_code == 200


def test_a_case_cannot_be_changed_in_admin(client, superuser, opened):
    client.force_login(superuser)
    url = reverse("admin:discipline_disciplinecase_change", args=[opened.pk])
    page = client.get(url)
    assert page.status_code == 200 and "Chậm giải quyết hồ sơ của dân" in page.content.decode()
    assert client.post(url, {"note": "Sửa trong admin"}).status_code == 403
    assert DisciplineCase.objects.get(pk=opened.pk).note == ""


def test_another_units_officer_sees_none(client, charlie, opened):
    User.objects.filter(pk=charlie.pk).update(is_staff=True)
    client.force_login(charlie)
    response = client.get(reverse("admin:discipline_disciplinecase_changelist"))
    assert response.status_code == 200 and list(response.context["cl"].result_list) == []
