"""The enrolment list (lượt học): the people behind every training report figure, and its Excel export.

Same parameters and meaning as the training reports (canbo/reports/reports/training_common.py): unit = the unit
at enrolment and its subtree; measure started = start date in [from, to]; completed = result "completed" dated
in [from, to]; form, kind, programme (code), mode, venue.
"""

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.urls import reverse

from canbo.accounts.scoping import unit_visibility_q
from canbo.core.text import unaccent

from ..choices import EnrolmentResult
from ..forms import EnrolmentFilterForm
from ..selectors import enrolment_queryset_for
from .common import PAGE_SIZE, query_without_page, staff_required
from .exports import enrolment_export_response

PATHS = {
    "form": "programme__form",
    "kind": "programme__kind",
    "programme": "programme__code",
    "mode": "mode",
    "venue": "venue",
    "level": "unit__level",
    "result": "result",
}


def enrolment_list_for(user, filters: dict):
    """Enrolments the user may see whose unit at enrolment is in scope (as the reports count them)."""
    qs = enrolment_queryset_for(user=user)
    unit = filters.get("unit")
    if unit is not None:
        qs = qs.filter(unit__path__startswith=unit.path)
    else:
        then = unit_visibility_q(user, "unit__path")
        if then is not None:
            qs = qs.filter(then)
    start, end = filters.get("from"), filters.get("to")
    if filters.get("measure") == "completed":
        qs = qs.filter(result=EnrolmentResult.COMPLETED)
        if start:
            qs = qs.filter(result_date__gte=start)
        if end:
            qs = qs.filter(result_date__lte=end)
    else:
        if start:
            qs = qs.filter(start_date__gte=start)
        if end:
            qs = qs.filter(start_date__lte=end)
    condition = Q(**{path: filters[name] for name, path in PATHS.items() if filters.get(name)})
    qs = qs.filter(condition)
    for token in unaccent(filters.get("q", "")).split()[:8]:
        qs = qs.filter(person__search_text__contains=token)
    return qs.order_by("-start_date", "person__sort_key", "id")


@staff_required
def enrolment_list(request):
    form = EnrolmentFilterForm(request.GET, user=request.user)
    page, counts = None, None
    query = query_without_page(request)
    if form.is_valid():
        enrolments = enrolment_list_for(request.user, form.filters())
        counts = enrolments.order_by().aggregate(turns=Count("id"), persons=Count("person", distinct=True))
        paginator = Paginator(enrolments, PAGE_SIZE)
        paginator.count = counts["turns"]  # already counted above: no second COUNT query
        page = paginator.get_page(request.GET.get("page"))
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
def enrolment_export(request):
    """The whole filtered list as .xlsx; invalid filters go back to the list, which shows the errors."""
    form = EnrolmentFilterForm(request.GET, user=request.user)
    if not form.is_valid():
        query = query_without_page(request)
        return redirect(reverse("training:enrolment_list") + (f"?{query}" if query else ""))
    return enrolment_export_response(enrolment_list_for(request.user, form.filters()))
