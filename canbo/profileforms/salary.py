"""The salary history the forms print (Mẫu 2C item 31, SYLL part VI), read through this one function.

The rows are the salary app's history (`canbo.salary`), oldest first, none after the date. A person with no salary
row yet (records taken over before the salary history was kept) prints the one row the register holds: rank, step
and coefficient, dated from the start of the career row in force on the date.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from canbo.people.models import Employment, Person
from canbo.salary.selectors import salary_history as salary_records


@dataclass(frozen=True)
class SalaryRow:
    since: date | None  # "Tháng/năm"
    rank_code: str  # "Mã ngạch"
    step: int | None  # "Bậc"
    coefficient: Decimal | None  # "Hệ số lương"


def salary_history(*, person: Person, on: date) -> list[SalaryRow]:
    """Rows in date order, none after `on`."""
    rows = [row.record for row in salary_records(person=person) if row.record.effective_on <= on]
    if rows:
        return [
            SalaryRow(
                since=record.effective_on,
                rank_code=record.rank.code if record.rank_id else record.scale.code,
                step=record.step,
                coefficient=record.coefficient,
            )
            for record in reversed(rows)
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
        )
    ]
