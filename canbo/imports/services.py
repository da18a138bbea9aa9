"""Import jobs: accept an upload, keep it in the file storage, run the import on the task queue (the worker
reports progress on the job row) and keep the result on the ImportJob row. The import itself is
canbo.imports.importer.run_import."""

import logging
import os
import tempfile

from django.core.exceptions import PermissionDenied
from django.core.files import File
from django.utils import timezone

from canbo.accounts.models import Role
from canbo.accounts.scoping import has_role
from canbo.core.sheets.files import (  # noqa: F401 - re-exported: the import's views and commands use them
    ImportFileError,
    check_upload,
    format_count,
    store_upload,
    stored_upload_path,
)
from canbo.jobs.registry import JobFailed, register
from canbo.jobs.services import job_submit

from .annotate import annotate_workbook
from .importer import run_import
from .models import ImportJob, ImportStatus

logger = logging.getLogger(__name__)

MAX_STORED_ERRORS = 2000
_STAGES = {
    # stage: (label, start %, end %, unit of done/total)
    "read": ("Đang đọc tệp", 0, 50, "byte"),
    "check": ("Đang kiểm tra dữ liệu", 50, 65, "dòng"),
    "write": ("Đang ghi dữ liệu", 65, 100, "bản ghi"),
}


def can_import(user) -> bool:
    return has_role(user, Role.PROVINCE_BOARD, Role.UNIT_OFFICER)


def require_import(user) -> None:
    if not can_import(user):
        raise PermissionDenied("Chỉ cán bộ tổ chức và Ban Tổ chức Tỉnh ủy / Sở Nội vụ được nhập dữ liệu.")


BOARD_ONLY = "Chỉ Ban Tổ chức Tỉnh ủy / Sở Nội vụ xem được tình hình chuyển dữ liệu của tỉnh."


class StageProgress:
    """The import's stages (read, check, write) mapped onto one 0–100 % bar of the job."""

    def __init__(self, progress):
        self.progress = progress

    def __call__(self, stage: str, done: int, total: int) -> None:
        label, low, high, unit = _STAGES.get(stage, (stage, 0, 100, ""))
        share = min(done / total, 1) if total else 0
        self.progress(label, done, total, percent=int(low + (high - low) * share), unit=unit)


def import_job_create(*, actor, upload, dry_run: bool = False) -> tuple[ImportJob, str]:
    """Check the upload, keep it in the storage and record the import; returns (import job, storage name)."""
    require_import(actor)
    check_upload(upload)
    stored = store_upload(upload)
    job = ImportJob.objects.create(
        created_by=actor,
        file_name=os.path.basename(upload.name)[:255],
        file_size=upload.size,
        dry_run=dry_run,
    )
    return job, stored


def annotated_name(file_name: str) -> str:
    stem = file_name[:-5] if file_name.lower().endswith(".xlsx") else file_name
    return f"{stem}-danh-dau-loi.xlsx"


def annotate_rejected(*, path: str, errors: list, target) -> bool:
    """The user's workbook with the faulty cells marked, written to `target`; False (and logged) if openpyxl
    cannot rewrite this file: the error list on the page stays the reference."""
    try:
        annotate_workbook(path, target, errors)
    except Exception:
        logger.exception("Could not mark the errors in %s", path)
        return False
    return True


def import_job_execute(
    *, job: ImportJob, path: str, remote_addr: str | None = None, progress=None, on_rejected=None
) -> ImportJob:
    """Run the import for a job and store the outcome; never raises for a bad file or bad rows.
    `on_rejected(errors)` receives every error of a rejected file (the stored list is cut at 2.000)."""
    ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.RUNNING)
    try:
        outcome = run_import(
            path,
            actor=job.created_by,
            dry_run=job.dry_run,
            progress=progress,
            remote_addr=remote_addr,
            cid=f"import:{job.pk}",
        )
    except ImportFileError as exc:
        job.status, job.message = ImportStatus.REJECTED, exc.message
    except JobFailed:
        raise  # over the job's time or memory limit: the job fails with its message (import_job_given_up)
    except Exception:
        logger.exception("Import job %s failed", job.pk)
        job.status = ImportStatus.FAILED
        job.message = (
            "Có lỗi hệ thống khi nhập tệp; không dữ liệu nào được ghi. Vui lòng báo quản trị hệ thống."
        )
    else:
        job.counts = outcome.counts
        job.error_count = len(outcome.errors)
        job.errors = outcome.error_dicts()[:MAX_STORED_ERRORS]
        if not outcome.ok:
            job.status = ImportStatus.REJECTED
            job.message = (
                f"Có {format_count(job.error_count)} lỗi; không dòng nào được ghi. "
                "Sửa các lỗi dưới đây (hoặc trong tệp đã đánh dấu lỗi) rồi nhập lại cả tệp."
            )
            if on_rejected is not None and outcome.errors:
                on_rejected(outcome.errors)
        elif job.dry_run:
            job.status = ImportStatus.CHECKED
            job.message = "Tệp hợp lệ. Đây là lượt chỉ kiểm tra: chưa ghi dữ liệu."
        else:
            job.status = ImportStatus.SUCCEEDED
            job.message = "Đã nhập xong."
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "message", "counts", "errors", "error_count", "finished_at"])
    return job


def run_import_job(job, progress) -> None:
    """The worker's side (job kind "import"): fetch the stored upload, import it, drop the upload."""
    import_job = ImportJob.objects.select_related("created_by").get(pk=job.params["import_job"])
    with stored_upload_path(job.params["upload"]) as path:

        def keep_marked_copy(errors):
            """The user's workbook with its errors marked becomes the job's file (kept as long as exports)."""
            progress("Đang đánh dấu lỗi trong tệp", 0, 0, percent=99)
            with tempfile.TemporaryFile() as target:
                if annotate_rejected(path=path, errors=errors, target=target):
                    target.seek(0)
                    job.result_file.save(f"{job.pk}.xlsx", File(target), save=False)
                    job.result_name = annotated_name(import_job.file_name)

        import_job = import_job_execute(
            job=import_job,
            path=path,
            remote_addr=job.params.get("remote_addr"),
            progress=StageProgress(progress),
            on_rejected=keep_marked_copy,
        )
    job.message = import_job.message
    job.result = {"import_status": import_job.status, "error_count": import_job.error_count}


def import_job_given_up(job) -> None:
    """The worker died twice (or the job failed outside the import): the import row says so."""
    ImportJob.objects.filter(pk=job.params.get("import_job")).exclude(
        status__in=[ImportStatus.SUCCEEDED, ImportStatus.CHECKED, ImportStatus.REJECTED]
    ).update(status=ImportStatus.FAILED, message=job.message, finished_at=timezone.now())


register("import", run=run_import_job, on_failed=import_job_given_up)


def import_job_start(*, actor, upload, dry_run: bool = False, remote_addr: str | None = None) -> ImportJob:
    """Every door (page, API): record the import and queue it; the page polls the job's progress."""
    import_job, stored = import_job_create(actor=actor, upload=upload, dry_run=dry_run)
    title = f"{'Kiểm tra' if dry_run else 'Nhập'} tệp {import_job.file_name}"
    job = job_submit(
        kind="import",
        title=title,
        actor=actor,
        params={"import_job": str(import_job.pk), "upload": stored, "remote_addr": remote_addr},
    )
    ImportJob.objects.filter(pk=import_job.pk).update(job=job)
    import_job.refresh_from_db()
    return import_job
