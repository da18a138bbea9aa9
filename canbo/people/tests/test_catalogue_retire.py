"""Catalogue entries (ranks, posts, programmes) are retired, never deleted (issue 18, point 8)."""

import datetime

import pytest
from django.db import connection
from django.db.models import ProtectedError
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from canbo.people.forms import EmploymentForm, PersonCreateForm, PersonForm
from canbo.people.models import Employment, Position, Rank
from tests.factories import PersonFactory


@pytest.fixture
def head(tree):
    return Position.objects.create(
        code="T89_HEAD",
        name="Trưởng phòng",
        is_leadership=True,
        tier=3,
        valid_from=datetime.date(2000, 1, 1),
    )


@pytest.fixture
def head_held(tree, head):
    """A post named by career rows (the issue: 7.001 rows made the admin's delete hang)."""
    return [PersonFactory(current_unit=tree["dept_a"], position=head) for _ in range(3)]


def test_a_referenced_position_cannot_be_deleted_in_the_database(head, head_held):
    with pytest.raises(ProtectedError):
        head.delete()
    assert Employment.objects.filter(position=head).count() == 3


@pytest.mark.parametrize("who", ["sysadmin", "board"])
def test_the_admin_refuses_to_delete_at_once_with_a_message(client, request, head, head_held, who):
    user = request.getfixturevalue(who)
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    client.force_login(user)

    with CaptureQueriesContext(connection) as queries:
        response = client.post(reverse("admin:people_position_delete", args=[head.pk]), {"post": "yes"})

    assert response.status_code == 403
    assert "kết thúc hiệu lực" in response.content.decode()
    assert not any("people_employment" in q["sql"] for q in queries.captured_queries)  # nothing collected
    assert Position.objects.filter(pk=head.pk).exists()


def test_the_admin_offers_no_delete_action_nor_button(client, sysadmin, head):
    client.force_login(sysadmin)

    changelist = client.get(reverse("admin:people_position_changelist"))
    change = client.get(reverse("admin:people_position_change", args=[head.pk]))

    assert changelist.status_code == 200
    assert "delete_selected" not in changelist.content.decode()
    assert change.status_code == 200
    assert reverse("admin:people_position_delete", args=[head.pk]) not in change.content.decode()


@pytest.mark.parametrize(
    ("url_name", "model"),
    [
        ("admin:people_rank_delete", "people.Rank"),
        ("admin:training_programme_delete", "training.Programme"),
        ("admin:org_orgunit_delete", "org.OrgUnit"),
    ],
)
def test_no_catalogue_is_deleted_in_the_admin(client, sysadmin, tree, url_name, model):
    from django.apps import apps

    entry = apps.get_model(model).objects.order_by("pk").first()  # a real entry: ids differ between runs
    client.force_login(sysadmin)
    assert client.post(reverse(url_name, args=[entry.pk]), {"post": "yes"}).status_code == 403


def test_a_retired_position_is_no_longer_offered_but_existing_rows_keep_it(tree, alice, head, head_held):
    other = Position.objects.create(
        code="T89_DEPUTY", name="Phó trưởng phòng", valid_from=datetime.date(2000, 1, 1)
    )
    assert head in PersonCreateForm(user=alice).fields["position"].queryset

    head.valid_to = datetime.date(2020, 12, 31)
    head.save()

    holder = head_held[0]
    create_choices = PersonCreateForm(user=alice).fields["position"].queryset
    employment_choices = EmploymentForm(user=alice).fields["position"].queryset
    kept = EmploymentForm(user=alice, instance=holder.employments.get()).fields["position"].queryset
    assert head not in create_choices and other in create_choices
    assert head not in employment_choices and other in employment_choices
    assert head in kept and other in kept  # the row's own post stays valid when the row is edited
    holder.refresh_from_db()
    assert holder.position == head
    assert Employment.objects.filter(position=head).count() == 3


def test_a_retired_rank_is_no_longer_offered_but_the_record_keeps_it(tree, anh, outsider_person):
    retired = Rank.objects.create(code="T89.01", name="Ngạch cũ", valid_from=datetime.date(2000, 1, 1))
    anh.rank = retired
    anh.save()
    retired.valid_to = datetime.date(2020, 12, 31)
    retired.save()

    assert retired in PersonForm(instance=anh).fields["rank"].queryset
    assert retired not in PersonForm(instance=outsider_person).fields["rank"].queryset


def test_a_retired_position_leaves_the_import_template(tree, head):
    from canbo.imports.template import _catalogues

    assert ("T89_HEAD", "Trưởng phòng") in _catalogues(None)["positions"]
    head.valid_to = datetime.date(2020, 12, 31)
    head.save()
    assert ("T89_HEAD", "Trưởng phòng") not in _catalogues(None)["positions"]
