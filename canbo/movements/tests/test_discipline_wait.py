"""Rule 26 (QĐ 377): after a reprimand, a warning or a removal from office, no higher post for 24, 36 or 60
months from the decision; the proposal and the decision are refused, a reappointment is not a promotion."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from canbo.core.dates import add_months
from canbo.discipline.models import DisciplineForm, DisciplineRecord
from canbo.movements.choices import AppointmentKind, AppointmentStatus
from canbo.movements.models import Appointment
from canbo.movements.services import (
    appointment_approve,
    appointment_check,
    appointment_decide,
    appointment_propose,
)

from .conftest import position, today


def discipline(person, form, decided_on):
    return DisciplineRecord.objects.create(
        person=person, form=form, decision_number="01/QĐ-KL", decided_on=decided_on
    )


def propose(actor, person, unit, kind=AppointmentKind.HIGHER):
    return appointment_propose(
        actor=actor, person=person, position=position("TRUONG_PHONG"), unit=unit, kind=kind
    )


@pytest.mark.parametrize(
    ("form", "months"),
    [(DisciplineForm.REPRIMAND, 24), (DisciplineForm.WARNING, 36), (DisciplineForm.REMOVAL, 60)],
)
def test_a_proposal_inside_the_wait_is_refused_with_the_first_possible_day(
    tree, alice, candidate, form, months
):
    decided_on = add_months(today(), -months) + datetime.timedelta(days=1)
    discipline(candidate, form, decided_on)

    with pytest.raises(ValidationError) as refused:
        propose(alice, candidate, tree["dept_a_office"])

    message = refused.value.message_dict["person"][0]
    assert "không được bổ nhiệm vào chức vụ cao hơn" in message
    assert f"{add_months(decided_on, months):%d/%m/%Y}" in message
    assert not Appointment.objects.exists()


def test_the_day_the_wait_ends_the_proposal_is_accepted(tree, alice, candidate):
    discipline(candidate, DisciplineForm.REPRIMAND, add_months(today(), -24))

    assert propose(alice, candidate, tree["dept_a_office"]).status == AppointmentStatus.PROPOSED


def test_a_discipline_decided_after_the_approval_refuses_the_decision(tree, alice, board, candidate):
    appointment = propose(alice, candidate, tree["dept_a_office"])
    appointment_check(actor=alice, appointment=appointment)
    appointment_approve(actor=board, appointment=appointment)
    discipline(candidate, DisciplineForm.WARNING, today())

    with pytest.raises(ValidationError) as refused:
        appointment_decide(
            actor=alice,
            appointment=appointment,
            decision_number="125/QĐ-UBND",
            decision_date=today(),
            signer="Lò Văn Mừng",
        )

    assert "kỷ luật" in refused.value.message_dict["person"][0]
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.APPROVED and appointment.employment_id is None


def test_reappointment_is_not_a_promotion(tree, alice, head):
    discipline(head.person, DisciplineForm.REPRIMAND, today())

    appointment = propose(alice, head.person, tree["dept_a_office"], kind=AppointmentKind.REAPPOINT)

    assert appointment.status == AppointmentStatus.PROPOSED
