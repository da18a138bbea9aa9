"""Pages of staffing quotas and streamlining (included under /bien-che/): thin doors over selectors and services."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from canbo.accounts.access import access_decorators, query_without_page, records_cadre_work
from canbo.accounts.models import Role
from canbo.accounts.scoping import has_role
from canbo.core.exceptions import ConflictError
from canbo.core.forms import add_service_errors
from canbo.core.paging import keyset_page, query_without_paging
from canbo.jobs.views import export_view
from canbo.reports.base import ReportParameterError
from canbo.reports.registry import get_report

from . import services
from .exports import CASE_EXPORT, QUOTA_EXPORT, quota_report_data
from .forms import (
    ApproveForm,
    CaseFilterForm,
    CaseProposeForm,
    ExitForm,
    QuotaFilterForm,
    QuotaForm,
    RehireFilterForm,
    RejectForm,
    RepaymentForm,
)
from .selectors import (
    CASE_DEFAULT_SORT,
    CASE_SORT_COLUMNS,
    case_get_for_user,
    case_list,
    case_rehire,
    quota_get_for_user,
    quota_progress,
    rehire_list,
)

PAGE_SIZE = 50
NO_ACCESS = "Anh/chị không có quyền xem trang biên chế, tinh giản biên chế."
READ_ONLY = "Anh/chị chỉ có quyền xem, không được đề nghị tinh giản biên chế."
BOARD_ONLY = "Chỉ Ban Tổ chức Tỉnh ủy được thực hiện thao tác này."
CONFLICT = "Bản ghi đã được người khác cập nhật; hãy tải lại trang. Các thay đổi của anh/chị chưa được lưu."


def is_board(user) -> bool:
    return has_role(user, Role.PROVINCE_BOARD)


can_write = records_cadre_work  # the board and unit officers (which units: the services decide)
staff_required, writer_required = access_decorators(no_access=NO_ACCESS, read_only=READ_ONLY)


def _with_query(url: str, query: str) -> str:
    return url + (f"?{query}" if query else "")


def _year(form) -> int:
    return (form.cleaned_data.get("year") if form.is_valid() else None) or timezone.localdate().year


@staff_required
def quota_index(request):
    """The quota table of a year: approved, actual on 31/12, the roadmap's progress (per unit and in total)."""
    form = QuotaFilterForm(request.GET or None, user=request.user)
    year = _year(form)
    org = form.cleaned_data.get("unit") if form.is_valid() else None
    rows, totals = quota_progress(user=request.user, year=year, org=org)
    context = {
        "form": form,
        "year": year,
        # the province's 160-odd quota rows, 50 a page in the units' order; the totals on every page
        "page": Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page")),
        "totals": totals.values(),
        "is_board": is_board(request.user),
        "page_query": query_without_page(request),
    }
    context["query"] = request.GET.urlencode()
    context["export_url"] = _with_query(reverse("staffing:quota_export"), context["query"])
    return render(request, "staffing/quota_index.html", context)


@staff_required
@require_http_methods(["GET", "POST"])
def quota_export(request):
    """The quota table as .xlsx, written by a job (the `staffing-quota` report, so the figures are the page's);
    bad filters go back to the page, which shows the errors."""
    data = quota_report_data(request.GET)
    try:
        get_report("staffing-quota").parse(data, user=request.user)
    except ReportParameterError as exc:
        if exc.not_found:
            raise Http404("Không tìm thấy đơn vị trong phạm vi được xem.") from None
        return redirect(_with_query(reverse("staffing:index"), request.GET.urlencode()))
    query = urlencode({"year": data["year"], "unit": data["org"]} if data["org"] else {"year": data["year"]})
    return export_view(request, QUOTA_EXPORT, query=query, filename=f"bien-che-{data['year']}.xlsx")


