"""Excel export of the feedback the user is entitled to handle (one query)."""

import io

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Font

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HEADERS = [
    ("Ngày tiếp nhận", 14), ("Nguồn", 18), ("Người phản ánh", 24), ("Cán bộ bị phản ánh", 26), ("Đơn vị", 30),
    ("Nội dung", 60), ("Hạn xử lý", 14), ("Trạng thái", 16), ("Người xử lý", 16), ("Kết luận", 14),
    ("Ngày kết luận", 14), ("Đúng hạn", 10),
]  # fmt: skip
DATE_COLUMNS = (1, 7, 11)


def feedback_workbook(items) -> HttpResponse:
    wb = Workbook()
    ws = wb.active
    ws.title = "Phản ánh"
    ws.append([h for h, _w in HEADERS])
    for cell, (_h, width) in zip(ws[1], HEADERS, strict=True):
        cell.font = Font(bold=True)
        ws.column_dimensions[cell.column_letter].width = width
    for f in items:
        in_time = {True: "Có", False: "Không", None: ""}[f.handled_in_time]
        ws.append(
            [
                f.received_on, f.get_channel_display(), f.sender, f.subject_person.full_name if f.subject_person else "",
                f.unit.name, f.content, f.deadline, f.get_status_display(), f.handler.username if f.handler else "",
                f.get_conclusion_display(), f.closed_on, in_time,
            ]
        )  # fmt: skip
        for col in DATE_COLUMNS:
            ws.cell(row=ws.max_row, column=col).number_format = "DD/MM/YYYY"
    ws.freeze_panes = "A2"
    buffer = io.BytesIO()
    wb.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="phan-anh.xlsx"'
    return response
