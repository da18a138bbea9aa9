"""Discipline pages: cases (list, open, detail with the workflow steps) and decisions (list, Excel)."""

from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Value
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from canbo.accounts.access import access_decorators, records_cadre_work
from canbo.core.forms import add_service_errors
from canbo.core.paging import SortColumn, keyset_page, query_without_paging
from canbo.jobs.views import export_view

from . import services
from .exports import RECORD_EXPORT
from .forms import ACTION_FORMS, CaseFilterForm, CaseOpenForm, DecideForm, DeferForm, ResumeForm, ReviewForm
from .selectors import case_get_for_user, case_list, promotion_blocked_until, record_list

PAGE_SIZE = 50
SERVICES = {
    "de-nghi": services.case_review,
    "tam-hoan": services.case_defer,
    "tiep-tuc": services.case_resume,
    "quyet-dinh": services.case_decide,
}


READ_ONLY = "Anh/chị chỉ có quyền xem, không được xử lý kỷ luật."
staff_required, writer_required = access_decorators(
    no_access="Anh/chị không có quyền xem trang kỷ luật.", read_only=READ_ONLY
)
can_write = records_cadre_work  # board and unit officers (which units: the services check)


CASE_SORT_COLUMNS = [
    SortColumn("thu_ly", "Ngày thụ lý", ("opened_on",), descending_first=True),
    SortColumn("ten", "Họ và tên", ("person__sort_key",), letter_field="person__sort_key"),
    SortColumn("don_vi", "Đơn vị", ("unit__path", "-opened_on")),
    SortColumn("trang_thai", "Trạng thái", ("status", "-opened_on")),
]
RECORD_SORT_COLUMNS = [
    SortColumn("quyet_dinh", "Quyết định", ("decided_on",), descending_first=True),
    SortColumn("ten", "Họ và tên", ("person__sort_key",), letter_field="person__sort_key"),
    SortColumn("don_vi", "Đơn vị", (Coalesce("unit__path", Value("")), "-decided_on")),
    SortColumn("hinh_thuc", "Hình thức", ("form", "-decided_on")),
    SortColumn("het_hieu_luc", "Hết hiệu lực", (Coalesce("effective_until", Value(date(9999, 12, 31))),)),
]


def _page(request, qs, columns, default):
    page = keyset_page(request, qs, columns, default=default, size=PAGE_SIZE)
    return page, query_without_paging(request.GET)


@staff_required
def case_list_view(request):
    form = CaseFilterForm(request.GET)
    filters = form.cleaned_data if form.is_valid() else {}
    page, query = _page(request, case_list(user=request.user, filters=filters), CASE_SORT_COLUMNS, "-thu_ly")
    context = {"form": form, "page": page, "query": query, "can_write": can_write(request.user)}
    return render(request, "discipline/case_list.html", context)


@writer_required
def case_open_view(request):
    form = CaseOpenForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        person = form.cleaned_data["person"]
        try:
            case = services.case_open(
                actor=request.user,
                person=person,
                opened_on=form.cleaned_data["opened_on"],
                acts=form.acts(),
                note=form.cleaned_data["note"],
                duty_related=form.cleaned_data["duty_related"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"Đã thụ lý vụ việc kỷ luật: {person.full_name}.")
            return redirect("discipline:case_detail", pk=case.pk)
    return render(request, "discipline/case_form.html", {"form": form})


def _action_forms(case, bound=None):
    """The step forms by template key (the URL slug with underscores); `bound`: the one just posted."""
    initial = {"version": case.version}
    forms = {
        "de_nghi": ReviewForm(initial={**initial, "proposed_form": case.proposed_form or case.required_form}),
        "tam_hoan": DeferForm(initial=initial),
        "tiep_tuc": ResumeForm(initial=initial),
        "quyet_dinh": DecideForm(initial=initial),
    }
    if bound:
        forms.update(bound)
    return forms


@staff_required
def case_detail(request, pk):
    case = case_get_for_user(user=request.user, pk=pk)
    return _render_detail(request, case)


def _render_detail(request, case, bound=None, status=200):
    context = {
        "case": case,
        "acts": case.acts.all(),
        "feedback": case.feedback.all() if can_write(request.user) else [],
        "forms": _action_forms(case, bound),
        "can_write": can_write(request.user),
        "blocked_until": promotion_blocked_until(case.person),
    }
    return render(request, "discipline/case_detail.html", context, status=status)


@writer_required
@require_POST
def case_action(request, pk, action):
    if action not in ACTION_FORMS:
        raise Http404
    case = case_get_for_user(user=request.user, pk=pk)
    form = ACTION_FORMS[action](request.POST)
    if form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        try:
            SERVICES[action](actor=request.user, case=case, expected_version=version, **data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Đã cập nhật vụ việc kỷ luật.")
            return redirect("discipline:case_detail", pk=case.pk)
    return _render_detail(request, case, {action.replace("-", "_"): form}, status=400)


@staff_required
def record_list_view(request):
    page, query = _page(request, record_list(user=request.user), RECORD_SORT_COLUMNS, "-quyet_dinh")
    return render(request, "discipline/record_list.html", {"page": page, "query": query})


@staff_required
@require_http_methods(["GET", "POST"])
def record_export(request):
    """Every decision the user sees as .xlsx, written by a job."""
    return export_view(request, RECORD_EXPORT, query="")
