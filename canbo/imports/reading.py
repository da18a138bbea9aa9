"""Read the three sheets into typed rows: file-level problems raise ImportFileError, cell problems are listed."""

import os
from collections.abc import Callable
from dataclasses import dataclass, field

from canbo.core.sheets import cells
from canbo.core.sheets.columns import (
    CHOICE,
    DATE,
    DECIMAL,
    ID,
    INT,
    LEVEL,
    TEXT,
    Column,
    Sheet,
    choice_lookup,
    header_text,
    normalize_header,
)
from canbo.core.sheets.files import (  # noqa: F401 - re-exported: the callers of the reader use them
    ImportFileError,
    RowError,
    check_size,
    workbook_limits,
)
from canbo.core.sheets.xlsx import Workbook, WorkbookError
from canbo.core.text import unaccent

from .columns import SHEETS, level_lookup

Progress = Callable[[str, int, int], None]
MAX_ROWS = 400_000  # per sheet: ten years of lượt of a province of 30.000 persons are ~300.000 (issue 14)
MAX_XML_BYTES = 2 * 1024**3  # uncompressed sheets: guards against a zip that expands without end


@dataclass
class Row:
    sheet: Sheet
    number: int
    values: dict
    # Keys of the cells that could not be read (already reported): their value is empty, and the checks that
    # need them are skipped, while every other cell of the row is still checked.
    bad: set = field(default_factory=set)

    @property
    def ok(self) -> bool:
        return not self.bad


# What an unknown value of an alias catalogue is called in the message.
_ENTRY_NAMES = {
    "ETHNICITY": "dân tộc",
    "RELIGION": "tôn giáo",
    "RANK": "ngạch mã",
    "POSITION": "chức vụ mã",
    "PROGRAMME": "chương trình",
}


class _Converter:
    def __init__(self, date1904: bool, resolvers: dict | None = None):
        self.date1904 = date1904
        self.resolvers = resolvers or {}
        self.lookups = {
            c.key: choice_lookup(c.choices) for spec in SHEETS for c in spec.columns if c.kind == CHOICE
        }
        self.levels = level_lookup()
        self.level_labels: dict[tuple[str, str], list[str]] = {}  # (column, scale) -> the scale's labels

    def for_column(self, column: Column):
        """The function (raw cell, the row's values so far) -> value of `column`, chosen once per sheet."""
        resolver = self.resolvers.get(column.aliases) if column.aliases else None
        if resolver is not None:
            return lambda raw, values: self.resolve(column, resolver, raw)
        kind = column.kind
        if kind == DATE:
            date1904 = self.date1904
            return lambda raw, values: cells.to_date(raw, date1904=date1904)
        if kind == ID:
            return lambda raw, values: cells.to_id(raw)
        if kind == INT:
            return lambda raw, values: cells.to_int(raw)
        if kind == DECIMAL:
            return lambda raw, values: cells.to_decimal(raw)
        if kind == CHOICE:
            lookup, labels = self.lookups[column.key], column.labels
            return lambda raw, values: cells.to_choice(raw, lookup, labels)
        if kind == LEVEL:
            return lambda raw, values: self.level(column, raw, values.get("scale"))
        return lambda raw, values: cells.to_text(raw)

    def level(self, column: Column, raw, scale: str):
        if not scale:
            return cells.to_text(raw)
        labels = self.level_labels.get((column.key, scale))
        if labels is None:
            codes = set(self.levels[scale].values())
            labels = [label for code, label in column.choices if code in codes]
            self.level_labels[(column.key, scale)] = labels
        return cells.to_choice(raw, self.levels[scale], labels)

    @staticmethod
    def resolve(column: Column, resolver, raw) -> str:
        """A catalogue entry written as its code, its name or another spelling; a free-text column (religion)
        keeps an unknown value as written."""
        text = cells.to_text(raw)
        if not text:
            return ""
        found = resolver.resolve(text)
        if found is not None:
            return found
        if column.kind == TEXT:
            return text
        what = _ENTRY_NAMES.get(column.aliases, "mục")
        raise cells.CellValueError(resolver.unknown_message(text, what, listed=column.kind == CHOICE))


# The value a cell that could not be read stands for, so that the row's other cells can still be checked.
_EMPTY = {DATE: None, INT: None, DECIMAL: None}


def _cell(raw_row: list, index: int | None):
    return raw_row[index] if index is not None and index < len(raw_row) else None


def _is_list_export(workbook: Workbook) -> bool:
    """A workbook written by a list's "Xuất Excel" (canbo.core.xlsx.write_columns: sheets titled "Danh sách …",
    "Lượt …"), which users try to import back."""
    return any(unaccent(name).startswith(("danh sach", "luot ")) for name in workbook.sheet_names)


def _find_sheet(workbook: Workbook, spec: Sheet) -> str | None:
    wanted = normalize_header(spec.title)
    return next((name for name in workbook.sheet_names if normalize_header(name) == wanted), None)


