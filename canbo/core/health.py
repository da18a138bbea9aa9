"""The health of the running site: does the database answer, does the task queue's broker answer?

Read by `/healthz` (load balancers, monitoring). Each check is one round trip and never raises; the reason of a
failure goes to the log, not to the anonymous caller.
"""

import logging
import time

from django.db import connection
from huey.contrib.djhuey import HUEY

logger = logging.getLogger(__name__)


def database_ping() -> bool:
    """True when the default database answers `SELECT 1`; never raises."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        logger.exception("Health check: the database does not answer")
        return False
    return True


def broker_ping() -> bool:
    """True when the task queue's storage (Redis, or the SQLite file of the embedded default) answers."""
    try:
        HUEY.storage.queue_size()
    except Exception:
        return False
    return True


def health_report() -> dict:
    """{"status": "ok" | "error", "database": ..., "queue": ..., "ms": elapsed milliseconds}."""
    started = time.perf_counter()
    database = database_ping()
    queue = broker_ping()
    if not queue:
        logger.error("Health check: the task queue's broker does not answer")
    return {
        "status": "ok" if database and queue else "error",
        "database": "ok" if database else "error",
        "queue": "ok" if queue else "error",
        "ms": round((time.perf_counter() - started) * 1000, 1),
    }
