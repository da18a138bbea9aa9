"""Excel (.xlsx) exports of registrations and awards, run as jobs on the queue: the pages' filters re-read and
the starter's scope re-applied when the job runs."""

from django.core.exceptions import ValidationError

from canbo.core.paging import apply_sort, sort_from_query
from canbo.jobs.exports import register_list_export
from canbo.jobs.registry import JobFailed

from . import selectors
from .forms import list_filters

REGISTRATION_EXPORT = "emulation.registrations"
AWARD_EXPORT = "emulation.awards"
NO_ACCESS = "Anh/chị không có quyền xem thi đua, khen thưởng."
REGISTRATION_HEADERS = [
    "STT",
    "Năm",
    "Phong trào",
    "Đối tượng",
    "Tập thể / cá nhân",
    "Đơn vị",
    "Ngày đăng ký",
    "Nội dung",
]
AWARD_HEADERS = [
    "STT",
    "Năm",
    "Danh hiệu, hình thức",
    "Đối tượng",
    "Tập thể / cá nhân",
    "Đơn vị",
    "Số quyết định",
    "Ngày quyết định",
    "Cấp khen",
    "Ngày hủy",
    "Lý do hủy",
]


def _filters(user, query) -> dict:
    if not selectors.is_reader(user):
        raise JobFailed(NO_ACCESS)
    filters, errors = list_filters(user=user, query=query)
    if errors:
        raise ValidationError(errors)
    return filters


def registration_rows(qs):
    for r in qs.iterator(chunk_size=2000):
        yield [
            r.year,
            r.movement.name,
            r.get_kind_display(),
            r.recipient,
            r.unit.name,
            r.registered_on,
            r.note,
        ]


def award_rows(qs):
    for a in qs.iterator(chunk_size=2000):
        yield [
            a.year,
            a.get_form_display(),
            a.get_kind_display(),
            a.recipient,
            a.unit.name,
            a.decision_number,
            a.decision_date,
            a.issuing_body,
            a.revoked_on,
            a.revocation_reason,
        ]


register_list_export(
    REGISTRATION_EXPORT,
    title="Đăng ký điển hình",
    filename="dang-ky-dien-hinh.xlsx",
    sheet="Đăng ký điển hình",
    headers=REGISTRATION_HEADERS,
    select=lambda user, query: apply_sort(
        selectors.registration_list(user=user, filters=_filters(user, query)),
        sort_from_query(query, selectors.REGISTRATION_SORT_COLUMNS, "-nam"),
    ),
    rows=registration_rows,
    person_field="person",
)
register_list_export(
    AWARD_EXPORT,
    title="Khen thưởng",
    filename="khen-thuong.xlsx",
    sheet="Khen thưởng",
    headers=AWARD_HEADERS,
    select=lambda user, query: apply_sort(
        selectors.award_list(user=user, filters=_filters(user, query)),
        sort_from_query(query, selectors.AWARD_SORT_COLUMNS, "-nam"),
    ),
    rows=award_rows,
    person_field="person",
)
