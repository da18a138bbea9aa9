"""Reads from a PostgreSQL streaming replica, where it is safe; everything else on the primary.

Installed only when DATABASE_REPLICA_URL is set (config/settings/base.py adds the `replica` alias, this router
and `ReadYourWritesMiddleware`); without it nothing here changes a query. The rules:

1. Writes always go to the primary (`default`).
2. Reads go to the primary by default. A replica lags the primary by a little, so a blanket rule would break
   read-after-write everywhere (save a record, reload the page, the change is not there).
3. Reads go to the replica only inside `replica_reads()`, an explicit context (or decorator) around the heavy
   read-only work that tolerates a second of lag: a report run (`Report.run_with`, every door) and the list
   pages (`/can-bo/`, its Excel export, `GET /api/v1/persons/`).
4. Read your own writes: a request with an unsafe method (POST, PUT, PATCH, DELETE) or that wrote through the
   ORM sets a short cookie; for DATABASE_REPLICA_PIN_SECONDS after it (default 10, a few seconds longer than
   the replica lag we accept) that browser's reads stay on the primary, also inside `replica_reads()`. Within
   the request itself, once something was written, the remaining reads stay on the primary.
5. Inside a transaction (an `atomic` block on the primary) every read goes to the primary: a service reads
   what it is about to change.
6. Sessions and login throttling (`sessions`, `axes`) are always read from the primary: security state must
   never be stale.
7. Migrations run only on the primary (`allow_migrate` is False for the replica, which is read-only anyway);
   relations between objects read from either database are allowed (they are the same data).

Commands and Huey jobs have no request: only the rules 1, 2, 3, 5 and 6 apply to them.
"""

from __future__ import annotations

import time
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

REPLICA_DB_ALIAS = "replica"
PIN_COOKIE = "canbo_primary_until"
PRIMARY_ONLY_APPS = frozenset({"sessions", "axes"})
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


@dataclass
class _RequestRouting:
    pinned: bool = False  # the browser wrote a moment ago: read from the primary
    wrote: bool = False  # this request wrote: read from the primary from now on, and pin the browser


_replica_reads: ContextVar[bool] = ContextVar("canbo_replica_reads", default=False)
_request_routing: ContextVar[_RequestRouting | None] = ContextVar("canbo_request_routing", default=None)


@contextmanager
def replica_reads():
    """Reads inside may go to the replica (when there is one): `with replica_reads():` or `@replica_reads()`."""
    token = _replica_reads.set(True)
    try:
        yield
    finally:
        _replica_reads.reset(token)


def replica_reads_active() -> bool:
    """True inside `replica_reads()` (whether or not a replica is configured)."""
    return _replica_reads.get()


@contextmanager
def request_routing(*, pinned: bool = False):
    """The routing state of one request (used by the middleware, and by tests)."""
    state = _RequestRouting(pinned=pinned)
    token = _request_routing.set(state)
    try:
        yield state
    finally:
        _request_routing.reset(token)


def replica_configured() -> bool:
    return REPLICA_DB_ALIAS in settings.DATABASES


class PrimaryReplicaRouter:
    """The rules of the module docstring. `replica` names the alias (default: `replica` if configured)."""

    def __init__(self, replica: str | None = None):
        self.replica = replica or (REPLICA_DB_ALIAS if replica_configured() else None)

    def db_for_read(self, model, **hints):
        if self.replica is None or not _replica_reads.get():
            return DEFAULT_DB_ALIAS
        if model._meta.app_label in PRIMARY_ONLY_APPS:
            return DEFAULT_DB_ALIAS
        state = _request_routing.get()
        if state is not None and (state.pinned or state.wrote):
            return DEFAULT_DB_ALIAS
        if connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return DEFAULT_DB_ALIAS
        return self.replica

    def db_for_write(self, model, **hints):
        state = _request_routing.get()
        if state is not None and model._meta.app_label not in PRIMARY_ONLY_APPS:
            state.wrote = True
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == DEFAULT_DB_ALIAS


def pin_seconds() -> int:
    return settings.DATABASE_REPLICA_PIN_SECONDS


class ReadYourWritesMiddleware:
    """Keeps a browser's reads on the primary for a few seconds after it wrote (rule 4 above)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        now = time.time()
        with request_routing(pinned=self._pinned_until(request) > now) as state:
            response = self.get_response(request)
        if state.wrote or request.method not in SAFE_METHODS:
            seconds = pin_seconds()
            response.set_cookie(
                PIN_COOKIE,
                str(int(now + seconds) + 1),
                max_age=seconds,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response

    @staticmethod
    def _pinned_until(request) -> float:
        try:
            return float(request.COOKIES.get(PIN_COOKIE, 0))
        except ValueError:
            return 0
