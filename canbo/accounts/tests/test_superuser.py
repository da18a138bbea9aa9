"""A Django superuser (`createsuperuser`) is a system administrator: configuration, users and role requests.
It reads no personal data unless it holds an ACTIVE role like anyone else — in the app, the API and the admin,
where every model that names a person decides access by Canbo's roles, never by Django's permissions."""

import datetime

import pytest
from django.contrib import admin
from django.contrib.admin.sites import site
from django.urls import reverse

from canbo.accounts.models import Role
from canbo.evaluation.models import AnnualRating
from canbo.people.models import Person
from canbo.staffing.choices import DownsizingPolicy, DownsizingReason
from canbo.staffing.models import StreamliningCase
from tests.factories import UserFactory, grant

pytestmark = pytest.mark.django_db


@pytest.fixture
def root(tree):
    return UserFactory(username="root", is_staff=True, is_superuser=True)


@pytest.fixture
def records(tree, anh):
    """A person with a career row, a yearly rating and a streamlining case."""
    AnnualRating.objects.create(person=anh, year=2024, unit=tree["dept_a_office"], level="HTT")
    StreamliningCase.objects.create(
        person=anh,
        unit=tree["dept_a_office"],
        category="CC",
        reason=DownsizingReason.values[0],
        reason_detail="Thử",
        policy=DownsizingPolicy.values[0],
        proposed_on=datetime.date(2025, 1, 2),
    )
    return anh


def _names_a_person(model) -> bool:
    return model is Person or any(
        f.is_relation and f.many_to_one and f.related_model is Person for f in model._meta.get_fields()
    )


PERSONAL_ADMINS = sorted(
    (model._meta.label for model in site._registry if _names_a_person(model)),
)


def test_the_list_of_personal_admins_is_not_empty():
    assert {"people.Person", "evaluation.AnnualRating", "staffing.StreamliningCase"} <= set(PERSONAL_ADMINS)


@pytest.mark.parametrize("label", PERSONAL_ADMINS)
def test_every_admin_of_personal_data_decides_by_roles_not_django_permissions(label):
    model_admin = next(ma for m, ma in site._registry.items() if m._meta.label == label)
    assert type(model_admin).has_view_permission is not admin.ModelAdmin.has_view_permission
    assert type(model_admin).get_queryset is not admin.ModelAdmin.get_queryset


@pytest.mark.parametrize("label", PERSONAL_ADMINS)
def test_a_superuser_without_a_role_sees_no_personal_rows_in_the_admin(client, root, records, label):
    app_label, model_name = label.lower().split(".")
    client.force_login(root)
    response = client.get(reverse(f"admin:{app_label}_{model_name}_changelist"))
    assert response.status_code == 403 or not response.context["cl"].queryset.exists()


def test_a_superuser_reads_no_person_in_the_app_or_the_api(client, root, anh):
    client.force_login(root)
    assert client.get(reverse("people:detail", args=[anh.uuid])).status_code == 404
    assert client.get(reverse("api-persons")).json()["count"] == 0


def test_a_superuser_with_an_active_role_reads_within_it(client, root, records, tree):
    grant(root, Role.UNIT_OFFICER, tree["dept_a"])
    client.force_login(root)
    assert client.get(reverse("people:detail", args=[records.uuid])).status_code == 200
    response = client.get(reverse("admin:evaluation_annualrating_changelist"))
    assert response.context["cl"].queryset.count() == 1
    response = client.get(reverse("admin:staffing_streamliningcase_changelist"))
    assert response.context["cl"].queryset.count() == 1


def test_unit_staff_read_ratings_and_cases_only_in_their_units(client, charlie, records):
    charlie.is_staff = True
    charlie.save(update_fields=["is_staff"])
    client.force_login(charlie)
    assert not client.get(reverse("admin:evaluation_annualrating_changelist")).context["cl"].queryset.exists()
    assert (
        not client.get(reverse("admin:staffing_streamliningcase_changelist")).context["cl"].queryset.exists()
    )
