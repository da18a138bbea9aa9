"""Movements read from a career history that is already written (the Excel import of past years): the row's
"Hình thức" says it began with a rotation, a transfer or a secondment, so the Movement is derived from the row
and the one before it, without a second write of the timeline. Built unsaved, for the caller's bulk insert in
its own transaction (with its audit rows); the same fields as movement_record."""

from canbo.people.choices import PersonnelMove
from canbo.people.models import Employment

from ..choices import AppointmentKind, AppointmentStatus, MovementKind
from ..models import Appointment, Movement
from .movements import NEEDS_DESTINATION, NEEDS_END, direction_between
from .terms import term_end_for

# Career-row moves that are movements between units (the same codes in both catalogues).
FROM_HISTORY = frozenset(NEEDS_DESTINATION)


def movement_from_history(*, row: Employment, previous: Employment | None, actor) -> Movement | None:
    """The movement that began `row`, or None when its move is not one, or when the unit it came from is not in
    the history (a transfer from outside the province). The decision date is not in a history file: the start
    date stands for it."""
    if row.move not in FROM_HISTORY or previous is None:
        return None
    from_unit, to_unit = previous.unit, row.unit
    end = row.end_date if row.move in NEEDS_END and row.end_date and row.end_date > row.start_date else None
    return Movement(
        person=row.person,
        kind=MovementKind(row.move),
        from_unit=from_unit,
        to_unit=to_unit,
        to_position=row.position,
        direction=direction_between(from_unit, to_unit),
        start_date=row.start_date,
        end_date=end,
        decision_number=row.decision_number,
        decision_date=row.start_date,
        reason="Nhập từ quá trình công tác",
        employment=row,
        recorded_by=actor,
    )


# Career-row moves that are appointments (bổ nhiệm, bổ nhiệm lại) to a leadership post.
APPOINTING = frozenset({PersonnelMove.BO_NHIEM, PersonnelMove.BO_NHIEM_LAI})


def appointment_from_history(
    *, row: Employment, earlier: list[Employment], previous: Appointment | None, actor
) -> Appointment | None:
    """The decided appointment that began `row` (its move is bổ nhiệm or bổ nhiệm lại to a leadership post), or
    None. The kind follows the history as appointment_propose's does: a reappointment renews `previous` (the
    earlier term in the same post and unit, if known); otherwise a higher post after an earlier leadership post, or
    a first appointment. The history has no decision date: the start date stands for it, and the 5-year term (rule
    8) runs from it. The caller makes sure the row has its decision number and position."""
    position = row.position
    if row.move not in APPOINTING or position is None or not position.is_leadership:
        return None
    if row.move == PersonnelMove.BO_NHIEM_LAI:
        kind = AppointmentKind.REAPPOINT
    elif any(r.position is not None and r.position.is_leadership for r in earlier):
        kind = AppointmentKind.HIGHER
    else:
        kind = AppointmentKind.FIRST
    return Appointment(
        person=row.person,
        position=position,
        unit=row.unit,
        kind=kind,
        status=AppointmentStatus.DECIDED,
        previous=previous if kind == AppointmentKind.REAPPOINT else None,
        decision_number=row.decision_number,
        decision_date=row.start_date,
        term_start=row.start_date,
        term_end=term_end_for(row.start_date),
        employment=row,
        proposed_by=actor,
        note="Nhập từ quá trình công tác",
    )