@staff_required
def quota_edit(request, pk=None):
    if not is_board(request.user):
        raise PermissionDenied(BOARD_ONLY)
    quota = quota_get_for_user(user=request.user, pk=pk) if pk else None
    initial = None
    if quota is not None:
        initial = {
            f: getattr(quota, f) for f in ("year", "kind", "approved_count", "decision_number", "note")
        }
        initial.update(unit=quota.unit.code, decision_date=quota.decision_date, version=quota.version)
    form = QuotaForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        try:
            saved = services.quota_save(actor=request.user, quota=quota, expected_version=version, **data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        except ConflictError:
            form.add_error(None, CONFLICT)
        else:
            messages.success(request, f"Đã lưu biên chế năm {saved.year} của {saved.unit.name}.")
            return redirect(f"/bien-che/?year={saved.year}")
    return render(request, "staffing/quota_form.html", {"form": form, "quota": quota})


# --- streamlining cases ------------------------------------------------------------------------------------


def _filtered_cases(request):
    form = CaseFilterForm(request.GET, user=request.user)
    if not form.is_valid():
        return form, case_list(user=request.user).none()
    return form, case_list(user=request.user, filters=form.cleaned_data)


@staff_required
def case_list_view(request):
    form, cases = _filtered_cases(request)
    page = keyset_page(request, cases, CASE_SORT_COLUMNS, default=CASE_DEFAULT_SORT, size=PAGE_SIZE)
    query = query_without_paging(request.GET)
    context = {
        "form": form,
        "page": page,
        "export_url": _with_query(reverse("staffing:case_export"), query),
        "can_propose": can_write(request.user),
    }
    return render(request, "staffing/case_list.html", context)


@staff_required
@require_http_methods(["GET", "POST"])
def case_export(request):
    """The case list with the page's filters as .xlsx, written by a job (scoped like the page); bad filters go
    back to the list, which shows the errors."""
    form = CaseFilterForm(request.GET, user=request.user)
    query = query_without_paging(request.GET)
    if not form.is_valid():
        return redirect(_with_query(reverse("staffing:case_list"), query))
    return export_view(request, CASE_EXPORT, query=query)


@writer_required
def case_propose_view(request):
    form = CaseProposeForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.service_data()
        person = form.cleaned_data["person"]
        try:
            case = services.case_propose(actor=request.user, person=person, **data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"Đã đề nghị tinh giản biên chế: {person.full_name}.")
            return redirect("staffing:case_detail", pk=case.pk)
    return render(request, "staffing/case_form.html", {"form": form})


def _detail(request, case, **forms):
    version = {"version": case.version}
    context = {
        "case": case,
        "is_board": is_board(request.user),
        "can_exit": can_write(request.user),
        "approve_form": forms.get("approve") or ApproveForm(initial=version),
        "reject_form": forms.get("reject") or RejectForm(initial=version),
        "exit_form": forms.get("exit") or ExitForm(initial=version),
        "rehire": case_rehire(case),
        "repay_form": forms.get("repay") or RepaymentForm(initial=version),
    }
    return render(request, "staffing/case_detail.html", context, status=400 if forms else 200)


@staff_required
def case_detail(request, pk):
    return _detail(request, case_get_for_user(user=request.user, pk=pk))


ACTIONS = {
    "phe-duyet": ("approve", ApproveForm),
    "tu-choi": ("reject", RejectForm),
    "nghi-viec": ("exit", ExitForm),
    "hoan-tra": ("repay", RepaymentForm),
}


@staff_required
@require_POST
def case_action(request, pk, action):
    case = case_get_for_user(user=request.user, pk=pk)
    if action not in ACTIONS:
        raise PermissionDenied("Thao tác không hợp lệ.")
    name, form_class = ACTIONS[action]
    form = form_class(request.POST)
    if form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        call = {
            "approve": services.case_approve,
            "reject": services.case_reject,
            "exit": services.case_exit,
            "repay": services.case_repayment_record,
        }[name]
        try:
            case = call(actor=request.user, case=case, expected_version=version, **data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        except ConflictError:
            form.add_error(None, CONFLICT)
        else:
            messages.success(
                request, f"Đã cập nhật: {case.person.full_name} – {case.get_status_display().lower()}."
            )
            return redirect("staffing:case_detail", pk=case.pk)
    return _detail(request, case, **{name: form})


@staff_required
def rehire_list_view(request):
    """Rule 18: people streamlined and employed again in the public sector within 60 months of their exit."""
    form = RehireFilterForm(request.GET)
    rows = rehire_list(user=request.user, filters=form.cleaned_data if form.is_valid() else {})
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"form": form, "page": page, "query": query_without_page(request)}
    return render(request, "staffing/rehire_list.html", context)
