"""Audit history (django-auditlog): who changed what, when, from which address, before and after.

Signals write a LogEntry inside the service's transaction. Services wrap their writes in `audit_actor`, so
management commands and imports record their actor too; bulk writes call `audit_bulk`.
"""

import contextlib

from auditlog.context import auditlog_value, set_actor
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import connections
from django.utils import timezone


@contextlib.contextmanager
def audit_actor(actor, remote_addr=None):
    """Attribute the audit rows written inside the block to `actor`.

    The request's address (set by AuditlogMiddleware) is carried over, and the enclosing context is restored on
    exit, so a service called from a view, a command or another service always records the right actor.
    """
    previous = auditlog_value.get(None) or {}
    try:
        with set_actor(
            actor,
            remote_addr=remote_addr or previous.get("remote_addr"),
            remote_port=previous.get("remote_port"),
        ):
            yield
    finally:
        if previous:
            auditlog_value.set(previous)


def _text(value) -> str:
    return "None" if value is None else str(value)


_BULK_COLUMNS = [
    "content_type_id",
    "object_pk",
    "object_id",
    "object_repr",
    "action",
    "changes",
    "changes_text",
    "actor_id",
    "actor_email",
    "remote_addr",
    "timestamp",
    "cid",
]


def audit_bulk(*, actor, entries, remote_addr=None, cid=None, batch_size=5000):
    """LogEntry rows for bulk-written objects, entries = [(obj, action, {field: (old, new)})].

    The same rows auditlog's signals write, inserted with one executemany per batch: an import of 30.000 records
    spends its time on the records, not on building 60.000 model instances for their audit.
    """
    if not entries:
        return
    connection = connections[LogEntry.objects.db]
    changes_field = LogEntry._meta.get_field("changes")
    now = LogEntry._meta.get_field("timestamp").get_db_prep_save(timezone.now(), connection)
    actor_id = actor.pk if actor is not None else None
    actor_email = getattr(actor, "email", None) or None
    content_types: dict = {}
    rows = []
    for obj, action, changes in entries:
        model = type(obj)
        if model not in content_types:
            content_types[model] = ContentType.objects.get_for_model(model).pk
        payload = {name: [_text(old), _text(new)] for name, (old, new) in changes.items()}
        pk = obj.pk
        rows.append(
            (
                content_types[model],
                str(pk),
                pk if isinstance(pk, int) else None,
                str(obj)[:255],
                action,
                changes_field.get_db_prep_save(payload, connection),
                "",
                actor_id,
                actor_email,
                remote_addr,
                now,
                cid,
            )
        )
    table = connection.ops.quote_name(LogEntry._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(c) for c in _BULK_COLUMNS)
    placeholders = ", ".join(["%s"] * len(_BULK_COLUMNS))
    sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"  # noqa: S608 - identifiers from the model
    with connection.cursor() as cursor:
        for start in range(0, len(rows), batch_size):
            cursor.executemany(sql, rows[start : start + batch_size])


def history_for(objects):
    """Audit rows of several objects (e.g. a person and their history rows), newest first, one query."""
    condition = None
    from django.db.models import Q

    for model, pks in objects:
        if not pks:
            continue
        q = Q(content_type=ContentType.objects.get_for_model(model), object_pk__in=[str(pk) for pk in pks])
        condition = q if condition is None else condition | q
    if condition is None:
        return LogEntry.objects.none()
    return (
        LogEntry.objects.filter(condition)
        .select_related("actor", "content_type")
        .order_by("-timestamp", "-id")
    )


def register_audited(model, *, skip=()):
    """Register a model with auditlog for its own columns only (no reverse relations, no derived columns)."""
    from auditlog.registry import auditlog

    skip = set(skip) | {"version", "updated_at", "created_at"}
    fields = [f.name for f in model._meta.concrete_fields if f.name not in skip]
    auditlog.register(model, include_fields=fields)
