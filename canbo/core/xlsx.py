"""Excel (.xlsx) writing shared by every workbook: one rule for cell values and the streaming list the export
jobs write (a header row, then one numbered row per record; write-only workbook, so memory stays flat), dates
shown dd/mm/yyyy and money with thousands separators.

Every string written to any workbook goes through `safe_value` (appended rows) or `set_cell` (an ordinary
sheet's cell by its coordinates): text is written as text, never as a formula ("=HYPERLINK(…)" typed by a
user or a citizen stays those characters)."""

from collections.abc import Callable, Iterable
from datetime import date

from django.utils.functional import Promise
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from .db_router import replica_reads

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DATE_FORMAT = "DD/MM/YYYY"
MONEY_FORMAT = "#,##0"
PROGRESS_EVERY = 1000


class Money(int):
    """An amount in đồng, written with the money format."""


def _clean(value: str) -> str:
    return ILLEGAL_CHARACTERS_RE.sub("", value)  # control characters Excel cannot store


def text_cell(sheet, value: str) -> WriteOnlyCell:
    """Text written as text: a value such as '=HYPERLINK(…)' typed by a user or a citizen is never a formula.
    Control characters Excel cannot store are dropped. Works in write-only and ordinary sheets (append)."""
    cell = WriteOnlyCell(sheet, value=_clean(value))
    cell.data_type = "s"
    return cell


def safe_value(sheet, value):
    """Every value appended to a workbook passes here: strings become text cells, others stay as they are."""
    if isinstance(value, Promise):  # a lazy Vietnamese label
        value = str(value)
    return text_cell(sheet, value) if isinstance(value, str) else value


def set_cell(sheet, row: int, column: int, value):
    """An ordinary sheet's cell by its coordinates (`sheet.cell(row=, column=, value=)` without the formula
    risk): a string is stored as text, anything else as it is. Returns the cell, for its style."""
    if isinstance(value, Promise):
        value = str(value)
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, str):
        cell.value = _clean(value)
        cell.data_type = "s"
    else:
        cell.value = value
    return cell


def write_merged(sheet, *, row: int, column: int, value, rows: int = 1, columns: int = 1):
    """A value written like `set_cell` into the top-left cell of a block of `rows` × `columns` cells, which are
    merged when the block is larger than one cell (the multi-row headers of the Ministry's forms). Returns the
    top-left cell, for its style."""
    cell = set_cell(sheet, row, column, value)
    if rows > 1 or columns > 1:
        sheet.merge_cells(
            start_row=row, start_column=column, end_row=row + rows - 1, end_column=column + columns - 1
        )
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


def write_table(
    fileobj,
    *,
    title: str,
    headers: list[str],
    rows: Iterable[list],
    total: int = 0,
    progress: Callable | None = None,
) -> int:
    """Write a list to `fileobj`; `headers` starts with "STT": each row is written after its number (1, 2, …).
    `progress(label, done, total, unit=)` is told every PROGRESS_EVERY rows (`total`: the expected count).
    Returns the number of rows written."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title)
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for text in headers:
        cell = text_cell(sheet, text)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    count = 0
    for count, values in enumerate(rows, start=1):
        sheet.append([count, *(_cell(sheet, v) for v in values)])
        if progress and count % PROGRESS_EVERY == 0:
            progress("Đang ghi tệp Excel", count, total, unit="dòng")
    if progress:
        progress("Đang lưu tệp", count, total, unit="dòng")
    workbook.save(fileobj)
    return count


def write_list(
    fileobj, *, title: str, headers: list[str], select: Callable, rows: Callable, progress=None
) -> int:
    """The body of a list page's "Xuất Excel" job: `select()` (the page's selector, scoped to the starter now)
    read from the replica, counted for the progress bar, then `rows(queryset)` streamed under `headers`."""
    with replica_reads():
        queryset = select()
        return write_table(
            fileobj,
            title=title,
            headers=headers,
            rows=rows(queryset),
            total=queryset.count(),
            progress=progress,
        )


def write_columns(fileobj, *, title: str, columns: list[tuple], queryset, progress=None) -> int:
    """A list export driven by its columns — (header, width, values() field, kind) with kind None (as is),
    "date" (dd/mm/yyyy), "decimal" or a choices list (shown by its label) — from a scoped, ordered queryset,
    streamed in constant memory; returns the row count. Every string is written as text."""
    total = queryset.count() if progress else 0
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title)
    sheet.column_dimensions["A"].width = 6
    for index, (_header, width, _field, _kind) in enumerate(columns, start=2):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "C2"
    bold = Font(bold=True)
    header = []
    for heading in ["STT", *(c[0] for c in columns)]:
        cell = text_cell(sheet, heading)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    # Labels are translated once per export, not once per cell.
    kinds = [{k: str(v) for k, v in kind} if isinstance(kind, list) else kind for *_rest, kind in columns]
    count = 0
    rows = queryset.values_list(*(c[2] for c in columns)).iterator(chunk_size=2000)
    for count, values in enumerate(rows, start=1):
        row = [count]
        for kind, value in zip(kinds, values, strict=True):
            if value is None or value == "":
                row.append(None)
            elif kind == "date":
                cell = WriteOnlyCell(sheet, value=value)
                cell.number_format = DATE_FORMAT
                row.append(cell)
            elif kind == "decimal":
                row.append(float(value))
            elif isinstance(kind, dict):
                row.append(safe_value(sheet, kind.get(value, value)))
            else:
                row.append(safe_value(sheet, value))  # a name typed as "=…" stays text
        sheet.append(row)
        if progress and count % PROGRESS_EVERY == 0:
            progress("Đang ghi tệp Excel", count, total, unit="dòng")
    if progress:
        progress("Đang lưu tệp", count, total, unit="dòng")
    workbook.save(fileobj)
    return count
