"""Excel (.xlsx) exports of registrations and awards (the same scoped, filtered querysets as the pages)."""

from django.http import FileResponse

from canbo.core.xlsx import table_response


def registrations_xlsx(qs) -> FileResponse:
    headers = [
        "STT",
        "Năm",
        "Phong trào",
        "Đối tượng",
        "Tập thể / cá nhân",
        "Đơn vị",
        "Ngày đăng ký",
        "Nội dung",
    ]
    rows = (
        [r.year, r.movement.name, r.get_kind_display(), r.recipient, r.unit.name, r.registered_on, r.note]
        for r in qs.iterator(chunk_size=2000)
    )
    return table_response(
        title="Đăng ký điển hình", filename="dang-ky-dien-hinh.xlsx", headers=headers, rows=rows
    )


def awards_xlsx(qs) -> FileResponse:
    headers = [
        "STT",
        "Năm",
        "Danh hiệu, hình thức",
        "Đối tượng",
        "Tập thể / cá nhân",
        "Đơn vị",
        "Số quyết định",
        "Ngày quyết định",
        "Cấp khen",
        "Ngày hủy",
        "Lý do hủy",
    ]
    rows = (
        [
            a.year,
            a.get_form_display(),
            a.get_kind_display(),
            a.recipient,
            a.unit.name,
            a.decision_number,
            a.decision_date,
            a.issuing_body,
            a.revoked_on,
            a.revocation_reason,
        ]
        for a in qs.iterator(chunk_size=2000)
    )
    return table_response(title="Khen thưởng", filename="khen-thuong.xlsx", headers=headers, rows=rows)
