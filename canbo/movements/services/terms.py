"""The rules of a term (rule 8: 5 years, at most 2 consecutive terms *for a head*; rule 9: extension near
retirement, with the collective vote above 50 %) and the steps a user may take on an appointment now (the
dossier's and the API's `actions`). The values are dated rows of `MovementRule` (migration 0003)."""

from datetime import date, timedelta

from canbo.accounts.models import Role
from canbo.accounts.scoping import can_edit_unit, has_role
from canbo.core.dates import add_years
from canbo.org.models import OrgUnit
from canbo.people.models import Person, Position
from canbo.people.retirement import retirement_date

from ..choices import AppointmentStatus
from ..models import Appointment, MovementRule

TERM_YEARS = 5
MAX_CONSECUTIVE_TERMS = 2  # the seeded value, for messages; the check reads head_term_limit()
EXTEND_BELOW_YEARS = 2
EXTENSION_NOTE = "Kéo dài thời hạn giữ chức vụ đến ngày nghỉ hưu"  # also marks extended terms (selectors)
OPEN_STATUSES = (
    AppointmentStatus.PROPOSED,
    AppointmentStatus.CHECKED,
    AppointmentStatus.BLOCKED,
    AppointmentStatus.APPROVED,
)
CHECKABLE = (AppointmentStatus.PROPOSED, AppointmentStatus.CHECKED, AppointmentStatus.BLOCKED)


def term_end_for(term_start: date) -> date:
    """Rule 8: five years, the last day included (01/07/2020 → 30/06/2025)."""
    return add_years(term_start, TERM_YEARS) - timedelta(days=1)


def head_term_limit(position: Position, on: date) -> int | None:
    """The consecutive-terms limit for `position` on `on` (NĐ 138/2020 Art 41, QĐ 98/2017): it applies to a
    head (cấp trưởng), not to a deputy (a post named "Phó …"); None: no limit."""
    rule = MovementRule.objects.value("terms", on=on)
    if any(position.name.startswith(prefix) for prefix in rule["deputy_prefixes"]):
        return None
    return rule["max_consecutive_head_terms"]


def extension_vote_share(on: date) -> float:
    """The share of the collective vote an extension to retirement must exceed (QĐ 727/QĐ-BNV 2025)."""
    return float(MovementRule.objects.value("extension", on=on)["vote_share_above"])


def previous_term(person: Person, position: Position, unit: OrgUnit) -> Appointment | None:
    """The person's latest decided appointment to this post in this unit (the term a reappointment renews)."""
    return (
        Appointment.objects.filter(
            person=person, position=position, unit=unit, status=AppointmentStatus.DECIDED
        )
        .order_by("-term_end", "-pk")
        .first()
    )


def consecutive_terms(appointment: Appointment) -> int:
    """Terms in the chain ending with `appointment` (itself and its previous terms)."""
    count, current = 1, appointment
    while current.previous_id and count <= MAX_CONSECUTIVE_TERMS + 1:
        current = Appointment.objects.only("pk", "previous_id").get(pk=current.previous_id)
        count += 1
    return count


def extension_instead(person: Person, term_end: date) -> date | None:
    """Rule 9 [U]: the retirement date when, on the day after `term_end`, fewer than 2 years remain before it
    (then the term is extended to that date instead of a reappointment); None otherwise."""
    retire = retirement_date(person.gender, person.date_of_birth)
    next_day = term_end + timedelta(days=1)
    if term_end < retire < add_years(next_day, EXTEND_BELOW_YEARS):
        return retire
    return None


def is_extended(appointment: Appointment) -> bool:
    return appointment.note.startswith(EXTENSION_NOTE)


def appointment_actions(user, appointment: Appointment) -> list[str]:
    """The steps `user` may take on `appointment` now (the dossier's buttons; the services decide anyway)."""
    status, actions = appointment.status, []
    records = can_edit_unit(user, appointment.unit)
    if records and status in CHECKABLE:
        actions.append("check")
    if has_role(user, Role.PROVINCE_BOARD) and status == AppointmentStatus.CHECKED:
        actions.append("approve")
    if records and status == AppointmentStatus.APPROVED:
        actions.append("decide")
    if (
        records
        and status == AppointmentStatus.DECIDED
        and not is_extended(appointment)
        and extension_instead(appointment.person, appointment.term_end)
    ):
        actions.append("extend")
    if records and status in OPEN_STATUSES:
        actions.append("withdraw")
    return actions
