import pytest

from canbo.accounts.scoping import can_edit_unit, editable_units, visible_units
from canbo.people.selectors import person_queryset_for

pytestmark = pytest.mark.django_db


def test_officer_sees_own_subtree_only(alice, tree):
    assert set(visible_units(alice)) == {tree["dept_a"], tree["dept_a_office"]}


def test_leader_reads_but_does_not_edit(bob, tree):
    assert tree["dept_a_office"] in visible_units(bob)
    assert not editable_units(bob).exists()
    assert not can_edit_unit(bob, tree["dept_a"])


def test_board_sees_everything(board, tree):
    assert visible_units(board).count() == 4


def test_sysadmin_sees_no_personal_data(sysadmin, anh):
    assert not person_queryset_for(user=sysadmin).exists()


def test_official_sees_only_own_record(dana, anh):
    assert list(person_queryset_for(user=dana)) == [dana.person]


def test_outsider_does_not_see_persons(charlie, anh, outsider_person):
    assert list(person_queryset_for(user=charlie)) == [outsider_person]


# --- decision 018: a person's details follow the unit that manages the person today --------------------------


def test_a_role_on_a_unit_that_has_ended_manages_nobody_but_still_sees_its_units(tree, anh):
    import datetime

    from canbo.accounts.models import Role
    from canbo.accounts.scoping import in_force_unit_paths
    from tests.factories import UserFactory, grant

    officer = grant(UserFactory(username="former"), Role.UNIT_OFFICER, tree["dept_a"])
    assert in_force_unit_paths(officer) == [tree["dept_a"].path]
    assert anh in person_queryset_for(user=officer)

    tree["dept_a"].valid_to = datetime.date(2025, 6, 30)
    tree["dept_a"].save(update_fields=["valid_to"])
    officer = type(officer).objects.get(pk=officer.pk)  # roles are cached per user object

    assert in_force_unit_paths(officer) == []
    assert anh not in person_queryset_for(user=officer)
    assert tree["dept_a_office"] in visible_units(officer)  # reports keep the historical units


def test_the_board_is_not_restricted_and_a_person_who_moved_leaves_the_old_unit(
    board, alice, charlie, anh, tree
):
    from canbo.accounts.scoping import managed_person_q

    assert managed_person_q(board) is None
    anh.current_unit = tree["dept_b"]
    anh.save()
    assert anh not in person_queryset_for(user=alice) and anh in person_queryset_for(user=charlie)
