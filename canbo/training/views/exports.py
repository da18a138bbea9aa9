"""The enrolment list as .xlsx: one query, streamed rows (openpyxl write-only), Vietnamese headers and labels."""

import tempfile

from django.http import FileResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from canbo.core.xlsx import XLSX_TYPE
from canbo.people.exports import DATE_FORMAT

from ..choices import EnrolmentResult, TrainingMode, Venue

# (header, column width, values() field, how to show it: "date", a choices list, or as is)
COLUMNS = [
    ("Mã hồ sơ", 12, "person__code", None),
    ("Họ và tên", 28, "person__full_name", None),
    ("Ngày sinh", 12, "person__date_of_birth", "date"),
    ("Đơn vị khi cử đi học", 36, "unit__name", None),
    ("Mã đơn vị", 12, "unit__code", None),
    ("Mã chương trình", 18, "programme__code", None),
    ("Chương trình", 36, "programme__name", None),
    ("Mã lớp", 14, "training_class__code", None),
    ("Hệ", 16, "mode", TrainingMode.choices),
    ("Trong nước / nước ngoài", 14, "venue", Venue.choices),
    ("Ngày bắt đầu", 12, "start_date", "date"),
    ("Ngày kết thúc", 12, "end_date", "date"),
    ("Kết quả", 16, "result", EnrolmentResult.choices),
    ("Ngày có kết quả", 12, "result_date", "date"),
    ("Số văn bằng, chứng chỉ", 18, "certificate_number", None),
    ("Kinh phí (đồng)", 14, "cost", None),
]


def write_enrolments_xlsx(enrolments, fileobj) -> int:
    """Write the enrolments (a scoped, ordered queryset) to `fileobj`; return the row count."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Lượt đào tạo, bồi dưỡng")
    sheet.column_dimensions["A"].width = 6
    for index, (_header, width, _field, _kind) in enumerate(COLUMNS, start=2):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "C2"
    bold = Font(bold=True)
    header = []
    for title in ["STT", *(c[0] for c in COLUMNS)]:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    kinds = [{k: str(v) for k, v in kind} if isinstance(kind, list) else kind for *_rest, kind in COLUMNS]
    count = 0
    rows = enrolments.values_list(*(c[2] for c in COLUMNS)).iterator(chunk_size=2000)
    for count, values in enumerate(rows, start=1):
        row = [count]
        for kind, value in zip(kinds, values, strict=True):
            if value is None or value == "":
                row.append(None)
            elif kind == "date":
                cell = WriteOnlyCell(sheet, value=value)
                cell.number_format = DATE_FORMAT
                row.append(cell)
            elif isinstance(kind, dict):
                row.append(kind.get(value, value))
            else:
                row.append(value)
        sheet.append(row)
    workbook.save(fileobj)
    return count


def enrolment_export_response(enrolments) -> FileResponse:
    fileobj = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it after streaming
    write_enrolments_xlsx(enrolments, fileobj)
    fileobj.seek(0)
    filename = f"luot-dao-tao-boi-duong-{timezone.localdate():%Y%m%d}.xlsx"
    return FileResponse(fileobj, as_attachment=True, filename=filename, content_type=XLSX_TYPE)
