"""The Excel doors of the training pages: plan and achievement exports, the results template and upload."""

import contextlib
import os

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET, require_http_methods

from canbo.accounts.models import Role
from canbo.accounts.scoping import has_role
from canbo.imports.forms import UploadForm
from canbo.imports.reading import ImportFileError
from canbo.imports.services import check_upload, save_upload
from canbo.jobs.views import export_view

from ..exports import ACHIEVEMENT_EXPORT, PLAN_EXPORT
from ..selectors import class_queryset_for, plan_queryset_for
from .results import import_results, results_template
from .styles import xlsx_response

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
    return xlsx_response(results_template(user=request.user, klass=klass), f"mau-ket-qua-{klass.code}.xlsx")


@login_required
def results_import(request, pk):
    klass = _class_for_writer(request, pk)
    form = UploadForm(request.POST or None, request.FILES or None)
    outcome = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        path = None
        try:
            check_upload(upload)
            path = save_upload(upload)
            outcome = import_results(
                path, actor=request.user, klass=klass, dry_run=form.cleaned_data["dry_run"]
            )
        except ValidationError as exc:
            for messages in exc.message_dict.values():
                for message in messages:
                    form.add_error("file", message)
        except ImportFileError as exc:
            form.add_error("file", exc.message)
        finally:
            if path:
                with contextlib.suppress(OSError):
                    os.remove(path)
    context = {
        "klass": klass,
        "form": form,
        "outcome": outcome,
        "file_name": getattr(request.FILES.get("file"), "name", ""),
    }
    status = 400 if form.errors or (outcome is not None and not outcome.ok) else 200
    return render(request, "training/excel/results_import.html", context, status=status)
