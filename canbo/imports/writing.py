"""Bulk writes of a validated import plan, in one transaction, with their audit rows."""

from dataclasses import dataclass, field

from auditlog.models import LogEntry
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from canbo.core.audit import audit_bulk
from canbo.core.audit import audited_fields as _audited
from canbo.core.audit import created_changes as _created_changes
from canbo.core.bulk import insert_objects
from canbo.evaluation.models import AnnualRating
from canbo.movements.models import Appointment, Movement
from canbo.movements.services import movement_from_history
from canbo.people.models import Employment, Person, Qualification
from canbo.salary.importing import salary_rows_write

from .records import RECORD_KEYS, RecordPlan

BATCH = 1000  # rows per bulk_update
INSERT_BATCH = 5000  # new rows per insert_objects call (one progress tick each)
# What identifies a new row among the rows of the same first key value, to read its id back after the insert:
# national_id and the qualification key are unique; the timeline keeps one row per person and start date.
NEW_ROW_KEYS = {
    "Person": ("national_id",),
    "Employment": ("person_id", "start_date"),
    "Qualification": ("person_id", "scale", "level", "field", "awarded_on"),
    "Movement": ("employment_id",),
    "TrainingClass": ("code",),
    **{
        model: RECORD_KEYS[sheet]
        for model, sheet in (
            ("Enrolment", "training"),
            ("AnnualRating", "ratings"),
            ("Award", "awards"),
            ("DisciplineRecord", "discipline"),
        )
    },
}
DERIVED_FIELDS = ["family_name", "middle_name", "given_name", "search_text", "sort_key"]


@dataclass
class Plan:
    new_persons: list = field(default_factory=list)
    changed_persons: list = field(default_factory=list)  # (person, {attname: (old, new)})
    unchanged_persons: int = 0
    new_employments: list = field(default_factory=list)
    changed_employments: list = field(default_factory=list)
    new_qualifications: list = field(default_factory=list)
    changed_qualifications: list = field(default_factory=list)
    incomplete_persons: int = 0  # persons of the file left without any career row ("hồ sơ chưa đủ")
    # (new career row, the row before it) for rows whose move is a rotation, transfer or secondment
    history_moves: list = field(default_factory=list)
    # decided appointments for new rows whose move is bổ nhiệm / bổ nhiệm lại to a leadership post
    history_appointments: list = field(default_factory=list)
    # the salary sheet's checked rows (canbo.salary.importing.Planned), or None without that sheet
    salary: object = None
    # training lượt, ratings, awards and discipline (canbo.imports.records)
    records: RecordPlan = field(default_factory=RecordPlan)

    def counts(self) -> dict:
        return {
            "persons_created": len(self.new_persons),
            "persons_updated": len(self.changed_persons),
            "persons_unchanged": self.unchanged_persons,
            "persons_incomplete": self.incomplete_persons,
            "employments_created": len(self.new_employments),
            "employments_updated": len(self.changed_employments),
            "qualifications_created": len(self.new_qualifications),
            "qualifications_updated": len(self.changed_qualifications),
            "movements_created": len(self.history_moves),
            "appointments_created": len(self.history_appointments),
            "salary_records_created": len(self.salary) if self.salary else 0,
            **self.records.counts(),
        }

    @property
    def size(self) -> int:
        return self.records.size + sum(
            len(x)
            for x in (
                self.new_persons,
                self.changed_persons,
                self.new_employments,
                self.changed_employments,
                self.new_qualifications,
                self.changed_qualifications,
                self.salary.rows if self.salary else (),
            )
        )


@dataclass
class ImportOutcome:
    ok: bool
    dry_run: bool
    errors: list  # RowError
    counts: dict
    message: str = ""  # a file-level refusal

    def error_dicts(self) -> list[dict]:
        return [e.as_dict() for e in self.errors]


class _RollBack(Exception):
    pass


def _updated_changes(obj, changed: dict) -> dict:
    names = {attname: name for name, attname in _audited(type(obj))}
    return {names[key]: values for key, values in changed.items() if key in names}


