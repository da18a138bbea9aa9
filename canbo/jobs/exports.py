"""Excel exports as jobs. Each app registers how one of its lists is written, from the acting user and the
page's filters; "Xuất Excel" starts a job on the queue, and the job page shows progress and offers the file.

The worker re-validates the filters and re-applies the user's scope when it runs, so a job never writes more
than its starter may see at that moment."""

import tempfile
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files import File
from django.dispatch import Signal
from django.http import QueryDict
from django.utils import timezone

from canbo.core.xlsx import write_list

from .models import Job
from .registry import JobFailed, register
from .services import job_submit


@dataclass(frozen=True)
class Export:
    key: str
    title: str
    filename: str  # "{date}" becomes yyyymmdd
    # write(*, user, query: QueryDict, fileobj, progress) -> number of rows; ValidationError for bad filters
    write: Callable


_EXPORTS: dict[str, Export] = {}

# Rows about persons left in an exported file: sender = the export's key, user, person_ids / person_uuids.
# The national-database app logs one "export" access per person (NĐ 27/2026: every access is logged).
personal_rows_exported = Signal()


def log_personal_export(*, key: str, user, person_ids=(), person_uuids=()) -> None:
    """Tell who took a file with rows about these persons, named by pk or by uuid (repeats and None skipped)."""
    ids = sorted({pk for pk in person_ids if pk is not None})
    uuids = sorted({str(u) for u in person_uuids if u})
    if ids or uuids:
        personal_rows_exported.send(sender=key, user=user, person_ids=ids, person_uuids=uuids)


def register_export(key: str, *, title: str, filename: str, write: Callable) -> None:
    _EXPORTS[key] = Export(key=key, title=title, filename=filename, write=write)


def register_list_export(
    key: str,
    *,
    title: str,
    filename: str,
    sheet: str,
    headers: list[str],
    select: Callable,
    rows: Callable,
    person_field: str = "",
) -> None:
    """A list page's "Xuất Excel": `select(user, query)` re-checks access and the page's filters (JobFailed,
    ValidationError) and returns the list scoped to the starter now; `rows(queryset)` yields each record's
    values under `headers` (which start with "STT") on the sheet `sheet`. `person_field` names the rows' person
    (a foreign key, "person"): each person in the file is logged as exported (`log_personal_export`)."""

    def write(*, user, query, fileobj, progress) -> int:
        selected = []

        def select_once():
            selected.append(select(user, query))
            return selected[0]

        count = write_list(
            fileobj, title=sheet, headers=headers, select=select_once, rows=rows, progress=progress
        )
        if person_field and selected:
            log_personal_export(
                key=key, user=user, person_ids=selected[0].order_by().values_list(person_field, flat=True)
            )
        return count

    register_export(key, title=title, filename=filename, write=write)


def export_for(key: str) -> Export:
    try:
        return _EXPORTS[key]
    except KeyError:
        raise JobFailed("Danh sách này không còn xuất được.") from None


def export_start(*, actor, key: str, query: str = "", title: str = "", filename: str = "") -> Job:
    """`title` and `filename` (with "{date}" as above) name this one export when the registered ones are too
    general: one report of many, one survey."""
    export = export_for(key)
    params = {"export": key, "query": query}
    if filename:
        params["filename"] = filename
    return job_submit(kind="export", title=f"Xuất Excel: {title or export.title}", actor=actor, params=params)


def _messages(exc: ValidationError) -> list[str]:
    if hasattr(exc, "error_dict"):
        return [m for messages in exc.message_dict.values() for m in messages]
    return list(exc.messages)


def run_export(job: Job, progress) -> None:
    export = export_for(job.params.get("export", ""))
    query = QueryDict(job.params.get("query", ""))
    progress("Đang chuẩn bị", 0, 0, unit="dòng")
    with tempfile.TemporaryFile() as fileobj:
        try:
            rows = export.write(user=job.created_by, query=query, fileobj=fileobj, progress=progress)
        except ValidationError as exc:
            raise JobFailed("Bộ lọc không hợp lệ: " + " ".join(_messages(exc))) from None
        fileobj.seek(0)
        job.result_file.save(f"{job.pk}.xlsx", File(fileobj), save=False)
    filename = job.params.get("filename") or export.filename
    job.result_name = filename.replace("{date}", f"{timezone.localdate():%Y%m%d}")
    job.result = {"rows": rows}
    job.message = f"Đã xuất {rows:,} dòng.".replace(",", ".")


register("export", run=run_export)
