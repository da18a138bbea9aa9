"""Access checks and helpers shared by the appointment and movement pages (scoping is canbo.accounts.scoping)."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import render
from django.views.decorators.http import require_GET

from canbo.accounts.models import Role
from canbo.accounts.scoping import has_role
from canbo.people.choices import PersonStatus
from canbo.people.selectors import person_editable_queryset_for

from ..selectors import is_staff

PAGE_SIZE = 50
NO_ACCESS = "Anh/chị không có quyền xem trang bổ nhiệm, điều động."
READ_ONLY = "Anh/chị chỉ có quyền xem, không được đề xuất, ghi nhận bổ nhiệm, điều động."
CONFLICT_HINT = "Các thay đổi của anh/chị chưa được lưu."


def can_write(user) -> bool:
    """Holds a role that records appointments and movements somewhere (the board, or a unit officer)."""
    return has_role(user, Role.PROVINCE_BOARD, Role.UNIT_OFFICER)


def staff_required(view):
    """Login (anonymous → login page), then a staff role (officials, system administrator → 403)."""

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


def editable_people(user):
    """Working people of the units the user may change: whom they may propose or move."""
    return person_editable_queryset_for(user=user).filter(status=PersonStatus.WORKING)


def picked_person(user, value):
    if not value:
        return None
    try:
        return editable_people(user).select_related("current_unit", "position").filter(uuid=value).first()
    except ValidationError:  # not a UUID
        return None


@writer_required
@require_GET
def person_search(request):
    """Up to 20 working people of the user's units matching the search, as radio buttons (htmx)."""
    query = (request.GET.get("person_q") or "").strip()
    people = []
    if len(query) >= 2:
        people = list(
            editable_people(request.user)
            .search(query)
            .select_related("current_unit", "position")
            .order_by("sort_key", "id")[:20]
        )
    return render(request, "movements/_person_options.html", {"people": people, "query": query})
