"""Reads of the organisation tree, scoped to the acting user."""

from datetime import date

from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from canbo.accounts.scoping import visible_units

from . import people
from .models import OrgUnit


def unit_list(*, user, on: date | None = None):
    qs = visible_units(user)
    if on:
        qs = qs.active_on(on)
    return qs.order_by("path")


def unit_get_for_user(*, user, code: str) -> OrgUnit:
    return get_object_or_404(visible_units(user), code=code)


def unit_tree_with_headcounts(*, user, on: date, root: OrgUnit | None = None):
    """Units active on `on` with their own headcount and their subtree's, in two aggregate queries.

    Returns a list in tree order: each unit has `own_count` and `subtree_count`.
    """
    units = unit_list(user=user, on=on)
    if root is not None:
        units = units.filter(path__startswith=root.path)
    own = (
        people.employments_on(on)
        .filter(unit=OuterRef("pk"))
        .order_by()
        .values("unit")
        .annotate(n=Count("person", distinct=True))
        .values("n")
    )
    units = list(units.annotate(own_count=Coalesce(Subquery(own), 0)))
    totals: dict[str, int] = {}
    for unit in units:  # paths are sorted, so a subtree follows its root
        totals[unit.path] = unit.own_count
    for unit in reversed(units):
        parent_path = unit.path[: -len(OrgUnit.path_segment(unit.pk))]
        if parent_path in totals:
            totals[parent_path] += totals[unit.path]
    for unit in units:
        unit.subtree_count = totals[unit.path]
    return units


def unit_successors(*, unit: OrgUnit):
    return OrgUnit.objects.filter(started_by__predecessors=unit).distinct()


def unit_predecessors(*, unit: OrgUnit):
    return OrgUnit.objects.filter(ended_by__successors=unit).distinct()


def scope_ended_on(*, user, on: date) -> date | None:
    """When every unit the user may see had ended by `on` (a former district's officer), the last day any of
    them was in force, to offer that date; None when some unit is in force on `on` or the user sees none."""
    units = visible_units(user)
    if units.active_on(on).exists():
        return None
    return units.filter(valid_to__lt=on).order_by("-valid_to").values_list("valid_to", flat=True).first()
