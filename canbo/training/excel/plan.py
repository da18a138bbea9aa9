"""The plan as a workbook: its lines with target and achievement, the per-unit breakdown and the workflow
log (ke-hoach/<id>/xlsx); the achievement alone (ke-hoach/<id>/ket-qua.xlsx). Same figures as the API."""

from django.utils import timezone
from openpyxl import Workbook

from canbo.core.xlsx import set_cell
from canbo.core.xlsx_styles import INT, PCT, TEXT, TITLE_FONT, facts, header, put_row

from ..models import TrainingPlan
from ..plan_figures import PlanFigures, plan_achievements

SCOPED_NOTE = (
    "Phạm vi: chỉ phần chỉ tiêu, kinh phí phân bổ cho các đơn vị anh/chị được xem; thực hiện tính theo "
    "đơn vị khi cử đi học."
)
DEFINITIONS = (
    "Thực hiện = số lượt học gắn với dòng kế hoạch, trừ người thôi học; đạt (%) = thực hiện ÷ chỉ tiêu × 100, "
    "làm tròn một chữ số thập phân; người = số người không trùng."
)


def _pct(value):
    return float(value) if value is not None else None


def _intro(sheet, figures: PlanFigures, title: str) -> int:
    plan = figures.plan
    set_cell(sheet, 1, 1, title).font = TITLE_FONT
    items = [
        ("Kế hoạch", plan.title),
        ("Năm kế hoạch", plan.year),
        ("Đơn vị xây dựng kế hoạch", plan.owner_unit.name),
        ("Trạng thái", plan.get_status_display()),
        ("Hạn ban hành", plan.due_date),
    ]
    if plan.decision_number:
        items += [("Số văn bản ban hành", plan.decision_number), ("Ngày ban hành", plan.decision_date)]
    items.append(("Số liệu tính đến ngày", timezone.localdate()))
    row = facts(sheet, 3, items)
    notes = [SCOPED_NOTE, DEFINITIONS] if figures.scoped else [DEFINITIONS]
    for note in notes:
        set_cell(sheet, row, 1, note)
        row += 1
    return row + 1


LINE_COLUMNS = [
    ("STT", 6, None),
    ("Chương trình", 40, None),
    ("Mã chương trình", 20, TEXT),
    ("Hệ", 18, None),
    ("Trong nước / nước ngoài", 14, None),
    ("Đối tượng", 28, None),
    ("Đơn vị chủ trì", 28, None),
    ("Chỉ tiêu (người)", 12, INT),
    ("Thực hiện (lượt)", 12, INT),
    ("Thực hiện (người)", 12, INT),
    ("Đạt (%)", 10, PCT),
    ("Kinh phí kế hoạch (đồng)", 18, INT),
    ("Đã chi (đồng)", 18, INT),
    ("Ghi chú", 30, None),
]


def _lines(sheet, figures: PlanFigures, row: int) -> None:
    header(sheet, row, [(t, w) for t, w, _f in LINE_COLUMNS])
    sheet.freeze_panes = sheet.cell(row=row + 1, column=3)
    formats = [f for _t, _w, f in LINE_COLUMNS]
    for number, f in enumerate(figures.lines, start=1):
        line = f.line
        values = [
            number,
            line.programme.name,
            line.programme.code,
            line.get_mode_display() if line.mode else "",
            line.get_venue_display(),
            line.audience,
            line.responsible_unit.name,
            f.target,
            f.turns,
            f.persons,
            _pct(f.achieved),
            f.budget,
            f.spent,
            line.note,
        ]
        put_row(sheet, row + number, values, formats)
    total = ["", "Tổng cộng", "", "", "", "", ""]
    total += [figures.total("target"), figures.total("turns"), figures.persons, _pct(figures.achieved)]
    total += [figures.total("budget"), figures.total("spent"), ""]
    put_row(sheet, row + len(figures.lines) + 1, total, formats, bold=True)


UNIT_COLUMNS = [
    ("STT", 6, None),
    ("Chương trình", 40, None),
    ("Hệ", 18, None),
    ("Đơn vị", 34, None),
    ("Mã đơn vị", 14, TEXT),
    ("Chỉ tiêu phân bổ (người)", 14, INT),
    ("Thực hiện (lượt)", 12, INT),
    ("Đạt (%)", 10, PCT),
    ("Kinh phí phân bổ (đồng)", 18, INT),
    ("Đã chi (đồng)", 18, INT),
]


def _units(sheet, figures: PlanFigures, row: int) -> None:
    header(sheet, row, [(t, w) for t, w, _f in UNIT_COLUMNS])
    sheet.freeze_panes = sheet.cell(row=row + 1, column=1)
    formats = [f for _t, _w, f in UNIT_COLUMNS]
    number = 0
    for f in figures.lines:
        mode = f.line.get_mode_display() if f.line.mode else ""
        for share in f.shares:
            number += 1
            values = [number, f.line.programme.name, mode, share.unit_name, share.unit_code, share.target]
            values += [share.turns, _pct(share.achieved), share.budget, share.spent]
            put_row(sheet, row + number, values, formats)
    if not number:
        set_cell(sheet, row + 1, 1, "Kế hoạch chưa phân bổ chỉ tiêu cho đơn vị nào.")


def _steps(sheet, plan: TrainingPlan) -> None:
    header(sheet, 1, [("Từ", 16), ("Sang", 16), ("Người thực hiện", 24), ("Lúc", 18), ("Ý kiến", 60)])
    steps = plan.transitions.select_related("actor").order_by("at", "id")
    for row, step in enumerate(steps, start=2):
        at = timezone.localtime(step.at).replace(tzinfo=None)
        values = [step.get_from_status_display(), step.get_to_status_display()]
        values += [step.actor.get_full_name() or step.actor.username, at, step.comment]
        put_row(sheet, row, values, [None, None, None, "DD/MM/YYYY HH:MM", None])


def plan_workbook(*, user, plan: TrainingPlan) -> Workbook:
    figures = plan_achievements(user=user, plan=plan)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Kế hoạch"
    _lines(sheet, figures, _intro(sheet, figures, f"Kế hoạch đào tạo, bồi dưỡng năm {plan.year}"))
    units = workbook.create_sheet("Phân bổ theo đơn vị")
    _units(units, figures, _intro(units, figures, "Phân bổ chỉ tiêu, kinh phí theo đơn vị"))
    _steps(workbook.create_sheet("Các bước xử lý"), plan)
    return workbook


def achievement_workbook(*, user, plan: TrainingPlan) -> Workbook:
    figures = plan_achievements(user=user, plan=plan)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Kết quả thực hiện"
    _lines(
        sheet,
        figures,
        _intro(sheet, figures, f"Kết quả thực hiện kế hoạch đào tạo, bồi dưỡng năm {plan.year}"),
    )
    units = workbook.create_sheet("Theo đơn vị")
    _units(units, figures, _intro(units, figures, "Kết quả thực hiện theo đơn vị"))
    return workbook
