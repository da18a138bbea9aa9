"""The history and qualification sheets' checks and the timelines they build (an Importer mixin): every row
checked on its own, then each person's career rows resolved together (canbo.people.rules, the one copy of the
timeline rules), with the exit of the person sheet."""

from canbo.core.bulk import unsaved
from canbo.movements.services.history import APPOINTING
from canbo.people.choices import PersonStatus
from canbo.people.models import Employment, Qualification

from .persons import QUALIFICATION_FIELDS, PersonEntry
from .rules import (
    close_open_row,
    employment_rule_errors,
    latest_row,
    qualification_rule_errors,
    take_current_values,
    value_errors,
)
from .timeline import Slot, snapshot


class CareerChecks:
    def add_history(self, rows: list, entries: dict[str, PersonEntry]) -> None:
        for row in rows:
            self.tick()
            entry = self.entry_for(row, entries)
            values = row.values
            unit = self.lookup_unit(row)
            position, position_ok = self.lookup(row, "position_code", self.ref.positions, "chức vụ")
            fields = {
                "category": values["category"],
                "start_date": values["start_date"],
                "end_date": values["end_date"],
                "decision_number": values["decision_number"],
            }
            if values["move"]:
                fields["move"] = values["move"]
            emp = unsaved(Employment, fields, {"unit": unit, "position": position})
            found = value_errors(Employment, {"decision_number": values["decision_number"]})
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
            texts = {name: values[name] for name in ("field", "document_number", "issuer")}
            found = value_errors(Qualification, texts)
            qual = unsaved(Qualification, {"scale": values["scale"], "level": values["level"],
                                           "awarded_on": values["awarded_on"], **texts})  # fmt: skip
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
