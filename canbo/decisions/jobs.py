"""A decision naming many people (a rotation batch) is drawn up by a job on the queue: the same fetch, the same
scope and the same permission as the page, as the user who asked."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.http import Http404

from canbo.jobs.registry import JobFailed, register

from .registry import kind_for
from .rendering import draft_for

JOB_KIND = "decision_draft"
# a decision naming more people than this is drawn up by a job (the page answers at once)
JOB_THRESHOLD = 100


def run_decision_draft(job, progress) -> None:
    kind = kind_for(job.params.get("kind", ""))
    if kind is None:
        raise JobFailed("Loại quyết định này không còn được hỗ trợ.")
    progress("Đang đọc hồ sơ", 0, 0, unit="người")
    try:
        record = kind.fetch(job.created_by, job.params.get("key", ""))
    except Http404:
        raise JobFailed("Không tìm thấy hồ sơ trong phạm vi đơn vị anh/chị quản lý.") from None
    except PermissionDenied as exc:
        raise JobFailed(str(exc)) from None
    if not kind.may_draft(job.created_by, record):
        raise JobFailed("Anh/chị không có quyền lập dự thảo quyết định cho hồ sơ này.")
    people = kind.size(record) if kind.size else 1
    progress("Đang lập dự thảo quyết định", 0, people, unit="người")
    try:
        content, filename = draft_for(kind, record)
    except ValidationError as exc:
        raise JobFailed(" ".join(exc.messages)) from None
    job.result_file.save(f"{job.pk}.docx", ContentFile(content), save=False)
    job.result_name = filename
    job.result = {"people": people}
    job.message = f"Đã lập dự thảo quyết định: {people} người trong danh sách kèm theo."
    progress("Xong", people, people, unit="người")


register(JOB_KIND, run=run_decision_draft)
