import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from canbo.org.models import OrgEvent, OrgUnit
from canbo.org.selectors import unit_predecessors, unit_successors, unit_tree_with_headcounts
from canbo.org.services import org_unit_create, org_unit_move, org_unit_split, org_units_merge
from canbo.people.models import Employment
from tests.factories import OrgUnitFactory, PersonFactory

pytestmark = pytest.mark.django_db
REFORM = datetime.date(2025, 7, 1)


def _commune(tree, code):
    return OrgUnitFactory(code=code, name=f"Xã {code}", level="XA", kind="COMMUNE", parent=tree["province"])


def test_create_sets_materialised_path_under_parent(board, tree):
    unit = org_unit_create(
        actor=board,
        code="NEW",
        name="Phòng mới",
        level="TINH",
        kind="DEPARTMENT",
        sector="CHINH_QUYEN",
        parent=tree["dept_a"],
        valid_from=datetime.date(2024, 1, 1),
    )
    assert unit.path.startswith(tree["dept_a"].path) and unit.depth == tree["dept_a"].depth + 1
    assert unit in OrgUnit.objects.subtree_of(tree["dept_a"])


def test_only_board_or_sysadmin_changes_the_tree(alice, tree):
    with pytest.raises(PermissionDenied):
        org_unit_create(
            actor=alice,
            code="X",
            name="X",
            level="TINH",
            kind="AGENCY",
            sector="DANG",
            valid_from=datetime.date(2024, 1, 1),
        )


def test_no_new_district_units_after_the_reform(board, tree):
    with pytest.raises(ValidationError):
        org_unit_create(
            actor=board,
            code="H1",
            name="Huyện mới",
            level="HUYEN",
            kind="AREA",
            sector="CHINH_QUYEN",
            valid_from=REFORM,
        )


def test_merge_ends_units_links_successor_and_moves_people(board, tree):
    a, b = _commune(tree, "XA1"), _commune(tree, "XA2")
    person = PersonFactory(current_unit=a, category="CC")
    event = org_units_merge(
        actor=board,
        units=[a, b],
        effective_on=REFORM,
        legal_basis="NQ 1661/NQ-UBTVQH15",
        successor={
            "code": "XA_MOI",
            "name": "Xã Mới",
            "level": "XA",
            "kind": "COMMUNE",
            "sector": "CHINH_QUYEN",
            "parent": tree["province"],
        },
    )
    new = OrgUnit.objects.get(code="XA_MOI")
    a.refresh_from_db()
    assert a.valid_to == datetime.date(2025, 6, 30) and new.valid_from == REFORM
    assert set(event.predecessors.all()) == {a, b}
    assert list(unit_successors(unit=a)) == [new] and set(unit_predecessors(unit=new)) == {a, b}
    assert Employment.objects.active_on(datetime.date(2025, 6, 30)).get(person=person).unit == a
    assert Employment.objects.active_on(REFORM).get(person=person).unit == new
    person.refresh_from_db()
    assert person.current_unit == new


def test_merging_an_already_ended_unit_is_refused_and_nothing_written(board, tree):
    a = _commune(tree, "XA3")
    a.valid_to = datetime.date(2020, 1, 1)
    a.save()
    with pytest.raises(ValidationError):
        org_units_merge(actor=board, units=[a], successor=tree["dept_b"], effective_on=REFORM)
    assert not OrgEvent.objects.exists()


def test_split_needs_two_successors(board, tree):
    with pytest.raises(ValidationError):
        org_unit_split(actor=board, unit=tree["dept_b"], successors=[tree["dept_a"]], effective_on=REFORM)
    event = org_unit_split(
        actor=board,
        unit=tree["dept_b"],
        effective_on=REFORM,
        successors=[
            {
                "code": f"B{i}",
                "name": f"Sở B{i}",
                "level": "TINH",
                "kind": "AGENCY",
                "sector": "CHINH_QUYEN",
                "parent": tree["province"],
            }
            for i in (1, 2)
        ],
    )
    assert event.successors.count() == 2


def test_move_rewrites_the_whole_subtree_path(board, tree):
    org_unit_move(actor=board, unit=tree["dept_a"], new_parent=tree["dept_b"])
    office = OrgUnit.objects.get(pk=tree["dept_a_office"].pk)
    assert office.path.startswith(OrgUnit.objects.get(pk=tree["dept_b"].pk).path)
    assert office.depth == 3
    with pytest.raises(ValidationError):
        org_unit_move(actor=board, unit=tree["dept_b"], new_parent=office)


def test_tree_headcounts_as_of_a_date(board, tree, django_assert_max_num_queries):
    PersonFactory(current_unit=tree["dept_a_office"], start_date=datetime.date(2010, 1, 1))
    PersonFactory(current_unit=tree["dept_a"], start_date=datetime.date(2021, 1, 1))
    with django_assert_max_num_queries(3):
        units = {u.code: u for u in unit_tree_with_headcounts(user=board, on=datetime.date(2019, 12, 31))}
    assert units["SO_A"].own_count == 0 and units["SO_A"].subtree_count == 1
    assert units["T11"].subtree_count == 1
    today = {u.code: u for u in unit_tree_with_headcounts(user=board, on=datetime.date(2022, 1, 1))}
    assert today["SO_A"].subtree_count == 2


def test_tree_is_scoped_to_the_officer(alice, tree):
    codes = {u.code for u in unit_tree_with_headcounts(user=alice, on=datetime.date(2022, 1, 1))}
    assert codes == {"SO_A", "SO_A_VP"}
