"""The .xlsx import template, built from the column spec with openpyxl."""

from django.apps import apps
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation

from canbo.core.sheets.columns import CHOICE, CODE, DATE, DECIMAL, ID, INT, LEVEL, TEXT, Column, header_text
from canbo.core.xlsx import set_cell
from canbo.org.models import OrgUnit
from canbo.people.models import Position, Rank
from canbo.people.selectors import unit_choices_for

from .columns import CATALOGUE_TITLE, INSTRUCTIONS_TITLE, SHEETS

LAST_ROW = 1048576
DATE_FORMAT = "DD/MM/YYYY"
_HEADER_FILL = PatternFill("solid", fgColor="0B4F8A")
_REQUIRED_FILL = PatternFill("solid", fgColor="7A1F1A")
_HEADER_FONT = Font(bold=True, color="FFFFFF")
_THIN = Side(style="thin", color="D7DBE0")
_KIND_TEXT = {
    TEXT: "Văn bản",
    CODE: "Mã (văn bản)",
    ID: "12 chữ số (văn bản)",
    DATE: "Ngày dd/mm/yyyy",
    INT: "Số nguyên",
    DECIMAL: "Số thập phân (dấu phẩy)",
    CHOICE: "Chọn trong danh sách",
    LEVEL: "Chọn trong danh sách",
}
_NUMERIC_LIMITS = {"salary_step": ("whole", "1", "16"), "salary_coefficient": ("decimal", "1", "12")}


def _dated(rows) -> list[tuple[str, str]]:
    """(code, name) with the end date of an entry no longer in force: history rows name them too."""
    return [
        (code, f"{name} (đến {valid_to:%d/%m/%Y})" if valid_to else name) for code, name, valid_to in rows
    ]


def _catalogues(actor) -> dict[str, list[tuple[str, str]]]:
    """Every unit, post and rank, also those that ended: a history file names the units of past years."""
    units = unit_choices_for(user=actor) if actor is not None else OrgUnit.objects.bodies()
    return {
        "units": _dated(units.order_by("path").values_list("code", "name", "valid_to")),
        "positions": _dated(Position.objects.values_list("code", "name", "valid_to")),
        "ranks": _dated(Rank.objects.order_by("code").values_list("code", "name", "valid_to")),
        # through the app registry, as aliases.py: training reads files with this app's reader
        "programmes": _dated(
            apps.get_model("training", "Programme")
            .objects.order_by("code")
            .values_list("code", "name", "valid_to")
        ),
    }


class _ListSheet:
    """The hidden “Danh mục” sheet: one column per list, each list behind a defined name."""

    def __init__(self, workbook: Workbook):
        self.workbook = workbook
        self.sheet = workbook.create_sheet(CATALOGUE_TITLE)
        self.next_column = 1
        self.names: dict[str, str] = {}

    def add(self, name: str, title: str, values: list[str], described: list[str] | None = None) -> str:
        if name in self.names:
            return self.names[name]
        col = self.next_column
        self.next_column += 2 if described is not None else 1
        letter = get_column_letter(col)
        set_cell(self.sheet, 1, col, title).font = Font(bold=True)
        self.sheet.column_dimensions[letter].width = 24
        for i, value in enumerate(values, start=2):
            set_cell(self.sheet, i, col, value).number_format = "@"  # codes from the database: text
        if described is not None:
            set_cell(self.sheet, 1, col + 1, f"Tên ({title.lower()})").font = Font(bold=True)
            self.sheet.column_dimensions[get_column_letter(col + 1)].width = 40
            for i, text in enumerate(described, start=2):
                set_cell(self.sheet, i, col + 1, text)  # unit names typed by users: text, never formulas
        last = max(len(values), 1) + 1
        ref = f"{quote_sheetname(CATALOGUE_TITLE)}!${letter}$2:${letter}${last}"
        defined = f"DS_{name}"
        self.workbook.defined_names[defined] = DefinedName(defined, attr_text=ref)
        self.names[name] = defined
        return defined


