"""The enrolment list (lượt học): the people behind every training report figure, and its Excel export.

Same parameters and meaning as the training reports (canbo/training/reports/measures.py): unit = the unit
at enrolment and its subtree; measure started = start date in [from, to]; completed = result "completed" dated
in [from, to]; form, kind, programme (code), mode, venue.
"""

from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from canbo.core.paging import keyset_page, query_without_paging
from canbo.jobs.views import export_view

from ..exports import ENROLMENT_EXPORT
from ..forms import EnrolmentFilterForm
from ..selectors import ENROLMENT_DEFAULT_SORT, ENROLMENT_SORT_COLUMNS, enrolment_totals
from ..selectors import enrolment_list as select_enrolments
from .access import PAGE_SIZE, staff_required


def enrolment_list_for(user, filters: dict):
    return select_enrolments(user=user, filters=filters)


@staff_required
def enrolment_list(request):
    form = EnrolmentFilterForm(request.GET, user=request.user)
    page, counts = None, None
    query = query_without_paging(request.GET)
    if form.is_valid():
        filters = form.filters()
        enrolments = enrolment_list_for(request.user, filters)
        counts = enrolment_totals(enrolments, filtered=bool(filters))
        page = keyset_page(  # already counted above (capped when browsing): no second COUNT query
            request,
            enrolments,
            ENROLMENT_SORT_COLUMNS,
            default=ENROLMENT_DEFAULT_SORT,
            size=PAGE_SIZE,
            count=counts["turns"],
        )
        page.count_capped = bool(counts.get("capped"))
    context = {
        "form": form,
        "page": page,
        "counts": counts,
        "query": query,
        "filter_unit": form.cleaned_data.get("unit") if form.is_valid() else None,
        "export_url": reverse("training:enrolment_export") + (f"?{query}" if query else ""),
    }
    return render(request, "training/enrolment_list.html", context)


@staff_required
@require_http_methods(["GET", "POST"])
def enrolment_export(request):
    """The whole filtered list as .xlsx, written by a job on the queue; invalid filters go back to the list,
    which shows the errors."""
    form = EnrolmentFilterForm(request.GET, user=request.user)
    query = query_without_paging(request.GET)
    if not form.is_valid():
        return redirect(reverse("training:enrolment_list") + (f"?{query}" if query else ""))
    return export_view(request, ENROLMENT_EXPORT, query=query)
