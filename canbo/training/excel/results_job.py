"""A class's results file as a job on the queue (kind "training.results_import"): the page checks the upload
and keeps it in the storage, the worker reads, checks and writes it all or nothing (import_results), and the
class's results page shows the outcome kept on the job (`?tac-vu=<id>`)."""

import os
from dataclasses import asdict

from django.urls import reverse

from canbo.accounts.models import Role
from canbo.accounts.scoping import has_role
from canbo.core.sheets.files import ImportFileError, RowError, check_upload, store_upload, stored_upload_path
from canbo.jobs.models import Job
from canbo.jobs.registry import JobFailed, register
from canbo.jobs.services import job_submit

from ..selectors import class_queryset_for
from .results import ResultsOutcome, Written, import_results

RESULTS_IMPORT = "training.results_import"
READ_ONLY = "Anh/chị chỉ có quyền xem, không được nhập kết quả học tập."


def results_import_start(*, actor, klass, upload, dry_run: bool) -> Job:
    """Refuse a wrong file at once (ValidationError), else queue it."""
    check_upload(upload)
    name = os.path.basename(upload.name)[:200]
    return job_submit(
        kind=RESULTS_IMPORT,
        title=f"{'Kiểm tra' if dry_run else 'Nhập'} kết quả học tập lớp {klass.code}: {name}",
        actor=actor,
        params={"class": klass.pk, "upload": store_upload(upload), "dry_run": dry_run, "file_name": name},
    )


def outcome_of(job: Job) -> ResultsOutcome | None:
    """The outcome kept on a finished job, as import_results returned it; None when the file was refused."""
    kept = job.result.get("outcome")
    if kept is None:
        return None
    return ResultsOutcome(
        dry_run=kept["dry_run"],
        errors=[RowError(**e) for e in kept["errors"]],
        written=[Written(**w) for w in kept["written"]],
        skipped=kept["skipped"],
    )


def run_results_import(job, progress) -> None:
    user = job.created_by
    klass = class_queryset_for(user=user).filter(pk=job.params.get("class")).first()
    if klass is None:
        raise JobFailed("Không tìm thấy lớp trong phạm vi anh/chị được xem.")
    if not has_role(user, Role.UNIT_OFFICER, Role.PROVINCE_BOARD):
        raise JobFailed(READ_ONLY)
    progress("Đang kiểm tra kết quả học tập", 0, 0, unit="dòng")
    with stored_upload_path(job.params["upload"]) as path:
        try:
            outcome = import_results(path, actor=user, klass=klass, dry_run=job.params.get("dry_run", False))
        except ImportFileError as exc:
            raise JobFailed(exc.message) from None
    job.result = {
        "outcome": {
            "dry_run": outcome.dry_run,
            "errors": [e.as_dict() for e in outcome.errors],
            "written": [asdict(w) for w in outcome.written],
            "skipped": outcome.skipped,
        },
        "link": reverse("training:excel-results-import", args=[klass.pk]) + f"?tac-vu={job.pk}",
        "link_label": "Xem kết quả nhập",
    }
    if not outcome.ok:
        message = f"Có {len(outcome.errors)} lỗi trong tệp; không dòng nào được ghi. Xem danh sách lỗi rồi nhập lại."
        raise JobFailed(message)
    if outcome.dry_run:
        job.message = (
            f"Tệp hợp lệ: {len(outcome.written)} kết quả sẽ được ghi. Chỉ kiểm tra, chưa ghi dữ liệu."
        )
    else:
        job.message = f"Đã ghi {len(outcome.written)} kết quả học tập lớp {klass.code}."


register(RESULTS_IMPORT, run=run_results_import)
