"""Running a job in the worker: claim the row, keep a heartbeat with the latest progress, run the job's kind,
store the outcome. A job whose worker died is retried or given up by `jobs_reap_stale` (run every minute)."""

import logging
import os
import socket
import threading
import time
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, connections
from django.db.models import F
from django.utils import timezone
from huey.contrib.djhuey import HUEY

from .models import Job, JobStatus
from .registry import JobFailed, kind_for

logger = logging.getLogger(__name__)

HEARTBEAT_SECONDS = 1.0
MAX_STORED_ERRORS = 2000
SYSTEM_ERROR = (
    "Có lỗi hệ thống khi xử lý; không có dữ liệu nào bị ghi dở. Vui lòng chạy lại hoặc báo quản trị hệ thống."
)
WORKER_DIED = (
    "Tiến trình xử lý bị dừng đột ngột {attempts} lần; tác vụ đã dừng và không có dữ liệu nào bị ghi dở. "
    "Vui lòng chạy lại hoặc báo quản trị hệ thống."
)
LOST_QUEUED_AFTER = timedelta(minutes=10)


class JobNotVisible(Exception):  # noqa: N818
    """The row is not committed yet (the queue was faster than the request's transaction): retry shortly."""


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


TIME_LIMIT = "Tác vụ chạy quá {minutes} phút nên đã bị dừng; không có dữ liệu nào bị ghi dở. {hint}"
MEMORY_LIMIT = "Tác vụ dùng quá {mb} MB bộ nhớ nên đã bị dừng; không có dữ liệu nào bị ghi dở. {hint}"
LIMIT_HINT = "Hãy chia dữ liệu thành nhiều phần nhỏ hơn, hoặc báo quản trị hệ thống."


