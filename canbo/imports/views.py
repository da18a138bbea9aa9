"""The import page: template download, upload, progress (htmx polling) and the result of each run."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from canbo.accounts.access import require_board
from canbo.accounts.scoping import sees_all_units
from canbo.core.client_ip import client_ip

from .alias_services import (
    can_keep_aliases,
    catalogue_alias_create,
    catalogue_alias_delete,
    require_alias_keeper,
)
from .checklist import onboarding_checklist
from .forms import AliasForm, UploadForm
from .models import AliasCatalogue
from .selectors import (
    catalogue_alias_get,
    catalogue_aliases,
    import_job_get_for_user,
    import_job_progress,
    import_jobs_for,
    incomplete_persons_shown,
)
from .services import BOARD_ONLY, import_job_start, require_import
from .template import build_template

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
RECENT_JOBS = 20


@login_required
def index(request):
    require_import(request.user)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            job = import_job_start(
                actor=request.user,
                upload=form.cleaned_data["file"],
                dry_run=form.cleaned_data["dry_run"],
                remote_addr=client_ip(request),
            )
        except ValidationError as exc:
            for messages in exc.message_dict.values():
                for message in messages:
                    form.add_error("file", message)
        else:
            return redirect("imports:detail", job_id=job.pk)
    jobs = import_jobs_for(user=request.user)[:RECENT_JOBS]
    status = 400 if form.errors else 200
    context = {
        "form": form,
        "jobs": jobs,
        "can_keep_aliases": can_keep_aliases(request.user),
        "sees_checklist": sees_all_units(request.user),
    }
    return render(request, "imports/index.html", context, status=status)


@login_required
@require_GET
def template_download(request):
    require_import(request.user)
    response = HttpResponse(content_type=XLSX)
    response["Content-Disposition"] = (
        f'attachment; filename="mau-nhap-can-bo-{timezone.localdate():%Y%m%d}.xlsx"'
    )
    build_template(actor=request.user).save(response)
    return response


@login_required
@require_GET
def detail(request, job_id):
    job = import_job_get_for_user(user=request.user, job_id=job_id)
    context = {"job": job, "progress": import_job_progress(job=job)}
    return render(request, "imports/detail.html", context)


@login_required
@require_GET
def progress(request, job_id):
    """Polled every second by htmx; once the job has finished, answers the result block (no more polling)."""
    job = import_job_get_for_user(user=request.user, job_id=job_id)
    context = {"job": job, "progress": import_job_progress(job=job)}
    return render(request, "imports/_status.html", context)


@login_required
def aliases(request):
    """The alias table: list (by catalogue) and the form that adds a spelling."""
    require_alias_keeper(request.user)
    form = AliasForm(request.POST or None, initial={"catalogue": request.GET.get("danh_muc", "")})
    if request.method == "POST" and form.is_valid():
        try:
            entry = catalogue_alias_create(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            for name, found in exc.message_dict.items():
                for message in found:
                    form.add_error(name if name in form.fields else None, message)
        else:
            messages.success(request, f"Đã thêm cách viết “{entry.alias}” cho “{entry.target_label}”.")
            return redirect(f"{reverse('imports:aliases')}?danh_muc={entry.catalogue}")
    catalogue = request.GET.get("danh_muc", "")
    catalogue = catalogue if catalogue in AliasCatalogue.values else ""
    context = {
        "form": form,
        "entries": catalogue_aliases(user=request.user, catalogue=catalogue),
        "catalogues": AliasCatalogue.choices,
        "catalogue": catalogue,
    }
    return render(request, "imports/aliases.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def alias_delete(request, pk):
    entry = catalogue_alias_get(user=request.user, pk=pk)
    catalogue_alias_delete(actor=request.user, entry=entry)
    messages.success(request, f"Đã bỏ cách viết “{entry.alias}”.")
    return redirect(f"{reverse('imports:aliases')}?danh_muc={entry.catalogue}")


INCOMPLETE_SHOWN = 500


@login_required
@require_GET
def incomplete(request):
    """Records stored without a career row, for the officers to complete (issue 14.4)."""
    require_import(request.user)
    persons, total = incomplete_persons_shown(user=request.user, limit=INCOMPLETE_SHOWN)
    context = {"persons": persons, "total": total, "shown": INCOMPLETE_SHOWN}
    return render(request, "imports/incomplete.html", context)


@login_required
@require_GET
def checklist(request):
    """The onboarding checklist of the province: the board's page."""
    require_board(request.user, BOARD_ONLY)
    return render(request, "imports/checklist.html", {"items": onboarding_checklist(user=request.user)})
