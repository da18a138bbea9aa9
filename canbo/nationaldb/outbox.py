"""Changes → outbox items, in the change's own transaction (decision 025).

Every audited write already produces one auditlog LogEntry (services) or a batch of them (`audit_bulk`, the
import): the outbox follows those, so no door can change a held field without an item. Only fields in the
mapping (fields.py) count; a change to anything else puts nothing in the outbox.
"""

import contextlib
import contextvars
from datetime import date, timedelta

from auditlog.models import LogEntry
from django.utils import timezone

from canbo.core.dates import nth_working_day_forward
from canbo.people.models import Person

from .fields import fields_by_model
from .models import ChangeSource, OutboxItem

DEADLINE_WORKING_DAYS = {ChangeSource.CANBO: 1, ChangeSource.OTHER: 3}
ACTIONS = {
    LogEntry.Action.CREATE: "create",
    LogEntry.Action.UPDATE: "update",
    LogEntry.Action.DELETE: "delete",
}
_INDEX = None
_SUPPRESSED = contextvars.ContextVar("nationaldb_outbox_suppressed", default=False)


@contextlib.contextmanager
def outbox_suppressed():
    """Writes inside the block put nothing in the outbox: data received FROM the national database (onboarding)
    is not sent back to it."""
    token = _SUPPRESSED.set(True)
    try:
        yield
    finally:
        _SUPPRESSED.reset(token)


def _index():
    global _INDEX
    if _INDEX is None:
        _INDEX = fields_by_model()
    return _INDEX


def sync_deadline(changed_on: date, source: str) -> date:
    """The last day to reach the national database: 1 working day after a change made in Canbo, 3 after others
    (NĐ 27/2026), counted from the day after the change on the holiday calendar of canbo.core.dates."""
    return nth_working_day_forward(changed_on + timedelta(days=1), DEADLINE_WORKING_DAYS[source])


def _label(model) -> str:
    return f"{model._meta.app_label}.{model.__name__}"


def _person_id(model, obj_pk, obj, changes: dict):
    if model is Person:
        return obj_pk
    if obj is not None and hasattr(obj, "person_id"):
        return obj.person_id
    if "person" in changes:
        old, new = changes["person"]
        value = new if new not in (None, "None") else old
        return int(value) if value not in (None, "None") else None
    if not any(f.name == "person" for f in model._meta.concrete_fields):
        return None
    return model.objects.filter(pk=obj_pk).values_list("person_id", flat=True).first()


def items_for_change(*, model, obj_pk, obj, action: str, changes: dict, source: str, persons=None) -> list:
    """Unsaved OutboxItems for one audited change: one per group touched, with {field code: new value}."""
    label = _label(model)
    by_group: dict[int, dict] = {}
    for name, values in changes.items():
        for field in _index().get((label, name), ()):
            new = values[1] if isinstance(values, (list, tuple)) and len(values) > 1 else values
            # as the audit row writes it: text (dates ISO), None for nothing
            by_group.setdefault(int(field.group), {})[field.code] = (
                None if new in (None, "None") else str(new)
            )
    if not by_group:
        return []
    person_id = _person_id(model, obj_pk, obj, changes)
    if person_id is None:
        return []
    person = (persons or {}).get(person_id) or Person.objects.filter(pk=person_id).only(
        "national_id", "current_unit_id"
    ).first()
    if person is None:
        return []
    deadline = sync_deadline(timezone.localdate(), source)
    return [
        OutboxItem(
            person_id=person_id,
            national_id=person.national_id,
            unit_id=person.current_unit_id,
            group=group,
            record=f"{label}:{obj_pk}",
            action=action,
            change=change,
            source=source,
            deadline=deadline,
        )
        for group, change in sorted(by_group.items())
    ]


def enqueue_log_entry(entry: LogEntry) -> None:
    if _SUPPRESSED.get():
        return
    model = entry.content_type.model_class()
    if model is None or entry.action not in ACTIONS:
        return
    changes = entry.changes if isinstance(entry.changes, dict) else {}
    if model is Person and entry.action == LogEntry.Action.DELETE:
        _person_deleted(entry, changes)
        return
    items = items_for_change(
        model=model, obj_pk=entry.object_pk, obj=None, action=ACTIONS[entry.action], changes=changes,
        source=ChangeSource.CANBO,
    )  # fmt: skip
    if items:
        OutboxItem.objects.bulk_create(items)


def _person_deleted(entry: LogEntry, changes: dict) -> None:
    """The person's record is gone: their items keep the national ID but lose the link (the row is deleted in
    this transaction), and one item tells the national database the dossier left this agency's system."""
    OutboxItem.objects.filter(person_id=entry.object_pk).update(person=None)
    national_id = (changes.get("national_id") or [None])[0]
    if national_id in (None, "None"):
        return
    OutboxItem.objects.create(
        person=None, national_id=national_id, unit=None, group=1, record=f"people.Person:{entry.object_pk}",
        action="delete", change={}, source=ChangeSource.CANBO,
        deadline=sync_deadline(timezone.localdate(), ChangeSource.CANBO),
    )  # fmt: skip


def enqueue_bulk(*, entries, source: str = ChangeSource.OTHER) -> int:
    """Outbox items for a bulk write (the import): one query for the persons, one bulk insert."""
    if _SUPPRESSED.get():
        return 0
    labels = {label for label, _field in _index()}
    entries = [e for e in entries if _label(type(e[0])) in labels]
    if not entries:
        return 0  # nothing the national database holds: no query at all
    person_ids = {
        obj.pk if isinstance(obj, Person) else getattr(obj, "person_id", None)
        for obj, _action, _changes in entries
    }
    persons = Person.objects.in_bulk([pk for pk in person_ids if pk is not None])
    items = []
    for obj, action, changes in entries:
        items += items_for_change(
            model=type(obj), obj_pk=obj.pk, obj=obj, action=ACTIONS.get(action, "update"),
            changes={k: list(v) for k, v in changes.items()}, source=source, persons=persons,
        )  # fmt: skip
    OutboxItem.objects.bulk_create(items, batch_size=1000)
    return len(items)
