"""The task queue's health: does the broker (Redis, or the SQLite file of the embedded default) answer?"""

from huey.contrib.djhuey import HUEY


def broker_ping() -> bool:
    """True when the queue's storage answers; never raises."""
    try:
        HUEY.storage.queue_size()
    except Exception:
        return False
    return True
