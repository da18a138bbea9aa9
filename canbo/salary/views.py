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
from canbo.core.dates import add_months
from canbo.core.forms import add_service_errors
from canbo.core.paging import (
    AFTER_PARAM,
    BEFORE_PARAM,
    LAST_PARAM,
    LETTER_PARAM,
    LETTERS,
    PAGING_PARAMS,
    KeysetPage,
    SortColumn,
    decode_cursor,
    encode_cursor,
    query_without_paging,
    sort_from_query,
)
from canbo.core.text import letter_key
from canbo.jobs.services import job_submit
from canbo.people.selectors import person_get_for_user, person_queryset_for

from . import selectors, services
from .forms import BatchRaiseForm, DueFilterForm, EarlyRaiseForm, LeaveForm, RecordForm
from .jobs import JOB_KIND, batch_job_threshold, batch_params
from .models import RAISE_KINDS
from .selectors import attach_persons

staff_required, writer_required = access_decorators(
    no_access="Anh/chị không có quyền xem trang nâng lương.",
    read_only="Anh/chị chỉ có quyền xem, không được quyết định nâng lương.",
)


def _next_month():
    today = timezone.localdate()
    return (today.replace(day=28) + timedelta(days=4)).replace(day=1)


PAGE_SIZE = 50
DUE_COLUMNS = [
    SortColumn("han", "Đến hạn"),
    SortColumn("ten", "Họ và tên", letter_field="sort_key"),
    SortColumn("don_vi", "Đơn vị"),
]
DUE_ORDER = {  # each ends with the person's id, so the order is total and a cursor names one row
    "han": lambda r: (r.due_on, r.sort_key, r.person_id),
    "ten": lambda r: (r.sort_key, r.person_id),
    "don_vi": lambda r: (r.unit_path, r.sort_key, r.person_id),
}


def _due_page(request, rows) -> KeysetPage:
    """One page of the month's rows (computed in full: a month's raises are a few thousand at most), in the
    order of the chosen column, after or before a cursor, from a letter or from the end: the same links as
    every keyset-paged list (canbo/core/paging.py)."""
    query = request.GET
    sort = sort_from_query(query, DUE_COLUMNS, "han")
    key = DUE_ORDER[sort.column.key]
    ordered = sorted(rows, key=key, reverse=sort.descending)
    keys = [key(r) for r in ordered]
    width = len(keys[0]) if keys else 0

    def beyond(cursor) -> int:  # index of the first row after the cursor in this order
        cursor = tuple(cursor)
        return next(
            (i for i, k in enumerate(keys) if (k < cursor if sort.descending else k > cursor)), len(keys)
        )

    after = decode_cursor(query.get(AFTER_PARAM, ""), width) if query.get(AFTER_PARAM) and width else None
    before = decode_cursor(query.get(BEFORE_PARAM, ""), width) if query.get(BEFORE_PARAM) and width else None
    letter = (query.get(LETTER_PARAM) or "").strip().upper()
    letter = letter if letter in LETTERS and sort.column.letter_field else ""
    start = 0
    try:
        if before is not None:
            end = beyond(before) - 1 if any(tuple(before) == k for k in keys) else beyond(before)
            start = max(0, end - PAGE_SIZE)
        elif query.get(LAST_PARAM):
            start = max(0, len(ordered) - PAGE_SIZE)
        elif after is not None:
            start = beyond(after)
        elif letter:
            code = letter_key(letter)
            if sort.descending:  # from the last name of that letter down
                bound = f"{int(code) + 1:02d}"
                start = next((i for i, r in enumerate(ordered) if r.sort_key < bound), len(ordered))
            else:
                start = next((i for i, r in enumerate(ordered) if r.sort_key >= code), len(ordered))
    except TypeError:  # a cursor of another column's shape: the first page
        start = 0
    shown = ordered[start : start + PAGE_SIZE]
    page = KeysetPage(
        object_list=attach_persons(shown),
        sort=sort,
        columns=DUE_COLUMNS,
        base_query=query_without_paging(query),
        count=len(ordered),
        has_previous=start > 0,
        has_next=start + PAGE_SIZE < len(ordered),
        letter=letter,
        letters=LETTERS if sort.column.letter_field else [],
    )
    if shown:
        page.previous_cursor = encode_cursor(key(shown[0]))
        page.next_cursor = encode_cursor(key(shown[-1]))
    return page


def _month_link(request, month) -> str:
    query = request.GET.copy()
    for name in (*PAGING_PARAMS, "du_thao"):
        query.pop(name, None)
    query["month"] = f"{month:%m/%Y}"
    return "?" + query.urlencode()


def _due_context(request, data, *, batch_form=None):
    form = DueFilterForm(data, units=visible_units(request.user))
    filters = form.cleaned_data if form.is_valid() else {}
    month = filters.get("month") or _next_month()
    rows, summary = selectors.raises_due_listing(
        user=request.user,
        month=month,
        unit=filters.get("unit"),
        kind=filters.get("kind") or "",
        include_overdue=bool(filters.get("overdue")),
    )
    return {
        "form": form,
        "month": month,
        "summary": summary,
        "page": _due_page(request, rows),
        "previous_month": _month_link(request, add_months(month.replace(day=1), -1)),
        "following_month": _month_link(request, add_months(month.replace(day=1), 1)),
        "overdue_link": _month_link(request, month) + "&overdue=on",
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
