"""The admin answers a record outside the user's scope with 404, not a redirect (issue 18, point 9).

Django's admin turns a missing object (get_object() → None, which is also what a scoped get_queryset gives
for a record outside the user's units) into a redirect to the list with a "doesn't exist" message. Canbo's
admins raise Http404 instead, on the change, history and delete pages.
"""

import uuid

import pytest
from django.contrib import admin
from django.urls import reverse

from canbo.accounts.admin_base import NotFoundOutsideScopeMixin
from canbo.people.models import Employment, Qualification

# Canbo's own admins. The third-party ones (auth.Group, axes' logs) rest on Django's permissions, which Canbo
# grants to nobody but a superuser: every other staff user gets 403 before any object is looked up.
THIRD_PARTY = {"auth.Group", "axes.AccessAttempt", "axes.AccessFailureLog", "axes.AccessLog"}
ADMINS = sorted(
    ((m, a) for m, a in admin.site._registry.items() if m._meta.label not in THIRD_PARTY),
    key=lambda item: item[0]._meta.label,
)


def test_the_third_party_admins_left_out_are_the_reviewed_ones():
    third_party = {
        m._meta.label for m, a in admin.site._registry.items() if not type(a).__module__.startswith("canbo.")
    }
    assert third_party == THIRD_PARTY


def _staff(user):
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    return user


def _missing_pk(model):
    return uuid.uuid4() if model._meta.pk.get_internal_type() == "UUIDField" else 987654321


@pytest.mark.parametrize("model,model_admin", ADMINS, ids=[m._meta.label for m, _ in ADMINS])
def test_every_admin_answers_404_for_a_record_it_does_not_show(model, model_admin):
    assert isinstance(model_admin, NotFoundOutsideScopeMixin)


@pytest.mark.parametrize("model,model_admin", ADMINS, ids=[m._meta.label for m, _ in ADMINS])
@pytest.mark.parametrize("page", ["change", "history"])
def test_a_record_it_does_not_show_answers_404_not_a_redirect(
    client, board, sysadmin, model, model_admin, page
):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{page}", args=[_missing_pk(model)])
    statuses = []
    for user in (_staff(board), sysadmin):
        client.force_login(user)
        statuses.append(client.get(url).status_code)

    assert set(statuses) <= {403, 404}, statuses  # never the admin's 302 "doesn't exist"
    assert 404 in statuses or model_admin.__class__.__name__ in {"UserAdmin"}, statuses


@pytest.fixture
def officer_a(alice):
    return _staff(alice)


@pytest.mark.parametrize("page", ["change", "history", "delete"])
def test_a_person_outside_the_officers_units_answers_404(client, officer_a, anh, outsider_person, page):
    client.force_login(officer_a)

    inside = client.get(reverse(f"admin:people_person_{page}", args=[anh.pk]))
    outside = client.get(reverse(f"admin:people_person_{page}", args=[outsider_person.pk]))

    assert inside.status_code in {200, 403}  # delete: nobody deletes a person here
    assert outside.status_code == 404


@pytest.mark.parametrize("model", [Employment, Qualification])
def test_rows_of_a_person_outside_the_officers_units_answer_404(client, officer_a, outsider_person, model):
    from tests.factories import QualificationFactory

    row = (
        outsider_person.employments.get()
        if model is Employment
        else QualificationFactory(person=outsider_person)
    )
    client.force_login(officer_a)

    response = client.get(reverse(f"admin:people_{model._meta.model_name}_change", args=[row.pk]))

    assert response.status_code == 404
