"""Rotation, transfer, secondment (one person, or one decision for many with its annex) and retirement."""

import uuid
from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.http import Http404

from canbo.accounts.scoping import can_edit_unit
from canbo.decisions import grounds
from canbo.decisions.drafting import NOT_A_DRAFT, decision_context, dmy_or_empty, record_pk
from canbo.decisions.facts import draft_name, person_facts
from canbo.decisions.heading import dmy
from canbo.decisions.registry import DecisionKind, register
from canbo.movements.choices import MovementKind
from canbo.movements.models import Movement
from canbo.movements.selectors import movement_get_for_user, movement_queryset_for
from canbo.org.models import OrgUnit
from canbo.people.retirement import retirement_date
from canbo.people.selectors import person_get_for_user

# --- movements: one person, or one decision for many (annex) ------------------------------------------------

PARTIAL_BATCH = (
    "Quyết định này có cả người ngoài đơn vị anh/chị quản lý: dự thảo cả danh sách do Ban Tổ chức Tỉnh ủy / "
    "Sở Nội vụ lập."
)
MOVING_KINDS = (MovementKind.ROTATION, MovementKind.TRANSFER, MovementKind.SECONDMENT)
VERBS = {
    MovementKind.ROTATION: "Luân chuyển",
    MovementKind.TRANSFER: "Điều động",
    MovementKind.SECONDMENT: "Biệt phái",
}


def movement_decision(user, key) -> list[Movement]:
    """The movements the user may see that share this movement's decision (kind, number, date), in
    Vietnamese name order (given name first); the movement itself is fetched first (outside → 404)."""
    movement = movement_get_for_user(user=user, pk=record_pk(key))
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
    context = decision_context(
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
        end=dmy_or_empty(movement.end_date),
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
    context = decision_context(
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
        end=dmy_or_empty(first.end_date) if len(ends) == 1 else "",
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
    context = decision_context(
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
