"""The import engine: every row validated in memory against a few bulk reads, then bulk writes in one
transaction with their audit rows. No per-row service calls and no per-row queries."""

from dataclasses import dataclass, field
from types import SimpleNamespace

from django.db import transaction
from django.utils import timezone

from canbo.core.audit import audit_bulk
from canbo.movements.services.history import APPOINTING, appointment_from_history
from canbo.movements.services.history import FROM_HISTORY as MOVES_BETWEEN_UNITS
from canbo.org.models import OrgUnit
from canbo.people.choices import PersonStatus
from canbo.people.models import Employment, Person, Qualification
from canbo.people.services import person_refresh_derived
from canbo.salary.importing import SheetRow, salary_rows_check

from .aliases import load_resolvers
from .columns import EXIT_MOVE_FOR_STATUS, SHEETS, Sheet
from .loading import load_references
from .orgsheet import OrgSheets
from .reading import Progress, RowError, read_workbook
from .records import RecordChecker
from .rules import (
    WorkingAges,
    close_open_row,
    employment_rule_errors,
    field_errors,
    latest_row,
    person_rule_errors,
    qualification_rule_errors,
    take_current_values,
)
from .timeline import Slot, Timeline, snapshot
from .writing import DERIVED_FIELDS, Plan, write_plan

# Person fields the file sets (current unit, post and category follow the latest employment row).
PERSON_FIELDS = [
    "code",
    "full_name",
    "gender",
    "date_of_birth",
    "national_id",
    "ethnicity",
    "religion",
    "place_of_origin",
    "place_of_birth",
    "phone",
    "email",
    "rank_id",
    "salary_step",
    "salary_coefficient",
    "recruited_on",
    "party_admission_date",
    "party_full_member_date",
    "status",
    "status_date",
]
CURRENT_FIELDS = ["current_unit_id", "position_id", "category"]
# Fields whose values Django validates (lengths, e-mail, ranges); the others are typed by the reader.
PERSON_CLEAN = ["code", "full_name", "religion", "place_of_origin", "place_of_birth", "phone", "email"]
PERSON_CLEAN += ["salary_step", "salary_coefficient"]
QUALIFICATION_FIELDS = ["document_number", "issuer"]
# model field -> column key, where they differ
_ALIASES = {
    "rank": "rank_code",
    "current_unit": "unit_code",
    "unit": "unit_code",
    "position": "position_code",
    "status_date": "exit_date",
}


# The salary sheet's column keys that differ from those of canbo.salary.importing.SHEET_SPEC (theirs → ours).
SALARY_KEYS = {"kind": "salary_kind"}


def _salary_values(values: dict) -> dict:
    inverse = {ours: theirs for theirs, ours in SALARY_KEYS.items()}
    return {inverse.get(key, key): value for key, value in values.items()}


# A check of a field that needs another cell: skipped when that cell could not be read (its error is listed).
_NEEDS = {"level": {"scale"}, "national_id": {"gender", "date_of_birth"}}


def _column(spec: Sheet, name: str) -> str:
    key = _ALIASES.get(name, name)
    return next((c.header for c in spec.columns if c.key == key), "")


@dataclass
class PersonEntry:
    person: Person
    before: dict | None  # stored values of PERSON_FIELDS + CURRENT_FIELDS + DERIVED_FIELDS; None if new
    row: object = None  # the person-sheet Row
    timeline: Timeline | None = None
    qualifications: dict = field(default_factory=dict)  # key -> (Row or None, Qualification, before)
    exit: tuple | None = None  # (date, move, decision number) when the file ends the person's service


