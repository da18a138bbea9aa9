"""Self-service: an official proposes corrections to their own record; a personnel officer decides."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import FieldDoesNotExist, PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import capfirst
from django.views.decorators.http import require_POST

from canbo.core.forms import add_service_errors
from canbo.people.forms import ChangeRequestForm, DecisionForm
from canbo.people.models import Person
from canbo.people.selectors import change_requests_pending_for, person_get_for_user
from canbo.people.services import change_request_create, change_request_decide

from .access import require_writer


@login_required
def change_request_propose(request, uuid):
    person = person_get_for_user(user=request.user, uuid=uuid)
    if person.user_id != request.user.pk:
        raise PermissionDenied("Anh/chị chỉ được đề nghị cập nhật hồ sơ của chính mình.")
    form = ChangeRequestForm(request.POST or None, instance=person)
    if request.method == "POST" and form.is_valid():
        try:
            change_request_create(
                actor=request.user, person=person, changes=form.changes(), reason=form.cleaned_data["reason"]
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Đã gửi đề nghị; hồ sơ được cập nhật khi cán bộ tổ chức duyệt.")
            return redirect("people:detail", uuid=person.uuid)
    return render(request, "people/change_request_form.html", {"form": form, "person": person})


def _change_rows(change_request) -> list[dict]:
    person = change_request.person
    rows = []
    for name, proposed in change_request.changes.items():
        try:
            label = capfirst(Person._meta.get_field(name).verbose_name)
        except FieldDoesNotExist:  # a field removed since the request was made
            label = name
        rows.append(
            {"field": label, "current": getattr(person, name, "") or "—", "proposed": proposed or "—"}
        )
    return rows


@login_required
def change_requests(request):
    require_writer(request.user)
    pending = list(change_requests_pending_for(user=request.user).select_related("person__current_unit"))
    for item in pending:
        item.rows = _change_rows(item)
    return render(request, "people/change_requests.html", {"pending": pending})


@login_required
@require_POST
def change_request_decide_view(request, pk):
    require_writer(request.user)
    change_request = get_object_or_404(change_requests_pending_for(user=request.user), pk=pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Hãy chọn duyệt hoặc từ chối.")
        return redirect("people:change_requests")
    approve = form.cleaned_data["decision"] == "approve"
    try:
        change_request_decide(
            actor=request.user, request=change_request, approve=approve, note=form.cleaned_data["note"]
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        name = change_request.person.full_name
        messages.success(request, f"Đã {'duyệt' if approve else 'từ chối'} đề nghị của {name}.")
    return redirect("people:change_requests")