def resident_mb() -> int:
    """This process's resident memory now (Linux), 0 where it cannot be read."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // (1024 * 1024)
    except (OSError, ValueError, IndexError):
        return 0


class Progress:
    """What the running work reports; the heartbeat thread writes the latest state to the row every second
    on its own database connection, so the progress is seen even while the work's transaction is open.

    Each report is also where a job over its limits stops: past JOB_TIME_LIMIT_SECONDS, or with the worker
    over JOB_MEMORY_LIMIT_MB, it raises JobFailed with a clear message (the work's transaction rolls back)."""

    def __init__(self, *, time_limit: float | None = None, memory_limit_mb: int | None = None):
        self._lock = threading.Lock()
        self._state: dict = {}
        self._deadline = time.monotonic() + time_limit if time_limit else None
        self._time_limit = time_limit
        self._memory_limit_mb = memory_limit_mb

    def check_limits(self) -> None:
        if self._deadline and time.monotonic() > self._deadline:
            raise JobFailed(TIME_LIMIT.format(minutes=round(self._time_limit / 60), hint=LIMIT_HINT))
        if self._memory_limit_mb and resident_mb() > self._memory_limit_mb:
            raise JobFailed(MEMORY_LIMIT.format(mb=self._memory_limit_mb, hint=LIMIT_HINT))

    def __call__(
        self, label: str, done: int = 0, total: int = 0, *, percent: int | None = None, unit: str = ""
    ):
        if percent is None:
            percent = int(100 * done / total) if total else 0
        state = {
            "stage": str(label)[:100],
            "done": max(int(done), 0),
            "total": max(int(total), 0),
            "percent": max(0, min(100, int(percent))),
            "unit": unit[:20],
        }
        with self._lock:
            self._state = state
        self.check_limits()

    def snapshot(self) -> dict:
        with self._lock:
            return dict(self._state)


class _Heartbeat(threading.Thread):
    def __init__(self, job_id, progress: Progress):
        super().__init__(name=f"job-heartbeat-{job_id}", daemon=True)
        self.job_id, self.progress = job_id, progress
        self._stopped = threading.Event()

    def run(self):
        try:
            while not self._stopped.wait(HEARTBEAT_SECONDS):
                self.beat()
        finally:
            connections.close_all()  # this thread's own connections

    def beat(self):
        try:
            Job.objects.filter(pk=self.job_id, status=JobStatus.RUNNING).update(
                heartbeat_at=timezone.now(), **self.progress.snapshot()
            )
        except DatabaseError:  # SQLite: the work's write transaction holds the lock; try again next beat
            logger.debug("Job %s: heartbeat skipped", self.job_id)

    def stop(self):
        self._stopped.set()
        self.join(timeout=30)


def _uses_heartbeat_thread() -> bool:
    return not HUEY.immediate  # eager (tests): the job runs inside the caller's transaction


def job_execute(job_id) -> bool:
    """Run one queued job; False when it was not queued any more (a duplicate message from the queue)."""
    now = timezone.now()
    claimed = Job.objects.filter(pk=job_id, status=JobStatus.QUEUED).update(
        status=JobStatus.RUNNING,
        started_at=now,
        heartbeat_at=now,
        attempts=F("attempts") + 1,
        worker=worker_name(),
        stage="",
        done=0,
        total=0,
        percent=0,
    )
    if not claimed:
        if not Job.objects.filter(pk=job_id).exists():
            raise JobNotVisible(job_id)
        return False
    job = Job.objects.select_related("created_by").get(pk=job_id)
    progress = Progress(
        time_limit=settings.JOB_TIME_LIMIT_SECONDS, memory_limit_mb=settings.JOB_MEMORY_LIMIT_MB
    )
    heartbeat = _Heartbeat(job.pk, progress) if _uses_heartbeat_thread() else None
    if heartbeat:
        heartbeat.start()
    try:
        kind_for(job.kind).run(job, progress)
    except JobFailed as exc:
        job_fail(job, exc.message, exc.errors)
    except Exception:
        logger.exception("Job %s (%s) failed", job.pk, job.kind)
        job_fail(job, SYSTEM_ERROR)
    else:
        job.status, job.percent, job.finished_at = JobStatus.SUCCEEDED, 100, timezone.now()
        job.stage = job.get_status_display()
        job.save(
            update_fields=[
                "status", "percent", "stage", "finished_at", "message", "result", "result_file", "result_name",
                "errors",
            ]
        )  # fmt: skip
    finally:
        if heartbeat:
            heartbeat.stop()
    return True


def job_fail(job: Job, message: str, errors: list | None = None) -> None:
    job.status, job.message, job.finished_at = JobStatus.FAILED, message, timezone.now()
    job.errors = (errors or [])[:MAX_STORED_ERRORS]
    job.stage = job.get_status_display()
    job.save(update_fields=["status", "message", "errors", "stage", "finished_at", "result"])
    try:
        kind = kind_for(job.kind)
    except JobFailed:
        return
    if kind.on_failed:
        kind.on_failed(job)


def _worker_alive_here(worker: str) -> bool:
    """True when the job's worker is a live process on this host (SQLite may block its heartbeat)."""
    host, _, pid = worker.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except OSError:
        return False
    return True


def jobs_reap_stale(*, enqueue, now=None) -> dict:
    """Running jobs whose worker stopped signalling: run again (up to JOB_MAX_ATTEMPTS) or give up with a
    message. Queued jobs that no worker took for 10 minutes are queued again (the claim ignores duplicates)."""
    now = now or timezone.now()
    limit = now - timedelta(seconds=settings.JOB_STALE_SECONDS)
    retried = failed = requeued = 0
    for job in Job.objects.filter(status=JobStatus.RUNNING, heartbeat_at__lt=limit).select_related(
        "created_by"
    ):
        if _worker_alive_here(job.worker):
            continue
        if job.attempts < settings.JOB_MAX_ATTEMPTS:
            moved = Job.objects.filter(
                pk=job.pk, status=JobStatus.RUNNING, heartbeat_at=job.heartbeat_at
            ).update(
                status=JobStatus.QUEUED, heartbeat_at=now, message="Tiến trình xử lý bị dừng; đang chạy lại."
            )
            if moved:
                retried += 1
                enqueue(job.pk)
        else:
            failed += 1
            job_fail(job, WORKER_DIED.format(attempts=job.attempts))
    for job_id in Job.objects.filter(
        status=JobStatus.QUEUED, heartbeat_at__lt=now - LOST_QUEUED_AFTER
    ).values_list("pk", flat=True):
        Job.objects.filter(pk=job_id, status=JobStatus.QUEUED).update(heartbeat_at=now)
        requeued += 1
        enqueue(job_id)
    return {"retried": retried, "failed": failed, "requeued": requeued}
