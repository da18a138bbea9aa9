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
