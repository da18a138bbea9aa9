"""The salary history the forms print (Mẫu 2C item 31, SYLL part VI), read through this one function.

The salary app (salary steps with their dates) is being written on another branch. Until it lands, the history is
the one row the register holds today: the person's rank, step and coefficient, dated from the start of the career
row in force on the date. When `canbo.salary` exists, point `salary_history` at its selector (same row shape) and
nothing else changes.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from canbo.people.models import Employment, Person


@dataclass(frozen=True)
class SalaryRow:
    since: date | None  # "Tháng/năm"
    rank_code: str  # "Mã ngạch"
    step: int | None  # "Bậc"
    coefficient: Decimal | None  # "Hệ số lương"


def salary_history(*, person: Person, on: date) -> list[SalaryRow]:
    """Rows in date order, none after `on`."""
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
