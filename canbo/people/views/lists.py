"""The person list with its filters and paging, and its export to Excel."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from canbo.core.db_router import replica_reads
from canbo.core.paging import keyset_page, query_without_paging
from canbo.jobs.views import export_view
from canbo.people.exports import PERSON_EXPORT
from canbo.people.forms import PersonListFilterForm
from canbo.people.selectors import PERSON_DEFAULT_SORT, PERSON_SORT_COLUMNS, person_queryset_for
from canbo.people.selectors import person_list as select_persons

from .access import can_write, is_official_only

PAGE_SIZE = 50


def _query_without_page(request) -> str:
    return query_without_paging(request.GET)


@login_required
@replica_reads()
def person_list(request):
    if is_official_only(request.user):
        own = person_queryset_for(user=request.user).filter(user=request.user).first()
        if own is not None:
            return redirect("people:detail", uuid=own.uuid)
    form = PersonListFilterForm(request.GET, user=request.user)
    page = None
    if form.is_valid():
        persons = select_persons(user=request.user, filters=form.filters())
        page = keyset_page(request, persons, PERSON_SORT_COLUMNS, default=PERSON_DEFAULT_SORT, size=PAGE_SIZE)
    query = _query_without_page(request)
    context = {
        "form": form,
        "page": page,
        "query": query,
        "export_url": reverse("people:export") + (f"?{query}" if query else ""),
        "filter_unit": form.cleaned_data.get("unit") if form.is_valid() else None,
        "can_create": can_write(request.user),
    }
    return render(request, "people/list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def person_export(request):
    """The whole filtered list as .xlsx, written by a job on the queue; invalid filters go back to the list,
    which shows the errors."""
    form = PersonListFilterForm(request.GET, user=request.user)
    if not form.is_valid():
        query = _query_without_page(request)
        return redirect(reverse("people:list") + (f"?{query}" if query else ""))
    return export_view(request, PERSON_EXPORT, query=_query_without_page(request))
