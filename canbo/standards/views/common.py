"""Access checks shared by the standards pages (scoping itself is in canbo.accounts.scoping)."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

from canbo.accounts.models import Role
from canbo.accounts.scoping import has_role

from ..selectors import is_staff

PAGE_SIZE = 50
NO_ACCESS = "Anh/chị không có quyền xem danh sách kiểm tra tiêu chuẩn cán bộ."
READ_ONLY = "Anh/chị chỉ có quyền xem, không được tổ chức rà soát tiêu chuẩn."


def can_write(user) -> bool:
    return has_role(user, Role.PROVINCE_BOARD, Role.UNIT_OFFICER)


def staff_required(view):
    """Login (anonymous → login page), then a staff role (others → 403)."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_staff(request.user):
            raise PermissionDenied(NO_ACCESS)
        return view(request, *args, **kwargs)

    return wrapper


def writer_required(view):
    @staff_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not can_write(request.user):
            raise PermissionDenied(READ_ONLY)
        return view(request, *args, **kwargs)

    return wrapper


def query_without_page(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()
