"""Import jobs: accept an upload, run the import (in the request or in a background thread), keep progress
in the cache and the result on the job row. The import itself is canbo.imports.importer.run_import."""

import contextlib
import logging
import os
import tempfile
import threading
import time

from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connections
from django.utils import timezone

from canbo.accounts.models import Role
from canbo.accounts.scoping import has_role

from .importer import run_import
from .models import ImportJob, ImportStatus
from .reading import ImportFileError, check_size
from .selectors import progress_key

logger = logging.getLogger(__name__)

MAX_STORED_ERRORS = 2000
PROGRESS_TIMEOUT = 24 * 3600
_STAGES = {
    # stage: (label, start %, end %, unit of done/total)
    "read": ("Đang đọc tệp", 0, 50, "byte"),
    "check": ("Đang kiểm tra dữ liệu", 50, 65, "dòng"),
    "write": ("Đang ghi dữ liệu", 65, 100, "bản ghi"),
}


def format_count(n: int) -> str:
    """25944 -> '25.944' (Vietnamese grouping), also outside a request."""
    return f"{n:,}".replace(",", ".")


def can_import(user) -> bool:
    return has_role(user, Role.PROVINCE_BOARD, Role.UNIT_OFFICER)


def require_import(user) -> None:
    if not can_import(user):
        raise PermissionDenied("Chỉ cán bộ tổ chức và Ban Tổ chức Tỉnh ủy / Sở Nội vụ được nhập dữ liệu.")


def check_upload(upload) -> None:
    """Refuse before reading: not named .xlsx, empty, or larger than settings.IMPORT_MAX_BYTES."""
    name = getattr(upload, "name", "") or ""
    if not name.lower().endswith(".xlsx"):
        raise ValidationError(
            {"file": "Chỉ nhận tệp Excel .xlsx (tệp .xls cũ hãy mở bằng Excel và lưu lại thành .xlsx)."}
        )
    if not upload.size:
        raise ValidationError({"file": "Tệp rỗng."})
    try:
        check_size(upload.size)
    except ImportFileError as exc:
        raise ValidationError({"file": exc.message}) from None


def save_upload(upload) -> str:
    """The upload copied to a temporary .xlsx file; the caller removes it."""
    handle, path = tempfile.mkstemp(prefix="canbo-import-", suffix=".xlsx")
    with os.fdopen(handle, "wb") as target:
        for chunk in upload.chunks():
            target.write(chunk)
    return path


class CacheProgress:
    """Progress of a job in the cache, written at most every 0,3 s (and at each new stage)."""

    def __init__(self, job_id):
        self.key = progress_key(job_id)
        self.last = 0.0
        self.stage = None

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if stage == self.stage and now - self.last < 0.3 and done < total:
            return
        self.stage, self.last = stage, now
        label, low, high, unit = _STAGES.get(stage, (stage, 0, 100, ""))
        share = min(done / total, 1) if total else 0
        data = {"stage": stage, "label": label, "done": done, "total": total, "unit": unit}
        data["percent"] = int(low + (high - low) * share)
        cache.set(self.key, data, PROGRESS_TIMEOUT)

    def finish(self, label: str) -> None:
        data = {"stage": "done", "label": label, "done": 0, "total": 0, "unit": "", "percent": 100}
        cache.set(self.key, data, PROGRESS_TIMEOUT)


def import_job_create(*, actor, upload, dry_run: bool = False) -> tuple[ImportJob, str]:
    """Check the upload, store it in a temporary file and record the job; returns (job, path)."""
    require_import(actor)
    check_upload(upload)
    path = save_upload(upload)
    job = ImportJob.objects.create(
        created_by=actor,
        file_name=os.path.basename(upload.name)[:255],
        file_size=upload.size,
        dry_run=dry_run,
    )
    CacheProgress(job.pk)("read", 0, 1)
    return job, path


def import_job_execute(*, job: ImportJob, path: str, remote_addr: str | None = None) -> ImportJob:
    """Run the import for a job and store the outcome; never raises for a bad file or bad rows."""
    progress = CacheProgress(job.pk)
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
                "Sửa các lỗi dưới đây rồi nhập lại cả tệp."
            )
        elif job.dry_run:
            job.status = ImportStatus.CHECKED
            job.message = "Tệp hợp lệ. Đây là lượt chỉ kiểm tra: chưa ghi dữ liệu."
        else:
            job.status = ImportStatus.SUCCEEDED
            job.message = "Đã nhập xong."
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "message", "counts", "errors", "error_count", "finished_at"])
    progress.finish(job.get_status_display())
    return job


def _run(job_id, path: str, remote_addr: str | None) -> None:
    try:
        job = ImportJob.objects.select_related("created_by").get(pk=job_id)
        import_job_execute(job=job, path=path, remote_addr=remote_addr)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(path)


def _thread_main(job_id, path: str, remote_addr: str | None) -> None:
    try:
        _run(job_id, path, remote_addr)
    except Exception:
        logger.exception("Import job %s could not run", job_id)
    finally:
        connections.close_all()


def _spawn(job_id, path: str, remote_addr: str | None) -> None:
    """Start the import in a background thread (tests replace this to run it inline)."""
    threading.Thread(
        target=_thread_main, args=(job_id, path, remote_addr), name=f"import-{job_id}", daemon=True
    ).start()


def import_job_start(*, actor, upload, dry_run: bool = False, remote_addr: str | None = None) -> ImportJob:
    """The upload page: create the job and run it in the background; the page polls its progress."""
    job, path = import_job_create(actor=actor, upload=upload, dry_run=dry_run)
    _spawn(job.pk, path, remote_addr)
    return job


def import_job_run_now(*, actor, upload, dry_run: bool = False, remote_addr: str | None = None) -> ImportJob:
    """The API: create the job and run it in the request."""
    job, path = import_job_create(actor=actor, upload=upload, dry_run=dry_run)
    _run(job.pk, path, remote_addr)
    job.refresh_from_db()
    return job
