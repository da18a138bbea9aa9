"""Reads through a real PostgreSQL streaming replica (deploy/replica/create-replica.sh, CI's replica step).

Skipped unless DATABASE_REPLICA_URL is set. pytest-django creates `test_<name>` on the primary; the replica
replays the whole cluster, so the same test database appears on it, and the `replica` alias (TEST MIRROR =
default, which only swaps the database NAME) reads it through its own connection to the replica's port. The
tests are transactional: only committed rows reach the replica. Pausing the replica's replay makes it
deliberately stale, which shows where each read went.

    deploy/replica/create-replica.sh
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/replica \\
    DATABASE_REPLICA_URL=postgres://postgres@127.0.0.1:5433/replica pytest -m replica tests/replica
"""

import datetime
import os
import time
from contextlib import contextmanager

import pytest
from django.db import connections, transaction
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from canbo.core.db_router import request_routing
from canbo.reports.registry import get_report
from tests.factories import PersonFactory, national_id_for

pytestmark = [
    pytest.mark.replica,
    pytest.mark.skipif(
        not os.environ.get("DATABASE_REPLICA_URL"),
        reason="needs a streaming replica: DATABASE_REPLICA_URL (deploy/replica/create-replica.sh)",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True, databases=["default", "replica"]),
]

ON = {"on": "31/12/2019"}


def scalar(alias, sql, params=()):
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]


def wait_for_replay(timeout=30.0):
    """Until the replica has replayed everything the primary has written so far (bounded)."""
    lsn = scalar("default", "SELECT pg_current_wal_lsn()::text")
    deadline = time.monotonic() + timeout
    while not scalar("replica", "SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [lsn]):
        if time.monotonic() > deadline:
            pytest.fail(f"the replica has not replayed {lsn} within {timeout} s")
        time.sleep(0.05)


@contextmanager
def replay_paused():
    """The replica stops applying WAL: what is committed now on the primary is not visible on it."""
    scalar("replica", "SELECT pg_wal_replay_pause()::text")
    deadline = time.monotonic() + 10
    while scalar("replica", "SELECT pg_get_wal_replay_pause_state()") != "paused":
        assert time.monotonic() < deadline, "the replica's replay did not pause"
        time.sleep(0.05)
    try:
        yield
    finally:
        scalar("replica", "SELECT pg_wal_replay_resume()::text")


def headcount():
    return get_report("headcount").execute(user=None, data=ON).meta["total"]


@pytest.fixture
def staff(tree):
    for _ in range(3):
        PersonFactory(current_unit=tree["dept_a"], start_date=datetime.date(2015, 1, 1))
    wait_for_replay()


def test_the_replica_alias_is_a_replica_of_the_same_test_database():
    primary, replica = connections["default"], connections["replica"]

    assert replica.settings_dict["NAME"] == primary.settings_dict["NAME"]
    assert replica.settings_dict["PORT"] != primary.settings_dict["PORT"]
    assert scalar("replica", "SELECT pg_is_in_recovery()") is True
    assert scalar("default", "SELECT pg_is_in_recovery()") is False
    assert scalar("replica", "SELECT current_database()") == primary.settings_dict["NAME"]


def test_a_report_run_reads_its_figure_from_the_replica(staff):
    with (
        CaptureQueriesContext(connections["replica"]) as on_replica,
        CaptureQueriesContext(connections["default"]) as on_primary,
    ):
        total = headcount()

    assert total == 3
    assert any("COUNT(DISTINCT" in q["sql"] for q in on_replica.captured_queries)
    assert not any("COUNT(DISTINCT" in q["sql"] for q in on_primary.captured_queries)


def test_a_stale_replica_shows_where_each_read_goes(staff, tree):
    with replay_paused():
        PersonFactory(current_unit=tree["dept_a"], start_date=datetime.date(2015, 1, 1))

        assert headcount() == 3  # the replica has not seen the fourth person yet
        with transaction.atomic():
            assert headcount() == 4  # inside a transaction: the primary
        with request_routing(pinned=True):
            assert headcount() == 4  # a browser that wrote a moment ago: the primary
    wait_for_replay()
    assert headcount() == 4


def test_whoever_wrote_reads_their_write_while_others_see_the_replica(staff, board):
    writer, other = APIClient(), APIClient()
    writer.force_login(board)
    other.force_login(board)
    wait_for_replay()
    body = {
        "code": "HS900001",
        "full_name": "Lò Văn Páo",
        "gender": "NAM",
        "date_of_birth": "02/03/1990",
        "national_id": national_id_for("NAM", datetime.date(1990, 3, 2), 900001),
        "ethnicity": "03",
        "unit": "SO_A",
        "category": "CC",
        "start_date": "2015-01-01",
        "position": "CHUYEN_VIEN",
        "rank": "01.003",
        "salary_step": 3,
        "salary_coefficient": "3.00",
    }

    with replay_paused():
        created = writer.post("/api/v1/persons/", body, format="json")
        assert created.status_code == 201, created.json()
        assert "canbo_primary_until" in created.cookies

        assert writer.get("/api/v1/persons/").json()["count"] == 4  # pinned to the primary
        assert other.get("/api/v1/persons/").json()["count"] == 3  # the (paused) replica
    wait_for_replay()
    assert other.get("/api/v1/persons/").json()["count"] == 4
