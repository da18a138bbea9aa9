"""Programmes are retired (valid_to), never deleted: a retired one leaves the forms, its rows keep it."""

import datetime

import pytest
from django.db.models import ProtectedError
from django.urls import reverse

from canbo.training.forms import NeedForm
from canbo.training.models import Programme
from canbo.training.tests.factories import PlanLineFactory


@pytest.fixture
def retired(tree):
    programme = Programme.objects.order_by("pk").first()
    programme.valid_to = datetime.date(2020, 12, 31)
    programme.save(update_fields=["valid_to"])
    return programme


def test_a_retired_programme_is_no_longer_offered_for_a_need(alice, retired):
    choices = NeedForm(user=alice).fields["programme"].queryset

    assert retired not in choices
    assert choices.exists()


def test_a_programme_named_by_a_plan_line_cannot_be_deleted(tree, retired):
    line = PlanLineFactory(programme=retired)

    with pytest.raises(ProtectedError):
        retired.delete()
    line.refresh_from_db()
    assert line.programme == retired


def test_the_admin_refuses_to_delete_a_programme(client, sysadmin, retired):
    client.force_login(sysadmin)

    response = client.post(reverse("admin:training_programme_delete", args=[retired.pk]), {"post": "yes"})

    assert response.status_code == 403
    assert "kết thúc hiệu lực" in response.content.decode()
