import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from canbo.org.models import OrgEvent, OrgUnit
from canbo.people.models import Employment
from tests.factories import OrgUnitFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(tree):
    """Two people in dept_a's office, one in dept_a, one in dept_b."""
    return [
        PersonFactory(current_unit=tree["dept_a_office"]),
        PersonFactory(current_unit=tree["dept_a_office"]),
        PersonFactory(current_unit=tree["dept_a"]),
        PersonFactory(current_unit=tree["dept_b"]),
    ]


def _login(client, user):
    client.force_login(user)
    return client


# --- the tree -----------------------------------------------------------------------------------------------


def test_tree_shows_the_officers_units_with_own_and_subtree_headcounts(client, alice, tree, staff):
    response = _login(client, alice).get(reverse("org:tree"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Sở A" in html and "Văn phòng Sở A" in html
    assert "Sở B" not in html
    roots = response.context["roots"]
    assert [u.code for u in roots] == ["SO_A"]
    assert (roots[0].own_count, roots[0].subtree_count) == (1, 3)
    assert roots[0].nodes[0].subtree_count == 2
    assert "/can-bo/?unit=SO_A_VP" in html


def test_tree_board_sees_every_unit_and_the_total(client, board, tree, staff):
    response = _login(client, board).get(reverse("org:tree"))
    assert response.context["total"] == 4
    assert response.context["unit_count"] == 4


def test_tree_as_of_a_past_date_counts_the_rows_active_then(client, board, tree):
    PersonFactory(current_unit=tree["dept_b"], start_date=datetime.date(2020, 1, 1))
    response = _login(client, board).get(reverse("org:tree"), {"on": "31/12/2019"})
    assert response.status_code == 200
    assert response.context["total"] == 0
    assert response.context["on"] == datetime.date(2019, 12, 31)


def test_tree_leaves_out_units_not_active_on_the_date(client, board, tree):
    OrgUnitFactory(
        code="NEW", name="Đơn vị mới lập", parent=tree["province"], valid_from=datetime.date(2024, 1, 1)
    )
    response = _login(client, board).get(reverse("org:tree"), {"on": "01/01/2020"})
    assert "Đơn vị mới lập" not in response.content.decode()


def test_tree_bad_date_shows_a_vietnamese_message_and_today(client, alice, tree):
    response = _login(client, alice).get(reverse("org:tree"), {"on": "31/02/2019"})
    assert response.status_code == 200
    assert "dd/mm/yyyy" in response.content.decode()
    assert response.context["on"] == timezone.localdate()
    assert response.context["form"].errors


def test_tree_takes_two_queries_for_the_units_and_counts(
    client, board, tree, staff, django_assert_max_num_queries
):
    for _ in range(10):
        OrgUnitFactory(parent=tree["dept_b"])
    client = _login(client, board)
    with django_assert_max_num_queries(5):  # session, user, roles, units + counts (one query)
        client.get(reverse("org:tree"))


def test_tree_requires_login(client, tree):
    response = client.get(reverse("org:tree"))
    assert response.status_code == 302


# --- a unit -------------------------------------------------------------------------------------------------


def test_detail_shows_fields_children_and_people_link(client, alice, tree, staff):
    response = _login(client, alice).get(reverse("org:detail", args=["SO_A"]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Văn phòng Sở A" in html
    assert "/can-bo/?unit=SO_A" in html
    assert response.context["subtree_count"] == 3


def test_detail_of_another_units_tree_is_404(client, charlie, tree):
    response = _login(client, charlie).get(reverse("org:detail", args=["SO_A"]))
    assert response.status_code == 404


def test_detail_shows_predecessors_and_successors(client, board, tree):
    from canbo.org.services import org_units_merge

    org_units_merge(
        actor=board,
        units=[tree["dept_a_office"]],
        successor=tree["dept_b"],
        effective_on=datetime.date(2024, 1, 1),
        decision_number="12/QĐ-UBND",
    )
    response = _login(client, board).get(reverse("org:detail", args=["SO_B"]))
    assert [u.code for u in response.context["predecessors"]] == ["SO_A_VP"]
    assert "12/QĐ-UBND" in response.content.decode()
    response = client.get(reverse("org:detail", args=["SO_A_VP"]))
    assert [u.code for u in response.context["successors"]] == ["SO_B"]


# --- restructuring ------------------------------------------------------------------------------------------


def _unit_post(**extra):
    data = {
        "code": "SO_C",
        "name": "Sở C",
        "level": "TINH",
        "kind": "AGENCY",
        "sector": "CHINH_QUYEN",
        "valid_from": "01/07/2025",
        "sort_order": "0",
    }
    data.update(extra)
    return data


def test_board_creates_a_unit(client, board, tree):
    response = _login(client, board).post(reverse("org:create"), _unit_post(parent=tree["province"].pk))
    assert response.status_code == 302
    unit = OrgUnit.objects.get(code="SO_C")
    assert unit.path.startswith(tree["province"].path)
    assert unit.valid_from == datetime.date(2025, 7, 1)


def test_sysadmin_may_create_units_too(client, sysadmin, tree):
    response = _login(client, sysadmin).post(reverse("org:create"), _unit_post())
    assert response.status_code == 302
    assert OrgUnit.objects.filter(code="SO_C").exists()


def test_create_unit_bad_input_shows_errors_and_writes_nothing(client, board, tree):
    response = _login(client, board).post(
        reverse("org:create"), _unit_post(code="SO_A", level="HUYEN", valid_from="2025-13-40")
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert "code" in form.errors and "valid_from" in form.errors
    assert "dd/mm/yyyy" in response.content.decode()
    assert OrgUnit.objects.count() == 4


def test_no_new_district_unit_after_the_reform(client, board, tree):
    response = _login(client, board).post(reverse("org:create"), _unit_post(level="HUYEN"))
    assert response.status_code == 200
    assert "30/06/2025" in response.content.decode()
    assert not OrgUnit.objects.filter(code="SO_C").exists()


@pytest.mark.parametrize("who", ["alice", "bob"])
def test_officers_and_leaders_may_not_restructure(client, request, who, tree):
    user = request.getfixturevalue(who)
    client = _login(client, user)
    assert client.get(reverse("org:create")).status_code == 403
    assert client.post(reverse("org:create"), _unit_post()).status_code == 403
    assert client.post(reverse("org:merge"), {}).status_code == 403
    assert client.post(reverse("org:split", args=["SO_A"]), {}).status_code == 403
    assert not OrgUnit.objects.filter(code="SO_C").exists()


def test_split_of_a_unit_outside_the_users_tree_is_404(client, charlie, tree):
    assert _login(client, charlie).get(reverse("org:split", args=["SO_A"])).status_code == 404


def test_board_merges_units_into_a_new_one_and_moves_people(client, board, tree, staff):
    response = _login(client, board).post(
        reverse("org:merge"),
        {
            "units": [tree["dept_a"].pk, tree["dept_b"].pk],
            "new_code": "SO_AB",
            "new_name": "Sở A-B",
            "effective_on": "01/07/2025",
            "decision_number": "01/NQ-HĐND",
            "move_people": "on",
        },
    )
    assert response.status_code == 302
    merged = OrgUnit.objects.get(code="SO_AB")
    tree["dept_a"].refresh_from_db()
    assert tree["dept_a"].valid_to == datetime.date(2025, 6, 30)
    event = OrgEvent.objects.get()
    assert set(event.predecessors.values_list("code", flat=True)) == {"SO_A", "SO_B"}
    assert Employment.objects.filter(unit=merged, end_date__isnull=True).count() == 2


def test_merge_needs_a_successor(client, board, tree):
    response = _login(client, board).post(
        reverse("org:merge"), {"units": [tree["dept_a"].pk], "effective_on": "01/07/2025"}
    )
    assert response.status_code == 200
    assert "đơn vị kế thừa" in response.content.decode()
    assert not OrgEvent.objects.exists()


def test_merge_of_a_unit_already_ended_writes_nothing(client, board, tree):
    response = _login(client, board).post(
        reverse("org:merge"),
        {
            "units": [tree["dept_a"].pk],
            "new_code": "SO_X",
            "new_name": "Sở X",
            "effective_on": "01/01/1990",
        },
    )
    assert response.status_code == 200
    assert "không còn hoạt động" in response.content.decode()
    assert not OrgUnit.objects.filter(code="SO_X").exists()
    assert not OrgEvent.objects.exists()


def test_board_splits_a_unit(client, board, tree):
    response = _login(client, board).post(
        reverse("org:split", args=["SO_B"]),
        {"new_units": "SO_B1 | Sở B1\nSO_B2 | Sở B2", "effective_on": "01/07/2025"},
    )
    assert response.status_code == 302
    tree["dept_b"].refresh_from_db()
    assert tree["dept_b"].valid_to == datetime.date(2025, 6, 30)
    b1 = OrgUnit.objects.get(code="SO_B1")
    assert b1.parent == tree["province"] and b1.valid_from == datetime.date(2025, 7, 1)


def test_split_with_a_badly_written_line_or_one_successor_writes_nothing(client, board, tree):
    client = _login(client, board)
    response = client.post(
        reverse("org:split", args=["SO_B"]), {"new_units": "SO_B1 Sở B1", "effective_on": "01/07/2025"}
    )
    assert "mã | tên đơn vị" in response.content.decode()
    response = client.post(
        reverse("org:split", args=["SO_B"]), {"new_units": "SO_B1 | Sở B1", "effective_on": "01/07/2025"}
    )
    assert "ít nhất hai" in response.content.decode()
    response = client.post(
        reverse("org:split", args=["SO_B"]),
        {"new_units": "SO_A | Trùng mã\nSO_B2 | Sở B2", "effective_on": "01/07/2025"},
    )
    assert response.status_code == 200
    assert "đã tồn tại" in response.content.decode()
    assert OrgUnit.objects.count() == 4
    assert not OrgEvent.objects.exists()
