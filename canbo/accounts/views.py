"""The board's page of role requests: approve or reject each (the same services as the admin's actions)."""

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from . import account_changes, services
from .selectors import account_change_pending_list, role_assignment_pending_list, role_assignment_recent_list

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
    changes = list(account_change_pending_list(user=request.user))
    for item in changes:
        item.decidable = account_changes.can_decide(actor=request.user, change=item)
    context = {
        "pending": pending,
        "changes": changes,
        "recent": role_assignment_recent_list(user=request.user),
    }
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


@login_required
@require_POST
def account_change_decide(request, pk):
    """Approve or reject a change to a role holder's account; a new password or API key is shown once, on this
    answer only (never stored, never put in a message or a redirect)."""
    _require_approver(request.user)
    change = get_object_or_404(account_change_pending_list(user=request.user), pk=pk)
    approve = request.POST.get("decision") == "approve"
    try:
        if approve:
            change, secret = account_changes.account_change_approve(actor=request.user, change=change)
        else:
            change, secret = account_changes.account_change_reject(actor=request.user, change=change), None
    except (PermissionDenied, ValidationError) as exc:
        messages.error(request, " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc))
        return redirect("accounts:role_requests")
    if secret is None:
        messages.success(request, f"Đã {'phê duyệt' if approve else 'từ chối'}: {change}.")
        return redirect("accounts:role_requests")
    return render(request, "accounts/account_change_secret.html", {"change": change, "secret": secret})


@login_required
def password_change(request):
    """Everyone changes their own password (the old one first): after an approved reset, the person replaces
    the temporary password the approver handed over."""
    form = PasswordChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        update_session_auth_hash(request, user)
        messages.success(request, "Đã đổi mật khẩu.")
        return redirect("/")
    return render(request, "accounts/password_change.html", {"form": form})
