"""Excel (.xlsx) exports of registrations and awards (the same scoped, filtered querysets as the pages)."""

import tempfile
from datetime import date

from django.http import FileResponse
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from canbo.people.exports import DATE_FORMAT, XLSX_TYPE


def _cell(sheet, value):
    if isinstance(value, date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = DATE_FORMAT
        return cell
    return value


def _xlsx(title: str, filename: str, headers: list[str], rows) -> FileResponse:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title)
    sheet.append(headers)
    for index, values in enumerate(rows, start=1):
        sheet.append([index, *(_cell(sheet, v) for v in values)])
    fileobj = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it
    workbook.save(fileobj)
    fileobj.seek(0)
    return FileResponse(fileobj, as_attachment=True, filename=filename, content_type=XLSX_TYPE)


def registrations_xlsx(qs) -> FileResponse:
    headers = [
        "STT",
        "Năm",
        "Phong trào",
        "Đối tượng",
        "Tập thể / cá nhân",
        "Đơn vị",
        "Ngày đăng ký",
        "Nội dung",
    ]
    rows = (
        [r.year, r.movement.name, r.get_kind_display(), r.recipient, r.unit.name, r.registered_on, r.note]
        for r in qs.iterator(chunk_size=2000)
    )
    return _xlsx("Đăng ký điển hình", "dang-ky-dien-hinh.xlsx", headers, rows)


def awards_xlsx(qs) -> FileResponse:
    headers = [
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
    rows = (
        [
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
        for a in qs.iterator(chunk_size=2000)
    )
    return _xlsx("Khen thưởng", "khen-thuong.xlsx", headers, rows)
