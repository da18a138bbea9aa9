"""Excel (.xlsx) export of the streamlining cases: the same scoped, filtered queryset as the list page."""

import tempfile
from datetime import date

from django.http import FileResponse
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from canbo.people.exports import DATE_FORMAT, XLSX_TYPE

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
MONEY_FORMAT = "#,##0"


def _cell(sheet, value):
    if isinstance(value, date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = DATE_FORMAT
        return cell
    return value


def _money(sheet, value):
    if value is None:
        return None
    cell = WriteOnlyCell(sheet, value=int(value))
    cell.number_format = MONEY_FORMAT
    return cell


def cases_xlsx(cases) -> FileResponse:
    """One row per case, in the list's order (one query: `cases` selects person and unit)."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Tinh giản biên chế")
    sheet.append(HEADERS)
    for index, c in enumerate(cases.iterator(chunk_size=2000), start=1):
        row = [
            index,
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
        ]
        sheet.append(
            [_cell(sheet, v) for v in row]
            + [_money(sheet, c.allowance_amount), _cell(sheet, c.repaid_on), _money(sheet, c.repaid_amount)]
        )
    fileobj = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it
    workbook.save(fileobj)
    fileobj.seek(0)
    return FileResponse(
        fileobj, as_attachment=True, filename="tinh-gian-bien-che.xlsx", content_type=XLSX_TYPE
    )
