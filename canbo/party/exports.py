"""Excel (.xlsx) export of the admissions list (the same scoped, filtered queryset as the page)."""

from django.http import FileResponse

from canbo.core.xlsx import table_response

HEADERS = [
    "STT",
    "Họ và tên",
    "Ngày sinh",
    "Tổ chức đảng",
    "Chi bộ",
    "Ngày chi bộ biểu quyết",
    "Số quyết định",
    "Ngày kết nạp",
    "Trạng thái",
    "Ngày chính thức",
    "Ngày xóa tên, khai trừ",
    "Lý do",
]


def admissions_xlsx(admissions) -> FileResponse:
    rows = (
        [
            a.name,
            a.birth_date,
            a.party_org.name,
            a.cell,
            a.cell_vote_date,
            a.decision_number,
            a.admitted_on,
            a.get_status_display(),
            a.full_member_on,
            a.removed_on,
            a.removal_reason,
        ]
        for a in admissions.iterator(chunk_size=2000)
    )
    return table_response(
        title="Kết nạp đảng viên", filename="ket-nap-dang-vien.xlsx", headers=HEADERS, rows=rows
    )
