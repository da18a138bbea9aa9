"""Excel export of the discipline decisions the user sees (one query)."""

import io

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Font

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HEADERS = [
    ("Mã hồ sơ", 12), ("Họ và tên", 28), ("Đơn vị", 32), ("Hình thức kỷ luật", 20), ("Số quyết định", 16),
    ("Ngày quyết định", 14), ("Hết hiệu lực", 14), ("Cơ quan quyết định", 28), ("Hành vi vi phạm", 50),
    ("Liên quan thực thi nhiệm vụ, công vụ", 14),
]  # fmt: skip


def records_workbook(records) -> HttpResponse:
    wb = Workbook()
    ws = wb.active
    ws.title = "Kỷ luật"
    ws.append([h for h, _w in HEADERS])
    for cell, (_h, width) in zip(ws[1], HEADERS, strict=True):
        cell.font = Font(bold=True)
        ws.column_dimensions[cell.column_letter].width = width
    for r in records:
        ws.append(
            [
                r.person.code, r.person.full_name, r.unit.name if r.unit else "", r.get_form_display(),
                r.decision_number, r.decided_on, r.effective_until, r.authority, r.reason,
                "Có" if r.duty_related else "Không",
            ]
        )  # fmt: skip
        for col in (6, 7):
            ws.cell(row=ws.max_row, column=col).number_format = "DD/MM/YYYY"
    ws.freeze_panes = "A2"
    buffer = io.BytesIO()
    wb.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="ky-luat.xlsx"'
    return response