class _Describer:
    """str(obj) for the audit rows' object_repr, the same text without Django's get_FOO_display per call (which
    rebuilds a dict of the field's choices each time): for the record kinds an import writes by the ten thousand
    whose __str__ shows a choice label; any other object is str(obj)."""

    def __init__(self):
        self.labels: dict = {}

    def label(self, obj, name: str) -> str:
        field = obj._meta.get_field(name)
        labels = self.labels.get(field)
        if labels is None:
            labels = self.labels[field] = {code: str(label) for code, label in field.flatchoices}
        value = getattr(obj, field.attname)
        return labels.get(value, str(value))

    def __call__(self, obj) -> str:
        if type(obj) is Qualification:  # Qualification.__str__
            return f"{self.label(obj, 'scale')}: {self.label(obj, 'level')}"
        if type(obj) is AnnualRating:  # AnnualRating.__str__
            return f"{obj.person} – {obj.year}: {self.label(obj, 'level')}"
        if type(obj) is Movement:  # Movement.__str__
            return f"{self.label(obj, 'kind')}: {obj.person} ({obj.start_date:%d/%m/%Y})"
        return str(obj)


class _Writer:
    def __init__(self, plan: Plan, progress):
        self.plan = plan
        self.progress = progress or (lambda stage, done, total: None)
        self.done = 0
        self.total = max(plan.size, 1)
        self.now = timezone.now()
        self.entries: list = []

    def tick(self, count: int) -> None:
        self.done += count
        self.progress("write", self.done, self.total)

    def create(self, model, objects: list) -> None:
        key = NEW_ROW_KEYS[model.__name__]
        for i in range(0, len(objects), INSERT_BATCH):
            batch = objects[i : i + INSERT_BATCH]
            insert_objects(model, batch, key=key, now=self.now)
            self.tick(len(batch))
        fields = _audited(model)  # created_changes, read from each instance's own dict (all fields are set)
        self.entries.extend(
            (
                obj,
                LogEntry.Action.CREATE,
                {name: (None, v) for name, attname in fields if (v := d[attname]) is not None},
            )
            for obj in objects
            for d in (obj.__dict__,)
        )

    def update(self, model, pairs: list, extra: list[str]) -> None:
        if not pairs:
            return
        fields = sorted({name for _obj, changed in pairs for name in changed} | set(extra))
        for obj, changed in pairs:
            audited = _updated_changes(obj, changed)
            if audited:
                self.entries.append((obj, LogEntry.Action.UPDATE, audited))
        objects = [obj for obj, _changed in pairs]
        for obj in objects:
            obj.version = F("version") + 1
            obj.updated_at = self.now
        for i in range(0, len(objects), BATCH):
            batch = objects[i : i + BATCH]
            model.objects.bulk_update(batch, [*fields, "version", "updated_at"])
            self.tick(len(batch))


def _movements(plan: Plan, actor) -> list:
    """The movements that began the new career rows (canbo.movements' one rule); they name who recorded them, so
    an import without a user (the command without --user) records none."""
    if actor is None:
        return []
    found = (
        movement_from_history(row=row, previous=previous, actor=actor) for row, previous in plan.history_moves
    )
    return [movement for movement in found if movement is not None]


def write_plan(plan: Plan, *, actor, dry_run: bool, progress=None, remote_addr=None, cid=None) -> None:
    writer = _Writer(plan, progress)
    writer.progress("write", 0, writer.total)
    try:
        with transaction.atomic():
            writer.create(Person, plan.new_persons)
            writer.update(Person, plan.changed_persons, DERIVED_FIELDS)
            # Stored rows first: a closed open row frees the "one open row per person" constraint.
            writer.update(Employment, plan.changed_employments, [])
            writer.create(Employment, plan.new_employments)
            writer.create(Movement, _movements(plan, actor))
            # a reappointment names the term it renews: the earlier terms go in first
            pending = plan.history_appointments
            while pending:
                ready = [a for a in pending if a.previous is None or a.previous.pk is not None]
                if not ready:
                    raise RuntimeError("Appointment: a previous term is not among the rows written.")
                Appointment.objects.bulk_create(
                    ready
                )  # a few per province; its JSON field needs Django's adapter
                writer.entries.extend((a, LogEntry.Action.CREATE, _created_changes(a)) for a in ready)
                pending = [a for a in pending if a.pk is None]
            writer.update(Qualification, plan.changed_qualifications, [])
            writer.create(Qualification, plan.new_qualifications)
            records = plan.records
            for objects in (
                records.classes,
                records.enrolments,
                records.ratings,
                records.awards,
                records.discipline,
            ):
                if objects:
                    writer.create(type(objects[0]), objects)
            audit_bulk(
                actor=actor,
                entries=writer.entries,
                remote_addr=remote_addr,
                cid=cid,
                by_user=True,
                describe=_Describer(),
            )
            if plan.salary:  # after the persons: a row may name a person of this file
                salary_rows_write(actor=actor, planned=plan.salary)
                writer.tick(len(plan.salary))
            if dry_run:
                raise _RollBack
    except _RollBack:
        pass
    writer.progress("write", writer.total, writer.total)
