"""Results of a class from Excel: the template (the class list pre-filled) and the import, all or nothing.

The rows are matched to the class's enrolments by personal ID, then written by services.record_results,
which checks every row before writing one. Every problem is reported as (sheet, row, column, message).
"""

import os
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from openpyxl import Workbook
from openpyxl.worksheet.datavalidation import DataValidation

from canbo.core.sheets import cells
from canbo.core.sheets.columns import (
    CHOICE,
    DATE,
    ID,
    INT,
    TEXT,
    Column,
    choice_lookup,
    header_text,
    normalize_header,
)
from canbo.core.sheets.files import ImportFileError, RowError, check_size, workbook_limits
from canbo.core.sheets.xlsx import Workbook as XlsxReader
from canbo.core.sheets.xlsx import WorkbookError
from canbo.core.xlsx import set_cell
from canbo.core.xlsx_styles import DATE as DATE_FORMAT
from canbo.core.xlsx_styles import TEXT as TEXT_FORMAT
from canbo.core.xlsx_styles import TITLE_FONT, facts, header

from ..choices import EnrolmentResult
from ..models import TrainingClass
from ..selectors import class_roster
from ..services import ResultRowsError, record_results

SHEET = "Kết quả học tập"
GUIDE = "Hướng dẫn"
MAX_ROWS = 5000
LAST_ROW = MAX_ROWS + 1
COLUMNS = (
    Column("number", "STT", INT, width=6),
    Column("national_id", "Số định danh cá nhân", ID, required=True, width=18),
    Column("full_name", "Họ và tên", TEXT, width=28),
    Column("unit", "Đơn vị", TEXT, width=30),
    Column("result", "Kết quả", CHOICE, width=18),
    Column("result_date", "Ngày có kết quả", DATE, width=14),
    Column("attendance_pct", "Tỷ lệ chuyên cần (%)", INT, width=12),
    Column("certificate_number", "Số văn bằng, chứng chỉ", TEXT, width=22),
    Column("certificate_date", "Ngày cấp văn bằng, chứng chỉ", DATE, width=16),
)
RESULT_KEYS = ["result", "result_date", "attendance_pct", "certificate_number", "certificate_date"]
READ = {c.key: c for c in COLUMNS if c.key in {"national_id", *RESULT_KEYS}}
HEADERS = {c.key: c.header for c in COLUMNS}
_GUIDE = [
    "1. Mỗi dòng của trang “Kết quả học tập” là một học viên của lớp, nhận ra theo số định danh cá nhân; "
    "không sửa cột này. Cột họ tên, đơn vị chỉ để đối chiếu.",
    "2. Chọn “Kết quả” trong danh sách thả xuống; để trống “Kết quả” thì dòng đó không thay đổi.",
    "3. Hoàn thành, không hoàn thành, thôi học: cần ngày có kết quả (không trước ngày khai giảng, không sau "
    "hôm nay). Chỉ người hoàn thành mới có số và ngày cấp văn bằng, chứng chỉ. Chuyên cần từ 0 đến 100.",
    "4. Ngày nhập theo dạng dd/mm/yyyy, ví dụ 31/12/2025.",
    "5. Mọi dòng được kiểm tra trước khi ghi: nếu có dù chỉ một dòng lỗi thì không dòng nào được ghi; danh sách "
    "lỗi ghi rõ trang tính, dòng, cột và lý do.",
]


# --- the template ------------------------------------------------------------------------------------------


def _guide(sheet, klass: TrainingClass) -> None:
    sheet.title = GUIDE
    set_cell(sheet, 1, 1, f"Nhập kết quả học tập lớp {klass.code}").font = TITLE_FONT
    grants = klass.programme.grants_qualification
    row = facts(
        sheet,
        3,
        [
            ("Lớp", klass.name),
            ("Mã lớp", klass.code),
            ("Chương trình", klass.programme.name),
            ("Ngày khai giảng", klass.start_date),
            ("Ngày bế giảng", klass.end_date),
            ("Cấp văn bằng", "Có: người hoàn thành được ghi văn bằng vào hồ sơ" if grants else "Không"),
        ],
    )
    for text in _GUIDE:
        row += 1
        set_cell(sheet, row, 1, text)
    sheet.column_dimensions["A"].width = 24
    sheet.column_dimensions["B"].width = 60