def _header_map(spec: Sheet, header: list) -> dict[int, Column]:
    by_text = {normalize_header(c.header): c for c in spec.columns}
    found: dict[str, int] = {}
    mapping: dict[int, Column] = {}
    for index, text in enumerate(header):
        column = by_text.get(normalize_header(text))
        if column is None:
            continue
        if column.key in found:
            raise ImportFileError(f"Trang tính “{spec.title}” có hai cột “{column.header}”.")
        found[column.key] = index
        mapping[index] = column
    missing = [header_text(c) for c in spec.columns if c.key not in found and not c.optional]
    if missing:
        raise ImportFileError(
            f"Trang tính “{spec.title}” thiếu cột: "
            + ", ".join(f"“{m}”" for m in missing)
            + ". Dòng 1 phải là dòng tiêu đề của tệp mẫu."
        )
    return mapping


def read_workbook(
    path, *, progress: Progress | None = None, resolvers: dict | None = None
) -> tuple[dict[str, list[Row]], list[RowError]]:
    """Rows per sheet key ('persons', 'history', 'qualifications') and the cell errors found. `resolvers`
    (canbo.imports.aliases.load_resolvers) lets catalogue columns accept other spellings and suggest entries."""
    try:
        check_size(os.path.getsize(path))
    except OSError as exc:
        raise ImportFileError("Không mở được tệp.") from exc
    try:
        with Workbook(path, limits=workbook_limits()) as workbook:
            return _read(workbook, progress, resolvers)
    except WorkbookError as exc:
        raise ImportFileError(str(exc)) from exc


def _read(workbook: Workbook, progress, resolvers=None) -> tuple[dict[str, list[Row]], list[RowError]]:
    names = {spec.key: _find_sheet(workbook, spec) for spec in SHEETS}
    missing = [spec.title for spec in SHEETS if names[spec.key] is None and not spec.optional]
    if missing and _is_list_export(workbook):
        raise ImportFileError(
            "Đây là danh sách xuất từ một trang danh sách (để xem, in), không phải tệp mẫu nhập dữ liệu. "
            "Hãy tải tệp mẫu ở trang Nhập / xuất dữ liệu, chép dữ liệu vào đó rồi nhập."
        )
    if missing:
        raise ImportFileError(
            "Tệp thiếu trang tính: "
            + ", ".join(f"“{m}”" for m in missing)
            + ". Hãy dùng tệp mẫu tải từ trang Nhập / xuất dữ liệu (có thể để trống trang không dùng)."
        )
    present = [spec for spec in SHEETS if names[spec.key] is not None]
    total = sum(workbook.sheet_size(names[spec.key]) for spec in present) or 1
    if total > MAX_XML_BYTES:
        raise ImportFileError("Tệp giải nén ra quá lớn; hãy chia thành nhiều tệp nhỏ hơn.")
    converter = _Converter(workbook.date1904, resolvers)
    result: dict[str, list[Row]] = {}
    errors: list[RowError] = []
    offset = 0
    result.update({spec.key: [] for spec in SHEETS if names[spec.key] is None})  # an optional sheet left out
    for spec in present:
        name = names[spec.key]

        def report(done, _offset=offset):
            if progress is not None:
                progress("read", _offset + done, total)

        result[spec.key] = _read_sheet(workbook.rows(name, report), spec, converter, errors)
        offset += workbook.sheet_size(name)
    if progress is not None:
        progress("read", total, total)
    return result, errors


def _read_sheet(rows, spec: Sheet, converter: _Converter, errors: list[RowError]) -> list[Row]:
    mapping = None
    parsed: list[Row] = []
    ordered = sorted(spec.columns, key=lambda c: c.kind == LEVEL)  # the scale is read before the level
    for number, raw_row in rows:
        if mapping is None:
            if number != 1:
                break
            mapping = _header_map(spec, raw_row)
            positions = {column.key: index for index, column in mapping.items()}
            plan = [(c, positions.get(c.key), converter.for_column(c)) for c in ordered]
            continue
        raw = [_cell(raw_row, index) for _column, index, _convert in plan]
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in raw):
            continue
        if len(parsed) >= MAX_ROWS:
            raise ImportFileError(
                f"Trang tính “{spec.title}” có hơn {MAX_ROWS:,} dòng; hãy chia thành nhiều tệp.".replace(
                    ",", "."
                )
            )
        values: dict = {}
        bad: set[str] = set()
        for (column, _index, convert), cell in zip(plan, raw, strict=True):
            try:
                value = convert(cell, values)
            except cells.CellValueError as exc:
                errors.append(RowError(spec.title, number, column.header, exc.message))
                bad.add(column.key)
                value = _EMPTY.get(column.kind, "")
            else:
                if column.required and (value is None or value == ""):
                    errors.append(RowError(spec.title, number, column.header, "Không được để trống."))
                    bad.add(column.key)
            values[column.key] = value
        parsed.append(Row(spec, number, values, bad))
    if mapping is None:
        raise ImportFileError(
            f"Trang tính “{spec.title}” không có dòng tiêu đề ở dòng 1. Hãy dùng tệp mẫu tải từ trang "
            "Nhập / xuất dữ liệu."
        )
    return parsed
