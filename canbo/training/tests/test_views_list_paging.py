"""The training lists (plans, needs, classes, study) page by keyset (decision 032): every sortable column
answers in its order, a page links to the next by cursor, bad sorts and cursors give the first page."""

import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from canbo.training.models import Programme, TrainingNeed, TrainingPlan
from canbo.training.selectors import (
    CLASS_SORT_COLUMNS,
    NEED_SORT_COLUMNS,
    PLAN_SORT_COLUMNS,
    STUDY_SORT_COLUMNS,
)

LISTS = [
    ("training:plan_list", PLAN_SORT_COLUMNS),
    ("training:need_list", NEED_SORT_COLUMNS),
    ("training:class_list", CLASS_SORT_COLUMNS),
    ("training:study_list", STUDY_SORT_COLUMNS),
]


@pytest.fixture
def plans(tree):
    return [
        TrainingPlan.objects.create(
            year=2000 + i,
            owner_unit=tree["province"],
            title=f"Kế hoạch {i:02d}",
            due_date=datetime.date(2000 + i, 1, 31),
        )
        for i in range(1, 56)
    ]


@pytest.mark.parametrize(("name", "columns"), LISTS)
def test_every_column_sorts_both_ways_and_bad_input_gives_the_first_page(client, board, plans, name, columns):
    client.force_login(board)
    url = reverse(name)
    for column in columns:
        for sort in (column.key, "-" + column.key):
            response = client.get(url, {"sap_xep": sort})
            assert response.status_code == 200
            assert response.context["page"].sort.param == sort
    for junk in ({"sap_xep": "khong_co"}, {"sau": "rác"}, {"truoc": "%%%"}, {"chu": "W"}):
        assert client.get(url, junk).status_code == 200


def test_plans_page_by_cursor_in_the_chosen_order(client, board, plans):
    client.force_login(board)
    url = reverse("training:plan_list")
    first = client.get(url, {"sap_xep": "nam"}).context["page"]
    assert [p.year for p in first.object_list] == list(range(2001, 2051))
    assert first.has_next and not first.has_previous and first.count == 55
    cursor = parse_qs(urlsplit(first.next_url).query)
    second = client.get(url, {k: v[0] for k, v in cursor.items()}).context["page"]
    assert [p.year for p in second.object_list] == list(range(2051, 2056))
    assert second.has_previous and not second.has_next
    newest = client.get(url).context["page"]  # the default: the newest year first
    assert newest.object_list[0].year == 2055
    html = client.get(url, {"year": 2003}).content.decode()
    assert "Kế hoạch 03" in html and "Kế hoạch 04" not in html and 'aria-sort="descending"' in html


def test_needs_list_is_scoped_and_filtered_by_year(client, alice, charlie, tree, board):
    programme = Programme.objects.order_by("pk").first()
    for unit, year in ((tree["dept_a"], 2027), (tree["dept_b"], 2027), (tree["dept_a"], 2026)):
        TrainingNeed.objects.create(unit=unit, year=year, programme=programme, count=3, created_by=board)
    client.force_login(alice)
    page = client.get(reverse("training:need_list"), {"year": "2027", "sap_xep": "-so_nguoi"}).context["page"]
    assert [(n.unit.code, n.year) for n in page.object_list] == [("SO_A", 2027)]
    client.force_login(charlie)
    page = client.get(reverse("training:need_list")).context["page"]
    assert [n.unit.code for n in page.object_list] == ["SO_B"]