class Importer:
    def __init__(self, *, actor=None, progress: Progress | None = None):
        self.actor = actor
        self.progress = progress or (lambda stage, done, total: None)
        self.errors: list[RowError] = []
        self.today = timezone.localdate()
        self.checked = self.to_check = 0
        self.working_ages: WorkingAges | None = None  # loaded with the references

    # -- helpers ---------------------------------------------------------------------------------------
    def tick(self) -> None:
        self.checked += 1
        if self.checked % 500 == 0:
            self.progress("check", self.checked, self.to_check)

    def error(self, row, name: str, message: str) -> None:
        key = _ALIASES.get(name, name)
        if key in row.bad or row.bad & _NEEDS.get(key, set()):
            return  # that cell's own error is already listed
        self.errors.append(RowError(row.sheet.title, row.number, _column(row.sheet, name), message))

    def errors_from(self, row, found: dict) -> None:
        for name, messages in found.items():
            for message in messages:
                self.error(row, "" if name == "__all__" else name, message)

    # -- loading ---------------------------------------------------------------------------------------
    def load(self, rows: dict) -> None:
        self.ref = load_references(rows, actor=self.actor)
        # the working age in force on each row's start date: one query for the whole workbook
        self.working_ages = WorkingAges.load()

    def can_edit(self, unit_id) -> bool:
        return self.ref.editable is None or unit_id in self.ref.editable

    def lookup_unit(self, row) -> OrgUnit | None:
        code = row.values["unit_code"]
        if not code:
            return None
        unit = self.ref.units.get(code)
        if unit is None:
            self.error(row, "unit_code", f"Không có đơn vị mã “{code}”.")
        elif not self.can_edit(unit.pk):
            self.error(row, "unit_code", f"Đơn vị “{code}” ngoài phạm vi anh/chị được cập nhật.")
            return None
        return unit

    def lookup(self, row, key: str, catalogue: dict, label: str):
        code = row.values.get(key)
        if not code:
            return None, True
        found = catalogue.get(code)
        if found is None:
            self.error(row, key, f"Không có {label} mã “{code}”.")
            return None, False
        return found, True

    # -- persons ---------------------------------------------------------------------------------------
    def person_entries(self, rows: dict) -> dict[str, PersonEntry]:
        entries: dict[str, PersonEntry] = {}
        seen_codes: dict[str, tuple[str, int]] = {}
        for row in rows["persons"]:
            self.tick()
            nid = row.values.get("national_id")
            if not nid:
                continue
            if nid in entries:
                self.error(row, "national_id", f"Số định danh trùng với dòng {entries[nid].row.number}.")
                continue
            entry = self.person_entry(row)
            if entry is None:
                continue
            entries[nid] = entry
            code = entry.person.code
            if code in seen_codes:
                self.error(row, "code", f"Mã hồ sơ trùng với dòng {seen_codes[code][1]}.")
            elif self.ref.code_owner.get(code, nid) != nid:
                self.error(row, "code", f"Mã hồ sơ “{code}” đã dùng cho một hồ sơ khác.")
            seen_codes[code] = (nid, row.number)
        return entries

    def stored_entry(self, person: Person) -> PersonEntry:
        before = snapshot(person, PERSON_FIELDS + CURRENT_FIELDS + DERIVED_FIELDS)
        return PersonEntry(person, before, timeline=Timeline(self.ref.stored_employments.get(person.pk, [])))

    def person_entry(self, row) -> PersonEntry | None:
        values = row.values
        nid = values.get("national_id")
        stored = self.ref.stored.get(nid)
        if stored is not None and not self.can_edit(stored.current_unit_id):
            self.error(
                row,
                "national_id",
                "Hồ sơ có số định danh này thuộc đơn vị ngoài phạm vi anh/chị được cập nhật.",
            )
            return None
        entry = self.stored_entry(stored) if stored else PersonEntry(Person(), None, timeline=Timeline([]))
        entry.row = row
        person = entry.person
        unit = self.lookup_unit(row)
        position, position_ok = self.lookup(row, "position_code", self.ref.positions, "chức vụ")
        rank, rank_ok = self.lookup(row, "rank_code", self.ref.ranks, "ngạch")
        for name in PERSON_FIELDS:
            if name in ("status", "status_date"):
                continue  # set_status below
            if name == "rank_id":
                person.rank_id = rank.pk if rank else None
            elif name == "code":
                person.code = values["code"] or person.code or f"HS{nid}"
            elif name == "religion":
                person.religion = values["religion"] or "Không"
            else:
                setattr(person, name, values[name])
        if stored is None:
            person.category = values["category"]
            person.current_unit_id, person.position_id = (
                (unit.pk if unit else None),
                (position.pk if position else None),
            )
        self.set_status(entry, row)
        person_refresh_derived(person)
        self.errors_from(row, field_errors(person, fields=PERSON_CLEAN))
        self.errors_from(row, person_rule_errors(person, today=self.today))
        probe = SimpleNamespace(start_date=values["start_date"], end_date=None, category=values["category"])
        self.errors_from(
            row, employment_rule_errors(probe, unit, birth=person.date_of_birth, ages=self.working_ages)
        )
        if unit is not None and values["start_date"] and position_ok and rank_ok:
            entry.timeline.set_current(
                row, unit=unit, position=position, category=values["category"], start=values["start_date"]
            )
        return entry

    def set_status(self, entry: PersonEntry, row) -> None:
        """Status and exit columns: a status other than working needs its date; the current row is closed on it
        (resolve_timelines). An empty status keeps a stored person's status (a new person is working)."""
        values, person = row.values, entry.person
        status, exit_date = values.get("status"), values.get("exit_date")
        if status:
            person.status = status
        working = person.status == PersonStatus.WORKING
        if working and (exit_date or values.get("exit_move") or values.get("exit_decision")):
            self.error(
                row,
                "exit_date" if exit_date else "exit_move",
                "Chỉ ghi ngày, hình thức, quyết định thôi công tác khi tình trạng không phải “Đang công tác”.",
            )
        if not status or working:
            return
        if not exit_date:
            if "exit_date" not in row.bad:
                label = PersonStatus(status).label
                self.error(row, "exit_date", f"Cần “Ngày thôi công tác” khi tình trạng là “{label}”.")
            return
        if exit_date > self.today:
            self.error(row, "exit_date", "Ngày thôi công tác không được ở tương lai.")
        person.status_date = exit_date
        move = values.get("exit_move") or EXIT_MOVE_FOR_STATUS.get(status, "")
        entry.exit = (exit_date, move, values.get("exit_decision") or "")

    # -- history and qualifications ------------------------------------------------------------------
    def entry_for(self, row, entries: dict[str, PersonEntry]) -> PersonEntry | None:
        nid = row.values.get("national_id")
        if nid in entries:
            return entries[nid]
        stored = self.ref.stored.get(nid)
        if stored is None:
            self.error(
                row,
                "national_id",
                "Không có cán bộ có số định danh này (trong hệ thống hoặc trang “Cán bộ”).",
            )
            return None
        if not self.can_edit(stored.current_unit_id):
            self.error(
                row,
                "national_id",
                "Hồ sơ có số định danh này thuộc đơn vị ngoài phạm vi anh/chị được cập nhật.",
            )
            return None
        entries[nid] = self.stored_entry(stored)
        return entries[nid]

    def add_history(self, rows: list, entries: dict[str, PersonEntry]) -> None:
        for row in rows:
            self.tick()
            entry = self.entry_for(row, entries)
            values = row.values
            unit = self.lookup_unit(row)
            position, position_ok = self.lookup(row, "position_code", self.ref.positions, "chức vụ")
            emp = Employment(
                unit=unit,
                position=position,
                category=values["category"],
                start_date=values["start_date"],
                end_date=values["end_date"],
                decision_number=values["decision_number"],
            )
            if values["move"]:
                emp.move = values["move"]
            found = field_errors(emp, fields=["decision_number"])
            leading = position is not None and position.is_leadership
            if emp.move in APPOINTING and leading and not emp.decision_number:
                # it becomes a decided appointment (appointment_from_history), which has its decision
                found.setdefault("decision_number", []).append("Cần số quyết định bổ nhiệm.")
            birth = entry.person.date_of_birth if entry is not None else None
            found.update(employment_rule_errors(emp, unit, birth=birth, ages=self.working_ages))
            self.errors_from(row, found)
            if entry is None or found or row.bad or unit is None or not position_ok:
                continue  # the row's own errors come first; the timeline is checked with sound rows only
            if entry.row is not None and entry.row.bad:
                continue
            entry.timeline.add_history(row, emp)

    def add_qualifications(self, rows: list, entries: dict[str, PersonEntry]) -> None:
        stored_keys: dict[int, dict] = {}
        for row in rows:
            self.tick()
            entry = self.entry_for(row, entries)
            values = row.values
            qual = Qualification(
                scale=values["scale"],
                level=values["level"],
                field=values["field"],
                awarded_on=values["awarded_on"],
                document_number=values["document_number"],
                issuer=values["issuer"],
            )
            found = field_errors(qual, fields=["field", "document_number", "issuer"])
            found.update(qualification_rule_errors(qual, today=self.today))
            self.errors_from(row, found)
            if entry is None or found or row.bad:
                continue
            key = (qual.scale, qual.level, qual.field, qual.awarded_on)
            if key in entry.qualifications and entry.qualifications[key][0] is not None:
                self.error(row, "level", f"Trùng văn bằng với dòng {entry.qualifications[key][0].number}.")
                continue
            person_pk = entry.person.pk
            if person_pk is not None and person_pk not in stored_keys:
                stored_keys[person_pk] = {
                    (q.scale, q.level, q.field, q.awarded_on): q
                    for q in self.ref.stored_qualifications.get(person_pk, [])
                }
            existing = stored_keys.get(person_pk, {}).get(key)
            if existing is not None:
                before = snapshot(existing, QUALIFICATION_FIELDS)
                existing.document_number, existing.issuer = qual.document_number, qual.issuer
                entry.qualifications[key] = (row, existing, before)
            else:
                entry.qualifications[key] = (row, qual, None)

    # -- timelines -------------------------------------------------------------------------------------
    def resolve_timelines(self, entries: dict[str, PersonEntry]) -> None:
        for entry in entries.values():
            timeline = entry.timeline
            ordered = timeline.resolve()
            for problem in timeline.problems:
                self.error(problem.row, problem.field, problem.message)
            if not ordered:
                continue
            person = entry.person
            if entry.exit is not None:
                self.end_service(entry, ordered)
            new_open = [s for s in ordered if s.before is None and s.obj.end_date is None]
            if new_open and person.pk and person.status != PersonStatus.WORKING:
                self.error(
                    new_open[0].source,
                    "start_date",
                    f"Hồ sơ đang ở tình trạng “{person.get_status_display()}”; không nhập quá trình công tác "
                    "mới bằng tệp.",
                )
            take_current_values(person, latest_row([slot.obj for slot in ordered]))

    def end_service(self, entry: PersonEntry, ordered: list[Slot]) -> None:
        """The person sheet's exit: the current row ends on the exit date (as person_end_service does), and no
        row may start after it."""
        ended_on, move, decision = entry.exit
        later = [s for s in ordered if s.obj.start_date > ended_on]
        if later:
            self.error(
                entry.row,
                "exit_date",
                f"Có quá trình công tác bắt đầu sau ngày thôi công tác ({later[0].obj.start_date:%d/%m/%Y}).",
            )
            return
        current = ordered[-1]
        if current.obj.end_date is None:  # else the history already ends the last row
            close_open_row(current.obj, ended_on=ended_on, move=move, decision_number=decision)

    # -- the whole run ---------------------------------------------------------------------------------
    def validate(self, rows: dict) -> Plan:
        """Check every row; the returned plan is only written when self.errors stays empty."""
        self.to_check = sum(len(r) for r in rows.values()) + 1
        self.progress("check", 0, self.to_check)
        self.load(rows)
        entries = self.person_entries(rows)
        self.add_history(rows["history"], entries)
        self.add_qualifications(rows["qualifications"], entries)
        self.resolve_timelines(entries)
        salary = self.check_salary(rows.get("salary", []), entries)
        records = RecordChecker(self, entries).check(rows)
        self.progress("check", self.to_check, self.to_check)
        plan = self.plan(entries)
        plan.salary = salary
        plan.records = records
        return plan

    def check_salary(self, rows: list, entries: dict[str, PersonEntry]):
        """The salary sheet, checked by the salary app against the persons of this file (their current unit as
        the file leaves it) and the stored persons the user may update; written after the persons."""
        for _row in rows:
            self.tick()
        if not rows:
            return None
        persons = {nid: entry.person for nid, entry in entries.items()}
        sheet_rows = [SheetRow(row.number, _salary_values(row.values)) for row in rows]
        planned, errors = salary_rows_check(actor=self.actor, rows=sheet_rows, persons=persons)
        by_number = {row.number: row for row in rows}
        for error in errors:
            self.error(by_number[error.line], SALARY_KEYS.get(error.key, error.key), error.message)
        return planned

    def plan(self, entries: dict[str, PersonEntry]) -> Plan:
        plan = Plan()
        for entry in entries.values():
            person = entry.person
            if entry.before is None:
                plan.new_persons.append(person)
            else:
                after = snapshot(person, PERSON_FIELDS + CURRENT_FIELDS + DERIVED_FIELDS)
                changed = {f: (entry.before[f], after[f]) for f in after if entry.before[f] != after[f]}
                if changed:
                    plan.changed_persons.append((person, changed))
                else:
                    plan.unchanged_persons += 1
            if not (entry.timeline and entry.timeline.slots):
                plan.incomplete_persons += 1
            previous = None
            earlier: list = []
            terms: dict = {}  # (position, unit) -> the appointment of this file that began the last term there
            for slot in (
                sorted(entry.timeline.slots.values(), key=lambda s: s.obj.start_date)
                if entry.timeline
                else []
            ):
                self._plan_slot(plan, person, slot)
                # a movement names who recorded it: an import without a user records none
                derives_movement = self.actor is not None and slot.obj.move in MOVES_BETWEEN_UNITS
                if slot.before is None and previous is not None and derives_movement:
                    plan.history_moves.append((slot.obj, previous))
                if slot.before is None and self.actor is not None and slot.obj.move in APPOINTING:
                    key = (slot.obj.position_id, slot.obj.unit_id)
                    appointment = appointment_from_history(
                        row=slot.obj, earlier=earlier, previous=terms.get(key), actor=self.actor
                    )
                    if appointment is not None:
                        plan.history_appointments.append(appointment)
                        terms[key] = appointment
                previous = slot.obj
                earlier.append(slot.obj)
            for _row, qual, before in entry.qualifications.values():
                qual.person = person
                if before is None:
                    plan.new_qualifications.append(qual)
                else:
                    after = snapshot(qual, QUALIFICATION_FIELDS)
                    changed = {f: (before[f], after[f]) for f in after if before[f] != after[f]}
                    if changed:
                        plan.changed_qualifications.append((qual, changed))
        return plan

    def _plan_slot(self, plan: Plan, person: Person, slot: Slot) -> None:
        emp = slot.obj
        if slot.before is None:
            emp.person = person
            plan.new_employments.append(emp)
            return
        emp.person = person
        if emp.unit_id in self.ref.unit_by_pk:
            emp.unit = self.ref.unit_by_pk[emp.unit_id]  # cached: no query per row afterwards
        changed = slot.changed
        if changed:
            plan.changed_employments.append((emp, changed))


