"""Bulk enrolment from a filtered person list (the register's own filters), and the batch's result page."""

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from canbo.people.choices import PersonStatus
from canbo.people.forms import PersonListFilterForm
from canbo.people.selectors import person_list

from ..forms import BulkEnrolForm
from ..models import Enrolment
from ..selectors import class_fill
from ..services import enrol_bulk
from .classes import class_for
from .common import is_htmx, staff_required, writer_required

PREVIEW = 20
# The register's filters that make sense here: people working today (the services enrol no one else).
DROPPED_FILTERS = ("status", "on")
NO_FILTER = "Hãy chọn ít nhất một điều kiện lọc (đơn vị, phân loại, trình độ, …) trước khi ghi danh."


def _filter_form(request):
    form = PersonListFilterForm(request.GET, user=request.user)
    for name in DROPPED_FILTERS:
        del form.fields[name]
    return form


def _criteria(request, form) -> dict:
    """The filters as typed (codes, dd/mm/yyyy), kept on the batch so its page can say whom it took."""
    return {k: v for k, v in request.GET.items() if k in form.fields and v}


def _matching(request, form):
    if not form.is_valid() or not _criteria(request, form):
        return None
    return person_list(fetched_by=request.user, filters={**form.filters(), "status": PersonStatus.WORKING})


@writer_required
def bulk_enrol(request, pk):
    klass = class_for(request, pk)
    form = _filter_form(request)
    persons = _matching(request, form)
    enrol_form = BulkEnrolForm(request.POST or None)
    errors = []
    count = persons.count() if persons is not None else None
    if request.method == "POST":
        if persons is None:
            errors.append(NO_FILTER)
        elif enrol_form.is_valid():
            expected = enrol_form.cleaned_data["expected"]
            if expected is not None and expected != count:
                errors.append(
                    f"Danh sách đã thay đổi từ lúc xem ({expected} người, nay {count} người): "
                    "hãy xem lại danh sách rồi ghi danh."
                )
            else:
                try:
                    batch = enrol_bulk(
                        actor=request.user,
                        training_class=klass,
                        persons=persons,
                        criteria=_criteria(request, form),
                        skip_existing=enrol_form.cleaned_data["skip_existing"],
                    )
                except ValidationError as exc:
                    errors.extend(exc.messages)
                else:
                    url = reverse("training:batch_detail", args=[klass.pk, batch.pk])
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
