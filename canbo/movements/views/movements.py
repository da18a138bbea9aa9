"""Movement pages: the register (and the rotation register), entry for one person or one decision for a list."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.shortcuts import redirect, render
from django.urls import reverse

from canbo.core.forms import add_service_errors
from canbo.core.paging import keyset_page, query_without_paging
from canbo.movements.selectors import MOVEMENT_SORT_COLUMNS

from .. import services
from ..choices import MovementKind
from ..forms import MovementBatchForm, MovementFilterForm, MovementSingleForm
from ..selectors import movement_get_for_user, movement_list
from .access import (
    PAGE_SIZE,
    can_write,
    editable_people,
    picked_person,
    staff_required,
    writer_required,
)


def _register(request, *, template: str, fixed_kind: str | None = None):
    form = MovementFilterForm(request.GET, user=request.user)
    if form.is_valid():
        filters = dict(form.cleaned_data)
        if fixed_kind:
            filters["kind"] = fixed_kind
        movements = movement_list(user=request.user, filters=filters)
    else:
        movements = movement_list(user=request.user).none()
    page = keyset_page(request, movements, MOVEMENT_SORT_COLUMNS, default="-tu_ngay", size=PAGE_SIZE)
    context = {
        "form": form,
        "page": page,
        "query": query_without_paging(request.GET),
        "can_record": can_write(request.user),
        "rotation": fixed_kind == MovementKind.ROTATION,
    }
    return render(request, template, context)


@staff_required
def movement_list_view(request):
    return _register(request, template="movements/movement_list.html")


@staff_required
def rotation_list_view(request):
    """The rotation register: who was rotated where, in which direction, until when (seed 004)."""
    return _register(request, template="movements/movement_list.html", fixed_kind=MovementKind.ROTATION)


@staff_required
def movement_detail(request, pk):
    movement = movement_get_for_user(user=request.user, pk=pk)
    return render(request, "movements/movement_detail.html", {"movement": movement})


@writer_required
def movement_create_view(request):
    initial = {"kind": request.GET.get("kind")} if request.GET.get("kind") in MovementKind.values else None
    form = MovementSingleForm(request.POST or None, user=request.user, initial=initial)
    person = picked_person(request.user, request.POST.get("person")) if request.method == "POST" else None
    if request.method == "POST" and form.is_valid():
        if person is None:
            form.add_error(
                "person", "Không tìm thấy người này trong số người đang công tác của đơn vị anh/chị."
            )
        else:
            try:
                movement = services.movement_record(actor=request.user, person=person, **form.service_data())
            except ValidationError as exc:
                add_service_errors(form, exc)
            except PermissionDenied as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(
                    request, f"Đã ghi nhận {movement.get_kind_display().lower()}: {person.full_name}."
                )
                return redirect("movements:movement_detail", pk=movement.pk)
    return render(request, "movements/movement_form.html", {"form": form, "person": person, "batch": False})


def _persons_of(user, keys: list[str]):
    """The working people of the user's units named by code or personal ID, in the order given; unknown keys."""
    found = {}
    people = (
        editable_people(user)
        .filter(Q(code__in=keys) | Q(national_id__in=keys))
        .select_related("current_unit", "position")
    )
    for person in people:
        found[person.code] = found[person.national_id] = person
    return [found[k] for k in keys if k in found], [k for k in keys if k not in found]


@writer_required
def movement_batch_view(request):
    """One decision for many people: all recorded, or none."""
    form = MovementBatchForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        persons, unknown = _persons_of(request.user, form.cleaned_data["persons"])
        if unknown:
            form.add_error(
                "persons",
                "Không tìm thấy trong số người đang công tác của đơn vị anh/chị: " + ", ".join(unknown) + ".",
            )
        else:
            try:
                movements = services.movement_record_batch(
                    actor=request.user, persons=persons, **form.service_data()
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                kind = MovementKind(form.cleaned_data["kind"]).label.lower()
                messages.success(
                    request, f"Đã ghi nhận {kind} cho {len(movements)} người theo một quyết định."
                )
                url = reverse("movements:movement_list")
                return redirect(f"{url}?q=&kind={form.cleaned_data['kind']}")
    return render(request, "movements/movement_form.html", {"form": form, "person": None, "batch": True})
