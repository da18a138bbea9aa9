"""The decision draft of streamlining (NĐ 29/2023), registered from StaffingConfig.ready."""

from django.http import Http404

from canbo.accounts.scoping import can_edit_unit
from canbo.decisions import grounds
from canbo.decisions.drafting import decision_context, money, record_pk
from canbo.decisions.facts import draft_name, person_facts
from canbo.decisions.heading import BLANK, dmy
from canbo.decisions.registry import DecisionKind, register

from .choices import CaseStatus as StreamliningStatus
from .selectors import case_get_for_user as streamlining_case_get_for_user

# --- streamlining --------------------------------------------------------------------------------------------


def _streamlining_fetch(user, key):
    case = streamlining_case_get_for_user(user=user, pk=record_pk(key))
    if case.status == StreamliningStatus.REJECTED:
        raise Http404("Trường hợp không được phê duyệt: không lập quyết định tinh giản.")
    return case


def _streamlining_context(case) -> dict:
    context = decision_context(
        unit=case.unit,
        number=case.decision_number,
        decided_on=case.decision_date,
        tables=(grounds.STREAMLINING,),
    )
    exit_on = case.exit_date or case.planned_exit_date
    context.update(
        person=person_facts(case.person, before=case.exit_date),
        unit=case.unit.name,
        policy=case.get_policy_display().lower(),
        exit_date=dmy(exit_on) if exit_on else BLANK,
        reason=case.get_reason_display().lower(),
        reason_detail=case.reason_detail,
        allowance=money(case.allowance_amount),
    )
    return context


STREAMLINING = register(
    DecisionKind(
        code="streamlining",
        label="Tinh giản biên chế",
        fetch=_streamlining_fetch,
        may_draft=lambda user, case: can_edit_unit(user, case.unit),
        context=_streamlining_context,
        filename=lambda c: draft_name("tinh-gian", c.person.full_name),
    )
)
