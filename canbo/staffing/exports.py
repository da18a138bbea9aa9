"""Excel (.xlsx) exports of staffing, run as jobs on the queue: the quota table (the `staffing-quota` report,
so the figures are the page's) and the streamlining cases (the list page's scoped, filtered queryset). The job
re-validates the filters and re-applies the starter's scope when it runs."""

from django.core.exceptions import ValidationError
from django.utils import timezone

from canbo.accounts.access import reads_cadre_work
from canbo.core.paging import apply_sort, sort_from_query
from canbo.core.xlsx import Money
from canbo.jobs.exports import register_export, register_list_export
from canbo.jobs.registry import JobFailed
from canbo.reports.base import ReportParameterError
from canbo.reports.registry import get_report
from canbo.reports.rendering import write_report_xlsx

from .forms import CaseFilterForm
from .selectors import CASE_DEFAULT_SORT, CASE_SORT_COLUMNS, case_list

QUOTA_EXPORT = "staffing.quotas"
CASE_EXPORT = "staffing.cases"
NO_ACCESS = "Anh/chị không có quyền xem trang biên chế, tinh giản biên chế."

HEADERS = [
    "STT",
    "Mã hồ sơ",
    "Họ và tên",
    "Đơn vị khi đề nghị",
    "Lý do tinh giản",
    "Chính sách",
    "Ngày đề nghị",
    "Trạng thái",
    "Số quyết định",
    "Ngày quyết định",
    "Ngày nghỉ",
    "Số tiền trợ cấp (đồng)",
    "Ngày hoàn trả trợ cấp",
    "Số tiền đã hoàn trả (đồng)",
]


def _money(value) -> Money | None:
    return None if value is None else Money(value)


def _require_access(user) -> None:
    if not reads_cadre_work(user):
        raise JobFailed(NO_ACCESS)


def quota_report_data(query) -> dict:
    """The `staffing-quota` report's parameters from the quota page's filters (year: this year by default)."""
    return {"year": query.get("year") or str(timezone.localdate().year), "org": query.get("unit", "")}


def write_quota_export(*, user, query, fileobj, progress) -> int:
    _require_access(user)
    progress("Đang tính số liệu biên chế", 0, 0, unit="dòng")
    try:
        result = get_report("staffing-quota").execute(user=user, data=quota_report_data(query))
    except ReportParameterError as exc:
        raise ValidationError(exc.message) from None
    return write_report_xlsx(result, fileobj, progress)


def cases_rows(cases):
    """One row per case, in the list's order (one query: `cases` selects person and unit)."""
    for c in cases.iterator(chunk_size=2000):
        yield [
            c.person.code,
            c.person.full_name,
            c.unit.name,
            c.get_reason_display(),
            c.get_policy_display(),
            c.proposed_on,
            c.get_status_display(),
            c.decision_number,
            c.decision_date,
            c.exit_date,
            _money(c.allowance_amount),
            c.repaid_on,
            _money(c.repaid_amount),
        ]


def _cases(user, query):
    """The case list's "Xuất Excel": the list page's filters, within what the user may see now."""
    _require_access(user)
    form = CaseFilterForm(query, user=user)
    if not form.is_valid():
        raise ValidationError(form.errors.as_data())
    sort = sort_from_query(query, CASE_SORT_COLUMNS, CASE_DEFAULT_SORT)
    return apply_sort(case_list(user=user, filters=form.cleaned_data), sort)


register_export(
    QUOTA_EXPORT,
    title="Biên chế được giao và thực có",
    filename="bien-che-{date}.xlsx",
    write=write_quota_export,
)
register_list_export(
    CASE_EXPORT,
    title="Tinh giản biên chế",
    filename="tinh-gian-bien-che.xlsx",
    sheet="Tinh giản biên chế",
    headers=HEADERS,
    select=_cases,
    rows=cases_rows,
    person_field="person",
)
