"""A statistical form as an Excel workbook in the Ministry's layout: the form's number and legal basis on the
left, the reporting and receiving units on the right, the title in capitals with the reporting date, a
two-row header (each column group's label merged over its columns; single columns merged over both rows), the
row of column numbers (A, B, 1, 2, …), one row per unit, the total in bold, the notes and the signature block.

Every cell is written through canbo.core.xlsx (`set_cell`, `write_merged`): a unit's name is never a formula.
"""

from __future__ import annotations

from datetime import date

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from canbo.core.xlsx import PROGRESS_EVERY, set_cell, write_merged
from canbo.reports.base import ReportResult
from canbo.reports.formatting import fmt_date

from .definitions import StatForm

FONT = "Times New Roman"
RECEIVER = "Bộ Nội vụ"
HEADER_ROW = 8  # the first of the two header rows
FIRST_STAT_COLUMN = 3  # A: STT, B: unit name
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CENTRED = Alignment(horizontal="center", vertical="center", wrap_text=True)


def _font(bold=False, italic=False, size=12):
    return Font(name=FONT, bold=bold, italic=italic, size=size)


def header_cells(form: StatForm) -> list[tuple[int, int, int, int, str]]:
    """(row, column, rows, columns, text) of every header block, the layout the tests check."""
    blocks = [(HEADER_ROW, 1, 2, 1, "STT"), (HEADER_ROW, 2, 2, 1, "Tên cơ quan, đơn vị")]
    column = FIRST_STAT_COLUMN
    for group in form.groups:
        width = len(group.columns)
        if width == 1:
            blocks.append((HEADER_ROW, column, 2, 1, group.columns[0].label))
        else:
            blocks.append((HEADER_ROW, column, 1, width, group.label))
            blocks += [(HEADER_ROW + 1, column + i, 1, 1, c.label) for i, c in enumerate(group.columns)]
        column += width
    return blocks


def write_form_xlsx(form: StatForm, result: ReportResult, fileobj, progress=None) -> int:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = form.code.replace("/", "-")
    stat_columns = form.columns
    width = FIRST_STAT_COLUMN - 1 + len(stat_columns)
    right = max(width - 5, 3)
    on = date.fromisoformat(result.meta["on"])

    write_merged(sheet, row=1, column=1, columns=2, value=f"Biểu số {form.code}").font = _font(bold=True)
    write_merged(sheet, row=2, column=1, columns=2, rows=2, value=form.legal_basis).font = _font(italic=True)
    unit_name = result.meta.get("unit_name") or ""
    write_merged(sheet, row=1, column=right, columns=width - right + 1, value=f"Đơn vị báo cáo: {unit_name}")
    write_merged(
        sheet, row=2, column=right, columns=width - right + 1, value=f"Đơn vị nhận báo cáo: {RECEIVER}"
    )
    for row in (1, 2):
        sheet.cell(row=row, column=right).font = _font(bold=row == 1)
    sheet.cell(row=2, column=1).alignment = Alignment(wrap_text=True, vertical="top")

    title = write_merged(sheet, row=4, column=1, columns=width, value=form.title.upper())
    title.font, title.alignment = _font(bold=True, size=14), CENTRED
    when = write_merged(sheet, row=5, column=1, columns=width, value=f"Tính đến ngày {fmt_date(on)}")
    when.font, when.alignment = _font(italic=True), CENTRED
    scope_text = result.parameters_text.split("; ", 1)[-1]  # the date is on the line above
    scope = write_merged(sheet, row=6, column=1, columns=width, value=scope_text[:1].upper() + scope_text[1:])
    scope.font, scope.alignment = _font(italic=True, size=11), CENTRED

    for row, column, rows, columns, text in header_cells(form):
        write_merged(sheet, row=row, column=column, rows=rows, columns=columns, value=text)
    numbers_row = HEADER_ROW + 2
    for column in range(1, width + 1):
        label = "A" if column == 1 else "B" if column == 2 else str(column - FIRST_STAT_COLUMN + 1)
        set_cell(sheet, numbers_row, column, label)
    for row in range(HEADER_ROW, numbers_row + 1):
        for column in range(1, width + 1):
            cell = sheet.cell(row=row, column=column)
            cell.font, cell.alignment, cell.border = _font(bold=row < numbers_row, size=11), CENTRED, BOX

    keys = ["stt", "unit", *(c.key for c in stat_columns)]
    body = [*result.rows, *result.totals]
    row = numbers_row
    for done, record in enumerate(body, start=1):
        row += 1
        for column, key in enumerate(keys, start=1):
            cell = set_cell(sheet, row, column, record.values.get(key))
            cell.font, cell.border = _font(bold=record.kind != "data", size=11), BOX
            if column >= FIRST_STAT_COLUMN:
                cell.number_format = "#,##0"
        if progress and done % PROGRESS_EVERY == 0:
            progress("Đang ghi tệp Excel", done, len(body), unit="dòng")

    row += 2
    for note in result.notes:
        write_merged(sheet, row=row, column=1, columns=width, value=str(note)).alignment = Alignment(
            wrap_text=True, vertical="top"
        )
        row += 1
    _signature_block(sheet, row + 1, right, width)

    sheet.column_dimensions["A"].width = 6
    sheet.column_dimensions["B"].width = 40
    for column in range(FIRST_STAT_COLUMN, width + 1):
        sheet.column_dimensions[get_column_letter(column)].width = 11
    sheet.freeze_panes = sheet.cell(row=numbers_row + 1, column=FIRST_STAT_COLUMN)
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    if progress:
        progress("Đang lưu tệp", len(body), len(body), unit="dòng")
    workbook.save(fileobj)
    return len(body)


def _signature_block(sheet, row: int, right: int, width: int) -> None:
    span = width - right + 1
    lines_left = [("NGƯỜI LẬP BIỂU", True, False), ("(Ký, ghi rõ họ tên)", False, True)]
    lines_right = [
        ("…, ngày … tháng … năm …", False, True),
        ("THỦ TRƯỞNG ĐƠN VỊ", True, False),
        ("(Ký, đóng dấu, ghi rõ họ tên)", False, True),
    ]
    for offset, (text, bold, italic) in enumerate(lines_left, start=1):
        cell = write_merged(sheet, row=row + offset, column=1, columns=2, value=text)
        cell.font, cell.alignment = _font(bold=bold, italic=italic), CENTRED
    for offset, (text, bold, italic) in enumerate(lines_right):
        cell = write_merged(sheet, row=row + offset, column=right, columns=span, value=text)
        cell.font, cell.alignment = _font(bold=bold, italic=italic), CENTRED
