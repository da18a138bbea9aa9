"""Writes to the organisation tree: units are created, ended and linked to successors, never overwritten."""

from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Value
from django.db.models.functions import Concat, Substr

from canbo.accounts.models import Role
from canbo.accounts.scoping import has_role
from canbo.core.audit import audit_actor

from . import people
from .models import OrgEvent, OrgEventKind, OrgUnit


def _require_board(actor) -> None:
    if actor is not None and not has_role(actor, Role.PROVINCE_BOARD, Role.SYSADMIN):
        raise PermissionDenied(
            "Chỉ Ban Tổ chức Tỉnh ủy / Sở Nội vụ hoặc quản trị hệ thống được sửa cây tổ chức."
        )


def set_paths(units: list[OrgUnit]) -> None:
    """Compute path/depth for saved units given in parent-before-child order (used by bulk loaders)."""
    by_pk = {u.pk: u for u in units}
    for unit in units:
        parent = by_pk.get(unit.parent_id) if unit.parent_id else None
        if unit.parent_id and parent is None:
            parent = OrgUnit.objects.get(pk=unit.parent_id)
        prefix = parent.path if parent else ""
        unit.path = prefix + OrgUnit.path_segment(unit.pk)
        unit.depth = (parent.depth + 1) if parent else 0


@transaction.atomic
def org_unit_create(*, actor, **data) -> OrgUnit:
    _require_board(actor)
    unit = OrgUnit(**data)
    if unit.parent_id and unit.parent.valid_to and unit.parent.valid_to < unit.valid_from:
        raise ValidationError({"parent": "Đơn vị cấp trên đã hết hiệu lực trước ngày thành lập."})
    unit.full_clean(exclude=["path"])
    with audit_actor(actor):
        unit.save()
        set_paths([unit])
        unit.save(update_fields=["path", "depth"])
    return unit


@transaction.atomic
def org_unit_move(*, actor, unit: OrgUnit, new_parent: OrgUnit) -> OrgUnit:
    """Re-parent a unit; its whole subtree's paths change in one UPDATE."""
    _require_board(actor)
    if new_parent.path.startswith(unit.path):
        raise ValidationError({"parent": "Không thể chuyển đơn vị vào chính cây con của nó."})
    old_path = unit.path
    new_path = new_parent.path + OrgUnit.path_segment(unit.pk)
    depth_change = new_parent.depth + 1 - unit.depth
    with audit_actor(actor):
        OrgUnit.objects.filter(path__startswith=old_path).update(
            path=Concat(Value(new_path), Substr("path", len(old_path) + 1)),
        )
        for child in OrgUnit.objects.filter(path__startswith=new_path):
            OrgUnit.objects.filter(pk=child.pk).update(depth=child.depth + depth_change)
        unit.parent = new_parent
        unit.save(update_fields=["parent"])
    unit.refresh_from_db()
    return unit


def _end_units(units, effective_on: date) -> None:
    last_day = effective_on - timedelta(days=1)
    for unit in units:
        if not unit.is_active_on(last_day):
            raise ValidationError(f"Đơn vị {unit.name} không còn hoạt động vào ngày {last_day:%d/%m/%Y}.")
        unit.valid_to = last_day
        unit.save(update_fields=["valid_to", "updated_at"])


@transaction.atomic
def org_units_merge(
    *,
    actor,
    units: list[OrgUnit],
    successor: dict | OrgUnit,
    effective_on: date,
    decision_number: str = "",
    legal_basis: str = "",
    move_people: bool = True,
) -> OrgEvent:
    """End `units` the day before `effective_on`; `successor` is an existing unit or the data of a new one.

    With move_people, everyone working in the ended units gets a new employment row in the successor.
    """
    _require_board(actor)
    if len(units) < 1:
        raise ValidationError("Cần ít nhất một đơn vị để sáp nhập.")
    with audit_actor(actor):
        if isinstance(successor, dict):
            successor = org_unit_create(
                actor=actor, valid_from=effective_on, legal_basis=legal_basis, **successor
            )
        if successor in units:
            units = [u for u in units if u != successor]
        _end_units(units, effective_on)
        event = OrgEvent.objects.create(
            kind=OrgEventKind.MERGE,
            effective_on=effective_on,
            decision_number=decision_number,
            legal_basis=legal_basis,
        )
        event.predecessors.set(units)
        event.successors.set([successor])
        if move_people:
            people.move_people(actor, units, {u.pk: successor for u in units}, effective_on)
    return event


@transaction.atomic
def org_unit_split(
    *,
    actor,
    unit: OrgUnit,
    successors: list[dict | OrgUnit],
    effective_on: date,
    decision_number: str = "",
    legal_basis: str = "",
) -> OrgEvent:
    """End `unit` and start its successors; people are then placed one by one (or by import)."""
    _require_board(actor)
    if len(successors) < 2:
        raise ValidationError("Chia tách cần ít nhất hai đơn vị kế thừa.")
    with audit_actor(actor):
        created = [
            org_unit_create(actor=actor, valid_from=effective_on, legal_basis=legal_basis, **s)
            if isinstance(s, dict)
            else s
            for s in successors
        ]
        _end_units([unit], effective_on)
        event = OrgEvent.objects.create(
            kind=OrgEventKind.SPLIT,
            effective_on=effective_on,
            decision_number=decision_number,
            legal_basis=legal_basis,
        )
        event.predecessors.set([unit])
        event.successors.set(created)
    return event
