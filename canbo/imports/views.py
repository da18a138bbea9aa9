"""The import page: template download, upload, progress (htmx polling) and the result of each run."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from canbo.core.client_ip import client_ip

from .forms import UploadForm
from .selectors import import_job_get_for_user, import_job_progress, import_jobs_for
from .services import import_job_start, require_import
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
    return render(request, "imports/index.html", {"form": form, "jobs": jobs}, status=status)


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
