"""The board's page of role requests: approve or reject each (the same services as the admin's actions)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from . import services
from .selectors import role_assignment_pending_list, role_assignment_recent_list

NO_ACCESS = "Chỉ Ban Tổ chức Tỉnh ủy / Sở Nội vụ xem và phê duyệt các đề nghị phân quyền."


def _require_approver(user):
    if not services.can_approve_roles(user):
        raise PermissionDenied(NO_ACCESS)


@login_required
def role_requests(request):
    _require_approver(request.user)
    pending = list(role_assignment_pending_list(user=request.user))
    for item in pending:
        item.decidable = services.can_decide(actor=request.user, assignment=item)
    context = {"pending": pending, "recent": role_assignment_recent_list(user=request.user)}
    return render(request, "accounts/role_requests.html", context)


@login_required
@require_POST
def role_request_decide(request, pk):
    _require_approver(request.user)
    assignment = get_object_or_404(role_assignment_pending_list(user=request.user), pk=pk)
    approve = request.POST.get("decision") == "approve"
    service = services.role_assignment_approve if approve else services.role_assignment_reject
    try:
        service(actor=request.user, assignment=assignment)
    except (PermissionDenied, ValidationError) as exc:
        messages.error(request, " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc))
    else:
        messages.success(request, f"Đã {'phê duyệt' if approve else 'từ chối'}: {assignment}.")
    return redirect("accounts:role_requests")
