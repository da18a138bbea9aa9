"""Excel (.xlsx) export of the admissions list (the same scoped, filtered queryset as the page)."""

import tempfile
from datetime import date

from django.http import FileResponse
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from canbo.people.exports import DATE_FORMAT, XLSX_TYPE

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


def _cell(sheet, value):
    if isinstance(value, date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = DATE_FORMAT
        return cell
    return value


def admissions_xlsx(admissions) -> FileResponse:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Kết nạp đảng viên")
    sheet.append(HEADERS)
    for index, a in enumerate(admissions.iterator(chunk_size=2000), start=1):
        sheet.append(
            [
                _cell(sheet, v)
                for v in [
                    index,
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
            ]
        )
    fileobj = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it
    workbook.save(fileobj)
    fileobj.seek(0)
    return FileResponse(
        fileobj, as_attachment=True, filename="ket-nap-dang-vien.xlsx", content_type=XLSX_TYPE
    )
