"""Movements read from a career history that is already written (the Excel import of past years): the row's
"Hình thức" says it began with a rotation, a transfer or a secondment, so the Movement is derived from the row
and the one before it, without a second write of the timeline. Built unsaved, for the caller's bulk insert in
its own transaction (with its audit rows); the same fields as movement_record."""

from canbo.people.models import Employment

from ..choices import MovementKind
from ..models import Movement
from .movements import NEEDS_DESTINATION, NEEDS_END, direction_between

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
