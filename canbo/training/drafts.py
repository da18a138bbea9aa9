"""The decision draft of sending to study, registered from TrainingConfig.ready."""

from django.shortcuts import get_object_or_404

from canbo.accounts.scoping import can_edit_unit
from canbo.decisions import grounds
from canbo.decisions.drafting import decision_context, money, record_pk
from canbo.decisions.facts import draft_name, person_facts
from canbo.decisions.heading import dmy
from canbo.decisions.registry import DecisionKind, register

from .selectors import study_queryset_for

# --- sending to study ----------------------------------------------------------------------------------------


def _study_fetch(user, key):
    qs = study_queryset_for(user=user).select_related("person__current_unit", "rule")
    return get_object_or_404(qs, pk=record_pk(key))


def _study_context(assignment) -> dict:
    context = decision_context(
        unit=assignment.unit,
        number=assignment.decision_number,
        decided_on=assignment.decision_date,
        tables=(grounds.TRAINING,),
    )
    context.update(
        person=person_facts(assignment.person, before=assignment.start_date),
        unit=assignment.unit.name,
        programme=assignment.programme.name,
        field=assignment.field_of_study,
        mode=assignment.get_mode_display().lower(),
        institution=assignment.institution,
        venue=assignment.get_venue_display().lower(),
        start=dmy(assignment.start_date),
        end=dmy(assignment.expected_end),
        funding=assignment.get_funding_display().lower(),
        cost=money(assignment.cost),
        commitment=f"{assignment.commitment_months:02d}" if assignment.commitment_months else "",
    )
    return context


STUDY = register(
    DecisionKind(
        code="study",
        label="Cử đi đào tạo",
        fetch=_study_fetch,
        may_draft=lambda user, a: can_edit_unit(user, a.unit),
        context=_study_context,
        filename=lambda a: draft_name("cu-di-hoc", a.person.full_name),
    )
)
