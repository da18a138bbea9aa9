"""Running jobs: success, a failure the user can act on, a crash, duplicates and dead workers."""

from datetime import timedelta

import pytest
from django.utils import timezone

from canbo.jobs import registry
from canbo.jobs.execution import JobNotVisible, Progress, job_execute, jobs_reap_stale
from canbo.jobs.models import Job, JobStatus
from canbo.jobs.services import job_submit

pytestmark = pytest.mark.django_db
calls: list = []


def _ok(job, progress):
    progress("Đang đếm", 5, 10, unit="dòng")
    calls.append(("ok", job.pk))
    job.result, job.message = {"n": 10}, "Xong 10."


def _refuse(job, progress):
    raise registry.JobFailed("Bộ lọc không hợp lệ.", errors=["Đơn vị không có"])


def _crash(job, progress):
    raise RuntimeError("boom")


given_up: list = []
registry.register("test-ok", run=_ok)
registry.register("test-refuse", run=_refuse, on_failed=lambda job: given_up.append(job.pk))
registry.register("test-crash", run=_crash, on_failed=lambda job: given_up.append(job.pk))


@pytest.fixture(autouse=True)
def _clear():
    calls.clear()
    given_up.clear()


def test_a_submitted_job_runs_and_keeps_its_outcome_on_the_row(alice):
    job = job_submit(kind="test-ok", title="Thử", actor=alice)

    job.refresh_from_db()
    assert job.status == JobStatus.SUCCEEDED and job.percent == 100 and job.attempts == 1
    assert job.result == {"n": 10} and job.message == "Xong 10." and job.finished_at and job.worker


def test_an_unknown_kind_is_refused_before_anything_is_recorded(alice):
    with pytest.raises(registry.JobFailed):
        job_submit(kind="no-such-kind", title="Thử", actor=alice)
    assert not Job.objects.exists()


def test_a_refusal_keeps_its_vietnamese_message_and_errors(alice):
    job = job_submit(kind="test-refuse", title="Thử", actor=alice)

    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and job.message == "Bộ lọc không hợp lệ."
    assert job.errors == ["Đơn vị không có"] and given_up == [job.pk]


def test_a_crash_is_reported_without_a_traceback(alice):
    job = job_submit(kind="test-crash", title="Thử", actor=alice)

    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and "lỗi hệ thống" in job.message and "boom" not in job.message


def test_a_duplicate_message_from_the_queue_runs_nothing_twice(alice):
    job = job_submit(kind="test-ok", title="Thử", actor=alice)

    assert job_execute(job.pk) is False
    assert calls == [("ok", job.pk)]


def test_a_row_not_yet_committed_asks_the_queue_to_retry():
    with pytest.raises(JobNotVisible):
        job_execute("00000000-0000-0000-0000-000000000000")


def _running(alice, *, attempts, seconds_ago, worker="elsewhere:1"):
    beat = timezone.now() - timedelta(seconds=seconds_ago)
    return Job.objects.create(
        kind="test-ok", title="Thử", created_by=alice, status=JobStatus.RUNNING, attempts=attempts,
        heartbeat_at=beat, started_at=beat, worker=worker,
    )  # fmt: skip


def test_a_job_whose_worker_died_is_run_again(alice, settings):
    settings.JOB_STALE_SECONDS, settings.JOB_MAX_ATTEMPTS = 60, 2
    job = _running(alice, attempts=1, seconds_ago=300)
    queued = []

    assert jobs_reap_stale(enqueue=queued.append)["retried"] == 1

    job.refresh_from_db()
    assert job.status == JobStatus.QUEUED and queued == [job.pk]
    job_execute(job.pk)
    job.refresh_from_db()
    assert job.status == JobStatus.SUCCEEDED and job.attempts == 2


def test_a_job_whose_worker_died_twice_is_marked_failed_with_a_message(alice, settings):
    settings.JOB_STALE_SECONDS, settings.JOB_MAX_ATTEMPTS = 60, 2
    job = _running(alice, attempts=2, seconds_ago=300)
    job.kind = "test-crash"
    job.save()

    assert jobs_reap_stale(enqueue=lambda pk: None)["failed"] == 1

    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and "bị dừng đột ngột 2 lần" in job.message
    assert job.finished_at and given_up == [job.pk]


def test_a_job_with_a_recent_heartbeat_or_a_live_local_worker_is_left_alone(alice, settings):
    from canbo.jobs.execution import worker_name

    settings.JOB_STALE_SECONDS = 60
    recent = _running(alice, attempts=1, seconds_ago=5)
    alive_here = _running(alice, attempts=1, seconds_ago=300, worker=worker_name())

    assert jobs_reap_stale(enqueue=lambda pk: None) == {"retried": 0, "failed": 0, "requeued": 0}
    assert {j.status for j in Job.objects.filter(pk__in=[recent.pk, alive_here.pk])} == {JobStatus.RUNNING}


def test_a_queued_job_the_queue_lost_is_queued_again(alice):
    job = Job.objects.create(
        kind="test-ok", title="Thử", created_by=alice, heartbeat_at=timezone.now() - timedelta(hours=1)
    )
    queued = []

    assert jobs_reap_stale(enqueue=queued.append)["requeued"] == 1
    assert queued == [job.pk]


def test_progress_is_bounded_and_labelled():
    progress = Progress()
    progress("Đang ghi", 150, 100, unit="dòng")
    assert progress.snapshot() == {
        "stage": "Đang ghi",
        "done": 150,
        "total": 100,
        "percent": 100,
        "unit": "dòng",
    }
    progress("Đang đọc", 1, 4)
    assert progress.snapshot()["percent"] == 25


def _endless(job, progress):
    for step in range(10):
        progress("Đang chạy", step, 10)


registry.register("test-endless", run=_endless)


def test_a_job_past_its_time_limit_is_stopped_with_a_message(alice, settings):
    settings.JOB_TIME_LIMIT_SECONDS = -1  # already past

    job = job_submit(kind="test-endless", title="Thử", actor=alice)

    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and "chạy quá" in job.message and "chia dữ liệu" in job.message


def test_a_job_whose_worker_passes_the_memory_limit_is_stopped_with_a_message(alice, settings):
    settings.JOB_MEMORY_LIMIT_MB = 1

    job = job_submit(kind="test-endless", title="Thử", actor=alice)

    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and "quá 1 MB bộ nhớ" in job.message
