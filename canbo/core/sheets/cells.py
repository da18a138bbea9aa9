"""Cell values to Python values, per column kind, with Vietnamese messages for the error list."""

import datetime
import re
from decimal import Decimal, InvalidOperation

from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

from canbo.core.text import unaccent

from .xlsx import CellError, FormulaWithoutValue

_DATE_RE = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_ISO_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$")
_MAX_SERIAL = 2958465  # 31/12/9999


class CellValueError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


FORMULA_WITHOUT_VALUE = (
    "Ô có công thức nhưng chưa có giá trị đã tính (tệp được lưu bằng một chương trình không tính công thức). "
    "Hãy mở tệp bằng Excel hoặc LibreOffice rồi lưu lại, hoặc thay công thức bằng giá trị."
)


def _check_error(value):
    if isinstance(value, CellError):
        raise CellValueError(f"Ô có giá trị lỗi của Excel ({value.code}).")
    if isinstance(value, FormulaWithoutValue):
        raise CellValueError(FORMULA_WITHOUT_VALUE)


def shown(value) -> str:
    """How a cell value is quoted back in a message."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)[:60]


def to_text(value) -> str:
    if type(value) is str:  # most cells of a file: checked first
        return " ".join(value.split())
    if value is None:
        return ""
    _check_error(value)
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime | datetime.date):
        return f"{value:%d/%m/%Y}"
    return " ".join(str(value).split())


def to_id(value) -> str:
    """A personal ID typed as a number loses its leading zeros in Excel; they are put back."""
    _check_error(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        if float(value).is_integer() and 0 <= value < 10**12:
            return str(int(value)).zfill(12)
        return shown(value)
    return "".join(to_text(value).split())


def to_date(value, *, date1904: bool = False) -> datetime.date | None:
    if value is None or value == "":
        return None
    _check_error(value)
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 0 < value <= _MAX_SERIAL:
            epoch = CALENDAR_MAC_1904 if date1904 else CALENDAR_WINDOWS_1900
            converted = from_excel(value, epoch)
            if isinstance(converted, datetime.datetime):
                return converted.date()
        raise CellValueError(f"“{shown(value)}” không phải là ngày; hãy nhập theo dạng dd/mm/yyyy.")
    text = to_text(value)
    match = _DATE_RE.match(text)
    try:
        if match:
            day, month, year = (int(g) for g in match.groups())
            return datetime.date(year, month, day)
        match = _ISO_RE.match(text)
        if match:
            year, month, day = (int(g) for g in match.groups())
            return datetime.date(year, month, day)
    except ValueError:
        raise CellValueError(f"Ngày “{text}” không có thật (kiểm tra ngày và tháng).") from None
    raise CellValueError(f"“{shown(text)}” không phải là ngày; hãy nhập theo dạng dd/mm/yyyy.")


def to_int(value) -> int | None:
    _check_error(value)
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise CellValueError("Phải là số nguyên.")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = to_text(value)
    if text.isdigit():
        return int(text)
    raise CellValueError(f"“{shown(value)}” không phải là số nguyên.")


def to_decimal(value) -> Decimal | None:
    _check_error(value)
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise CellValueError("Phải là số, ví dụ 2,67.")
    if isinstance(value, int | float):
        return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    text = to_text(value).replace(" ", "").replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise CellValueError(f"“{shown(value)}” không phải là số; hãy nhập dạng 2,67.") from None
    if not number.is_finite():
        raise CellValueError(f"“{shown(value)}” không phải là số; hãy nhập dạng 2,67.")
    return number


def to_choice(value, lookup: dict[str, str], labels: list[str]) -> str:
    text = to_text(value)
    if not text:
        return ""
    code = lookup.get(text.casefold())
    if code is None:
        code = lookup.get(unaccent(text))
    if code is None:
        if len(labels) <= 8:
            options = ", ".join(f"“{label}”" for label in labels)
            raise CellValueError(f"“{shown(text)}” không có trong danh sách: {options}.")
        raise CellValueError(f"“{shown(text)}” không có trong danh sách (xem trang “Danh mục” của tệp mẫu).")
    return code
