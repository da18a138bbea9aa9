"""Changes → outbox items, in the change's own transaction (decision 025).

Every audited write already produces one auditlog LogEntry (services) or a batch of them (`audit_bulk`, the
import): the outbox follows those, so no door can change a held field without an item. Only fields in the
mapping (fields.py) count; a change to anything else puts nothing in the outbox.
"""

import contextlib
import contextvars
import json
import uuid
from datetime import date, timedelta

from auditlog.models import LogEntry
from django.utils import timezone

from canbo.core.bulk import insert_rows
from canbo.core.dates import nth_working_day_forward
from canbo.people.models import Person

from .fields import fields_by_model
from .models import ChangeSource, OutboxItem, OutboxState

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


def _model_index() -> dict[str, dict[str, list[tuple[int, str]]]]:
    """app_label.Model -> {field name -> [(group, field code)]}: the mapping read once per bulk write."""
    by_model: dict[str, dict[str, list[tuple[int, str]]]] = {}
    for (label, name), fields in _index().items():
        by_model.setdefault(label, {})[name] = [(int(f.group), f.code) for f in fields]
    return by_model


def _person_facts(entries) -> dict[int, tuple[str, int | None]]:
    """person pk -> (national ID, current unit id): from the Person objects of the write itself (the import writes
    every person it touches), one query for the others."""
    facts = {
        obj.pk: (obj.national_id, obj.current_unit_id) for obj, _a, _c in entries if isinstance(obj, Person)
    }
    missing = {getattr(obj, "person_id", None) for obj, _a, _c in entries} - set(facts) - {None}
    if missing:
        rows = Person.objects.filter(pk__in=missing).values_list("pk", "national_id", "current_unit_id")
        facts.update({pk: (nid, unit) for pk, nid, unit in rows})
    return facts


def _text(value):
    return None if value in (None, "None") else str(value)


def enqueue_bulk(*, entries, source: str = ChangeSource.OTHER) -> int:
    """Outbox items for a bulk write (the import, decision 037), set-based: the mapping is read once, the persons'
    national IDs and units come from the write itself, and the items go in with one COPY (canbo.core.bulk) in
    the write's transaction. The same items as items_for_change, one per record and group touched."""
    if _SUPPRESSED.get():
        return 0
    by_model = _model_index()
    mapped = [(obj, action, changes) for obj, action, changes in entries if _label(type(obj)) in by_model]
    if not mapped:
        return 0  # nothing the national database holds: no query at all
    facts = _person_facts(mapped)
    now = timezone.now()
    deadline = sync_deadline(timezone.localdate(now), source)
    rows = []
    for obj, action, changes in mapped:
        label = _label(type(obj))
        fields = by_model[label]
        by_group: dict[int, dict] = {}
        for name, values in changes.items():
            for group, code in fields.get(name, ()):
                new = values[1] if isinstance(values, (list, tuple)) and len(values) > 1 else values
                by_group.setdefault(group, {})[code] = _text(new)
        if not by_group:
            continue
        person_id = obj.pk if isinstance(obj, Person) else getattr(obj, "person_id", None)
        if person_id not in facts:
            continue
        national_id, unit_id = facts[person_id]
        for group, change in sorted(by_group.items()):
            rows.append({
                "key": uuid.uuid4(), "person_id": person_id, "national_id": national_id, "unit_id": unit_id,
                "group": group, "record": f"{label}:{obj.pk}", "action": ACTIONS.get(action, "update"),
                "change": json.dumps(change, ensure_ascii=False), "source": source, "created_at": now,
                "deadline": deadline, "state": OutboxState.WAITING, "batch_id": None, "attempts": 0,
                "next_attempt_at": None, "last_error": "", "refused_field": "", "refusal_reason": "",
                "sent_at": None,
            })  # fmt: skip
    return insert_rows(OutboxItem, rows, now=now)
