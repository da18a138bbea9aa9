"""The person sheet's checks (an Importer mixin): each row against the stored record, the catalogues and the
register's rules, the status and exit columns; the PersonEntry each person of the file becomes."""

from dataclasses import dataclass, field
from types import SimpleNamespace

from canbo.core.bulk import unsaved
from canbo.people.choices import PersonStatus
from canbo.people.models import Person
from canbo.people.services import person_refresh_derived

from .columns import EXIT_MOVE_FOR_STATUS
from .rules import employment_rule_errors, field_errors, person_rule_errors
from .timeline import Timeline, snapshot
from .writing import DERIVED_FIELDS

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
ALIASES = {
    "rank": "rank_code",
    "current_unit": "unit_code",
    "unit": "unit_code",
    "position": "position_code",
    "status_date": "exit_date",
}


@dataclass
class PersonEntry:
    person: Person
    before: dict | None  # stored values of PERSON_FIELDS + CURRENT_FIELDS + DERIVED_FIELDS; None if new
    row: object = None  # the person-sheet Row
    timeline: Timeline | None = None
    qualifications: dict = field(default_factory=dict)  # key -> (Row or None, Qualification, before)
    exit: tuple | None = None  # (date, move, decision number) when the file ends the person's service


class PersonChecks:
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
        entry = (
            self.stored_entry(stored)
            if stored
            else PersonEntry(unsaved(Person, {}), None, timeline=Timeline([]))
        )
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
