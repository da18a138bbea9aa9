"""Pages of Party admissions (under /dang-vien/): targets and admissions, entry, full membership, removal."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render

from canbo.org.forms import add_service_errors

from . import services
from .choices import PartyStatus
from .exports import admissions_xlsx
from .forms import AdmissionForm, ConfirmForm, RemoveForm
from .selectors import admission_get_for_user, admission_list, is_reader, is_writer, target_list

PAGE_SIZE = 50


def reader_required(view):
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_reader(request.user):
            raise PermissionDenied("Anh/chị không có quyền xem công tác kết nạp đảng viên.")
        return view(request, *args, **kwargs)

    return wrapper


def writer_required(view):
    @reader_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_writer(request.user):
            raise PermissionDenied("Anh/chị chỉ có quyền xem, không được ghi nhận kết nạp đảng viên.")
        return view(request, *args, **kwargs)

    return wrapper


@reader_required
def index(request):
    filters = {
        "status": request.GET.get("status") if request.GET.get("status") in PartyStatus.values else None
    }
    filters["q"] = request.GET.get("q", "")
    code = request.GET.get("party_org")
    if code:
        org = target_list(fetched_by=request.user).filter(party_org__code=code).first()
        filters["party_org"] = org.party_org if org else None
    admissions = admission_list(fetched_by=request.user, filters=filters)
    if request.GET.get("format") == "xlsx":
        return admissions_xlsx(admissions)
    page = Paginator(admissions, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "targets": target_list(fetched_by=request.user)[:50],
        "page": page,
        "query": query.urlencode(),
        "statuses": PartyStatus.choices,
        "can_record": is_writer(request.user),
    }
    return render(request, "party/index.html", context)


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
            raise PermissionDenied("Anh/chị chỉ có quyền xem, không được ghi nhận kết nạp đảng viên.")
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
