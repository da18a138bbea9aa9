"""Shared by the appointment and movement services: who may act, dates and decision fields."""

from django.core.exceptions import ValidationError

from canbo.people.choices import PersonStatus
from canbo.people.models import Person


def require_working(person: Person, doing: str) -> None:
    if person.status != PersonStatus.WORKING:
        raise ValidationError(
            f"{person.full_name} không còn công tác ({person.get_status_display().lower()}): "
            f"không thể {doing}."
        )


def locked_person(person: Person) -> Person:
    """The person's row, locked until the end of the transaction (two movements of one person queue up)."""
    return (
        Person.objects.select_for_update(of=("self",))
        .select_related("current_unit", "position")
        .get(pk=person.pk)
    )
