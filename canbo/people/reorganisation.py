"""What a reorganisation of units does to the register (org hands the work over: see canbo/org/people.py)."""

from datetime import date, timedelta

from .choices import PersonnelMove
from .models import Employment, Person


def employments_follow_merge(actor, units, target_by_unit: dict, effective_on: date) -> None:
    """A merge moves the units' people: each open career row ends the day before and a new one opens in the
    successor (move "sắp xếp"); the person's current unit follows. Called by org's merge, in its transaction."""
    last_day = effective_on - timedelta(days=1)
    rows = list(Employment.objects.filter(unit__in=units, end_date__isnull=True).select_related("person"))
    for row in rows:
        row.end_date = last_day
        row.save(update_fields=["end_date", "updated_at"])
        target = target_by_unit[row.unit_id]
        Employment.objects.create(
            person=row.person,
            unit=target,
            position=row.position,
            category=row.category,
            start_date=effective_on,
            move=PersonnelMove.SAP_XEP,
            note="Sắp xếp tổ chức bộ máy",
        )
        Person.objects.filter(pk=row.person_id).update(current_unit=target)
