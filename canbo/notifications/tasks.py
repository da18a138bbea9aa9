"""The queue's schedule for reminders (found by `manage.py run_huey`): daily at the configured local hour."""

from django.conf import settings
from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from canbo.jobs.services import job_run_here

from .jobs import REMINDERS


@db_periodic_task(crontab(minute=str(settings.REMINDERS_MINUTE), hour=str(settings.REMINDERS_HOUR)))
def daily_reminders() -> str:
    job = job_run_here(kind=REMINDERS, title="Nhắc việc hằng ngày")
    return job.status
