"""Access checks and small helpers shared by the training pages (scoping itself is in canbo.accounts.scoping)."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.urls import NoReverseMatch, reverse

from canbo.accounts.models import Role
from canbo.accounts.scoping import has_role
from canbo.people.choices import PersonStatus
from canbo.people.selectors import person_editable_queryset_for

from ..selectors import STAFF_ROLES

PAGE_SIZE = 50
NO_ACCESS = "Anh/chị không có quyền xem trang đào tạo, bồi dưỡng."
READ_ONLY = "Anh/chị chỉ có quyền xem, không được cập nhật dữ liệu đào tạo, bồi dưỡng."
CONFLICT_HINT = "Các thay đổi của anh/chị chưa được lưu."


def is_staff(user) -> bool:
    """Board, Standing Committee, unit officers and leaders use the training pages; officials see their tab."""
    return has_role(user, *STAFF_ROLES)


def can_write(user) -> bool:
    """Holds a role that writes training records somewhere (the board, or a unit officer)."""
    return has_role(user, Role.PROVINCE_BOARD, Role.UNIT_OFFICER)


def require_writer(user) -> None:
    if not can_write(user):
        raise PermissionDenied(READ_ONLY)


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
    """A page that only writes: a reader's GET or POST is refused (403) before anything is parsed."""

    @staff_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        require_writer(request.user)
        return view(request, *args, **kwargs)

    return wrapper


def query_without_page(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def optional_url(name: str, *args) -> str | None:
    """A link to a page another part of the module may provide (the Excel doors): None when it is absent."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


def editable_people(user):
    """Working people of the units the user may change: whom they may enrol or propose."""
    return person_editable_queryset_for(user=user).filter(status=PersonStatus.WORKING)


def is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"
