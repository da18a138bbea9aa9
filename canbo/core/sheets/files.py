"""File-level checks of an uploaded workbook (name, size, the zip container's limits), its storage until a worker
reads it, and the errors every reader reports: the whole file refused (ImportFileError) or one cell (RowError)."""

import contextlib
import os
import tempfile
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage

from .xlsx import Limits, WorkbookError, check_container


class ImportFileError(Exception):
    """The whole file is refused (not .xlsx, corrupted, too big, a sheet or header missing)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class RowError:
    sheet: str
    row: int
    column: str
    message: str

    def as_dict(self) -> dict:
        return {"sheet": self.sheet, "row": self.row, "column": self.column, "message": self.message}


def _format_size(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".replace(".", ",") + " MB"


def workbook_limits() -> Limits:
    return Limits(
        part_bytes=settings.IMPORT_MAX_PART_BYTES,
        total_bytes=settings.IMPORT_MAX_UNCOMPRESSED_BYTES,
        ratio=settings.IMPORT_MAX_RATIO,
        rows=settings.IMPORT_MAX_ROWS,
        columns=settings.IMPORT_MAX_COLUMNS,
    )


def check_size(size: int) -> None:
    limit = settings.IMPORT_MAX_BYTES
    if size > limit:
        raise ImportFileError(
            f"Tệp quá lớn ({_format_size(size)}); chỉ nhận tệp đến {_format_size(limit)}. "
            "Hãy chia thành nhiều tệp nhỏ hơn."
        )


def format_count(n: int) -> str:
    """25944 -> '25.944' (Vietnamese grouping), also outside a request."""
    return f"{n:,}".replace(",", ".")


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
    try:
        check_container(upload, workbook_limits())
    except WorkbookError as exc:
        raise ValidationError({"file": str(exc)}) from None


def store_upload(upload) -> str:
    """The upload kept in the file storage until the worker has read it (any app server, any worker)."""
    return default_storage.save(f"imports/{uuid.uuid4()}.xlsx", upload)


@contextlib.contextmanager
def stored_upload_path(stored: str):
    """The worker's side: a stored upload as a local temporary file (parsers need a path); both are removed
    afterwards, also when the work failed (a failed job is not run again; only a dead worker's job is, and a dead
    worker never reaches this `finally`, so its retry still finds the upload)."""
    handle, path = tempfile.mkstemp(prefix="canbo-import-", suffix=".xlsx")
    try:
        with os.fdopen(handle, "wb") as target, default_storage.open(stored, "rb") as source:
            for chunk in iter(lambda: source.read(1024 * 1024), b""):
                target.write(chunk)
        yield path
    finally:
        with contextlib.suppress(OSError):
            os.unlink(path)
        default_storage.delete(stored)
