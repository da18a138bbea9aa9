"""The daily reminders run from the queue's schedule, at the configured local hour, recorded as a job."""

import datetime

import pytest
from huey.contrib.djhuey import HUEY

from canbo.jobs.models import Job, JobStatus
from canbo.notifications.tasks import daily_reminders

pytestmark = pytest.mark.django_db


def test_the_reminders_are_on_the_queues_schedule_at_the_configured_hour(settings):
    assert daily_reminders.task_class in HUEY._registry._periodic_tasks
    task = daily_reminders.task_class()
    hour, minute = settings.REMINDERS_HOUR, settings.REMINDERS_MINUTE

    assert task.validate_datetime(datetime.datetime(2026, 12, 7, hour, minute))
    assert not task.validate_datetime(datetime.datetime(2026, 12, 7, (hour + 1) % 24, minute))
    assert not HUEY.utc  # the hour is local time (Asia/Ho_Chi_Minh), not UTC


def test_the_scheduled_run_is_a_job_row_with_its_counts(board):
    status = daily_reminders.call_local()

    job = Job.objects.get(kind="reminders")
    assert status == JobStatus.SUCCEEDED and job.status == JobStatus.SUCCEEDED and job.created_by is None
    assert set(job.result) >= {"reminders", "created", "users", "emailed"} and "việc đến hạn" in job.message
