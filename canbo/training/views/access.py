"""Access checks and small helpers shared by the training pages (scoping itself is in canbo.accounts.scoping)."""

from django.core.exceptions import PermissionDenied
from django.urls import NoReverseMatch, reverse

from canbo.accounts.access import access_decorators, records_cadre_work
from canbo.accounts.access import query_without_page as query_without_page  # re-exported for the views
from canbo.people.choices import PersonStatus
from canbo.people.selectors import person_editable_queryset_for

PAGE_SIZE = 50
NO_ACCESS = "Anh/chị không có quyền xem trang đào tạo, bồi dưỡng."
READ_ONLY = "Anh/chị chỉ có quyền xem, không được cập nhật dữ liệu đào tạo, bồi dưỡng."


can_write = records_cadre_work
staff_required, writer_required = access_decorators(no_access=NO_ACCESS, read_only=READ_ONLY)


def require_writer(user) -> None:
    if not can_write(user):
        raise PermissionDenied(READ_ONLY)


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
