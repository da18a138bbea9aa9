"""From checked entries to the write plan (an Importer mixin): new and changed persons, career rows and
qualifications, with the movements and decided appointments the history's new rows derive (canbo.movements' rules)."""

from canbo.movements.services.history import APPOINTING, appointment_from_history
from canbo.movements.services.history import FROM_HISTORY as MOVES_BETWEEN_UNITS
from canbo.people.models import Person

from .persons import CURRENT_FIELDS, PERSON_FIELDS, QUALIFICATION_FIELDS, PersonEntry
from .timeline import Slot, snapshot
from .writing import DERIVED_FIELDS, Plan


class PlanBuilder:
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
