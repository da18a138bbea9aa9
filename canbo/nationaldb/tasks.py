"""The queue's schedule for the national sync (found by `manage.py run_huey`): every minute, send what is due."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from .services import outbox_send_due


@db_periodic_task(crontab(minute="*"))
def national_db_sync() -> dict:
    return outbox_send_due()
