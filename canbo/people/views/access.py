"""Access checks shared by the person pages (scoping itself lives in canbo.accounts.scoping)."""

from django.core.exceptions import PermissionDenied

from canbo.accounts.models import Role
from canbo.accounts.scoping import can_edit_unit, has_role, user_roles
from canbo.people.selectors import person_get_for_user

READ_ONLY_MESSAGE = "Anh/chị chỉ có quyền xem, không được cập nhật hồ sơ này."


def is_official_only(user) -> bool:
    return user_roles(user) == {Role.OFFICIAL}


def can_write(user) -> bool:
    """Holds a role that writes to the register somewhere (province board or a unit officer)."""
    return has_role(user, Role.PROVINCE_BOARD, Role.UNIT_OFFICER)


def require_writer(user) -> None:
    if not can_write(user):
        raise PermissionDenied(READ_ONLY_MESSAGE)


def person_for_write(request, uuid):
    """The record if the user may change it; 404 outside their units, 403 where they only read it."""
    person = person_get_for_user(user=request.user, uuid=uuid)
    if not can_edit_unit(request.user, person.current_unit):
        raise PermissionDenied(READ_ONLY_MESSAGE)
    return person
