"""The built-in kinds: appointment and reappointment, rotation/transfer/secondment (one person or a decision
for many, with its annex), retirement, discipline, streamlining and sending to study. Each fetches its record
through the owning app's scoped selector (outside the user's units → 404), lets only the roles that may act on
the record draft it (the board, the officers of its unit → else 403) and builds the template's context.

A kind from an app above this one (the salary app's step raise) registers itself: see registry.py.
"""

import uuid
from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from canbo.accounts.scoping import can_edit_unit
from canbo.discipline.models import CaseStatus as DisciplineStatus
from canbo.discipline.selectors import case_get_for_user as discipline_case_get_for_user
from canbo.discipline.selectors import record_queryset_for as discipline_record_queryset_for
from canbo.movements.choices import AppointmentKind, MovementKind
from canbo.movements.models import Movement
from canbo.movements.selectors import appointment_get_for_user, movement_get_for_user, movement_queryset_for
from canbo.org.models import OrgUnit
from canbo.people.retirement import retirement_date
from canbo.people.selectors import person_get_for_user
from canbo.staffing.choices import CaseStatus as StreamliningStatus
from canbo.staffing.selectors import case_get_for_user as streamlining_case_get_for_user
from canbo.training.selectors import study_queryset_for

from . import grounds
from .facts import draft_name, person_facts
from .heading import BLANK, decision_heading, dmy
from .registry import DecisionKind, register

PARTIAL_BATCH = (
    "Quyết định này có cả người ngoài đơn vị anh/chị quản lý: dự thảo cả danh sách do Ban Tổ chức Tỉnh ủy / "
    "Sở Nội vụ lập."
)
NOT_A_DRAFT = "Bản ghi này không lập được dự thảo quyết định loại này."
MOVING_KINDS = (MovementKind.ROTATION, MovementKind.TRANSFER, MovementKind.SECONDMENT)
VERBS = {
    MovementKind.ROTATION: "Luân chuyển",
    MovementKind.TRANSFER: "Điều động",
    MovementKind.SECONDMENT: "Biệt phái",
}


def _pk(key: str) -> int:
    if not str(key).isdigit():
        raise Http404(NOT_A_DRAFT)
    return int(key)


def _or_blank(value) -> str:
    return dmy(value) if value else ""


def _common(*, unit, number, decided_on, signer="", tables=()) -> dict:
    context = decision_heading(unit=unit, number=number, decided_on=decided_on, signer=signer)
    context["grounds"] = grounds.in_force(decided_on or timezone.localdate(), grounds.LAW_CBCC, *tables)
    return context


# --- appointments --------------------------------------------------------------------------------------------


def _appointment_fetch(kinds):
    def fetch(user, key):
        appointment = appointment_get_for_user(user=user, pk=_pk(key))
        if appointment.kind not in kinds:
            raise Http404(NOT_A_DRAFT)
        return appointment

    return fetch


def _appointment_may_draft(user, appointment) -> bool:
    return can_edit_unit(user, appointment.unit) or can_edit_unit(user, appointment.person.current_unit)


