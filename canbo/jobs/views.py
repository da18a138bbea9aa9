"""Job pages: my jobs, one job with its progress (htmx polling the row), the result file, and the helper every
app's "Xuất Excel" view calls to start an export job."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from .exports import export_for, export_start
from .models import JobStatus
from .selectors import job_get, job_is_stalled, job_list

RECENT_JOBS = 50
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
@require_GET
def job_index(request):
    jobs = job_list(user=request.user)[:RECENT_JOBS]
    return render(request, "jobs/index.html", {"jobs": jobs, "retention_days": settings.JOB_RESULT_DAYS})


def _context(request, job_id) -> dict:
    job = job_get(user=request.user, job_id=job_id)
    return {"job": job, "stalled": job_is_stalled(job), "queued": job.status == JobStatus.QUEUED}


@login_required
@require_GET
def job_detail(request, job_id):
    return render(request, "jobs/detail.html", _context(request, job_id))


@login_required
@require_GET
def job_progress(request, job_id):
    """Polled every second by htmx; once the job has finished, answers the result block (no more polling)."""
    return render(request, "jobs/_status.html", _context(request, job_id))


@login_required
@require_GET
def job_download(request, job_id):
    job = job_get(user=request.user, job_id=job_id)
    if not job.has_file:
        raise Http404("Tệp chưa sẵn sàng hoặc đã bị xoá theo thời hạn lưu.")
    response = FileResponse(
        job.result_file.open("rb"), as_attachment=True, filename=job.result_name or "ket-qua.xlsx"
    )
    response["Cache-Control"] = "no-store"
    return response


def export_view(request, key: str, *, query: str | None = None, title: str = "", filename: str = ""):
    """GET: a page that says what will be exported, with the button; POST: start the job, go to its page.
    The calling view has already checked access and the filters. `title`/`filename`: see export_start."""
    query = request.GET.urlencode() if query is None else query
    if request.method == "POST":
        job = export_start(actor=request.user, key=key, query=query, title=title, filename=filename)
        messages.info(request, "Đã bắt đầu xuất Excel. Tệp sẽ có ở trang này khi xong; có thể rời trang.")
        return redirect("jobs:detail", job_id=job.pk)
    title = title or export_for(key).title
    return render(request, "jobs/export_confirm.html", {"title": title, "action": request.get_full_path()})
