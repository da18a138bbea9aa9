"""The import engine: every row validated in memory against a few bulk reads, then bulk writes in one
transaction with their audit rows. No per-row service calls and no per-row queries."""

from django.db import transaction
from django.utils import timezone

from canbo.core.audit import audit_bulk
from canbo.core.sheets.columns import Sheet
from canbo.org.models import OrgUnit
from canbo.salary.importing import SheetRow, salary_rows_check

from .aliases import load_resolvers
from .careers import CareerChecks
from .columns import SHEETS
from .loading import load_references
from .orgsheet import OrgSheets
from .persons import ALIASES, PersonChecks, PersonEntry
from .plans import PlanBuilder
from .reading import Progress, RowError, read_workbook
from .records import RecordChecker
from .rules import WorkingAges
from .writing import Plan, write_plan

# The salary sheet's column keys that differ from those of canbo.salary.importing.SHEET_SPEC (theirs → ours).
SALARY_KEYS = {"kind": "salary_kind"}


def _salary_values(values: dict) -> dict:
    inverse = {ours: theirs for theirs, ours in SALARY_KEYS.items()}
    return {inverse.get(key, key): value for key, value in values.items()}


# A check of a field that needs another cell: skipped when that cell could not be read (its error is listed).
_NEEDS = {"level": {"scale"}, "national_id": {"gender", "date_of_birth"}}


def _column(spec: Sheet, name: str) -> str:
    key = ALIASES.get(name, name)
    return next((c.header for c in spec.columns if c.key == key), "")


class Importer(PersonChecks, CareerChecks, PlanBuilder):
    """Checks a read workbook and plans its writes; persons.py, careers.py and plans.py hold its steps."""

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
        key = ALIASES.get(name, name)
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

    # -- history and qualifications ------------------------------------------------------------------
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
            audit_bulk(
                actor=actor,
                entries=getattr(org, "entries", []),
                remote_addr=remote_addr,
                cid=cid,
                by_user=True,
            )
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
