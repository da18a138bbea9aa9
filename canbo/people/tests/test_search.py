"""The unaccented person search (issue 12), on SQLite and on PostgreSQL alike: accents, đ/Đ, short tokens as word
starts, longer ones anywhere, the Vietnamese order of the results and their exact count; the REST list's query
ceiling with an API key."""

import datetime

import pytest
from django.test import RequestFactory
from rest_framework.test import APIClient

from canbo.accounts.tokens import api_token_issue
from canbo.core.paging import keyset_page
from canbo.org.models import OrgUnit
from canbo.people.models import Person, Position
from canbo.people.selectors import PERSON_DEFAULT_SORT, PERSON_SORT_COLUMNS, person_list
from tests.factories import OrgUnitFactory, PersonFactory

pytestmark = pytest.mark.django_db

NAMES = [
    "Nguyễn Văn Ánh",
    "Đặng Thị Đào",
    "Giàng A Xình",
    "Lò Thị Lan",
    "Trần An",
    "Thào Thị Pà",
    "Lường Văn Thái",
]


@pytest.fixture
def people(tree):
    return {name: PersonFactory(full_name=name, current_unit=tree["dept_a"]) for name in NAMES}


def found(user, query: str) -> list[str]:
    return [p.full_name for p in person_list(user=user, filters={"q": query})]


def test_a_name_typed_without_accents_finds_the_accented_name(board, people):
    assert found(board, "nguyen van anh") == ["Nguyễn Văn Ánh"]
    assert found(board, "NGUYEN  Van   ANH") == ["Nguyễn Văn Ánh"]
    assert found(board, "Nguyễn Văn Ánh") == ["Nguyễn Văn Ánh"]  # typed with accents: the same
    assert found(board, "anh nguyen") == ["Nguyễn Văn Ánh"]  # any word order


def test_d_with_stroke_is_found_as_d_in_either_case(board, people):
    assert found(board, "dang thi dao") == ["Đặng Thị Đào"]
    assert found(board, "ĐẶNG ĐÀO") == ["Đặng Thị Đào"]
    assert found(board, "đao") == ["Đặng Thị Đào"]


def test_a_two_letter_token_matches_the_start_of_a_word_only(board, people):
    assert found(board, "xi") == ["Giàng A Xình"]
    assert found(board, "pa") == ["Thào Thị Pà"]
    # "an" starts Ánh and An, and is inside Lan and Giàng, which it does not match
    assert sorted(found(board, "an")) == ["Nguyễn Văn Ánh", "Trần An"]
    assert sorted(found(board, "th")) == ["Lò Thị Lan", "Lường Văn Thái", "Thào Thị Pà", "Đặng Thị Đào"]


def test_a_longer_token_matches_inside_a_word_and_prefixes_of_ids_and_codes(board, people):
    anh = people["Nguyễn Văn Ánh"]
    assert found(board, "xin") == ["Giàng A Xình"]
    assert found(board, "guyen") == ["Nguyễn Văn Ánh"]
    assert found(board, anh.national_id[:6]) == [
        p.full_name
        for p in Person.objects.filter(national_id__startswith=anh.national_id[:6]).order_by("sort_key", "id")
    ]
    assert found(board, anh.code.lower()) == ["Nguyễn Văn Ánh"]
    assert found(board, "nguyen van binh") == []


def test_results_come_in_the_vietnamese_order_with_their_exact_count(board, people):
    request = RequestFactory().get("/can-bo/", {"q": "thi"})
    request.user = board
    page = keyset_page(
        request,
        person_list(user=board, filters={"q": "thi"}),
        PERSON_SORT_COLUMNS,
        default=PERSON_DEFAULT_SORT,
    )

    # by given name in the Vietnamese alphabet (… d đ e … l … p …): Đào, Lan, Pà
    assert [p.full_name for p in page] == ["Đặng Thị Đào", "Lò Thị Lan", "Thào Thị Pà"]
    assert (page.count, page.count_capped) == (3, False)


def test_the_search_stays_inside_the_users_units(charlie, people):
    assert found(charlie, "nguyen van anh") == []


@pytest.mark.parametrize("rows", [10, 50])
def test_the_rest_list_with_an_api_key_costs_the_same_queries_for_10_or_50_persons(
    rows, board, tree, django_assert_max_num_queries
):
    """No N+1: units and posts come with the persons; the key is one indexed lookup."""
    post = Position.objects.create(
        code="PGD", name="Phó Giám đốc", is_leadership=True, tier=3, valid_from=datetime.date(2000, 1, 1)
    )
    for i in range(rows):
        unit = OrgUnitFactory(parent=tree["dept_a"]) if i % 5 == 0 else tree["dept_a"]
        PersonFactory(current_unit=unit, position=post if i % 2 else None)
    _token, key = api_token_issue(user=board, name="Kho dữ liệu", approved=True)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    client.get("/api/v1/persons/")  # the key's last-used day is written on the first call only

    with django_assert_max_num_queries(6):
        response = client.get("/api/v1/persons/", {"page_size": 50})

    assert response.status_code == 200
    results = response.json()["results"]
    assert len(results) == rows
    assert {r["unit"] for r in results} <= set(OrgUnit.objects.values_list("code", flat=True))
    assert sum(r["position"] == "PGD" for r in results) == rows // 2
