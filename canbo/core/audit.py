"""Audit history (django-auditlog): who changed what, when, from which address, before and after.

Signals write a LogEntry inside the service's transaction. Services wrap their writes in `audit_actor`, so
management commands and imports record their actor too; bulk writes call `audit_bulk`.
"""

import contextlib
import json

from auditlog.context import auditlog_value, set_actor
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
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


def _jsonable(value):
    if value is None:
        return "None"
    return str(value)


def audit_bulk(*, actor, entries, remote_addr=None, cid=None):
    """Write LogEntry rows for bulk-created/updated objects: entries = [(obj, action, {field: (old, new)})]."""
    if not entries:
        return
    content_types = {}
    rows = []
    now = timezone.now()
    for obj, action, changes in entries:
        model = type(obj)
        if model not in content_types:
            content_types[model] = ContentType.objects.get_for_model(model)
        rows.append(
            LogEntry(
                content_type=content_types[model],
                object_pk=str(obj.pk),
                object_id=obj.pk if isinstance(obj.pk, int) else None,
                object_repr=str(obj)[:255],
                action=action,
                changes=json.loads(
                    json.dumps({k: [_jsonable(a), _jsonable(b)] for k, (a, b) in changes.items()})
                ),
                actor=actor,
                remote_addr=remote_addr,
                timestamp=now,
                cid=cid,
            )
        )
    LogEntry.objects.bulk_create(rows, batch_size=2000)


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