def _list_validation(formula: str, column: Column, *, strict: bool) -> DataValidation:
    validation = DataValidation(type="list", formula1=formula, allow_blank=True)
    if strict:
        validation.error = f"Hãy chọn “{column.header}” trong danh sách thả xuống."
        validation.errorTitle = "Giá trị không có trong danh sách"
        validation.showErrorMessage = True
    else:
        # Suggestions only: a value outside the list is accepted here and checked by the import.
        validation.errorStyle = "warning"
        validation.error = f"“{column.header}” này không có trong danh mục hiện tại; kiểm tra lại mã."
        validation.showErrorMessage = column.catalogue != ""
    return validation


def _add_validation(sheet, column: Column, letter: str, lists: _ListSheet, catalogues) -> None:
    validation = None
    if column.kind in (CHOICE, LEVEL):
        name = lists.add(f"{column.key}", column.header, column.labels)
        validation = _list_validation(name, column, strict=True)
    elif column.suggestions:
        name = lists.add(column.key, column.header, list(column.suggestions))
        validation = _list_validation(name, column, strict=False)
    elif column.catalogue:
        rows = catalogues[column.catalogue]
        name = lists.add(column.catalogue, column.header, [c for c, _ in rows], [n for _, n in rows])
        validation = _list_validation(name, column, strict=False)
    elif column.kind == DATE:
        validation = DataValidation(
            type="date", operator="between", formula1="DATE(1900,1,1)", formula2="DATE(2100,12,31)"
        )
        validation.error = "Hãy nhập ngày theo dạng dd/mm/yyyy, ví dụ 31/12/2019."
        validation.errorTitle = "Ngày không hợp lệ"
        validation.showErrorMessage = True
    elif column.key in _NUMERIC_LIMITS:
        kind, low, high = _NUMERIC_LIMITS[column.key]
        validation = DataValidation(type=kind, operator="between", formula1=low, formula2=high)
        validation.error = f"“{column.header}” phải từ {low} đến {high}."
        validation.errorTitle = "Số không hợp lệ"
        validation.showErrorMessage = True
    if validation is None:
        return
    if column.note:
        validation.promptTitle = column.header[:32]
        validation.prompt = column.note[:250]
        validation.showInputMessage = True
    validation.add(f"{letter}2:{letter}{LAST_ROW}")
    sheet.add_data_validation(validation)


def _data_sheet(workbook, spec, lists: _ListSheet, catalogues) -> None:
    sheet = workbook.create_sheet(spec.title)
    for index, column in enumerate(spec.columns, start=1):
        letter = get_column_letter(index)
        cell = set_cell(sheet, 1, index, header_text(column))
        cell.font = _HEADER_FONT
        cell.fill = _REQUIRED_FILL if column.required else _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        cell.border = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
        dimension = sheet.column_dimensions[letter]
        dimension.width = column.width
        if column.kind == DATE:
            dimension.number_format = DATE_FORMAT
        elif column.kind in (TEXT, CODE, ID):
            dimension.number_format = "@"
        _add_validation(sheet, column, letter, lists, catalogues)
    sheet.row_dimensions[1].height = 32
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(spec.columns))}1"


