"""The yearly training plans of a seed province (seed 000: "100 % of the plan's targets in each year").

The import has no plan sheet: a plan is drafted, appraised, approved and issued on the plan pages, and its classes
are opened under its lines. `write_plans` writes what the province would type there (one row per class: year,
programme, mode, the line's target, the class), and `load_plans` goes through the same services as those pages,
with the three people the workflow needs. The lượt then come in by the import, which files each lượt of a class
opened under a plan line against that line.
"""

from datetime import date
from pathlib import Path

from openpyxl import Workbook, load_workbook

from canbo.org.models import OrgUnit
from canbo.training.choices import TrainingMode, Venue
from canbo.training.models import Programme
from canbo.training.services import class_create, plan_create, plan_line_save, plan_transition

TITLE = "Kế hoạch"
COLUMNS = [
    ("year", "Năm"),
    ("programme", "Mã chương trình"),
    ("mode", "Hệ"),
    ("target", "Chỉ tiêu (người)"),
    ("course_name", "Tên lớp"),
    ("start_date", "Ngày bắt đầu"),
    ("end_date", "Ngày kết thúc"),
    ("capacity", "Số học viên tối đa"),
]


def write_plans(path: Path, rows: list[dict]) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = TITLE
    sheet.append([label for _key, label in COLUMNS])
    for row in rows:
        sheet.append([row[key] for key, _label in COLUMNS])
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell.value, date):
                cell.number_format = "DD/MM/YYYY"
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def read_plans(path: Path) -> dict[int, list[dict]]:
    sheet = load_workbook(path, read_only=True)[TITLE]
    by_year: dict[int, list[dict]] = {}
    for values in sheet.iter_rows(min_row=2, values_only=True):
        row = dict(zip([key for key, _label in COLUMNS], values, strict=False))
        for key in ("start_date", "end_date"):
            row[key] = row[key].date() if hasattr(row[key], "date") else row[key]
        by_year.setdefault(int(row["year"]), []).append(row)
    return by_year


def load_plans(path: Path, *, owner_code: str, drafter, appraiser, approver) -> list:
    """Each year's plan through its workflow (drafted and issued by `drafter`, appraised by a board member,
    approved by the Standing Committee), then its classes opened under its lines. Returns the plans."""
    owner = OrgUnit.objects.get(code=owner_code)
    modes = {str(label): code for code, label in TrainingMode.choices}
    programmes = {p.code: p for p in Programme.objects.all()}
    plans = []
    for year, rows in sorted(read_plans(path).items()):
        plan = plan_create(actor=drafter, year=year, owner_unit=owner)
        lines = {}
        for row in rows:
            key = (row["programme"], modes[row["mode"]])
            if key not in lines:
                lines[key] = plan_line_save(
                    actor=drafter,
                    plan=plan,
                    data={
                        "programme": programmes[key[0]],
                        "mode": key[1],
                        "venue": Venue.DOMESTIC,
                        "responsible_unit": owner,
                        "target_count": int(row["target"]),
                    },
                )
        plan_transition(actor=drafter, plan=plan, action="submit")
        plan_transition(actor=appraiser, plan=plan, action="appraise")
        plan_transition(actor=approver, plan=plan, action="approve")
        plan_transition(
            actor=drafter,
            plan=plan,
            action="issue",
            decision_number=f"{year % 100:02d}/KH-UBND",
            decision_date=date(year, 1, 20),
        )
        for number, row in enumerate(rows, start=1):
            line = lines[(row["programme"], modes[row["mode"]])]
            class_create(
                actor=drafter,
                data={
                    "code": f"KH{year}-{number:04d}",
                    "name": row["course_name"],
                    "programme": line.programme,
                    "plan_line": line,
                    "organiser_unit": owner,
                    "mode": line.mode,
                    "venue": Venue.DOMESTIC,
                    "start_date": row["start_date"],
                    "end_date": row["end_date"],
                    "capacity": int(row["capacity"]),
                },
            )
        plans.append(plan)
    return plans
