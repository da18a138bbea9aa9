"""Each report is a few aggregate queries, whatever the number of persons."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .conftest import make_people
from .helpers import run

CASES = [
    ("headcount", {"on": "31/12/2019"}),
    ("headcount", {"on": "31/12/2019", "org": "SO_A"}),
    ("org-units", {"on": "31/12/2019", "kind": "AGENCY"}),
    ("qualification-share", {"on": "31/12/2019"}),
    (
        "qualification-share",
        {"from": "31/12/2015", "to": "31/12/2019", "breakdown": "category", "org": "SO_A"},
    ),
]


@pytest.mark.parametrize(("name", "data"), CASES)
@pytest.mark.parametrize("persons", [5, 50])
def test_a_report_runs_in_at_most_six_queries(
    tree, alice, django_assert_max_num_queries, name, data, persons
):
    make_people(tree["dept_a"], persons)
    alice.__dict__.pop("_canbo_roles", None)  # the roles lookup is part of the count

    with django_assert_max_num_queries(6):
        run(name, user=alice, **data)


@pytest.mark.parametrize(("name", "data"), CASES)
def test_the_query_count_does_not_grow_with_the_data(tree, board, name, data):
    def count():
        board.__dict__.pop("_canbo_roles", None)
        with CaptureQueriesContext(connection) as ctx:
            run(name, user=board, **data)
        return len(ctx.captured_queries)

    make_people(tree["dept_a"], 5)
    few = count()
    make_people(tree["dept_a"], 45)
    assert count() == few


@pytest.mark.parametrize("name", ["headcount", "org-units", "qualification-share"])
def test_the_page_query_count_does_not_grow_with_the_data(client, tree, alice, name):
    client.force_login(alice)

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(f"/bao-cao/{name}/", {"on": "31/12/2019"}).status_code == 200
        return len(ctx.captured_queries)

    make_people(tree["dept_a"], 5)
    few = count()
    make_people(tree["dept_a_office"], 45)
    assert count() == few <= 10
