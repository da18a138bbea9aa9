"""Excel exports of the plan (composition + people), the training needs and the gap list (openpyxl):
Vietnamese headers, dates DD/MM/YYYY, shares 0.0, one query per sheet."""

import io

from django.http import HttpResponse
from django.utils.functional import Promise
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from canbo.people.choices import Gender, QualificationScale, level_label
from canbo.reports.formatting import fmt_date, round1

from .needs import criterion_label

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DATE, PCT, INT = "DD/MM/YYYY", "0.0", "#,##0"
BOLD = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="EEF1F5")
RED = Font(color="B3261E", bold=True)
GENDERS = dict(Gender.choices)
TIER_SHORT = {"TINH": "Cấp tỉnh", "HUYEN": "Cấp huyện", "PHONG": "Trưởng phòng", "XA": "Cấp xã"}


def _sheet(wb, title: str, heading: str, subtitle: str, headers: list[tuple[str, int]], first=False):
    ws = wb.active if first else wb.create_sheet()
    ws.title = title
    ws.append([heading])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append([subtitle])
    ws.append([])
    ws.append([h for h, _w in headers])
    for index, (cell, (_h, width)) in enumerate(zip(ws[4], headers, strict=True), start=1):
        cell.font, cell.fill = BOLD, HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.freeze_panes = "A5"
    return ws


def _append(ws, values: list, formats: dict | None = None, bold=False) -> None:
    ws.append([str(v) if isinstance(v, Promise) else v for v in values])
    for col, fmt in (formats or {}).items():
        ws.cell(row=ws.max_row, column=col).number_format = fmt
    if bold:
        for cell in ws[ws.max_row]:
            cell.font = BOLD


def _response(wb, filename: str) -> HttpResponse:
    buffer = io.BytesIO()
    wb.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _ok(flag) -> str:
    return {True: "Đạt", False: "Chưa đạt", None: ""}[flag]


def plan_response(table, entries) -> HttpResponse:
    term, on = table.term, table.on
    wb = Workbook()
    subtitle = f"Nhiệm kỳ {term.code}; tính đến ngày {fmt_date(on)}"
    ws = _sheet(
        wb,
        "Cơ cấu, tỷ lệ",
        f"CƠ CẤU, TỶ LỆ QUY HOẠCH CÁN BỘ NHIỆM KỲ {term.code}",
        subtitle,
        [
            ("Đơn vị", 40),
            ("Số chức danh", 10),
            ("Lượt quy hoạch", 10),
            ("Số người", 10),
            ("Hệ số", 8),
            ("Nữ (%)", 8),
            ("", 9),
            ("Trẻ (%)", 8),
            ("", 9),
            ("Đủ tuổi trọn nhiệm kỳ (%)", 12),
            ("", 9),
        ],  # fmt: skip
        first=True,
    )
    for row in [*table.rows, table.total]:
        values = [
            row.unit["name"] if row.unit else "Tổng cộng",
            row.seats,
            row.entries,
            row.persons,
            round1(row.ratio),
            round1(row.women_pct),
            _ok(row.women_ok),
            round1(row.young_pct),
            _ok(row.young_ok),
            round1(row.full_term_pct),
            _ok(row.full_term_ok),
        ]
        _append(ws, [float(v) if hasattr(v, "as_tuple") else v for v in values],
                {5: PCT, 6: PCT, 8: PCT, 10: PCT}, bold=row.unit is None)  # fmt: skip
    ws = _sheet(
        wb,
        "Danh sách quy hoạch",
        f"DANH SÁCH CÁN BỘ TRONG QUY HOẠCH NHIỆM KỲ {term.code}",
        subtitle,
        [
            ("STT", 6),
            ("Đơn vị", 30),
            ("Chức danh quy hoạch", 28),
            ("Nhóm", 14),
            ("Họ và tên", 26),
            ("Ngày sinh", 12),
            ("Giới tính", 9),
            ("Đơn vị công tác", 30),
            ("Chức vụ hiện tại", 24),
            ("Bổ sung", 8),
            ("Quyết định phê duyệt", 18),
            ("Ngày phê duyệt", 12),
        ],  # fmt: skip
    )
    for n, e in enumerate(entries.iterator(chunk_size=2000), start=1):
        p = e.person
        _append(
            ws,
            [
                n,
                e.post.unit.name,
                str(e.post.position),
                TIER_SHORT.get(e.post.tier, e.post.tier),
                p.full_name,
                p.date_of_birth,
                GENDERS.get(p.gender, p.gender),
                p.current_unit.name,
                str(p.position or ""),
                "x" if e.is_supplement else "",
                e.approved_by.number if e.approved_by else "",
                e.approved_on,
            ],  # fmt: skip
            {6: DATE, 12: DATE},
        )
    return _response(wb, f"quy-hoach-{term.code}-{on:%Y%m%d}.xlsx")


