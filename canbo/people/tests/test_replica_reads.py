"""The person list's doors read inside `replica_reads()` (canbo/core/db_router.py): the page, its Excel
export and GET /api/v1/persons/. Whether a replica answers is the router's business, tested in core."""

import pytest
from rest_framework.test import APIClient

from canbo.core.db_router import replica_reads_active
from canbo.people import api, exports
from canbo.people.views import lists

pytestmark = pytest.mark.django_db


@pytest.fixture
def spy(monkeypatch):
    """Records, for each list query, whether it was built inside replica reads."""
    seen = []

    def wrap(module, name):
        original = getattr(module, name)

        def spied(**kwargs):
            seen.append(replica_reads_active())
            return original(**kwargs)

        monkeypatch.setattr(module, name, spied)

    wrap(lists, "select_persons")
    wrap(api, "person_list")
    wrap(exports, "person_list")
    return seen


def test_the_list_page_reads_from_the_replica(client, board, anh, spy):
    client.force_login(board)

    assert client.get("/can-bo/").status_code == 200
    assert spy == [True]


def test_the_export_job_reads_from_the_replica(client, board, anh, spy):
    client.force_login(board)

    assert client.post("/can-bo/xuat-excel/").status_code == 302  # the queue ran the job eagerly
    assert spy == [True]


def test_the_api_list_reads_from_the_replica(board, anh, spy):
    client = APIClient()
    client.force_login(board)

    assert client.get("/api/v1/persons/").status_code == 200
    assert spy == [True]
    assert replica_reads_active() is False
