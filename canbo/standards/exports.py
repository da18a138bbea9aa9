"""Excel (.xlsx) exports of the gap list and of a review campaign's findings: write-only, dd/mm/yyyy dates."""

import tempfile

from django.http import FileResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from canbo.core.xlsx import XLSX_TYPE
from canbo.people.exports import DATE_FORMAT

from .gaps import iter_gap_entries


def _sheet(workbook, title: str, headers: list[tuple[str, int]], heading: list[str]):
    sheet = workbook.create_sheet(title)
    for index, (_title, width) in enumerate(headers, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    bold = Font(bold=True)
    for line in heading:
        cell = WriteOnlyCell(sheet, value=line)
        cell.font = bold
        sheet.append([cell])
    sheet.append([])
    row = []
    for title_, _width in headers:
        cell = WriteOnlyCell(sheet, value=title_)
        cell.font = bold
        row.append(cell)
    sheet.append(row)
    return sheet


def _date(sheet, value):
    if value is None:
        return None
    cell = WriteOnlyCell(sheet, value=value)
    cell.number_format = DATE_FORMAT
    return cell


def _wrapped(sheet, text: str):
    cell = WriteOnlyCell(sheet, value=text)
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    return cell


def _response(workbook, filename: str) -> FileResponse:
    fileobj = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it after streaming
    workbook.save(fileobj)
    fileobj.seek(0)
    return FileResponse(fileobj, as_attachment=True, filename=filename, content_type=XLSX_TYPE)


GAP_HEADERS = [
    ("STT", 6),
    ("Họ và tên", 28),
    ("Ngày sinh", 12),
    ("Mã hồ sơ", 12),
    ("Đơn vị công tác", 36),
    ("Chức vụ hiện tại", 26),
    ("Đối chiếu tiêu chuẩn chức vụ", 30),
    ("Số tiêu chí chưa đạt", 10),
    ("Tiêu chuẩn chưa đạt", 80),
]


def gap_list_response(groups, *, unit, on, mode_label: str) -> FileResponse:
    workbook = Workbook(write_only=True)
    heading = [
        "DANH SÁCH CÁN BỘ CHƯA ĐẠT TIÊU CHUẨN CHỨC DANH",
        f"Đơn vị: {unit.name} và các đơn vị trực thuộc; tại ngày {on:%d/%m/%Y}; {mode_label.lower()}",
    ]
    sheet = _sheet(workbook, "Chưa đạt tiêu chuẩn", GAP_HEADERS, heading)
    for number, entry in enumerate(iter_gap_entries(groups), start=1):
        p = entry.person
        sheet.append(
            [
                number,
                p.full_name,
                _date(sheet, p.date_of_birth),
                p.code,
                p.current_unit.name,
                p.position.name if p.position_id else None,
                entry.group.position.name,
                len(entry.gaps),
                _wrapped(sheet, "\n".join(g.message for g in entry.gaps)),
            ]
        )
    return _response(workbook, f"chua-dat-tieu-chuan-{on:%Y%m%d}.xlsx")


FINDING_HEADERS = [
    ("STT", 6),
    ("Họ và tên", 28),
    ("Ngày sinh", 12),
    ("Mã hồ sơ", 12),
    ("Đơn vị (khi rà soát)", 36),
    ("Chức vụ (khi rà soát)", 26),
    ("Tiêu chuẩn chưa đạt", 80),
    ("Đã khắc phục ngày", 14),
]


def findings_response(campaign, findings) -> FileResponse:
    workbook = Workbook(write_only=True)
    heading = [
        campaign.name.upper(),
        f"Ngày rà soát {campaign.review_date:%d/%m/%Y}; hạn khắc phục {campaign.deadline:%d/%m/%Y}"
        + (f"; kiểm tra lại ngày {campaign.rechecked_on:%d/%m/%Y}" if campaign.rechecked_on else ""),
    ]
    sheet = _sheet(workbook, "Kết quả rà soát", FINDING_HEADERS, heading)
    rows = findings.order_by("unit__path", "person__sort_key", "pk").values_list(
        "person__full_name",
        "person__date_of_birth",
        "person__code",
        "unit__name",
        "position__name",
        "gaps",
        "resolved_on",
    )
    for number, (name, born, code, unit, position, gaps, resolved) in enumerate(
        rows.iterator(chunk_size=2000), start=1
    ):
        sheet.append(
            [
                number,
                name,
                _date(sheet, born),
                code,
                unit,
                position,
                _wrapped(sheet, "\n".join(g.get("message", "") for g in gaps)),
                _date(sheet, resolved),
            ]
        )
    return _response(workbook, f"ra-soat-tieu-chuan-{campaign.pk}-{timezone.localdate():%Y%m%d}.xlsx")
