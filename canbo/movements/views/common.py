"""Access checks and helpers shared by the appointment and movement pages (scoping is canbo.accounts.scoping)."""

from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.views.decorators.http import require_GET

from canbo.accounts.access import access_decorators, records_cadre_work
from canbo.accounts.access import query_without_page as query_without_page  # re-exported for the views
from canbo.people.choices import PersonStatus
from canbo.people.selectors import person_editable_queryset_for

PAGE_SIZE = 50
NO_ACCESS = "Anh/chị không có quyền xem trang bổ nhiệm, điều động."
READ_ONLY = "Anh/chị chỉ có quyền xem, không được đề xuất, ghi nhận bổ nhiệm, điều động."
CONFLICT_HINT = "Các thay đổi của anh/chị chưa được lưu."


can_write = records_cadre_work
staff_required, writer_required = access_decorators(no_access=NO_ACCESS, read_only=READ_ONLY)


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
