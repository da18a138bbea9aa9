"""The queue's tasks (Huey): run a job, and the schedule that keeps jobs honest. `manage.py run_huey` runs them;
tests run them eagerly (HUEY immediate)."""

from django.conf import settings
from django.db import close_old_connections
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task, on_startup
from huey.exceptions import RetryTask

from .execution import JobNotVisible, job_execute, jobs_reap_stale
from .retention import job_results_purge


@db_task(retries=5, retry_delay=2)
def run_job(job_id: str) -> None:
    try:
        job_execute(job_id)
    except JobNotVisible as exc:
        raise RetryTask(f"job {job_id} not committed yet") from exc


def enqueue(job_id) -> None:
    run_job(str(job_id))


@db_periodic_task(crontab(minute="*"))
def reap_stale_jobs() -> dict:
    return jobs_reap_stale(enqueue=enqueue)


@on_startup()
def reap_on_start() -> None:
    """A worker starting after a crash takes up the dead one's jobs at once, not at the next minute."""
    try:
        jobs_reap_stale(enqueue=enqueue)
    finally:
        close_old_connections()


@db_periodic_task(crontab(minute="40", hour="2"))
def purge_old_results() -> int:
    return job_results_purge(days=settings.JOB_RESULT_DAYS)
