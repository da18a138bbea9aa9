"""Access shared by every module: who reads cadre work and who records it, as view decorators, and the two
guards every service runs first (`require_edit`, `require_board`).

Scoping (which units) stays in canbo.accounts.scoping; this decides only whether a role may open a module's
pages at all (anonymous → login page; officials and the system administrator → 403) and write in it.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from rest_framework import permissions

from .models import Role
from .scoping import can_edit_unit, has_role, sees_all_units

READER_ROLES = (Role.PROVINCE_BOARD, Role.STANDING_COMMITTEE, Role.UNIT_OFFICER, Role.LEADER)
WRITER_ROLES = (Role.PROVINCE_BOARD, Role.UNIT_OFFICER)


def reads_cadre_work(user) -> bool:
    """Board, Standing Committee, unit officers and leaders read the modules' pages (within their units)."""
    return has_role(user, *READER_ROLES)


def records_cadre_work(user) -> bool:
    """The board and unit officers write somewhere (which units: canbo.accounts.scoping)."""
    return has_role(user, *WRITER_ROLES)


def access_decorators(*, no_access: str, read_only: str):
    """(staff_required, writer_required) for a module, with its own Vietnamese refusals."""

    def staff_required(view):
        @login_required
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not reads_cadre_work(request.user):
                raise PermissionDenied(no_access)
            return view(request, *args, **kwargs)

        return wrapper

    def writer_required(view):
        @staff_required
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not records_cadre_work(request.user):
                raise PermissionDenied(read_only)
            return view(request, *args, **kwargs)

        return wrapper

    return staff_required, writer_required


def access_permission(*, no_access: str, read_only: str, no_write: str | None = None):
    """The API twin of `access_decorators`: a DRF permission class letting readers read and writers write,
    refusing with the module's Vietnamese message (`no_write`: for a write by someone who cannot even read)."""

    class CadreWorkPermission(permissions.BasePermission):
        def has_permission(self, request, view):
            reads = reads_cadre_work(request.user)
            if request.method in permissions.SAFE_METHODS:
                self.message = no_access
                return reads
            self.message = read_only if reads else (no_write or no_access)
            return records_cadre_work(request.user)

    return CadreWorkPermission


READ_ONLY = "Anh/chị chỉ có quyền xem, không có quyền thay đổi dữ liệu này."
BOARD_ONLY = "Chỉ Ban Tổ chức Tỉnh ủy được thực hiện thao tác này."
OUTSIDE_UNIT = "Anh/chị không có quyền cập nhật dữ liệu của đơn vị này."


def require_edit(actor, unit, message: str = OUTSIDE_UNIT) -> None:
    """A service's first line: `actor` may change the records of `unit` (scoping.can_edit_unit), or
    PermissionDenied with the service's own Vietnamese `message`. A record with no unit is nobody's to change."""
    if unit is None or not can_edit_unit(actor, unit):
        raise PermissionDenied(message)


def require_board(actor, message: str = BOARD_ONLY) -> None:
    """A service's first line for what only the province board does (scoping.sees_all_units)."""
    if not sees_all_units(actor):
        raise PermissionDenied(message)


class WritesCadreWork(permissions.BasePermission):
    """Permission first: a write (POST, PUT, PATCH, DELETE) by someone who writes nowhere — a leader, the
    Standing Committee, an official, the system administrator — is refused with 403 before its body is read, so
    an invalid body never answers 400 to a caller who may not send it. The service still checks the unit."""

    message = READ_ONLY

    def has_permission(self, request, view):
        return request.method in permissions.SAFE_METHODS or records_cadre_work(request.user)


class BoardWrites(permissions.BasePermission):
    """Permission first, for writes only the province organisation board makes (terms, approvals, surveys)."""

    message = BOARD_ONLY

    def has_permission(self, request, view):
        return request.method in permissions.SAFE_METHODS or sees_all_units(request.user)


def query_without_page(request) -> str:
    """The list's GET parameters without `page`, for the pager's links."""
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()
