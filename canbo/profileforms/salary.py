"""The salary history the forms print (Mẫu 2C items 14 and 31, SYLL items 30 and 37.1), read through this one module.

The rows are the salary app's history (`canbo.salary`), oldest first, none after the date. A person with no salary
row yet (records taken over before the salary history was kept) prints the one row the register holds: rank, step
and coefficient, dated from the start of the career row in force on the date.

`in_force(rows)` is the row the forms print as the rank, step and coefficient "now": the last one dated on or before
the form's date, so a form printed as of a past date shows the rank and salary of that date, not today's.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from canbo.people.models import Employment, Person
from canbo.salary.models import AllowanceKind
from canbo.salary.selectors import salary_history as salary_records


@dataclass(frozen=True)
class SalaryRow:
    since: date | None  # "Tháng/năm", "Ngày hưởng"
    rank_code: str  # "Mã ngạch"
    step: int | None  # "Bậc"
    coefficient: Decimal | None  # "Hệ số lương"
    rank_name: str = ""  # "Ngạch công chức (viên chức)"
    seniority_percent: int = 0  # "Phụ cấp thâm niên vượt khung"
    position_allowance: str = ""  # "Phụ cấp chức vụ" (coefficient or %)
    other_allowances: str = ""  # "Phụ cấp khác": "Phụ cấp khu vực 0,20; …"
    until: date | None = None  # the day the next row started (SYLL 37.1 "Đến")
    allowance_rows: tuple = ()  # (kind, percent, coefficient) for SYLL 37.2


def _value(allowance) -> str:
    if allowance.coefficient is not None:
        return f"{allowance.coefficient:.2f}".replace(".", ",")
    return f"{allowance.percent:g} %".replace(".", ",")


def _row(record) -> SalaryRow:
    allowances = list(record.allowances.all())
    leadership = [a for a in allowances if a.kind == AllowanceKind.LEADERSHIP]
    others = [a for a in allowances if a.kind != AllowanceKind.LEADERSHIP]
    return SalaryRow(
        since=record.effective_on,
        rank_code=record.rank.code if record.rank_id else record.scale.code,
        step=record.step,
        coefficient=record.coefficient,
        rank_name=record.rank.name if record.rank_id else record.scale.name,
        seniority_percent=record.seniority_percent,
        position_allowance=_value(leadership[0]) if leadership else "",
        other_allowances="; ".join(f"{a.get_kind_display()} {_value(a)}" for a in others),
        allowance_rows=tuple(
            (
                a.get_kind_display(),
                f"{a.percent:g} %".replace(".", ",") if a.percent is not None else "",
                f"{a.coefficient:.2f}".replace(".", ",") if a.coefficient is not None else "",
            )
            for a in allowances
        ),
    )


def salary_history(*, person: Person, on: date) -> list[SalaryRow]:
    """Rows in date order, none after `on`; each row but the last carries the day its successor started."""
    rows = [row.record for row in salary_records(person=person) if row.record.effective_on <= on]
    if rows:
        drawn = [_row(record) for record in reversed(rows)]
        return [
            SalaryRow(**{**row.__dict__, "until": drawn[n + 1].since if n + 1 < len(drawn) else None})
            for n, row in enumerate(drawn)
        ]
    if person.salary_records.exists():
        return []  # salary rows exist, all after the date
    if person.rank_id is None and person.salary_coefficient is None:
        return []
    row_in_force = Employment.objects.active_on(on).filter(person=person).order_by("-start_date").first()
    since = row_in_force.start_date if row_in_force else person.recruited_on
    if since is not None and since > on:
        return []
    return [
        SalaryRow(
            since=since,
            rank_code=person.rank.code if person.rank_id else "",
            step=person.salary_step,
            coefficient=person.salary_coefficient,
            rank_name=person.rank.name if person.rank_id else "",
        )
    ]


def in_force(rows: list[SalaryRow]) -> SalaryRow | None:
    """The rank and salary printed as the person's own on the form's date: the last row of the history up to it."""
    return rows[-1] if rows else None
