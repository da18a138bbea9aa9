"""Create and edit records, and the profile's small forms; every write is one service call."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from canbo.core.forms import add_service_errors, service_errors
from canbo.people.choices import QualificationScale, level_choices
from canbo.people.forms import (
    EmploymentForm,
    EndServiceForm,
    PersonCreateForm,
    PersonForm,
    QualificationForm,
)
from canbo.people.models import Qualification
from canbo.people.services import (
    employment_add,
    person_create,
    person_end_service,
    person_update,
    qualification_add,
    qualification_delete,
)

from .access import person_for_write, require_writer
from .profile import profile_context


@login_required
def person_create_view(request):
    require_writer(request.user)
    form = PersonCreateForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            person = person_create(
                actor=request.user,
                data=form.service_data(),
                unit=data["unit"],
                category=data["category"],
                start_date=data["start_date"],
                position=data["position"],
                move=data["move"],
                decision_number=data["decision_number"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"Đã tạo hồ sơ {person.full_name}.")
            return redirect("people:detail", uuid=person.uuid)
    return render(request, "people/person_form.html", {"form": form, "person": None})


@login_required
def person_edit(request, uuid):
    person = person_for_write(request, uuid)
    form = PersonForm(request.POST or None, instance=person)
    status = 200
    if request.method == "POST" and form.is_valid():
        with service_errors(form, status=status) as outcome:
            person_update(
                actor=request.user,
                person=person,
                data=form.service_data(),
                expected_version=form.cleaned_data["version"],
            )
        if outcome.ok:
            messages.success(request, "Đã lưu hồ sơ.")
            return redirect("people:detail", uuid=person.uuid)
        status = outcome.status
    return render(request, "people/person_form.html", {"form": form, "person": person}, status=status)


def _profile_with_errors(request, person, **forms):
    messages.error(request, "Chưa lưu được: hãy xem lỗi bên dưới.")
    return render(request, "people/detail.html", profile_context(request, person, **forms))


@login_required
@require_POST
def employment_add_view(request, uuid):
    person = person_for_write(request, uuid)
    form = EmploymentForm(request.POST, prefix="emp", user=request.user)
    if form.is_valid():
        try:
            employment_add(actor=request.user, person=person, **form.service_data())
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Đã thêm quá trình công tác.")
            return redirect("people:detail", uuid=person.uuid)
    return _profile_with_errors(request, person, employment_form=form)


@login_required
@require_POST
def end_service_view(request, uuid):
    person = person_for_write(request, uuid)
    form = EndServiceForm(request.POST, prefix="end")
    if form.is_valid():
        data = form.cleaned_data
        try:
            person_end_service(
                actor=request.user,
                person=person,
                status=data["status"],
                on=data["on"],
                move=data["move"],
                decision_number=data["decision_number"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc, {"status_date": "on"})
        else:
            messages.success(request, "Đã ghi nhận thôi công tác.")
            return redirect("people:detail", uuid=person.uuid)
    return _profile_with_errors(request, person, end_form=form)


@login_required
@require_POST
def qualification_add_view(request, uuid):
    person = person_for_write(request, uuid)
    form = QualificationForm(request.POST, prefix="qual", instance=Qualification(person=person))
    if form.is_valid():
        try:
            qualification_add(actor=request.user, person=person, **form.service_data())
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Đã thêm văn bằng, chứng chỉ.")
            return redirect("people:detail", uuid=person.uuid)
    return _profile_with_errors(request, person, qualification_form=form)


@login_required
@require_POST
def qualification_delete_view(request, uuid, pk):
    person = person_for_write(request, uuid)
    qualification = get_object_or_404(person.qualifications, pk=pk)
    qualification_delete(actor=request.user, qualification=qualification)
    messages.success(request, "Đã xóa văn bằng, chứng chỉ.")
    return redirect("people:detail", uuid=person.uuid)


@login_required
@require_GET
def qualification_levels(request):
    """<option>s of the levels of a scale, for the htmx-driven level selects."""
    scale = next((v for k, v in request.GET.items() if k.endswith("scale")), "")
    options = level_choices(scale) if scale in QualificationScale.values else []
    blank = request.GET.get("blank", "—")[:30]
    return render(request, "people/_level_options.html", {"options": options, "blank": blank})
