"""Excel (.xlsx) export of the streamlining cases: the same scoped, filtered queryset as the list page."""

from django.http import FileResponse

from canbo.core.xlsx import Money, table_response

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


def cases_xlsx(cases) -> FileResponse:
    """One row per case, in the list's order (one query: `cases` selects person and unit)."""
    rows = (
        [
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
        for c in cases.iterator(chunk_size=2000)
    )
    return table_response(
        title="Tinh giản biên chế", filename="tinh-gian-bien-che.xlsx", headers=HEADERS, rows=rows
    )
