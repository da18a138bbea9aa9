"""Bulk enrolment from a filtered person list (the register's own filters), started as a job on the queue,
and the batch's result page."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from canbo.people.forms import PersonListFilterForm

from ..bulk import CHANGED, NO_FILTER, enrol_bulk_start, filter_form, matching
from ..forms import BulkEnrolForm
from ..models import Enrolment
from ..selectors import class_fill
from .access import is_htmx, staff_required, writer_required
from .classes import class_for

PREVIEW = 20


@writer_required
def bulk_enrol(request, pk):
    """GET: how many working people the filters match, a preview; POST: the enrolment of them all, as a job
    (the list may hold thousands), whose page says the outcome and links to the batch."""
    klass = class_for(request, pk)
    form = filter_form(request.GET, user=request.user)
    persons = matching(request.GET, form, user=request.user)
    enrol_form = BulkEnrolForm(request.POST or None)
    errors = []
    count = persons.count() if persons is not None else None
    if request.method == "POST":
        if persons is None:
            errors.append(NO_FILTER)
        elif enrol_form.is_valid():
            expected = enrol_form.cleaned_data["expected"]
            if expected is not None and expected != count:
                errors.append(CHANGED.format(expected=expected, count=count))
            else:
                job = enrol_bulk_start(
                    actor=request.user,
                    klass=klass,
                    query=request.GET.urlencode(),
                    expected=count,
                    skip_existing=enrol_form.cleaned_data["skip_existing"],
                )
                url = reverse("jobs:detail", args=[job.pk])
                if is_htmx(request):
                    return HttpResponse(status=204, headers={"HX-Redirect": url})
                return redirect(url)
    context = {
        "klass": klass,
        "form": form,
        "enrol_form": enrol_form,
        "count": count,
        "preview": list(persons.select_related("current_unit")[:PREVIEW]) if count else [],
        "already": Enrolment.objects.filter(training_class=klass, person__in=persons).count() if count else 0,
        "fill": class_fill(klass),
        "errors": errors,
        "no_filter": NO_FILTER if persons is None and form.is_valid() else "",
        "query": request.GET.urlencode(),
    }
    # 200 with the errors: htmx swaps only successful responses into the page.
    return render(request, "training/bulk_enrol.html", context)


@staff_required
def batch_detail(request, pk, batch_pk):
    klass = class_for(request, pk)
    batch = get_object_or_404(klass.batches.select_related("actor"), pk=batch_pk)
    labels = {name: field.label for name, field in PersonListFilterForm(user=request.user).fields.items()}
    criteria = [
        (labels.get(k, k), v) for k, v in batch.criteria.items() if k not in ("skipped",) and k in labels
    ]
    context = {
        "klass": klass,
        "batch": batch,
        "criteria": criteria,
        "skipped": batch.criteria.get("skipped", 0),
        "fill": class_fill(klass),
    }
    return render(request, "training/batch_detail.html", context)
