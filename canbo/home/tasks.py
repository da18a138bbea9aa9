"""The dashboard's refresh on the task queue (Huey): see canbo/home/snapshot.py."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from .snapshot import REFRESH_MINUTES, refresh_recent


@db_periodic_task(crontab(minute=f"*/{REFRESH_MINUTES}"))
def refresh_dashboards() -> int:
    return refresh_recent()
