"""Salary pages: the raises due in a month for a unit (with the batch raise), and a person's salary history with
the forms to add a row, grant an early raise and record unpaid leave."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from canbo.accounts.access import access_decorators, records_cadre_work
from canbo.accounts.scoping import can_edit_unit, visible_units
from canbo.core.forms import add_service_errors
from canbo.jobs.services import job_submit
from canbo.people.selectors import person_get_for_user, person_queryset_for

from . import selectors, services
from .forms import BatchRaiseForm, DueFilterForm, EarlyRaiseForm, LeaveForm, RecordForm
from .jobs import JOB_KIND, batch_job_threshold, batch_params
from .models import RAISE_KINDS

staff_required, writer_required = access_decorators(
    no_access="Anh/chị không có quyền xem trang nâng lương.",
    read_only="Anh/chị chỉ có quyền xem, không được quyết định nâng lương.",
)


def _next_month():
    today = timezone.localdate()
    return (today.replace(day=28) + timedelta(days=4)).replace(day=1)


def _due_context(request, data, *, batch_form=None):
    form = DueFilterForm(data, units=visible_units(request.user))
    filters = form.cleaned_data if form.is_valid() else {}
    month = filters.get("month") or _next_month()
    rows = selectors.raises_due(
        user=request.user, month=month, unit=filters.get("unit"), include_overdue=filters.get("overdue")
    )
    return {
        "form": form,
        "month": month,
        "rows": rows,
        "batch_form": batch_form or BatchRaiseForm(),
        "can_write": records_cadre_work(request.user),
        "query": request.GET.urlencode(),
        "decided": _decided_record(request),
    }


def _decided_record(request):
    """The first row of the batch just recorded (?du_thao=<pk>), for its decision's draft button."""
    pk = request.GET.get("du_thao", "")
    if not pk.isdigit():
        return None
    return selectors.record_queryset_for(user=request.user).filter(pk=int(pk)).first()


@staff_required
def due_list(request):
    return render(request, "salary/due_list.html", _due_context(request, request.GET))


@writer_required
@require_POST
def batch_raise(request):
    form = BatchRaiseForm(request.POST)
    uuids = request.POST.getlist("person")
    persons = list(
        person_queryset_for(user=request.user)
        .filter(uuid__in=uuids[: services.MAX_BATCH + 1])
        .select_related("current_unit")
    )
    if len(persons) != len(set(uuids)):
        raise Http404
    if form.is_valid() and len(persons) > batch_job_threshold():
        job = job_submit(
            kind=JOB_KIND,
            title=f"Nâng lương {len(persons)} người (quyết định {form.cleaned_data['decision_number']})",
            actor=request.user,
            params=batch_params(persons=persons, **form.cleaned_data),
        )
        messages.info(request, "Danh sách dài: việc nâng lương chạy trong nền; trang này cho biết tiến độ.")
        return redirect("jobs:detail", job_id=job.pk)
    if form.is_valid():
        try:
            done = services.salary_raise_batch(actor=request.user, persons=persons, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"Đã nâng lương cho {len(done)} người.")
            query = request.GET.copy()
            query["du_thao"] = str(done[0].pk)
            return redirect(f"{reverse('salary:due')}?{query.urlencode()}")
    context = _due_context(request, request.GET, batch_form=form)
    return render(request, "salary/due_list.html", context, status=400)


ACTIONS = {"them": RecordForm, "truoc-han": EarlyRaiseForm, "nghi-khong-luong": LeaveForm}


def _person_context(request, person, bound=None):
    forms = {"them": RecordForm(), "truoc_han": EarlyRaiseForm(), "nghi_khong_luong": LeaveForm()}
    forms.update(bound or {})
    today = timezone.localdate()
    return {
        "person": person,
        "history": selectors.salary_history(person=person),
        "next": selectors.next_raise_for(person, on=today),
        "leaves": person.unpaid_leaves.all(),
        "forms": forms,
        "can_write": can_edit_unit(request.user, person.current_unit),
        "raise_kinds": RAISE_KINDS,
    }


@login_required
def person_salary(request, uuid):
    """Staff of the person's units, and the official on their own record (read only)."""
    person = person_get_for_user(user=request.user, uuid=uuid)
    return render(request, "salary/person.html", _person_context(request, person))


@writer_required
@require_POST
def person_action(request, uuid, action):
    if action not in ACTIONS:
        raise Http404
    person = person_get_for_user(user=request.user, uuid=uuid)
    form = ACTIONS[action](request.POST)
    if form.is_valid():
        try:
            if action == "them":
                services.salary_record_create(actor=request.user, person=person, **form.service_data())
            elif action == "truoc-han":
                services.salary_raise_early(actor=request.user, person=person, **form.cleaned_data)
            else:
                services.unpaid_leave_add(actor=request.user, person=person, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Đã cập nhật quá trình lương.")
            return redirect("salary:person", uuid=person.uuid)
    context = _person_context(request, person, {action.replace("-", "_"): form})
    return render(request, "salary/person.html", context, status=400)
