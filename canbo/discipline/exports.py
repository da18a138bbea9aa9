"""Excel export of the discipline decisions the user sees, run as a job on the queue (one streamed query, the
starter's scope when the job runs)."""

from canbo.accounts.access import reads_cadre_work
from canbo.core.db_router import replica_reads
from canbo.core.xlsx import write_table
from canbo.jobs.exports import register_export
from canbo.jobs.registry import JobFailed

from .selectors import record_list

RECORD_EXPORT = "discipline.records"
NO_ACCESS = "Anh/chị không có quyền xem trang kỷ luật."
HEADERS = [
    "STT", "Mã hồ sơ", "Họ và tên", "Đơn vị", "Hình thức kỷ luật", "Số quyết định", "Ngày quyết định",
    "Hết hiệu lực", "Cơ quan quyết định", "Hành vi vi phạm", "Liên quan thực thi nhiệm vụ, công vụ",
]  # fmt: skip


def records_rows(records):
    for r in records.iterator(chunk_size=2000):
        yield [
            r.person.code, r.person.full_name, r.unit.name if r.unit else "", r.get_form_display(),
            r.decision_number, r.decided_on, r.effective_until, r.authority, r.reason,
            "Có" if r.duty_related else "Không",
        ]  # fmt: skip


def write_record_export(*, user, query, fileobj, progress) -> int:
    """The decisions list's "Xuất Excel" (the list has no filters): every decision the user may see now."""
    if not reads_cadre_work(user):
        raise JobFailed(NO_ACCESS)
    with replica_reads():
        records = record_list(user=user)
        return write_table(
            fileobj,
            title="Kỷ luật",
            headers=HEADERS,
            rows=records_rows(records),
            total=records.count(),
            progress=progress,
        )


register_export(RECORD_EXPORT, title="Quyết định kỷ luật", filename="ky-luat.xlsx", write=write_record_export)
