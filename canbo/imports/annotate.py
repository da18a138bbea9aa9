"""The user's own workbook given back with its faulty cells marked: a red fill and the messages in a comment on
each cell, so that it can be fixed where it is and uploaded again. Nothing else in the file changes (formulas,
other sheets and columns stay as they were)."""

from collections import defaultdict

from openpyxl import load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill

from canbo.core.sheets.columns import normalize_header

from .reading import RowError

FAULTY_FILL = PatternFill(fill_type="solid", start_color="FFFFC7CE", end_color="FFFFC7CE")
AUTHOR = "Canbo"
MAX_COMMENT = 2000  # characters; Excel shows a comment box, not a page


def _sheet_for(workbook, title: str):
    wanted = normalize_header(title)
    return next((ws for ws in workbook.worksheets if normalize_header(ws.title) == wanted), None)


def _header_columns(sheet) -> dict[str, int]:
    """normalised header text -> 1-based column index, from row 1."""
    found: dict[str, int] = {}
    for cell in next(sheet.iter_rows(min_row=1, max_row=1), ()):
        if cell.value is not None:
            found.setdefault(normalize_header(cell.value), cell.column)
    return found


def annotate_workbook(source, target, errors: list[RowError]) -> int:
    """Write to `target` the workbook `source` with every error of `errors` on its cell (a row-wide error on
    the row's first cell); returns the number of cells marked."""
    workbook = load_workbook(source, rich_text=True)
    grouped: dict[tuple[str, int, str], list[str]] = defaultdict(list)
    for error in errors:
        grouped[(error.sheet, error.row, error.column)].append(error.message)
    headers: dict[str, dict[str, int]] = {}
    first_faulty = None
    marked = 0
    for (title, row, column), messages in grouped.items():
        sheet = _sheet_for(workbook, title)
        if sheet is None:
            continue
        if title not in headers:
            headers[title] = _header_columns(sheet)
        index = headers[title].get(normalize_header(column), 1) if column else 1
        cell = sheet.cell(row=row, column=index)
        text = "\n".join(dict.fromkeys(messages))
        if cell.comment is not None and cell.comment.author == AUTHOR:
            text = f"{cell.comment.text}\n{text}"
        cell.comment = Comment(text[:MAX_COMMENT], AUTHOR, width=320, height=120)
        cell.fill = FAULTY_FILL
        marked += 1
        first_faulty = first_faulty or sheet
    if first_faulty is not None:
        workbook.active = workbook.worksheets.index(first_faulty)
        for sheet in workbook.worksheets:
            sheet.sheet_view.tabSelected = sheet is first_faulty
    workbook.save(target)
    return marked
