"""Excel (.xlsx) export of the admissions list, run as a job on the queue: the page's filters re-read and the
starter's scope re-applied when the job runs."""

from django.core.exceptions import ValidationError

from canbo.core.paging import apply_sort, sort_from_query
from canbo.jobs.exports import register_list_export
from canbo.jobs.registry import JobFailed

from .forms import admission_filters
from .selectors import ADMISSION_DEFAULT_SORT, ADMISSION_SORT_COLUMNS, admission_list, is_reader

ADMISSION_EXPORT = "party.admissions"
NO_ACCESS = "Anh/chị không có quyền xem công tác kết nạp đảng viên."
HEADERS = [
    "STT",
    "Họ và tên",
    "Ngày sinh",
    "Tổ chức đảng",
    "Chi bộ",
    "Ngày chi bộ biểu quyết",
    "Số quyết định",
    "Ngày kết nạp",
    "Trạng thái",
    "Ngày chính thức",
    "Ngày xóa tên, khai trừ",
    "Lý do",
]


def admissions_rows(admissions):
    for a in admissions.iterator(chunk_size=2000):
        yield [
            a.name,
            a.birth_date,
            a.party_org.name,
            a.cell,
            a.cell_vote_date,
            a.decision_number,
            a.admitted_on,
            a.get_status_display(),
            a.full_member_on,
            a.removed_on,
            a.removal_reason,
        ]


def _admissions(user, query):
    if not is_reader(user):
        raise JobFailed(NO_ACCESS)
    filters, errors = admission_filters(user=user, query=query)
    if errors:
        raise ValidationError(errors)
    sort = sort_from_query(query, ADMISSION_SORT_COLUMNS, ADMISSION_DEFAULT_SORT)
    return apply_sort(admission_list(user=user, filters=filters), sort)


register_list_export(
    ADMISSION_EXPORT,
    title="Kết nạp đảng viên",
    filename="ket-nap-dang-vien.xlsx",
    sheet="Kết nạp đảng viên",
    headers=HEADERS,
    select=_admissions,
    rows=admissions_rows,
    person_field="person",
)
