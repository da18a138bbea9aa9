"""Drafts of decisions (.docx) from a record's page, and the board's page of templates."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from canbo.accounts.access import require_board
from canbo.core.forms import add_service_errors
from canbo.jobs.services import job_submit

from . import services
from .forms import TemplateUploadForm
from .jobs import JOB_KIND, JOB_THRESHOLD
from .models import DecisionTemplate
from .registry import kind_for
from .rendering import DOCX_TYPE, draft_for
from .selectors import template_overview

NO_DRAFT = "Anh/chị không có quyền lập dự thảo quyết định cho hồ sơ này (chỉ người được xử lý hồ sơ)."


def _kind_or_404(code):
    kind = kind_for(code)
    if kind is None:
        raise Http404("Không có loại quyết định này.")
    return kind


def _docx(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=DOCX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_GET
def draft(request, code, key):
    """The draft of `code` for the record `key`: outside the user's units → 404, read-only roles → 403; a
    decision naming many people goes to the queue and the user follows its job."""
    kind = _kind_or_404(code)
    record = kind.fetch(request.user, key)
    if not kind.may_draft(request.user, record):
        raise PermissionDenied(NO_DRAFT)
    if kind.variant and (other := kind.variant(record)):
        kind = _kind_or_404(other)
    if kind.size and kind.size(record) > JOB_THRESHOLD:
        job = job_submit(
            kind=JOB_KIND,
            title=f"Dự thảo quyết định: {kind.label} ({kind.size(record)} người)",
            actor=request.user,
            params={"kind": kind.code, "key": str(key)},
        )
        messages.info(request, "Danh sách dài: dự thảo được lập trong nền; tệp sẽ có ở trang này khi xong.")
        return redirect("jobs:detail", job_id=job.pk)
    try:
        content, filename = draft_for(kind, record)
    except ValidationError as exc:
        return render(request, "decisions/broken.html", {"errors": exc.messages}, status=409)
    return _docx(content, filename)


def _board_only(request):
    require_board(request.user, services.BOARD_ONLY)


@login_required
@require_GET
def template_list(request):
    _board_only(request)
    context = {"kinds": template_overview(), "form": TemplateUploadForm()}
    return render(request, "decisions/templates.html", context)


@login_required
@require_POST
def template_upload(request, code):
    _board_only(request)  # before the body is read
    kind = _kind_or_404(code)
    form = TemplateUploadForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            template = services.template_upload(
                actor=request.user,
                kind=kind.code,
                upload=form.cleaned_data["file"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request, f"Đã thay mẫu “{kind.label}”: phiên bản {template.number} đang được dùng."
            )
            return redirect("decisions:templates")
    context = {"kinds": template_overview(), "form": form, "failed": kind.code}
    return render(request, "decisions/templates.html", context, status=400)


@login_required
@require_POST
def template_withdraw(request, pk):
    _board_only(request)
    template = get_object_or_404(DecisionTemplate, pk=pk)
    try:
        services.template_withdraw(actor=request.user, template=template)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"Đã ngừng dùng phiên bản {template.number}; mẫu trước đó được dùng lại.")
    return redirect("decisions:templates")


@login_required
@require_GET
def template_download(request, code, pk=None):
    """The default file of a kind, or one uploaded version (to edit in Word and upload again)."""
    _board_only(request)
    kind = _kind_or_404(code)
    if pk is None:
        handle, name = kind.default_template_path.open("rb"), f"mau-{kind.code}-mac-dinh.docx"
    else:
        template = get_object_or_404(DecisionTemplate, pk=pk, kind=kind.code)
        handle, name = template.file.open("rb"), f"mau-{kind.code}-phien-ban-{template.number}.docx"
    response = FileResponse(handle, as_attachment=True, filename=name, content_type=DOCX_TYPE)
    response["Cache-Control"] = "no-store"
    return response
