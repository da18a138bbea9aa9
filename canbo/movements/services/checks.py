"""Shared by the appointment and movement services: who may act, dates and decision fields."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from canbo.accounts.models import Role
from canbo.accounts.scoping import can_edit_unit, has_role
from canbo.people.choices import PersonStatus
from canbo.people.models import Person

OUTSIDE_UNIT = "Anh/chị không có quyền ghi nhận bổ nhiệm, điều động của đơn vị này."


def require_edit(actor, unit, message: str = OUTSIDE_UNIT) -> None:
    if not can_edit_unit(actor, unit):
        raise PermissionDenied(message)


def require_board(actor, message: str) -> None:
    if not has_role(actor, Role.PROVINCE_BOARD):
        raise PermissionDenied(message)


def require_working(person: Person, doing: str) -> None:
    if person.status != PersonStatus.WORKING:
        raise ValidationError(
            f"{person.full_name} không còn công tác ({person.get_status_display().lower()}): "
            f"không thể {doing}."
        )


def decision_errors(*, decision_number: str, decision_date: date | None, today: date | None = None) -> dict:
    """The decision's number and date: both given, the date not in the future."""
    today = today or timezone.localdate()
    errors: dict[str, list[str]] = {}
    if not (decision_number or "").strip():
        errors["decision_number"] = ["Cần số quyết định."]
    elif len(decision_number.strip()) > 60:
        errors["decision_number"] = ["Số quyết định tối đa 60 ký tự."]
    if decision_date is None:
        errors["decision_date"] = ["Cần ngày quyết định."]
    elif decision_date > today:
        errors["decision_date"] = ["Ngày quyết định không được ở tương lai."]
    return errors


def locked_person(person: Person) -> Person:
    """The person's row, locked until the end of the transaction (two movements of one person queue up)."""
    return (
        Person.objects.select_for_update(of=("self",))
        .select_related("current_unit", "position")
        .get(pk=person.pk)
    )
