from django.core.exceptions import PermissionDenied

from canbo.accounts.scoping import can_edit_unit


def require_edit(
    actor, unit, message: str = "Anh/chị không có quyền cập nhật dữ liệu của đơn vị này."
) -> None:
    if not can_edit_unit(actor, unit):
        raise PermissionDenied(message)
