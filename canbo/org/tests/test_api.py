"""/api/v1/units/ and /api/v1/units/<code>/: the tree as of a date, scoped to the user."""

import datetime

import pytest
from rest_framework.test import APIClient

from canbo.org.models import AdminLevel, OrgSector
from canbo.org.services import org_units_merge
from tests.factories import OrgUnitFactory

pytestmark = pytest.mark.django_db

LIST = "/api/v1/units/"


def client_for(user=None):
    client = APIClient()
    if user is not None:
        client.force_login(user)
    return client


def codes(response):
    return [row["code"] for row in response.json()["results"]]


def test_officer_lists_her_subtree_in_tree_order(alice):
    response = client_for(alice).get(LIST)

    assert response.status_code == 200
    assert codes(response) == ["SO_A", "SO_A_VP"]
    row = response.json()["results"][1]
    assert row["parent"] == "SO_A" and row["level_label"] == "Cấp tỉnh"
    assert "path" not in row and "id" not in row


def test_board_lists_every_unit(board):
    assert codes(client_for(board).get(LIST)) == ["T11", "SO_A", "SO_A_VP", "SO_B"]


@pytest.mark.parametrize("user", ["sysadmin", "dana"])
def test_users_without_unit_roles_see_no_units(user, request):
    response = client_for(request.getfixturevalue(user)).get(LIST)

    assert response.status_code == 200 and response.json()["results"] == []


@pytest.mark.parametrize("on", ["31/12/2019", "2019-12-31"])
def test_list_as_of_a_date_in_either_format(board, tree, on):
    OrgUnitFactory(code="SO_C", parent=tree["province"], valid_from=datetime.date(2021, 1, 1))
    ended = OrgUnitFactory(code="SO_D", parent=tree["province"], valid_from=datetime.date(2001, 1, 1))
    ended.valid_to = datetime.date(2019, 6, 30)
    ended.save()

    listed = codes(client_for(board).get(LIST, {"on": on}))

    assert "SO_C" not in listed and "SO_D" not in listed and "SO_B" in listed
    assert {"SO_C", "SO_D"} <= set(codes(client_for(board).get(LIST)))


def test_list_filters_by_level_sector_and_kind(board, tree):
    OrgUnitFactory(code="XA_1", level=AdminLevel.XA, sector=OrgSector.DANG, parent=tree["province"])

    response = client_for(board).get(LIST, {"level": "XA", "sector": "DANG", "kind": "AGENCY"})

    assert codes(response) == ["XA_1"]


def test_bad_parameters_answer_400_in_vietnamese(board):
    response = client_for(board).get(LIST, {"on": "31/02/2019", "level": "TW"})

    assert response.status_code == 400
    body = response.json()
    assert body["on"][0].startswith("Ngày không hợp lệ")
    assert body["level"] == ["“TW” không phải là giá trị hợp lệ."]


def test_list_requires_login(tree):
    response = client_for().get(LIST)

    assert response.status_code in (401, 403)
    assert response.json()["detail"] == "Anh/chị chưa đăng nhập."


@pytest.mark.parametrize("extra", [3, 30])
def test_list_query_count_does_not_grow_with_units(board, tree, extra, django_assert_max_num_queries):
    OrgUnitFactory.create_batch(extra, parent=tree["dept_b"])
    client = client_for(board)

    with django_assert_max_num_queries(5):
        response = client.get(LIST, {"on": "01/01/2020"})

    assert response.json()["count"] == 4 + extra


def test_detail_of_a_unit_in_scope(alice):
    response = client_for(alice).get(f"{LIST}SO_A_VP/")

    assert response.status_code == 200
    body = response.json()
    assert (body["code"], body["name"], body["parent"]) == ("SO_A_VP", "Văn phòng Sở A", "SO_A")
    assert body["predecessors"] == [] and body["successors"] == []
    assert "path" not in body


@pytest.mark.parametrize("code", ["SO_B", "KHONG_CO"])
def test_detail_outside_scope_or_unknown_answers_404(alice, code):
    response = client_for(alice).get(f"{LIST}{code}/")

    assert response.status_code == 404
    assert response.json() == {"detail": "Không tìm thấy bản ghi.", "code": "not_found"}


def test_detail_links_predecessors_and_successors_of_a_merge(board, tree):
    org_units_merge(
        actor=board,
        units=[tree["dept_a"], tree["dept_b"]],
        successor={
            "code": "SO_AB",
            "name": "Sở A-B",
            "level": AdminLevel.TINH,
            "kind": "AGENCY",
            "sector": OrgSector.CHINH_QUYEN,
            "parent": tree["province"],
        },
        effective_on=datetime.date(2025, 7, 1),
        move_people=False,
    )
    client = client_for(board)

    merged = client.get(f"{LIST}SO_AB/").json()
    ended = client.get(f"{LIST}SO_A/").json()

    assert sorted(merged["predecessors"]) == ["SO_A", "SO_B"]
    assert (ended["successors"], ended["valid_to"]) == (["SO_AB"], "2025-06-30")
    assert "SO_A" not in codes(client.get(LIST, {"on": "01/07/2025"}))


def test_units_are_read_only(board):
    response = client_for(board).post(LIST, {"code": "X"}, format="json")

    assert response.status_code == 405
    assert response.json()["detail"] == "Phương thức không được hỗ trợ."
