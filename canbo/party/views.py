"""Pages of Party admissions (under /dang-vien/): targets and admissions, entry, full membership, removal."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from canbo.accounts.access import access_decorators
from canbo.accounts.scoping import can_edit_unit
from canbo.core.forms import add_service_errors
from canbo.core.paging import keyset_page, query_without_paging
from canbo.jobs.views import export_view

from . import services
from .choices import PartyStatus
from .exports import ADMISSION_EXPORT
from .forms import AdmissionForm, ConfirmForm, RemoveForm, TargetForm, admission_filters
from .selectors import (
    ADMISSION_DEFAULT_SORT,
    ADMISSION_SORT_COLUMNS,
    TARGET_DEFAULT_SORT,
    TARGET_SORT_COLUMNS,
    admission_get_for_user,
    admission_list,
    is_writer,
    target_list,
)

PAGE_SIZE = 50
TARGETS_ON_INDEX = 10
NO_ACCESS = "Anh/chị không có quyền xem công tác kết nạp đảng viên."
READ_ONLY = "Anh/chị chỉ có quyền xem, không được ghi nhận kết nạp đảng viên."
OUTSIDE_TARGET = "Anh/chị không có quyền sửa chỉ tiêu của tổ chức đảng này."

reader_required, writer_required = access_decorators(no_access=NO_ACCESS, read_only=READ_ONLY)


def _query_without_page(request) -> str:
    query = request.GET.copy()
    query.pop("format", None)
    return query_without_paging(query)


def _with_query(url: str, query: str) -> str:
    return url + (f"?{query}" if query else "")


@reader_required
def index(request):
    query = _query_without_page(request)
    if request.GET.get("format") == "xlsx":  # the former download link: the export page
        return redirect(_with_query(reverse("party:export"), query))
    filters, _ignored = admission_filters(user=request.user, query=request.GET)
    admissions = admission_list(user=request.user, filters=filters)
    page = keyset_page(
        request, admissions, ADMISSION_SORT_COLUMNS, default=ADMISSION_DEFAULT_SORT, size=PAGE_SIZE
    )
    targets = target_list(user=request.user).order_by("-start_year", "party_org__path", "pk")
    context = {
        "targets": targets[:TARGETS_ON_INDEX],
        "more_targets": targets[TARGETS_ON_INDEX : TARGETS_ON_INDEX + 1].exists(),
        "page": page,
        "query": query,
        "export_url": _with_query(reverse("party:export"), query),
        "statuses": PartyStatus.choices,
        "can_record": is_writer(request.user),
    }
    return render(request, "party/index.html", context)


@reader_required
def target_list_view(request):
    """Every admission target the user may see, paged and sortable (the index shows the newest few)."""
    targets = target_list(user=request.user)
    context = {
        "page": keyset_page(
            request, targets, TARGET_SORT_COLUMNS, default=TARGET_DEFAULT_SORT, size=PAGE_SIZE
        ),
        "can_record": is_writer(request.user),
    }
    return render(request, "party/targets.html", context)


@reader_required
@require_http_methods(["GET", "POST"])
def admission_export(request):
    """The admissions list with the page's filters as .xlsx, written by a job; filters the page would ignore
    (an unknown status or Party organisation) go back to the list instead of exporting something else."""
    query = _query_without_page(request)
    _filters, errors = admission_filters(user=request.user, query=request.GET)
    if errors:
        for message in errors:
            messages.error(request, message)
        return redirect(_with_query(reverse("party:index"), query))
    return export_view(request, ADMISSION_EXPORT, query=query)


@writer_required
def target_edit(request, pk=None):
    """Create or correct a congress resolution's admission target (the board: any Party organisation, the
    province's included; a unit officer: the Party organisations of their units)."""
    item = get_object_or_404(target_list(user=request.user), pk=pk) if pk else None
    if item is not None and not can_edit_unit(request.user, item.party_org):
        raise PermissionDenied(OUTSIDE_TARGET)
    initial = None
    if item is not None:
        fields = ("party_org", "start_year", "end_year", "target", "resolution_number", "resolution_date")
        initial = {f: getattr(item, f) for f in fields}
    form = TargetForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            if item is None:
                item = services.target_create(actor=request.user, **form.cleaned_data)
            else:
                item = services.target_update(actor=request.user, item=item, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request, f"Đã lưu chỉ tiêu kết nạp {item.party_org.name} nhiệm kỳ {item.period}."
            )
            return redirect("party:index")
    return render(request, "party/target_form.html", {"form": form, "item": item})


@writer_required
def admission_create(request):
    form = AdmissionForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            admission = services.admission_record(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"Đã ghi nhận kết nạp: {admission.name}.")
            return redirect("party:detail", pk=admission.pk)
    return render(request, "party/admission_form.html", {"form": form})


@reader_required
def admission_detail(request, pk):
    admission = admission_get_for_user(user=request.user, pk=pk)
    initial = {"version": admission.version}
    confirm, remove = ConfirmForm(initial=initial), RemoveForm(initial=initial)
    if request.method == "POST":
        if not is_writer(request.user):
            raise PermissionDenied(READ_ONLY)
        action = request.POST.get("action")
        form = ConfirmForm(request.POST) if action == "confirm" else RemoveForm(request.POST)
        if form.is_valid():
            data = dict(form.cleaned_data)
            version = data.pop("version")
            try:
                if action == "confirm":
                    services.admission_confirm(
                        actor=request.user, admission=admission, expected_version=version, **data
                    )
                else:
                    services.admission_remove(
                        actor=request.user, admission=admission, expected_version=version, **data
                    )
            except ValidationError as exc:
                add_service_errors(form, exc)
            except PermissionDenied as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, "Đã lưu.")
                return redirect("party:detail", pk=admission.pk)
        if action == "confirm":
            confirm = form
        else:
            remove = form
    context = {
        "admission": admission,
        "confirm": confirm,
        "remove": remove,
        "can_record": is_writer(request.user)
        and admission.status in (PartyStatus.DU_BI, PartyStatus.CHINH_THUC),
        "probation": admission.status == PartyStatus.DU_BI,
    }
    return render(request, "party/admission_detail.html", context)
