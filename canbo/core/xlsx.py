"""Streaming Excel (.xlsx) lists for the modules' "Xuất Excel" buttons: a header row, then one numbered row per
record (write-only workbook, so memory stays flat), dates shown dd/mm/yyyy and money with thousands separators."""

import tempfile
from collections.abc import Iterable
from datetime import date

from django.http import FileResponse
from django.utils.functional import Promise
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DATE_FORMAT = "DD/MM/YYYY"
MONEY_FORMAT = "#,##0"


class Money(int):
    """An amount in đồng, written with the money format."""


def text_cell(sheet, value: str) -> WriteOnlyCell:
    """Text written as text: a value such as '=HYPERLINK(…)' typed by a user or a citizen is never a formula.
    Control characters Excel cannot store are dropped. Works in write-only and ordinary sheets (append)."""
    cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", value))
    cell.data_type = "s"
    return cell


def safe_value(sheet, value):
    """Every value written to a workbook passes here: strings become text cells, others stay as they are."""
    if isinstance(value, Promise):  # a lazy Vietnamese label
        value = str(value)
    return text_cell(sheet, value) if isinstance(value, str) else value


def set_value(sheet, row: int, column: int, value):
    """`safe_value` for a cell placed by position in an ordinary sheet (`sheet.cell(...)`, `sheet["A1"]`):
    strings are written as text, never as formulas; returns the cell for its styles."""
    if isinstance(value, Promise):
        value = str(value)
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, str):
        cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell.data_type = "s"  # the setter took a leading "=" for a formula
    else:
        cell.value = value
    return cell


def _cell(sheet, value):
    if isinstance(value, str):
        return text_cell(sheet, value)
    if isinstance(value, date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = DATE_FORMAT
        return cell
    if isinstance(value, Money):
        cell = WriteOnlyCell(sheet, value=int(value))
        cell.number_format = MONEY_FORMAT
        return cell
    return value


def table_response(*, title: str, filename: str, headers: list[str], rows: Iterable[list]) -> FileResponse:
    """`headers` starts with "STT": each row is written after its number (1, 2, …)."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title)
    sheet.append(headers)
    for index, values in enumerate(rows, start=1):
        sheet.append([index, *(_cell(sheet, v) for v in values)])
    fileobj = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it after streaming
    workbook.save(fileobj)
    fileobj.seek(0)
    return FileResponse(fileobj, as_attachment=True, filename=filename, content_type=XLSX_TYPE)
