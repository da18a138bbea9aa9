"""HTML pages of the organisation tree: the tree as of a date, a unit, and the board's restructuring forms."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from canbo.accounts.scoping import can_see_unit
from canbo.core.forms import add_service_errors

from .forms import MergeForm, OrgUnitForm, SplitForm, TreeDateForm, can_restructure
from .models import OrgEvent, OrgUnit
from .selectors import (
    scope_ended_on,
    unit_get_for_user,
    unit_predecessors,
    unit_successors,
    unit_tree_with_headcounts,
)
from .services import org_unit_create, org_unit_split, org_units_merge


def _date_from(request):
    """The `on` date of the query string (dd/mm/yyyy), today when absent or invalid."""
    form = TreeDateForm(request.GET or None)
    on = timezone.localdate()
    if form.is_bound and form.is_valid() and form.cleaned_data["on"]:
        on = form.cleaned_data["on"]
    return form, on


def _nest(units):
    """Give each unit `nodes` (its children in the list); return the roots (units whose parent is absent)."""
    by_pk = {u.pk: u for u in units}
    roots = []
    for unit in units:
        unit.nodes = []
    for unit in units:
        parent = by_pk.get(unit.parent_id)
        (parent.nodes if parent is not None else roots).append(unit)
    return roots


def _unit_url(user, unit):
    if can_see_unit(user, unit):
        return reverse("org:detail", args=[unit.code])
    return reverse("org:tree")


def _mark_visible(user, units):
    units = list(units)
    for unit in units:
        unit.visible = can_see_unit(user, unit)
    return units


@login_required
def tree(request):
    form, on = _date_from(request)
    units = unit_tree_with_headcounts(user=request.user, on=on)
    roots = _nest(units)
    context = {
        "form": form,
        "on": on,
        "on_param": f"{on:%d/%m/%Y}" if request.GET.get("on") and not form.errors else "",
        "roots": roots,
        "unit_count": len(units),
        "total": sum(u.subtree_count for u in roots),
        "can_restructure": can_restructure(request.user),
        "ended_on": None if units else scope_ended_on(user=request.user, on=on),
    }
    return render(request, "org/tree.html", context)


@login_required
def detail(request, code):
    unit = unit_get_for_user(user=request.user, code=code)
    form, on = _date_from(request)
    subtree = unit_tree_with_headcounts(user=request.user, on=on, root=unit)
    counts = {u.pk: u for u in subtree}
    children = list(unit.children.order_by("sort_order", "path"))
    for child in children:
        counted = counts.get(child.pk)
        child.active = counted is not None
        child.own_count = counted.own_count if counted else 0
        child.subtree_count = counted.subtree_count if counted else 0
    here = counts.get(unit.pk)
    events = (
        OrgEvent.objects.filter(Q(predecessors=unit) | Q(successors=unit))
        .distinct()
        .prefetch_related("predecessors", "successors")
    )
    parent = unit.parent
    context = {
        "unit": unit,
        "form": form,
        "on": on,
        "active": here is not None,
        "own_count": here.own_count if here else 0,
        "subtree_count": here.subtree_count if here else 0,
        "parent": parent,
        "parent_visible": parent is not None and can_see_unit(request.user, parent),
        "children": children,
        "predecessors": _mark_visible(request.user, unit_predecessors(unit=unit)),
        "successors": _mark_visible(request.user, unit_successors(unit=unit)),
        "events": events,
        "can_restructure": can_restructure(request.user),
    }
    return render(request, "org/detail.html", context)


def _require_restructure(user):
    if not can_restructure(user):
        raise PermissionDenied(
            "Chỉ Ban Tổ chức Tỉnh ủy / Sở Nội vụ hoặc quản trị hệ thống được sửa cây tổ chức."
        )


@login_required
def unit_create(request):
    _require_restructure(request.user)
    form = OrgUnitForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            unit = org_unit_create(actor=request.user, **form.service_data())
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"Đã thành lập đơn vị {unit.name}.")
            return redirect(_unit_url(request.user, unit))
    return render(request, "org/unit_form.html", {"form": form})


@login_required
def unit_merge(request):
    _require_restructure(request.user)
    form = MergeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            event = org_units_merge(
                actor=request.user,
                units=list(data["units"]),
                successor=form.successor_value(),
                effective_on=data["effective_on"],
                decision_number=data["decision_number"],
                legal_basis=data["legal_basis"],
                move_people=data["move_people"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc, {"code": "new_code", "name": "new_name"})
        else:
            successor = event.successors.get()
            messages.success(request, f"Đã ghi nhận việc sáp nhập vào {successor.name}.")
            return redirect(_unit_url(request.user, successor))
    return render(request, "org/merge_form.html", {"form": form})


@login_required
def unit_split(request, code):
    if can_restructure(request.user):
        unit = get_object_or_404(OrgUnit, code=code)
    else:
        unit_get_for_user(user=request.user, code=code)  # 404 outside the user's units
        _require_restructure(request.user)
    form = SplitForm(request.POST or None, unit=unit)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            org_unit_split(
                actor=request.user,
                unit=unit,
                successors=form.successors(),
                effective_on=data["effective_on"],
                decision_number=data["decision_number"],
                legal_basis=data["legal_basis"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc, {"code": "new_units", "name": "new_units"})
        else:
            messages.success(request, f"Đã ghi nhận việc chia tách {unit.name}.")
            return redirect(_unit_url(request.user, unit))
    return render(request, "org/split_form.html", {"form": form, "unit": unit})
