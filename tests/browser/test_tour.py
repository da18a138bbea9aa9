"""The browser tour (issue 13): every demo login opens every menu entry and every link one level below it, on
one demo province built once (small scale), in Debian's chromium at 1366×768.

Each page must answer 200 (a link below the menu may answer the site's Vietnamese 403 or 404 page), show no
English outside a short allow-list, no progress figure below 0 % or above 100 % and no negative percentage, be
no taller than tour.MAX_HEIGHT_PX unless it pages, and raise no script error. The rules and the allow-lists
are in tour.py; `python -m tests.browser.tour URL` runs the same tour against a running demo.
"""

import asyncio
import os
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from canbo.demo.users import DEMO_PASSWORD, DEMO_USERNAMES

from .conftest import CHROMIUM, _require_chromium
from .tour import tour

# Its own process (CANBO_TOUR_TEST=1, a step of .ci/run on PostgreSQL): an earlier transactional test's flush
# would empty the catalogues load_demo needs, and on SQLite the live server's threads share the in-memory
# database's one connection, which the tour's parallel tabs deadlocked.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        os.environ.get("CANBO_TOUR_TEST") != "1" or connection.vendor == "sqlite",
        reason="the browser tour runs alone on PostgreSQL: set CANBO_TOUR_TEST=1 (.ci/run does)",
    ),
]

SCALE = 300  # 300 people working on 31/12/2019: every feature of the demo has rows, in a few seconds


def test_every_login_opens_every_menu_entry_and_the_pages_below_it_without_a_fault(live_server):
    _require_chromium()
    # Given the demo province, loaded as `make demo` loads it
    call_command("load_demo", scale=SCALE, stdout=StringIO())

    # When every demo login visits its menu and the links one level below
    reports = asyncio.run(
        tour(live_server.url + "/", [(u, DEMO_PASSWORD) for u in DEMO_USERNAMES], chromium=str(CHROMIUM))
    )

    # Then every login reached pages beyond its menu, and no page showed a fault
    visited = {r.username: len(r.visits) for r in reports}
    assert set(visited) == set(DEMO_USERNAMES)
    assert all(n >= 5 for n in visited.values()), visited
    problems = [line for r in reports for line in r.problems]
    assert not problems, f"{len(problems)} lỗi trên {sum(visited.values())} trang:\n" + "\n".join(problems)
