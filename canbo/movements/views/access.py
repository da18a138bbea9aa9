"""Access checks and helpers shared by the appointment and movement pages (scoping is canbo.accounts.scoping)."""

from django.core.exceptions import ValidationError

from canbo.accounts.access import access_decorators, records_cadre_work
from canbo.accounts.access import query_without_page as query_without_page  # re-exported for the views
from canbo.people.choices import PersonStatus
from canbo.people.picker import pick_person
from canbo.people.selectors import person_editable_queryset_for

PAGE_SIZE = 50
NO_ACCESS = "Anh/chị không có quyền xem trang bổ nhiệm, điều động."
READ_ONLY = "Anh/chị chỉ có quyền xem, không được đề xuất, ghi nhận bổ nhiệm, điều động."


can_write = records_cadre_work
staff_required, writer_required = access_decorators(no_access=NO_ACCESS, read_only=READ_ONLY)


def editable_people(user):
    """Working people of the units the user may change: whom they may propose or move."""
    return person_editable_queryset_for(user=user).filter(status=PersonStatus.WORKING)


def picked_person(user, value):
    """The person picked with the shared picker (canbo.people.picker), or None when not in the user's scope."""
    try:
        return pick_person(user=user, value=value, scope="edit", working=True)
    except ValidationError:
        return None
