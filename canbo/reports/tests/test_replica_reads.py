"""Every door runs a report inside `replica_reads()` (canbo/core/db_router.py), at the one place they share:
`Report.run_with`. Parameter validation (the unit named by --org) stays on the primary."""

import pytest
from rest_framework.test import APIClient

from canbo.core.db_router import replica_reads_active
from canbo.reports.registry import get_report

from .helpers import run


@pytest.fixture
def spy(monkeypatch):
    report = get_report("headcount")
    seen = []
    original = report.run

    def spied(**kwargs):
        seen.append(replica_reads_active())
        return original(**kwargs)

    monkeypatch.setattr(report, "run", spied)
    return seen


def test_a_report_run_reads_from_the_replica_and_the_context_ends_with_it(db, spy):
    run("headcount", on="31/12/2019")

    assert spy == [True]
    assert replica_reads_active() is False


def test_the_page_and_the_api_run_it_the_same_way(client, board, spy):
    client.force_login(board)
    api = APIClient()
    api.force_login(board)

    assert client.get("/bao-cao/headcount/", {"on": "31/12/2019"}).status_code == 200
    assert api.get("/api/v1/reports/headcount/", {"on": "31/12/2019"}).status_code == 200
    assert spy == [True, True]
