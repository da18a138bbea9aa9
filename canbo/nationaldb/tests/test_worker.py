"""A real worker on Redis sends a change to the stand-in national database by the scheduled task, within the
deadline, and nothing is lost while the stand-in is off. CI runs this with CANBO_WORKER_TEST=1 on PostgreSQL
(`.ci/run` worker_check). Slow (the schedule runs every minute): not part of the ordinary suite."""

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone

from canbo.nationaldb.models import OutboxItem, OutboxState
from canbo.nationaldb.services import batch_approve
from canbo.nationaldb.standin.app import StandInNationalDb, serve
from canbo.people.services import person_update

ROOT = Path(__file__).resolve().parents[3]
REDIS_URL = os.environ.get("CANBO_NATDB_WORKER_REDIS_URL", "redis://127.0.0.1:6379/12")

pytestmark = [
    pytest.mark.worker,
    pytest.mark.skipif(not os.environ.get("CANBO_WORKER_TEST"), reason="set CANBO_WORKER_TEST=1 (CI does)"),
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def standin_server():
    app = StandInNationalDb()
    server = serve("127.0.0.1", 0, app)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    app.url = f"http://127.0.0.1:{server.server_port}"
    yield app
    server.shutdown()
    server.server_close()


@pytest.fixture
def worker(standin_server):
    if connection.vendor != "postgresql":
        pytest.skip("the worker shares the test database: PostgreSQL only")
    from huey import RedisHuey

    RedisHuey("canbo", url=REDIS_URL).flush()
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.local",
        "DJANGO_DEBUG": "false",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "REDIS_URL": REDIS_URL,
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "HUEY_WORKERS": "1",
        "NATIONAL_DB_URL": standin_server.url,
        "NATIONAL_DB_TIMEOUT": "2",
    }
    process = subprocess.Popen(  # noqa: S603
        [sys.executable, "canbo/jobs/tests/worker_main.py"], cwd=ROOT, env=env, start_new_session=True
    )
    yield process
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def _wait_until(predicate, *, worker, seconds=150):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert worker.poll() is None, f"the worker exited with {worker.returncode}"
        if predicate():
            return
        time.sleep(0.5)
    states = list(OutboxItem.objects.values_list("state", "attempts", "last_error"))
    raise AssertionError(f"not sent in time: {states}")


def test_a_change_reaches_the_stand_in_by_the_scheduled_task_within_the_deadline_and_survives_an_outage(
    worker, standin_server, alice, anh
):
    standin_server.mode = "fail"  # the national side is down when the first run comes
    person_update(actor=alice, person=anh, data={"phone": "0987654321"})
    batch_approve(user=alice)
    changed = OutboxItem.objects.filter(person=anh).latest("id")  # the phone change

    _wait_until(lambda: OutboxItem.objects.filter(attempts__gte=1).exists(), worker=worker)
    assert not OutboxItem.objects.filter(
        state=OutboxState.SENT
    ).exists()  # refused by the outage, kept waiting
    OutboxItem.objects.update(next_attempt_at=timezone.now())  # skip the back-off's wait
    standin_server.mode = "ok"

    _wait_until(lambda: not OutboxItem.objects.exclude(state=OutboxState.SENT).exists(), worker=worker)
    changed.refresh_from_db()
    assert changed.sent_at.date() <= changed.deadline
    stored = standin_server.dossiers[anh.national_id]["groups"]["1"][f"people.Person:{anh.pk}"]
    assert stored["1.18"] == "0987654321"
    assert len(standin_server.received) == OutboxItem.objects.count()  # each item stored once