_GUIDE = [
    "Tệp mẫu nhập dữ liệu cán bộ, công chức, viên chức",
    "",
    "1. Nhập dữ liệu vào các trang tính: “Cán bộ”, “Quá trình công tác”, “Văn bằng chứng chỉ”, “Quá trình "
    "lương”, “Đơn vị”, “Sự kiện tổ chức”, “Đào tạo, bồi dưỡng”, “Xếp loại”, “Khen thưởng”, “Kỷ luật”. "
    "Không đổi tên trang tính, không xóa hoặc đổi tên dòng tiêu đề; có thể để trống trang không dùng.",
    "2. Cột có dấu (*) là bắt buộc. Các cột “chọn trong danh sách” có danh sách thả xuống; "
    "danh sách đầy đủ ở trang “Danh mục” (đang ẩn: chuột phải vào tên trang → Bỏ ẩn).",
    "3. Ngày nhập theo dạng dd/mm/yyyy, ví dụ 31/12/2019. Số thập phân dùng dấu phẩy, ví dụ 2,67.",
    "4. Số định danh cá nhân (12 chữ số) là khóa của hồ sơ: nhập lại cùng một tệp không tạo hồ sơ mới "
    "và không thay đổi gì; dòng có thông tin khác sẽ cập nhật hồ sơ đã có.",
    "5. Trang “Quá trình công tác”, “Văn bằng chứng chỉ” và “Quá trình lương” ghi số định danh của người đã có trong hệ thống "
    "hoặc ở trang “Cán bộ” của cùng tệp. Mỗi người chỉ có một quá trình công tác để trống “Đến ngày”: "
    "quá trình hiện tại, khai ở trang “Cán bộ”. Khi đơn vị hiện tại đổi, quá trình cũ được kết thúc vào "
    "ngày trước ngày bắt đầu mới. Nhập tệp không xóa quá trình công tác hay văn bằng nào đã có. "
    "Quá trình lương: mỗi người một dòng cho mỗi ngày hưởng, không ghi đè dòng đã có; bậc, hệ số hiện hưởng "
    "lấy theo dòng mới nhất; nâng lương trước thời hạn nhập trên trang lương.",
    "6. Chỉ nhập được hồ sơ của đơn vị trong phạm vi anh/chị được cập nhật. Trang “Đơn vị” và “Sự kiện tổ chức” "
    "(cây tổ chức, kể cả đơn vị đã giải thể, sáp nhập) chỉ Ban Tổ chức Tỉnh ủy / Sở Nội vụ nhập; các trang khác "
    "được kiểm tra theo cây tổ chức sau khi áp dụng hai trang này.",
    "7. Lượt đào tạo, bồi dưỡng, xếp loại, khen thưởng, kỷ luật lấy đơn vị của người đó vào ngày của bản ghi theo "
    "quá trình công tác. Dòng “Bổ nhiệm”, “Bổ nhiệm lại” vào chức vụ lãnh đạo ở trang “Quá trình công tác” tạo "
    "quyết định bổ nhiệm (cần số quyết định); “Điều động”, “Luân chuyển”, “Biệt phái” tạo bản ghi điều động.",
    "8. Hệ thống kiểm tra mọi dòng trước khi ghi. Nếu có dù chỉ một dòng lỗi thì không dòng nào được ghi; "
    "danh sách lỗi ghi rõ trang tính, số dòng, cột và lý do. Sửa lỗi rồi nhập lại cả tệp.",
    "9. Có thể chọn “Chỉ kiểm tra” để xem kết quả mà không ghi dữ liệu.",
    "",
    "Các cột của từng trang tính:",
]


def _instructions(workbook) -> None:
    sheet = workbook.active
    sheet.title = INSTRUCTIONS_TITLE
    sheet.column_dimensions["A"].width = 22
    sheet.column_dimensions["B"].width = 30
    sheet.column_dimensions["C"].width = 10
    sheet.column_dimensions["D"].width = 24
    sheet.column_dimensions["E"].width = 80
    for row, text in enumerate(_GUIDE, start=1):
        cell = set_cell(sheet, row, 1, text)
        if row == 1:
            cell.font = Font(bold=True, size=14)
    row = len(_GUIDE) + 1
    for col, title in enumerate(["Trang tính", "Cột", "Bắt buộc", "Kiểu dữ liệu", "Ghi chú"], start=1):
        cell = set_cell(sheet, row, col, title)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
    for spec in SHEETS:
        for column in spec.columns:
            row += 1
            set_cell(sheet, row, 1, spec.title)
            set_cell(sheet, row, 2, column.header)
            set_cell(sheet, row, 3, "Có" if column.required else "")
            set_cell(sheet, row, 4, _KIND_TEXT[column.kind])
            set_cell(sheet, row, 5, column.note or spec.description).alignment = Alignment(wrap_text=True)


def build_template(*, actor=None) -> Workbook:
    """The template; the unit drop-down lists the units `actor` may update (all units without an actor)."""
    workbook = Workbook()
    _instructions(workbook)
    catalogues = _catalogues(actor)
    lists = _ListSheet(workbook)
    for spec in SHEETS:
        _data_sheet(workbook, spec, lists, catalogues)
    # The catalogue sheet goes last and hidden.
    workbook.move_sheet(lists.sheet, offset=len(workbook.sheetnames))
    lists.sheet.sheet_state = "hidden"
    workbook.active = 0
    return workbook


def write_template(target, *, actor=None) -> None:
    """Write the template to a path or a binary stream."""
    build_template(actor=actor).save(target)