def _validations(sheet) -> None:
    letters = {c.key: chr(ord("A") + i) for i, c in enumerate(COLUMNS)}
    labels = ",".join(label for _code, label in _result_choices())
    result = DataValidation(type="list", formula1=f'"{labels}"', allow_blank=True)
    result.error, result.errorTitle = "Hãy chọn kết quả trong danh sách thả xuống.", "Kết quả không hợp lệ"
    result.showErrorMessage = True
    result.add(f"{letters['result']}2:{letters['result']}{LAST_ROW}")
    dates = DataValidation(
        type="date", operator="between", formula1="DATE(1990,1,1)", formula2="DATE(2100,12,31)"
    )
    dates.error, dates.errorTitle = "Hãy nhập ngày theo dạng dd/mm/yyyy.", "Ngày không hợp lệ"
    dates.showErrorMessage = True
    for key in ("result_date", "certificate_date"):
        dates.add(f"{letters[key]}2:{letters[key]}{LAST_ROW}")
    pct = DataValidation(type="whole", operator="between", formula1="0", formula2="100", allow_blank=True)
    pct.error, pct.errorTitle = "Tỷ lệ chuyên cần là số nguyên từ 0 đến 100.", "Số không hợp lệ"
    pct.showErrorMessage = True
    pct.add(f"{letters['attendance_pct']}2:{letters['attendance_pct']}{LAST_ROW}")
    for validation in (result, dates, pct):
        sheet.add_data_validation(validation)


def results_template(*, user, klass: TrainingClass) -> Workbook:
    """The class list as the user may see it, with empty result columns to fill."""
    workbook = Workbook()
    _guide(workbook.active, klass)
    sheet = workbook.create_sheet(SHEET)
    header(sheet, 1, [(header_text(c), c.width) for c in COLUMNS])
    for index, column in enumerate(COLUMNS):
        letter = chr(ord("A") + index)
        if column.kind == DATE:
            sheet.column_dimensions[letter].number_format = DATE_FORMAT
        elif column.kind in (ID, TEXT):
            sheet.column_dimensions[letter].number_format = TEXT_FORMAT
    for number, enrolment in enumerate(class_roster(user=user, klass=klass), start=1):
        values = [number, enrolment.person.national_id, enrolment.person.full_name, enrolment.unit.name]
        for col, value in enumerate(values, start=1):
            cell = set_cell(sheet, number + 1, col, value)
            if col == 2:
                cell.number_format = TEXT_FORMAT
        for col in (6, 9):
            sheet.cell(row=number + 1, column=col).number_format = DATE_FORMAT
    _validations(sheet)
    sheet.freeze_panes = "C2"
    workbook.active = 1
    return workbook


# --- the import --------------------------------------------------------------------------------------------


@dataclass
class Written:
    row: int
    national_id: str
    full_name: str
    result: str
    qualification: bool


@dataclass
class ResultsOutcome:
    dry_run: bool
    errors: list[RowError] = field(default_factory=list)
    written: list[Written] = field(default_factory=list)
    skipped: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


def _result_choices() -> list[tuple[str, str]]:
    return [(code, str(label)) for code, label in EnrolmentResult.choices]


def _convert(column: Column, raw, date1904: bool):
    if column.kind == DATE:
        return cells.to_date(raw, date1904=date1904)
    if column.kind == ID:
        return cells.to_id(raw)
    if column.kind == INT:
        return cells.to_int(raw)
    if column.kind == CHOICE:
        choices = _result_choices()
        return cells.to_choice(raw, choice_lookup(choices), [label for _code, label in choices])
    return cells.to_text(raw)


def _header_map(raw_header: list) -> dict[str, int]:
    wanted = {normalize_header(c.header): key for key, c in READ.items()}
    found: dict[str, int] = {}
    for index, text in enumerate(raw_header):
        key = wanted.get(normalize_header(text))
        if key is not None:
            if key in found:
                raise ImportFileError(f"Trang tính “{SHEET}” có hai cột “{READ[key].header}”.")
            found[key] = index
    missing = [header_text(c) for key, c in READ.items() if key not in found]
    if missing:
        raise ImportFileError(
            f"Trang tính “{SHEET}” thiếu cột: "
            + ", ".join(f"“{m}”" for m in missing)
            + ". Dòng 1 phải là dòng tiêu đề của tệp mẫu tải từ trang của lớp."
        )
    return found


