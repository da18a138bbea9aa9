"""A person's employment timeline after the file is applied, checked in memory.

Rows are identified by (person, start date). A file row with the start date of a stored row updates it;
other file rows are added. A stored open row followed by a later current row is closed the day before, as
canbo.people.services.employment_add does for a transfer. Then: one open row at most, the latest; no overlaps.
The three timeline rules are canbo.people.rules' (rows_to_close, overlapping_neighbours, latest_row), the same
the services apply one row at a time.
"""

from dataclasses import dataclass, field
from datetime import date

from canbo.core.bulk import unsaved
from canbo.people.choices import PersonnelMove
from canbo.people.models import Employment
from canbo.people.rules import close_open_row, overlapping_neighbours, rows_to_close

EMPLOYMENT_FIELDS = [
    "unit_id",
    "position_id",
    "category",
    "start_date",
    "end_date",
    "move",
    "decision_number",
    "note",
]


def snapshot(obj, fields) -> dict:
    return {f: getattr(obj, f) for f in fields}


@dataclass
class Slot:
    obj: Employment
    before: dict | None = None  # the stored values; None for a new row
    source: object = None  # the file Row that set it, if any
    from_history: bool = False
    from_person_sheet: bool = False

    @property
    def changed(self) -> dict:
        if self.before is None:
            return {}
        after = snapshot(self.obj, EMPLOYMENT_FIELDS)
        return {f: (self.before[f], after[f]) for f in EMPLOYMENT_FIELDS if self.before[f] != after[f]}


@dataclass
class Problem:
    row: object  # a file Row
    field: str
    message: str


@dataclass
class Timeline:
    stored: list[Employment]
    slots: dict[date, Slot] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def __post_init__(self):
        for emp in self.stored:
            self.slots.setdefault(emp.start_date, Slot(emp, before=snapshot(emp, EMPLOYMENT_FIELDS)))

    def add_history(self, row, emp: Employment) -> None:
        slot = self.slots.get(emp.start_date)
        if slot is not None and (slot.from_history or slot.before is None):
            self.problems.append(
                Problem(row, "start_date", f"Trùng “Từ ngày” với dòng {slot.source.number} của cùng người.")
            )
            return
        if slot is None:
            self.slots[emp.start_date] = Slot(emp, source=row, from_history=True)
            return
        stored = slot.obj
        for name in ("unit", "position", "category", "end_date", "move", "decision_number"):
            setattr(stored, name, getattr(emp, name))
        slot.source, slot.from_history = row, True

    def set_current(self, row, *, unit, position, category, start: date) -> None:
        """The row of the person sheet: the current unit, post and category since `start`."""
        slot = self.slots.get(start)
        if slot is not None and slot.from_history:
            emp = slot.obj
            if (
                emp.end_date is not None
                or emp.unit_id != unit.pk
                or emp.category != category
                or (position is not None and emp.position_id != position.pk)
            ):
                self.problems.append(
                    Problem(
                        row,
                        "start_date",
                        f"Không khớp với dòng {slot.source.number} trang “Quá trình công tác” có cùng “Từ ngày” "
                        "(đơn vị, chức vụ, phân loại phải giống nhau và “Đến ngày” để trống).",
                    )
                )
            slot.from_person_sheet = True
            return
        if slot is not None:
            slot.obj.unit, slot.obj.position, slot.obj.category = unit, position, category
            slot.source, slot.from_person_sheet = row, True
            return
        first = not self.slots or min(self.slots) > start
        move = PersonnelMove.TUYEN_DUNG if first else PersonnelMove.DIEU_DONG
        emp = unsaved(Employment, {"category": category, "start_date": start, "move": move},
                      {"unit": unit, "position": position})  # fmt: skip
        self.slots[start] = Slot(emp, source=row, from_person_sheet=True)

    def resolve(self) -> list[Slot]:
        """Close stored open rows followed by a later row, then check the timeline; returns it in order."""
        ordered = [self.slots[start] for start in sorted(self.slots)]
        by_obj = {id(slot.obj): slot for slot in ordered}
        for row, next_start in rows_to_close([slot.obj for slot in ordered]):
            if by_obj[id(row)].source is None:  # a stored open row not named in the file: a transfer ends it
                close_open_row(row, next_start=next_start)
        for slot, following in zip(ordered, ordered[1:], strict=False):
            if slot.obj.end_date is not None:
                continue
            if slot.from_person_sheet:
                self.problems.append(
                    Problem(
                        slot.source,
                        "start_date",
                        f"Đã có quá trình công tác bắt đầu sau ngày này ({following.obj.start_date:%d/%m/%Y}); "
                        "ngày bắt đầu ở đơn vị hiện tại phải là ngày bắt đầu của quá trình sau cùng.",
                    )
                )
            elif slot.source is not None:
                self.problems.append(
                    Problem(
                        slot.source,
                        "end_date",
                        "Chỉ quá trình công tác sau cùng được để trống “Đến ngày”.",
                    )
                )
            elif following.source is not None:  # a stored open row the file's later rows do not end
                self.problems.append(
                    Problem(
                        following.source,
                        "start_date",
                        f"Trùng thời gian với quá trình công tác từ {slot.obj.start_date:%d/%m/%Y} (chưa có "
                        "“Đến ngày”); quá trình sau cùng phải để trống “Đến ngày” để kết thúc quá trình đó.",
                    )
                )
        for earlier, later in overlapping_neighbours([slot.obj for slot in ordered]):
            slot, following = by_obj[id(earlier)], by_obj[id(later)]
            if slot.obj.end_date is not None:  # an open row before another is reported above
                blamed = following if following.source is not None else slot
                other = slot if blamed is following else following
                if blamed.source is None:
                    continue
                self.problems.append(
                    Problem(
                        blamed.source,
                        "start_date",
                        f"Trùng thời gian với quá trình công tác từ {other.obj.start_date:%d/%m/%Y}"
                        + (f" đến {other.obj.end_date:%d/%m/%Y}." if other.obj.end_date else "."),
                    )
                )
        return ordered
