"""People sent to long courses: list, proposal (eligibility explained live), and the sending decision,
graduation, dropping out and breach of the service commitment."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.dateparse import parse_date
from django.views.decorators.http import require_GET, require_POST

from canbo.accounts.scoping import can_edit_unit
from canbo.core.forms import add_service_errors, service_errors
from canbo.core.paging import keyset_page

from ..choices import StudyStatus
from ..forms import (
    StudyBreachForm,
    StudyCompleteForm,
    StudyDropForm,
    StudyFilterForm,
    StudyProposeForm,
    StudySendForm,
)
from ..models import Programme, StudyAssignment
from ..rules import sending_errors
from ..selectors import STUDY_DEFAULT_SORT, STUDY_SORT_COLUMNS, study_queryset_for
from ..selectors import study_list as select_studies
from ..services import refund_due, study_breach, study_complete, study_drop, study_propose, study_send
from .access import (
    PAGE_SIZE,
    can_write,
    editable_people,
    staff_required,
    writer_required,
)

# action (also the form's prefix) → (its form, the status it starts from)
ACTIONS = {
    "send": (StudySendForm, StudyStatus.PROPOSED),
    "complete": (StudyCompleteForm, StudyStatus.STUDYING),
    "drop": (StudyDropForm, StudyStatus.STUDYING),
    "breach": (StudyBreachForm, StudyStatus.COMPLETED),
}


@staff_required
def study_list(request):
    form = StudyFilterForm(request.GET)
    if form.is_valid():
        assignments = select_studies(user=request.user, filters=form.cleaned_data)
    else:
        assignments = StudyAssignment.objects.none()
    context = {
        "form": form,
        "page": keyset_page(
            request, assignments, STUDY_SORT_COLUMNS, default=STUDY_DEFAULT_SORT, size=PAGE_SIZE
        ),
        "can_propose": can_write(request.user),
    }
    return render(request, "training/study_list.html", context)


def _picked_person(request, value):
    if not value:
        return None
    try:
        return editable_people(request.user).select_related("current_unit").filter(uuid=value).first()
    except ValidationError:  # not a UUID
        return None


@writer_required
def study_propose_view(request):
    form = StudyProposeForm(request.POST or None)
    person = _picked_person(request, request.POST.get("person")) if request.method == "POST" else None
    if request.method == "POST" and form.is_valid():
        if person is None:
            form.add_error(
                "person", "Không tìm thấy người này trong số người đang công tác của đơn vị anh/chị."
            )
        else:
            try:
                assignment = study_propose(actor=request.user, person=person, data=form.service_data())
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, f"Đã lập hồ sơ đề nghị cử {person.full_name} đi học.")
                return redirect("training:study_detail", pk=assignment.pk)
    return render(request, "training/study_form.html", {"form": form, "person": person})


@writer_required
@require_GET
def study_eligibility(request):
    """The live eligibility check of the proposal form (htmx): why this person may not be sent, or that they may."""
    person = _picked_person(request, request.GET.get("person"))
    programme_pk = request.GET.get("programme", "")
    programme = Programme.objects.filter(pk=int(programme_pk)).first() if programme_pk.isdigit() else None
    start = _parse_vn_date(request.GET.get("start_date", ""))
    errors = None
    if person and programme and start:
        errors = sending_errors(
            person=person, programme=programme, start_date=start, funding=request.GET.get("funding", "")
        )
    context = {"person": person, "programme": programme, "start": start, "errors": errors}
    return render(request, "training/_eligibility.html", context)


def _parse_vn_date(text: str):
    text = text.strip()
    try:
        day, month, year = (int(p) for p in text.split("/"))
        return parse_date(f"{year:04d}-{month:02d}-{day:02d}")
    except ValueError:
        return None


def _assignment_for(request, pk):
    """404 outside the user's units (the unit that sent the person, or the person's unit now)."""
    qs = study_queryset_for(user=request.user).select_related(
        "enrolment", "rule", "proposed_by", "plan_line__plan"
    )
    return get_object_or_404(qs, pk=pk)


def study_context(request, assignment, bound: dict | None = None) -> dict:
    can_edit = can_edit_unit(request.user, assignment.unit)
    forms = {}
    if can_edit:
        for action, (form_class, source) in ACTIONS.items():
            if assignment.status == source:
                initial = {"version": assignment.version} if "version" in form_class.base_fields else None
                forms[action] = form_class(prefix=action, initial=initial)
    forms.update(bound or {})
    return {
        "assignment": assignment,
        "can_edit": can_edit,
        "forms": forms,
        "refund_now": refund_due(assignment, assignment.person.status_date)
        if assignment.status == StudyStatus.COMPLETED and assignment.person.status_date
        else None,
    }


@staff_required
def study_detail(request, pk):
    assignment = _assignment_for(request, pk)
    return render(request, "training/study_detail.html", study_context(request, assignment))


@writer_required
@require_POST
def study_action(request, pk, action):
    assignment = _assignment_for(request, pk)
    if action not in ACTIONS:
        return redirect("training:study_detail", pk=pk)
    form = ACTIONS[action][0](request.POST, prefix=action)
    status = 200
    if form.is_valid():
        data, actor = form.cleaned_data, request.user
        with service_errors(
            form, status=status, field_map={"note": "reason", "result_date": "end_date"}
        ) as outcome:
            if action == "send":
                study_send(
                    actor=actor,
                    assignment=assignment,
                    decision_number=data["decision_number"],
                    decision_date=data["decision_date"],
                    expected_version=data["version"],
                )
            elif action == "complete":
                study_complete(actor=actor, assignment=assignment, **data)
            elif action == "drop":
                study_drop(actor=actor, assignment=assignment, on=data["on"], reason=data["reason"])
            else:
                study_breach(
                    actor=actor, assignment=assignment, left_on=data["left_on"], reason=data["reason"]
                )
        if outcome.ok:
            messages.success(request, f"Đã cập nhật: {assignment.get_status_display()}.")
            return redirect("training:study_detail", pk=pk)
        status = outcome.status
    assignment.refresh_from_db()
    context = study_context(request, assignment, bound={action: form})
    return render(request, "training/study_detail.html", context, status=status)