def run_import(
    path,
    *,
    actor=None,
    dry_run: bool = False,
    progress: Progress | None = None,
    remote_addr: str | None = None,
    cid: str | None = None,
):
    """Read, validate and (unless there is an error or it is a dry run) write; returns an ImportOutcome."""
    from .writing import ImportOutcome

    rows, errors = read_workbook(path, progress=progress, resolvers=load_resolvers())
    importer = Importer(actor=actor, progress=progress)
    importer.errors.extend(errors)
    counts = {"rows": {spec.title: len(rows[spec.key]) for spec in SHEETS}}
    if not (rows.get("org_units") or rows.get("org_events")):
        plan = importer.validate(rows)
        counts.update(plan.counts())
        if importer.errors:
            return _refused(importer, dry_run, counts)
        write_plan(plan, actor=actor, dry_run=dry_run, progress=progress, remote_addr=remote_addr, cid=cid)
        return ImportOutcome(ok=True, dry_run=dry_run, errors=[], counts=counts)
    # The org tree is written first, inside the one transaction, so that the other sheets are checked against it;
    # any error anywhere (or a dry run) rolls everything back.
    try:
        with transaction.atomic():
            org = OrgSheets(importer)
            counts.update(org.run(rows).counts())
            audit_bulk(actor=actor, entries=getattr(org, "entries", []), remote_addr=remote_addr, cid=cid)
            plan = importer.validate(rows)
            counts.update(plan.counts())
            if importer.errors:
                raise _Refused
            write_plan(plan, actor=actor, dry_run=False, progress=progress, remote_addr=remote_addr, cid=cid)
            if dry_run:
                raise _DryRun
    except _Refused:
        return _refused(importer, dry_run, counts)
    except _DryRun:
        pass
    return ImportOutcome(ok=True, dry_run=dry_run, errors=[], counts=counts)


class _Refused(Exception):
    pass


class _DryRun(Exception):
    pass


def _refused(importer: Importer, dry_run: bool, counts: dict):
    from .writing import ImportOutcome

    importer.errors.sort(key=lambda e: (_SHEET_ORDER.get(e.sheet, 9), e.row))
    return ImportOutcome(ok=False, dry_run=dry_run, errors=importer.errors, counts=counts)


_SHEET_ORDER = {spec.title: i for i, spec in enumerate(SHEETS)}
