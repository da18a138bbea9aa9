"""Feedback in the admin: read only, scoped like the pages, never shown to the official it is about."""

import pytest
from django.urls import reverse

from canbo.accounts.models import Role, User
from tests.factories import UserFactory, grant


def _staff(user):
    User.objects.filter(pk=user.pk).update(is_staff=True)
    user.refresh_from_db()
    return user


@pytest.fixture
def superuser(tree):
    return grant(UserFactory(username="root", is_staff=True, is_superuser=True), Role.PROVINCE_BOARD)


def test_the_changelist_opens_for_a_superuser(client, superuser, about_anh):
    client.force_login(superuser)

    response = client.get(reverse("admin:feedback_feedback_changelist"))

    assert response.status_code == 200 and list(response.context["cl"].result_list) == [about_anh]


def test_feedback_cannot_be_changed_in_admin(client, superuser, about_anh):
    client.force_login(superuser)
    url = reverse("admin:feedback_feedback_change", args=[about_anh.pk])

    assert client.get(url).status_code == 200
    assert client.post(url, {"content": "Sửa trong admin"}).status_code == 403
    about_anh.refresh_from_db()
    assert about_anh.content.startswith("Cán bộ gây phiền hà")
    assert client.get(reverse("admin:feedback_feedback_add")).status_code == 403


def test_another_units_officer_sees_none(client, charlie, about_anh):
    client.force_login(_staff(charlie))
    response = client.get(reverse("admin:feedback_feedback_changelist"))
    assert response.status_code == 200 and list(response.context["cl"].result_list) == []


def test_the_official_concerned_never_sees_it(client, tree, dana, about_dana):
    grant(
        dana, Role.UNIT_OFFICER, tree["dept_a"]
    )  # even with a role over units, not the feedback about herself
    client.force_login(_staff(dana))
    response = client.get(reverse("admin:feedback_feedback_changelist"))
    assert response.status_code == 200 and list(response.context["cl"].result_list) == []
