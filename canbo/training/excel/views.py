"""The Excel doors of the training pages: plan and achievement exports, the results template and upload."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from canbo.accounts.models import Role
from canbo.accounts.scoping import has_role
from canbo.core.sheets.forms import UploadForm
from canbo.core.xlsx_styles import xlsx_response
from canbo.jobs.exports import log_personal_export
from canbo.jobs.selectors import job_get
from canbo.jobs.views import export_view

from ..exports import ACHIEVEMENT_EXPORT, PLAN_EXPORT
from ..selectors import class_queryset_for, class_roster, plan_queryset_for
from .results import results_template
from .results_job import RESULTS_IMPORT, outcome_of, results_import_start

RESULTS_TEMPLATE = "training.results_template"

READ_ONLY = "Anh/chị chỉ có quyền xem, không được nhập kết quả học tập."


def _plan(request, pk):
    return get_object_or_404(plan_queryset_for(user=request.user), pk=pk)


def _class_for_writer(request, pk):
    """The class among those the user sees (404 otherwise), for a role that writes (403 otherwise)."""
    klass = get_object_or_404(class_queryset_for(user=request.user), pk=pk)
    if not has_role(request.user, Role.UNIT_OFFICER, Role.PROVINCE_BOARD):
        raise PermissionDenied(READ_ONLY)
    return klass


@login_required
@require_http_methods(["GET", "POST"])
def plan_xlsx(request, pk):
    """The plan's workbook, written by a job on the queue (GET: what will be exported; POST: start it)."""
    plan = _plan(request, pk)
    return export_view(request, PLAN_EXPORT, query=f"plan={plan.pk}")


@login_required
@require_http_methods(["GET", "POST"])
def achievement_xlsx(request, pk):
    plan = _plan(request, pk)
    return export_view(request, ACHIEVEMENT_EXPORT, query=f"plan={plan.pk}")


@login_required
@require_GET
def results_template_xlsx(request, pk):
    """The class's results template stays a direct download: one class's roster (at most its capacity) with
    empty columns to fill, for the upload below; not a filtered list."""
    klass = _class_for_writer(request, pk)
    response = xlsx_response(
        results_template(user=request.user, klass=klass), f"mau-ket-qua-{klass.code}.xlsx"
    )
    roster = class_roster(user=request.user, klass=klass).order_by().values_list("person_id", flat=True)
    log_personal_export(key=RESULTS_TEMPLATE, user=request.user, person_ids=roster)
    return response


@login_required
def results_import(request, pk):
    """The upload queues the file (a wrong file is refused at once); `?tac-vu=<id>` shows a finished run."""
    klass = _class_for_writer(request, pk)
    form = UploadForm(request.POST or None, request.FILES or None)
    outcome, file_name, refused = None, "", ""
    if request.method == "POST" and form.is_valid():
        try:
            job = results_import_start(
                actor=request.user,
                klass=klass,
                upload=form.cleaned_data["file"],
                dry_run=form.cleaned_data["dry_run"],
            )
        except ValidationError as exc:
            for messages in exc.message_dict.values():
                for message in messages:
                    form.add_error("file", message)
        else:
            return redirect("jobs:detail", job_id=job.pk)
    elif request.GET.get("tac-vu"):
        job = _results_job(request, klass)
        if not job.is_finished:
            return redirect("jobs:detail", job_id=job.pk)
        outcome, file_name = outcome_of(job), job.params.get("file_name", "")
        if outcome is None:
            refused = job.message  # the file itself was refused by the worker
    context = {"klass": klass, "form": form, "outcome": outcome, "file_name": file_name, "refused": refused}
    status = 400 if form.errors or refused or (outcome is not None and not outcome.ok) else 200
    return render(request, "training/excel/results_import.html", context, status=status)


def _results_job(request, klass):
    try:
        job = job_get(user=request.user, job_id=request.GET["tac-vu"])
    except (ValueError, ValidationError):
        raise Http404 from None
    if job.kind != RESULTS_IMPORT or job.params.get("class") != klass.pk:
        raise Http404
    return job