def _appointment_context(appointment) -> dict:
    before = appointment.employment.start_date if appointment.employment_id else None
    context = _common(
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
        term_end=_or_blank(appointment.term_end),
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


# --- movements: one person, or one decision for many (annex) ------------------------------------------------


def movement_decision(user, key) -> list[Movement]:
    """The movements the user may see that share this movement's decision (kind, number, date), in
    Vietnamese name order (given name first); the movement itself is fetched first (outside → 404)."""
    movement = movement_get_for_user(user=user, pk=_pk(key))
    if movement.kind not in MOVING_KINDS:
        raise Http404(NOT_A_DRAFT)
    decision = {
        "kind": movement.kind,
        "decision_number": movement.decision_number,
        "decision_date": movement.decision_date,
    }
    rows = list(
        movement_queryset_for(user=user)
        .filter(**decision)
        .select_related("person", "from_unit", "to_unit", "to_position")
    )
    if Movement.objects.filter(**decision).count() != len(rows):
        # a partial annex would misstate the decision: the whole list is drawn up by someone who sees it all
        raise PermissionDenied(PARTIAL_BATCH)
    return sorted(rows, key=lambda m: (m.person.sort_key, m.pk))


def _movements_may_draft(user, movements) -> bool:
    movements = movements if isinstance(movements, list) else [movements]
    return all(can_edit_unit(user, m.from_unit) or can_edit_unit(user, m.to_unit) for m in movements)


def _common_unit(units) -> OrgUnit:
    """The nearest unit above all of `units` (the one that issues a decision for people of several units)."""
    paths = [u.path for u in units]
    prefix = paths[0]
    for path in paths[1:]:
        while not path.startswith(prefix):
            prefix = prefix[: prefix.rstrip(".").rfind(".") + 1]
    ids = [int(part) for part in prefix.split(".") if part]
    return OrgUnit.objects.get(pk=ids[-1]) if ids else units[0]


def _movement_context(movements) -> dict:
    movement = movements[0]
    context = _common(
        unit=movement.from_unit,
        number=movement.decision_number,
        decided_on=movement.decision_date,
        tables=(grounds.USE_AND_MANAGEMENT,),
    )
    verb = VERBS[movement.kind]
    context.update(
        person=person_facts(movement.person, before=movement.start_date),
        verb=verb,
        verb_lower=verb.lower(),
        from_unit=movement.from_unit.name,
        to_unit=movement.to_unit.name if movement.to_unit_id else "",
        to_position=movement.to_position.name if movement.to_position_id else "",
        start=dmy(movement.start_date),
        end=_or_blank(movement.end_date),
        reason=movement.reason,
    )
    return context


def annex_row(n: int, movement: Movement) -> dict:
    facts = person_facts(movement.person, before=movement.start_date)
    period = f"từ {dmy(movement.start_date)}" + (
        f" đến {dmy(movement.end_date)}" if movement.end_date else ""
    )
    return {
        "n": n,
        "name": facts["name"],
        "birth": facts["birth"],
        "now": facts["post"],
        "to_unit": movement.to_unit.name if movement.to_unit_id else "",
        "to_position": movement.to_position.name if movement.to_position_id else "",
        "period": period,
    }


def _movement_batch_context(movements) -> dict:
    first = movements[0]
    context = _common(
        unit=_common_unit([m.from_unit for m in movements]),
        number=first.decision_number,
        decided_on=first.decision_date,
        tables=(grounds.USE_AND_MANAGEMENT,),
    )
    verb = VERBS[first.kind]
    starts = {m.start_date for m in movements}
    ends = {m.end_date for m in movements}
    rows = [annex_row(n, movement) for n, movement in enumerate(movements, start=1)]
    context.update(
        verb=verb,
        verb_lower=verb.lower(),
        count=f"{len(movements):02d}",
        start=dmy(first.start_date) if len(starts) == 1 else "ghi trong danh sách kèm theo",
        end=_or_blank(first.end_date) if len(ends) == 1 else "",
        rows=rows,
        annex_title=f"CÁN BỘ, CÔNG CHỨC {verb.upper()}",
        annex_date=f"ngày {dmy(first.decision_date)}" if first.decision_date else "",
    )
    return context


MOVEMENT_BATCH = register(
    DecisionKind(
        code="movement_batch",
        label="Luân chuyển, điều động, biệt phái nhiều người (kèm danh sách)",
        fetch=movement_decision,
        may_draft=_movements_may_draft,
        context=_movement_batch_context,
        filename=lambda ms: draft_name(f"{VERBS[ms[0].kind]} {len(ms)} nguoi", "").rstrip("-"),
        size=len,
    )
)
MOVEMENT = register(
    DecisionKind(
        code="movement",
        label="Luân chuyển, điều động, biệt phái",
        fetch=movement_decision,
        may_draft=_movements_may_draft,
        context=_movement_context,
        filename=lambda ms: draft_name(ms[0].kind.lower().replace("_", "-"), ms[0].person.full_name),
        # a decision that covers several people is one document with its annex
        variant=lambda ms: "movement_batch" if len(ms) > 1 else None,
    )
)


# --- retirement ---------------------------------------------------------------------------------------------


def _retirement_fetch(user, key):
    try:
        person_uuid = uuid.UUID(str(key))
    except ValueError:
        raise Http404(NOT_A_DRAFT) from None
    return person_get_for_user(user=user, uuid=person_uuid)


def _retirement_context(person) -> dict:
    movement = person.movements.filter(kind=MovementKind.RETIREMENT).order_by("-start_date").first()
    reaches = retirement_date(person.gender, person.date_of_birth)
    retire_from = movement.start_date if movement else reaches + timedelta(days=1)
    row_unit = person.current_unit
    context = _common(
        unit=row_unit,
        number=movement.decision_number if movement else "",
        decided_on=movement.decision_date if movement else None,
        tables=(grounds.RETIREMENT,),
    )
    facts = person_facts(person, before=retire_from if movement else None)
    context.update(
        person=facts,
        unit=facts["unit"],
        retire_from=dmy(retire_from),
        reaches_age=dmy(reaches),
    )
    return context


RETIREMENT = register(
    DecisionKind(
        code="retirement",
        label="Nghỉ hưu",
        fetch=_retirement_fetch,
        may_draft=lambda user, person: can_edit_unit(user, person.current_unit),
        context=_retirement_context,
        filename=lambda p: draft_name("nghi-huu", p.full_name),
    )
)


# --- discipline: from the case once its form is proposed; the decision's number once recorded --------------


def _discipline_fetch(user, key):
    case = discipline_case_get_for_user(user=user, pk=_pk(key))
    if case.status not in (DisciplineStatus.REVIEWED, DisciplineStatus.DECIDED):
        raise Http404("Vụ việc chưa có hình thức kỷ luật đề nghị: chưa lập được dự thảo quyết định.")
    return case


def _discipline_context(case) -> dict:
    record = getattr(case, "record", None)
    return _discipline_facts(case=case, record=record, unit=case.unit)


def _discipline_facts(*, case, record, unit) -> dict:
    """From the case's proposed form until the decision is recorded, then from the decision."""
    context = _common(
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
        effective_until=_or_blank(record.effective_until) if record else "",
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
    return get_object_or_404(qs, pk=_pk(key))


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


# --- streamlining --------------------------------------------------------------------------------------------


def _streamlining_fetch(user, key):
    case = streamlining_case_get_for_user(user=user, pk=_pk(key))
    if case.status == StreamliningStatus.REJECTED:
        raise Http404("Trường hợp không được phê duyệt: không lập quyết định tinh giản.")
    return case


def _money(value) -> str:
    return f"{int(value):,}".replace(",", ".") if value else ""


def _streamlining_context(case) -> dict:
    context = _common(
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
        allowance=_money(case.allowance_amount),
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


# --- sending to study ----------------------------------------------------------------------------------------


def _study_fetch(user, key):
    qs = study_queryset_for(user=user).select_related("person__current_unit", "rule")
    return get_object_or_404(qs, pk=_pk(key))


def _study_context(assignment) -> dict:
    context = _common(
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
        cost=_money(assignment.cost),
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
