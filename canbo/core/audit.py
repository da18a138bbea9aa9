"""Audit history (django-auditlog): who changed what, when, from which address, before and after.

Signals write a LogEntry inside the service's transaction. Services wrap their writes in `audit_actor`, so
management commands and imports record their actor too; bulk writes call `audit_bulk`.
"""

import contextlib
import functools
import json

from auditlog.context import auditlog_disabled, auditlog_value, set_actor
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.dispatch import Signal
from django.utils import timezone

from canbo.core.bulk import insert_rows


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


# Sent after audit_bulk wrote its rows, inside the same transaction: entries = [(obj, action, changes)], actor,
# remote_addr, by_user (the rows are a user's own changes made through Canbo, such as an import, rather than
# data received from another system). Apps that follow changes (the national database's outbox) receive it; core knows none.
bulk_audited = Signal()


_to_json = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps(…, ensure_ascii=False), one encoder


def _text(value) -> str:
    return "None" if value is None else str(value)


def audit_bulk(*, actor, entries, remote_addr=None, cid=None, by_user: bool = False, describe=str):
    """LogEntry rows for bulk-written objects, entries = [(obj, action, {field: (old, new)})].

    The same rows auditlog's signals write, streamed with COPY (PostgreSQL) or executemany (SQLite) by
    canbo.core.bulk: an import of 30.000 records spends its time on the records, not on their audit.
    `describe(obj)` gives the object_repr: str(obj) unless the caller has a faster way to the same text.
    Inside auditlog's `disable_auditlog()` (the demo's build) nothing is written, as for a single save.
    """
    if not entries or auditlog_disabled.get():
        return
    now = timezone.now()
    actor_id = actor.pk if actor is not None else None
    actor_email = getattr(actor, "email", None) or None
    # Resolved before the insert starts: no query may run on the connection while COPY streams.
    content_types = {
        model: ContentType.objects.get_for_model(model).pk for model in {type(e[0]) for e in entries}
    }

    def rows():  # materialised below: object_repr may touch related objects, never during COPY
        for obj, action, changes in entries:
            model = type(obj)
            pk = obj.pk
            payload = {name: [_text(old), _text(new)] for name, (old, new) in changes.items()}
            yield {
                "content_type_id": content_types[model],
                "object_pk": str(pk),
                "object_id": pk if isinstance(pk, int) else None,
                "object_repr": describe(obj)[:255],
                "action": action,
                "changes": _to_json(payload),
                "changes_text": "",
                "actor_id": actor_id,
                "actor_email": actor_email,
                "remote_addr": remote_addr,
                "timestamp": now,
                "cid": cid,
            }

    insert_rows(LogEntry, list(rows()), now=now)
    bulk_audited.send(
        sender=audit_bulk, entries=entries, actor=actor, remote_addr=remote_addr, by_user=by_user
    )


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


@functools.cache
def audited_fields(model) -> tuple[tuple[str, str], ...]:
    """(name, attname) of the fields auditlog records for `model`, as its registration says."""
    from auditlog.registry import auditlog

    spec = auditlog.get_model_fields(model)
    included, excluded = set(spec["include_fields"] or []), set(spec["exclude_fields"] or [])
    return tuple(
        (f.name, f.attname)
        for f in model._meta.concrete_fields
        if (not included or f.name in included) and f.name not in excluded
    )


def created_changes(obj) -> dict:
    """The audit changes of a newly created object, for audit_bulk: {field: (None, value)}."""
    return {
        name: (None, value)
        for name, attname in audited_fields(type(obj))
        if (value := getattr(obj, attname)) is not None
    }


def register_audited(model, *, skip=()):
    """Register a model with auditlog for its own columns only (no reverse relations, no derived columns)."""
    from auditlog.registry import auditlog

    skip = set(skip) | {"version", "updated_at", "created_at"}
    fields = [f.name for f in model._meta.concrete_fields if f.name not in skip]
    auditlog.register(model, include_fields=fields)
