"""The decision drafts of discipline (the case, or a recorded decision), registered from DisciplineConfig.ready."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from canbo.accounts.scoping import can_edit_unit
from canbo.decisions import grounds
from canbo.decisions.drafting import decision_context, dmy_or_empty, record_pk
from canbo.decisions.facts import draft_name, person_facts
from canbo.decisions.heading import BLANK
from canbo.decisions.registry import DecisionKind, register
from canbo.discipline.models import CaseStatus as DisciplineStatus
from canbo.discipline.selectors import case_get_for_user as discipline_case_get_for_user
from canbo.discipline.selectors import record_queryset_for as discipline_record_queryset_for

# --- discipline: from the case once its form is proposed; the decision's number once recorded --------------


def _discipline_fetch(user, key):
    case = discipline_case_get_for_user(user=user, pk=record_pk(key))
    if case.status not in (DisciplineStatus.REVIEWED, DisciplineStatus.DECIDED):
        raise Http404("Vụ việc chưa có hình thức kỷ luật đề nghị: chưa lập được dự thảo quyết định.")
    return case


def _discipline_context(case) -> dict:
    record = getattr(case, "record", None)
    return _discipline_facts(case=case, record=record, unit=case.unit)


def _discipline_facts(*, case, record, unit) -> dict:
    """From the case's proposed form until the decision is recorded, then from the decision."""
    context = decision_context(
        unit=unit,
        number=record.decision_number if record else "",
        decided_on=record.decided_on if record else None,
        tables=(grounds.DISCIPLINE,),
    )
    form = record.get_form_display() if record else case.get_proposed_form_display()
    acts = "; ".join(a.description for a in case.acts.order_by("committed_on", "pk")) if case else ""
    person = record.person if record else case.person
    facts = person_facts(person, before=record.decided_on if record else None)
    context.update(
        person=facts,
        unit=unit.name,
        form=form.split(" (")[0].lower(),
        reason=(record.reason if record and record.reason else acts) or BLANK,
        effective_until=dmy_or_empty(record.effective_until) if record else "",
    )
    return context


DISCIPLINE = register(
    DecisionKind(
        code="discipline",
        label="Kỷ luật",
        fetch=_discipline_fetch,
        may_draft=lambda user, case: can_edit_unit(user, case.unit),
        context=_discipline_context,
        filename=lambda c: draft_name("ky-luat", c.person.full_name),
    )
)


def _discipline_record_fetch(user, key):
    """A recorded decision, with or without its case (decisions entered before cases were kept, imported)."""
    qs = discipline_record_queryset_for(user=user).select_related("person__current_unit", "unit", "case")
    return get_object_or_404(qs, pk=record_pk(key))


def _decided_in(record):
    """The unit the decision was made in (older records without one: the person's unit)."""
    return record.unit if record.unit_id else record.person.current_unit


DISCIPLINE_RECORD = register(
    DecisionKind(
        code="discipline_record",
        label="Kỷ luật (theo quyết định đã ghi)",
        fetch=_discipline_record_fetch,
        may_draft=lambda user, record: can_edit_unit(user, _decided_in(record)),
        context=lambda record: _discipline_facts(case=record.case, record=record, unit=_decided_in(record)),
        filename=lambda r: draft_name("ky-luat", r.person.full_name),
        template="discipline.docx",
        shares_template_of="discipline",
    )
)
