"""Excel export of the discipline decisions the user sees, run as a job on the queue (one streamed query, the
starter's scope when the job runs)."""

from canbo.accounts.access import reads_cadre_work
from canbo.jobs.exports import register_list_export
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


def _records(user, query):
    """The decisions list's "Xuất Excel" (the list has no filters): every decision the user may see now."""
    if not reads_cadre_work(user):
        raise JobFailed(NO_ACCESS)
    return record_list(user=user)


register_list_export(
    RECORD_EXPORT,
    title="Quyết định kỷ luật",
    filename="ky-luat.xlsx",
    sheet="Kỷ luật",
    headers=HEADERS,
    select=_records,
    rows=records_rows,
    person_field="person",
)