def needs_response(needs) -> HttpResponse:
    wb = Workbook()
    subtitle = f"Nhiệm kỳ {needs.term.code}; tính đến ngày {fmt_date(needs.on)}"
    ws = _sheet(
        wb,
        "Số lượng",
        "NHU CẦU ĐÀO TẠO, BỒI DƯỠNG CỦA CÁN BỘ TRONG QUY HOẠCH",
        subtitle,
        [("Nhóm", 50), ("Tiêu chuẩn chưa đạt", 40), ("Số người", 10)],
        first=True,
    )
    for tier, counts in needs.tier_rows():
        for label, count in counts:
            _append(ws, [str(tier.label), label, count], {3: INT})
    ws = _sheet(
        wb,
        "Danh sách",
        "DANH SÁCH CÁN BỘ TRONG QUY HOẠCH CHƯA ĐẠT TIÊU CHUẨN TRÌNH ĐỘ",
        subtitle,
        [
            ("STT", 6),
            ("Họ và tên", 26),
            ("Ngày sinh", 12),
            ("Đơn vị công tác", 30),
            ("Chức danh quy hoạch", 40),
            ("Nhóm", 14),
            ("Chưa đạt", 40),
            ("Chi tiết", 60),
        ],  # fmt: skip
    )
    for n, item in enumerate(needs.items, start=1):
        posts = "; ".join(f"{p.position} – {p.unit.name}" for p in item.posts)
        _append(
            ws,
            [
                n,
                item.person.full_name,
                item.person.date_of_birth,
                item.person.current_unit.name,
                posts,
                TIER_SHORT.get(item.tier, item.tier),
                "; ".join(g.label for g in item.gaps),
                " ".join(g.message for g in item.gaps),
            ],  # fmt: skip
            {3: DATE},
        )
    return _response(wb, f"nhu-cau-dao-tao-quy-hoach-{needs.term.code}-{needs.on:%Y%m%d}.xlsx")


def tier_marks(person, tiers) -> str:
    """“Cấp tỉnh: đương chức, quy hoạch” from the s_/p_ flags of canbo.planning.gaps.gap_persons."""
    parts = []
    for t in tiers:
        kinds = [
            k for k, flag in (("đương chức", f"s_{t}"), ("quy hoạch", f"p_{t}")) if getattr(person, flag)
        ]
        if kinds:
            parts.append(f"{TIER_SHORT[t]}: {', '.join(kinds)}")
    return "; ".join(parts)


def gaps_response(persons, tiers, params) -> HttpResponse:
    scale, level = params["scale"], params["level"]
    wb = Workbook()
    ws = _sheet(
        wb,
        "Danh sách",
        f"CÁN BỘ ĐƯƠNG CHỨC VÀ TRONG QUY HOẠCH CHƯA CÓ {criterion_label(scale, level)[6:].upper()}",
        f"Tính đến ngày {fmt_date(params['on'])}; nhiệm kỳ: {', '.join(t.code for t in params['terms']) or '—'}",
        [
            ("STT", 6),
            ("Họ và tên", 26),
            ("Ngày sinh", 12),
            ("Giới tính", 9),
            ("Đơn vị công tác", 32),
            ("Chức vụ", 26),
            ("Nhóm", 40),
            (f"{QualificationScale(scale).label} hiện có", 20),
        ],  # fmt: skip
        first=True,
    )
    for n, p in enumerate(persons.iterator(chunk_size=2000), start=1):
        held = level_label(scale, p.held_level) if p.held_level else "Chưa có"
        _append(
            ws,
            [
                n,
                p.full_name,
                p.date_of_birth,
                GENDERS.get(p.gender, p.gender),
                p.current_unit.name,
                str(p.position or ""),
                tier_marks(p, tiers),
                held,
            ],  # fmt: skip
            {3: DATE},
        )
    return _response(wb, f"thieu-trinh-do-{scale.lower()}-{level.lower()}-{params['on']:%Y%m%d}.xlsx")