def read_rows(path) -> tuple[list[tuple[int, dict]], list[RowError]]:
    """(row number, values) of the non-empty rows, and the cells that could not be read."""
    try:
        check_size(os.path.getsize(path))
    except OSError as exc:
        raise ImportFileError("Không mở được tệp.") from exc
    try:
        with XlsxReader(path, limits=workbook_limits()) as workbook:
            name = next(
                (n for n in workbook.sheet_names if normalize_header(n) == normalize_header(SHEET)), None
            )
            if name is None:
                raise ImportFileError(
                    f"Tệp không có trang tính “{SHEET}”. Hãy dùng tệp mẫu tải từ trang của lớp."
                )
            return _read(workbook.rows(name), workbook.date1904)
    except WorkbookError as exc:
        raise ImportFileError(str(exc)) from exc


def _read(rows, date1904: bool):
    positions = None
    parsed, errors = [], []
    for number, raw_row in rows:
        if positions is None:
            if number != 1:
                break
            positions = _header_map(raw_row)
            continue
        raw = {key: raw_row[i] if i < len(raw_row) else None for key, i in positions.items()}
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in raw.values()):
            continue
        if len(parsed) >= MAX_ROWS:
            raise ImportFileError(f"Trang tính “{SHEET}” có hơn {MAX_ROWS:,} dòng.".replace(",", "."))
        values, ok = {}, True
        for key, column in READ.items():
            try:
                values[key] = _convert(column, raw[key], date1904)
            except cells.CellValueError as exc:
                errors.append(RowError(SHEET, number, column.header, exc.message))
                ok = False
        if ok:
            parsed.append((number, values))
    if positions is None:
        raise ImportFileError(f"Trang tính “{SHEET}” không có dòng tiêu đề ở dòng 1.")
    return parsed, errors


def import_results(path, *, actor, klass: TrainingClass, dry_run: bool = False) -> ResultsOutcome:
    """Read, match, check and write (unless dry_run or any error): nothing is written unless every row is
    right. Raises ImportFileError when the file itself cannot be used."""
    rows, errors = read_rows(path)
    outcome = ResultsOutcome(dry_run=dry_run, errors=errors)
    roster = {e.person.national_id: e for e in class_roster(user=actor, klass=klass)}
    seen: dict[str, int] = {}
    batch, numbers = [], []
    for number, values in rows:
        nid = values["national_id"]
        problem = None
        if not nid:
            problem = "Không được để trống."
        elif nid in seen:
            problem = f"Số định danh “{nid}” đã có ở dòng {seen[nid]}."
        elif nid not in roster:
            problem = f"Không có người mang số định danh “{nid}” trong danh sách lớp {klass.code}."
        if problem:
            outcome.errors.append(RowError(SHEET, number, HEADERS["national_id"], problem))
            continue
        seen[nid] = number
        if not values["result"]:
            if any(values[k] not in (None, "") for k in RESULT_KEYS):
                outcome.errors.append(RowError(SHEET, number, HEADERS["result"], "Cần chọn kết quả."))
            else:
                outcome.skipped += 1
            continue
        batch.append((roster[nid], {k: values[k] for k in RESULT_KEYS}))
        numbers.append(number)
    _write(outcome, actor, batch, numbers)
    if not outcome.ok:
        outcome.written = []
    outcome.errors.sort(key=lambda e: e.row)
    return outcome


def _write(outcome: ResultsOutcome, actor, batch, numbers) -> None:
    """record_results in a transaction that is rolled back on a dry run or when a row was already refused,
    so the service's own checks are reported for every row too."""
    try:
        with transaction.atomic():
            record_results(actor=actor, rows=batch)
            if outcome.dry_run or outcome.errors:
                transaction.set_rollback(True)
    except ResultRowsError as exc:
        for index, fields in exc.rows.items():
            for key, messages in fields.items():
                column = HEADERS.get(key, "")
                outcome.errors += [RowError(SHEET, numbers[index], column, m) for m in messages]
        return
    except (ValidationError, PermissionDenied) as exc:
        messages = exc.messages if isinstance(exc, ValidationError) else [str(exc)]
        outcome.errors += [RowError(SHEET, 0, "", m) for m in messages]
        return
    for number, (enrolment, _data) in zip(numbers, batch, strict=True):
        outcome.written.append(
            Written(
                row=number,
                national_id=enrolment.person.national_id,
                full_name=enrolment.person.full_name,
                result=enrolment.get_result_display(),
                qualification=enrolment.qualification_id is not None
                and enrolment.result == EnrolmentResult.COMPLETED,
            )
        )
