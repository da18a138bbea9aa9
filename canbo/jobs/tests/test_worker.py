"""A real worker on Redis (CI runs this with CANBO_WORKER_TEST=1 on PostgreSQL): queued jobs survive without a
worker, run when one starts, show progress from the row while they run, and a job whose worker is killed is
taken up again by the next worker. Slow (a minute): not part of the ordinary suite."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse
from huey import RedisHuey

from canbo.jobs.models import Job, JobStatus
from canbo.jobs.tasks import run_job
from tests.factories import PersonFactory

ROOT = Path(__file__).resolve().parents[3]
REDIS_URL = os.environ.get("CANBO_WORKER_REDIS_URL", "redis://127.0.0.1:6379/6")

pytestmark = [
    pytest.mark.worker,
    pytest.mark.skipif(not os.environ.get("CANBO_WORKER_TEST"), reason="set CANBO_WORKER_TEST=1 (CI does)"),
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def queue():
    huey = RedisHuey("canbo", url=REDIS_URL)  # the worker's queue, as the web process would write to it
    huey._registry.register(run_job.task_class)
    huey.flush()
    yield huey
    huey.flush()


@pytest.fixture
def start_worker():
    if connection.vendor != "postgresql":
        pytest.skip("the worker shares the test database: PostgreSQL only")
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.local",
        "DJANGO_DEBUG": "false",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "REDIS_URL": REDIS_URL,
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "JOB_STALE_SECONDS": "3",
        "HUEY_WORKERS": "1",
    }
    started = []

    def start():
        process = subprocess.Popen(  # noqa: S603
            [sys.executable, "canbo/jobs/tests/worker_main.py"], cwd=ROOT, env=env, start_new_session=True
        )
        started.append(process)
        return process

    yield start
    for process in started:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=30)


def _wait(job, predicate, *, worker, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert worker.poll() is None, f"the worker exited with {worker.returncode}"
        job.refresh_from_db()
        if predicate(job):
            return job
        time.sleep(0.2)
    raise AssertionError(f"job {job.pk} stayed {job.status} ({job.percent} %, {job.message})")


def test_an_export_queued_before_any_worker_runs_when_one_starts(queue, start_worker, board, tree, client):
    for _ in range(30):
        PersonFactory(current_unit=tree["dept_a"])
    job = Job.objects.create(kind="export", title="Xuất Excel", created_by=board,
                             params={"export": "people.persons", "query": ""})  # fmt: skip
    queue.enqueue(run_job.s(str(job.pk)))  # no worker yet: the message waits in Redis

    time.sleep(1)
    assert Job.objects.get(pk=job.pk).status == JobStatus.QUEUED
    worker = start_worker()

    job = _wait(job, lambda j: j.is_finished, worker=worker)
    assert job.status == JobStatus.SUCCEEDED and job.result == {"rows": 30}, job.message
    client.force_login(board)
    assert client.get(reverse("jobs:download", args=[job.pk])).status_code == 200


def test_a_job_whose_worker_is_killed_is_taken_up_by_the_next_worker(queue, start_worker, alice):
    job = Job.objects.create(kind="test-slow", title="Chậm", created_by=alice, params={"steps": 40})
    queue.enqueue(run_job.s(str(job.pk)))
    first = start_worker()

    job = _wait(job, lambda j: j.status == JobStatus.RUNNING and j.done >= 3, worker=first)
    assert job.stage == "Đang chạy chậm" and 0 < job.percent < 100  # progress read from the row
    os.killpg(first.pid, signal.SIGKILL)
    first.wait(timeout=10)
    time.sleep(4)  # past JOB_STALE_SECONDS without a heartbeat
    second = start_worker()

    job = _wait(job, lambda j: j.is_finished, worker=second, seconds=90)
    assert job.status == JobStatus.SUCCEEDED and job.attempts == 2 and job.message == "Xong 40 bước."
