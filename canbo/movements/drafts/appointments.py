"""Appointments and reappointments (canbo.movements.Appointment)."""

from django.http import Http404

from canbo.accounts.scoping import can_edit_unit
from canbo.decisions import grounds
from canbo.decisions.drafting import NOT_A_DRAFT, decision_context, dmy_or_empty, record_pk
from canbo.decisions.facts import draft_name, person_facts
from canbo.decisions.heading import BLANK, dmy
from canbo.decisions.registry import DecisionKind, register
from canbo.movements.choices import AppointmentKind
from canbo.movements.selectors import appointment_get_for_user

# --- appointments --------------------------------------------------------------------------------------------


def _appointment_fetch(kinds):
    def fetch(user, key):
        appointment = appointment_get_for_user(user=user, pk=record_pk(key))
        if appointment.kind not in kinds:
            raise Http404(NOT_A_DRAFT)
        return appointment

    return fetch


def _appointment_may_draft(user, appointment) -> bool:
    return can_edit_unit(user, appointment.unit) or can_edit_unit(user, appointment.person.current_unit)


def _appointment_context(appointment) -> dict:
    before = appointment.employment.start_date if appointment.employment_id else None
    context = decision_context(
        unit=appointment.unit,
        number=appointment.decision_number,
        decided_on=appointment.decision_date,
        signer=appointment.signer,
        tables=(grounds.USE_AND_MANAGEMENT,),
    )
    previous = appointment.previous
    context.update(
        person=person_facts(appointment.person, before=before),
        position=appointment.position.name,
        unit=appointment.unit.name,
        term_start=dmy(appointment.term_start) if appointment.term_start else BLANK,
        term_end=dmy_or_empty(appointment.term_end),
        previous=f"{dmy(previous.term_start)} – {dmy(previous.term_end)}" if previous else "",
        kind_label=appointment.get_kind_display(),
    )
    return context


APPOINTMENT = register(
    DecisionKind(
        code="appointment",
        label="Bổ nhiệm (lần đầu, chức vụ cao hơn)",
        fetch=_appointment_fetch((AppointmentKind.FIRST, AppointmentKind.HIGHER)),
        may_draft=_appointment_may_draft,
        context=_appointment_context,
        filename=lambda a: draft_name("bo-nhiem", a.person.full_name),
    )
)
REAPPOINTMENT = register(
    DecisionKind(
        code="reappointment",
        label="Bổ nhiệm lại",
        fetch=_appointment_fetch((AppointmentKind.REAPPOINT,)),
        may_draft=_appointment_may_draft,
        context=_appointment_context,
        filename=lambda a: draft_name("bo-nhiem-lai", a.person.full_name),
    )
)
