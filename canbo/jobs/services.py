"""Starting jobs: a row first, then the queue. The work itself is registered by its app (registry.register)."""

from django.db import transaction
from huey.contrib.djhuey import HUEY

from .execution import job_execute
from .models import Job
from .registry import kind_for
from .tasks import enqueue


def job_submit(*, kind: str, title: str, actor=None, params: dict | None = None) -> Job:
    """Record a queued job and hand it to the worker; returns at once (eager mode: after running it)."""
    kind_for(kind)  # an unknown kind fails here, in the request, not in the worker
    job = Job.objects.create(kind=kind, title=title[:200], created_by=actor, params=params or {})
    if HUEY.immediate:
        enqueue(job.pk)  # tests: run now, inside the caller's transaction
    else:
        # The worker must find the committed row: queue it once the surrounding transaction commits.
        transaction.on_commit(lambda: enqueue(job.pk))
    return job


def job_run_here(*, kind: str, title: str, actor=None, params: dict | None = None) -> Job:
    """Record a job and run it in this process (the worker's scheduled tasks, the command line)."""
    job = Job.objects.create(kind=kind, title=title[:200], created_by=actor, params=params or {})
    job_execute(job.pk)
    job.refresh_from_db()
    return job


def job_record_result(job: Job, **result) -> None:
    """Keep part of the result in the work's own transaction: a run repeated after its worker died (the reaper)
    finds that the work was done and reports it, instead of doing it twice."""
    job.result = {**job.result, **result}
    Job.objects.filter(pk=job.pk).update(result=job.result)
