"""Appointment pages: the list, the proposal form and the dossier with the standards check and its steps."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from canbo.accounts.scoping import can_edit_unit
from canbo.core.dates import reappointment_due_date
from canbo.core.forms import add_service_errors, service_errors
from canbo.core.paging import keyset_page, query_without_paging
from canbo.movements.selectors import APPOINTMENT_SORT_COLUMNS
from canbo.people.retirement import retirement_date

from .. import services
from ..choices import AppointmentStatus
from ..forms import (
    AppointmentFilterForm,
    AppointmentProposeForm,
    ApproveForm,
    CheckForm,
    DecideForm,
    ExtendForm,
    WithdrawForm,
)
from ..selectors import appointment_get_for_user, appointment_history, appointment_list
from .access import (
    PAGE_SIZE,
    can_write,
    picked_person,
    staff_required,
    writer_required,
)

# action → (form, label of the button)
ACTIONS = {
    "check": (CheckForm, "Kiểm tra tiêu chuẩn"),
    "approve": (ApproveForm, "Ghi nhận tập thể lãnh đạo thống nhất"),
    "decide": (DecideForm, "Ghi quyết định bổ nhiệm"),
    "extend": (ExtendForm, "Kéo dài thời hạn đến ngày nghỉ hưu"),
    "withdraw": (WithdrawForm, "Rút đề xuất"),
}


@staff_required
def appointment_list_view(request):
    form = AppointmentFilterForm(request.GET, user=request.user)
    appointments = (
        appointment_list(user=request.user, filters=form.cleaned_data)
        if form.is_valid()
        else appointment_list(user=request.user).none()
    )
    page = keyset_page(request, appointments, APPOINTMENT_SORT_COLUMNS, default="-moi_nhat", size=PAGE_SIZE)
    context = {
        "form": form,
        "page": page,
        "query": query_without_paging(request.GET),
        "can_propose": can_write(request.user),
    }
    return render(request, "movements/appointment_list.html", context)


@writer_required
def appointment_propose_view(request):
    initial = {k: request.GET[k] for k in ("position", "unit", "kind") if request.GET.get(k)}
    form = AppointmentProposeForm(request.POST or None, user=request.user, initial=initial)
    person = picked_person(request.user, request.POST.get("person") or request.GET.get("person"))
    if request.method == "POST" and form.is_valid():
        if person is None:
            form.add_error(
                "person", "Không tìm thấy người này trong số người đang công tác của đơn vị anh/chị."
            )
        else:
            data = form.cleaned_data
            try:
                appointment = services.appointment_propose(
                    actor=request.user,
                    person=person,
                    position=data["position"],
                    unit=data["unit"],
                    kind=data["kind"],
                    note=data["note"],
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(
                    request,
                    f"Đã lập đề xuất bổ nhiệm {person.full_name}. Bước tiếp theo: kiểm tra tiêu chuẩn.",
                )
                return redirect("movements:appointment_detail", pk=appointment.pk)
    return render(request, "movements/appointment_form.html", {"form": form, "person": person})


def dossier_context(request, appointment, bound: dict | None = None) -> dict:
    allowed = services.appointment_actions(request.user, appointment)
    forms = {}
    for action in allowed:
        form_class, label = ACTIONS[action]
        forms[action] = (form_class(prefix=action, initial={"version": appointment.version}), label)
    for action, form in (bound or {}).items():
        forms[action] = (form, ACTIONS[action][1])
    person = appointment.person
    term = {}
    if appointment.term_end:
        term["due"] = reappointment_due_date(appointment.term_end)
        term["terms"] = services.consecutive_terms(appointment)
        term["reappoint"] = (
            can_edit_unit(request.user, appointment.unit)
            and appointment.status == AppointmentStatus.DECIDED
            and term["terms"] < services.MAX_CONSECUTIVE_TERMS
            and not services.is_extended(appointment)
            and not services.extension_instead(person, appointment.term_end)
        )
    return {
        "appointment": appointment,
        "person": person,
        "retires_on": retirement_date(person.gender, person.date_of_birth),
        "forms": forms,
        "term": term,
        "extended": services.is_extended(appointment),
        "history": appointment_history(appointment=appointment),
        "blocked": appointment.status == AppointmentStatus.BLOCKED,
    }


@staff_required
def appointment_detail(request, pk):
    appointment = appointment_get_for_user(user=request.user, pk=pk)
    return render(request, "movements/appointment_detail.html", dossier_context(request, appointment))


def _run(action, actor, appointment, data):
    version = data.get("version")
    if action == "check":
        services.appointment_check(
            actor=actor, appointment=appointment, on=data["on"], expected_version=version
        )
    elif action == "approve":
        services.appointment_approve(actor=actor, appointment=appointment, expected_version=version)
    elif action == "decide":
        services.appointment_decide(
            actor=actor,
            appointment=appointment,
            decision_number=data["decision_number"],
            decision_date=data["decision_date"],
            signer=data["signer"],
            effective_date=data["effective_date"],
            expected_version=version,
        )
    elif action == "extend":
        services.appointment_extend_to_retirement(
            actor=actor,
            appointment=appointment,
            votes_for=data["votes_for"],
            votes_total=data["votes_total"],
            expected_version=version,
        )
    else:
        services.appointment_withdraw(
            actor=actor, appointment=appointment, reason=data["reason"], expected_version=version
        )


@writer_required
@require_POST
def appointment_action(request, pk, action):
    appointment = appointment_get_for_user(user=request.user, pk=pk)
    if action not in ACTIONS:
        return redirect("movements:appointment_detail", pk=pk)
    form = ACTIONS[action][0](request.POST, prefix=action)
    status = 200
    if form.is_valid():
        with service_errors(form, status=400) as outcome:
            _run(action, request.user, appointment, form.cleaned_data)
        if outcome.ok:
            messages.success(request, f"Đã cập nhật: {appointment.get_status_display()}.")
            return redirect("movements:appointment_detail", pk=pk)
        status = outcome.status
    appointment = appointment_get_for_user(user=request.user, pk=pk)
    context = dossier_context(request, appointment, bound={action: form})
    return render(request, "movements/appointment_detail.html", context, status=status)
