"""Feedback pages: list, intake, detail with the handling steps, Excel. Only those entitled see them (404)."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from canbo.core.forms import add_service_errors
from canbo.core.paging import keyset_page, query_without_paging
from canbo.feedback.selectors import FEEDBACK_SORT_COLUMNS
from canbo.jobs.views import export_view
from canbo.org.models import OrgUnit
from canbo.people.selectors import person_queryset_for

from . import services
from .exports import FEEDBACK_EXPORT
from .forms import (
    ACTION_FORMS,
    AssignForm,
    CloseForm,
    FeedbackFilterForm,
    FeedbackReceiveForm,
    OpenCaseForm,
    VerifyForm,
)
from .selectors import can_list_feedback, feedback_get_for_user, feedback_list

PAGE_SIZE = 50
NO_ACCESS = (
    "Anh/chị không có quyền xem phản ánh, kiến nghị (lãnh đạo xem số liệu tổng hợp tại báo cáo "
    "“Tiếp nhận và xử lý phản ánh”)."
)


def handler_required(view):
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not can_list_feedback(request.user):
            raise PermissionDenied(NO_ACCESS)
        return view(request, *args, **kwargs)

    return wrapper


def _query_without_page(request) -> str:
    return query_without_paging(request.GET)


@handler_required
def feedback_list_view(request):
    form = FeedbackFilterForm(request.GET)
    filters = form.cleaned_data if form.is_valid() else {}
    query = _query_without_page(request)
    items = feedback_list(user=request.user, filters=filters)
    page = keyset_page(request, items, FEEDBACK_SORT_COLUMNS, default="-tiep_nhan", size=PAGE_SIZE)
    export_url = reverse("feedback:export") + (f"?{query}" if query else "")
    context = {"form": form, "page": page, "query": query, "export_url": export_url}
    return render(request, "feedback/list.html", context)


@handler_required
def feedback_receive_view(request):
    form = FeedbackReceiveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        code, unit_code = data.pop("subject_person"), data.pop("unit")
        person = unit = None
        if code:
            person = (
                person_queryset_for(user=request.user)
                .select_related("current_unit")
                .filter(code=code)
                .first()
            )
            if person is None:
                form.add_error(
                    "subject_person", "Không tìm thấy cán bộ này trong các đơn vị anh/chị quản lý."
                )
        if unit_code:
            unit = OrgUnit.objects.filter(code=unit_code).first()
            if unit is None:
                form.add_error("unit", "Không có đơn vị với mã này.")
        if not form.errors:
            try:
                feedback = services.feedback_receive(
                    actor=request.user, subject_person=person, unit=unit, **data
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            except PermissionDenied as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, "Đã tiếp nhận phản ánh.")
                return redirect("feedback:detail", pk=feedback.pk)
    return render(request, "feedback/form.html", {"form": form})


def _render_detail(request, feedback, bound=None, status=200):
    initial = {"version": feedback.version}
    forms = {
        "giao": AssignForm(initial=initial),
        "xac_minh": VerifyForm(initial={**initial, "notes": feedback.verification_notes}),
        "ket_luan": CloseForm(initial=initial),
        "ky_luat": OpenCaseForm(initial=initial),
    }
    forms.update(bound or {})
    return render(request, "feedback/detail.html", {"feedback": feedback, "forms": forms}, status=status)


@handler_required
def feedback_detail(request, pk):
    return _render_detail(request, feedback_get_for_user(user=request.user, pk=pk))


def _run(action, request, feedback, data):
    version = data.pop("version")
    if action == "giao":
        handler = get_user_model().objects.filter(username=data["handler"]).first()
        return services.feedback_assign(
            actor=request.user, feedback=feedback, handler=handler, expected_version=version
        )
    if action == "xac-minh":
        return services.feedback_verify(
            actor=request.user, feedback=feedback, expected_version=version, **data
        )
    if action == "ket-luan":
        return services.feedback_close(
            actor=request.user, feedback=feedback, expected_version=version, **data
        )
    act = {k: data.pop(k) for k in ("description", "committed_on", "form")}
    return services.feedback_open_case(
        actor=request.user, feedback=feedback, acts=[act], expected_version=version, **data
    )


@handler_required
@require_POST
def feedback_action(request, pk, action):
    if action not in ACTION_FORMS:
        raise Http404
    feedback = feedback_get_for_user(user=request.user, pk=pk)
    form = ACTION_FORMS[action](request.POST)
    if form.is_valid():
        try:
            result = _run(action, request, feedback, dict(form.cleaned_data))
        except ValidationError as exc:
            add_service_errors(form, exc, {"acts": "description", "notes": "notes"})
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        else:
            if action == "ky-luat":
                messages.success(request, "Đã mở vụ việc kỷ luật từ phản ánh.")
                return redirect("discipline:case_detail", pk=result.pk)
            messages.success(request, "Đã cập nhật phản ánh.")
            return redirect("feedback:detail", pk=feedback.pk)
    return _render_detail(request, feedback, {action.replace("-", "_"): form}, status=400)


@handler_required
@require_http_methods(["GET", "POST"])
def feedback_export(request):
    """The list with its filters as .xlsx, written by a job; bad filters go back to the list."""
    query = _query_without_page(request)
    if not FeedbackFilterForm(request.GET).is_valid():
        return redirect(reverse("feedback:index") + (f"?{query}" if query else ""))
    return export_view(request, FEEDBACK_EXPORT, query=query)
