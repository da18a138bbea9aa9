"""The look of Canbo's hand-drawn workbooks (openpyxl): Vietnamese headers, numbers
#,##0 (Excel shows 25.944 in a Vietnamese locale), shares 0.0 (80,0), dates DD/MM/YYYY."""

import io

from django.http import HttpResponse
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from canbo.core.xlsx import set_cell

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
INT, PCT, DATE, TEXT = "#,##0", "0.0", "DD/MM/YYYY", "@"
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="0B4F8A")
TOTAL_FONT = Font(bold=True)
TITLE_FONT = Font(bold=True, size=14)
_THIN = Side(style="thin", color="D7DBE0")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


def header(sheet, row: int, titles: list[tuple[str, int]]) -> None:
    """A header row: (title, column width) per column."""
    for col, (title, width) in enumerate(titles, start=1):
        cell = set_cell(sheet, row, col, title)
        cell.font, cell.fill, cell.border = HEADER_FONT, HEADER_FILL, BORDER
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        sheet.column_dimensions[get_column_letter(col)].width = width
    sheet.row_dimensions[row].height = 32


def put_row(sheet, row: int, values: list, formats: list[str | None], *, bold=False) -> None:
    """One row of values; text is written as text (a name typed as "=…" is never a formula)."""
    for col, (value, fmt) in enumerate(zip(values, formats, strict=True), start=1):
        cell = set_cell(sheet, row, col, value)
        cell.border = BORDER
        if fmt:
            cell.number_format = fmt
        if bold:
            cell.font = TOTAL_FONT


def facts(sheet, row: int, items: list[tuple[str, object]]) -> int:
    """Label / value pairs under a title; dates formatted dd/mm/yyyy. Returns the next free row."""
    for label, value in items:
        set_cell(sheet, row, 1, label).font = TOTAL_FONT
        cell = set_cell(sheet, row, 2, value)
        if hasattr(value, "year"):
            cell.number_format = DATE
            cell.alignment = Alignment(horizontal="left")
        row += 1
    return row


def xlsx_response(workbook, filename: str) -> HttpResponse:
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
