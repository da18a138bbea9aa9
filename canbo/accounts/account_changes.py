"""Changes to the account of a role holder need a second person (docs/decisions/035).

Whoever resets the password of someone who reads personal data — or changes their user name or e-mail, locks or
unlocks them, or issues an API key for them — could act as them. For an account holding (or waiting for) a role
that opens personal data (`models.holds_personal_data_role`), such a change is therefore:

- requested by the system administrator or a board member (never for themselves), or by the server's command
  line (`manage.py api_token issue`, no requester);
- carried out only when an active province board member who is neither the account's user nor the requester
  approves it; a new password or an API key is then generated and shown once, to the approver only, who hands it
  to the person — the requester never learns it;
- audited (the request row and the account row, with the actor) and notified to the board (`account_changed`).

`User.save` refuses the same changes made any other way (admin forms, `changepassword`, a script), unless the
account's own user makes them signed in. Access can still be cut at once, by one person: revoke the role
(`services.role_assignment_revoke`); the account is then an ordinary one again.
"""

import secrets

from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from canbo.core.audit import audit_actor

from .models import (
    AccountChange,
    AccountChangeKind,
    AccountChangeStatus,
    User,
    holds_personal_data_role,
)
from .services import NOT_APPROVER, NOT_ENTITLED, can_approve_roles, can_request_roles
from .signals import RoleEvent, account_changed
from .tokens import api_token_issue

SELF_REQUEST = "Không ai được tự đề nghị thay đổi tài khoản của chính mình theo cách này."
SELF_DECIDE = "Không ai được tự phê duyệt thay đổi tài khoản của chính mình."
FOUR_EYES = "Người đề nghị không được tự phê duyệt đề nghị của mình; cần một người thứ hai."
NOT_NEEDED = (
    "Tài khoản “{username}” không có vai trò được xem dữ liệu cá nhân: thay đổi này không cần phê duyệt, "
    "hãy sửa trực tiếp."
)


def needs_second_person(user) -> bool:
    return holds_personal_data_role(user)


def _check_value(user: User, kind: str, value: str) -> str:
    value = (value or "").strip()
    if kind == AccountChangeKind.USERNAME:
        UnicodeUsernameValidator()(value)
        if User.objects.filter(username=value).exclude(pk=user.pk).exists():
            raise ValidationError({"value": "Tên đăng nhập này đã có người dùng."})
    elif kind == AccountChangeKind.EMAIL:
        if value:
            validate_email(value)
    elif kind == AccountChangeKind.API_TOKEN:
        if not value:
            raise ValidationError({"value": "Cần đặt tên cho khóa (ứng dụng nào dùng khóa này)."})
        value = value[:100]
    elif kind == AccountChangeKind.DEACTIVATE and not user.is_active:
        raise ValidationError("Tài khoản này đã bị khóa.")
    elif kind == AccountChangeKind.REACTIVATE and user.is_active:
        raise ValidationError("Tài khoản này đang hoạt động.")
    if kind == AccountChangeKind.API_TOKEN and not user.is_active:
        raise ValidationError(f"Tài khoản “{user.username}” đang bị khóa: không cấp khóa API.")
    return value


@transaction.atomic
def account_change_request(*, actor, user: User, kind: str, value: str = "") -> AccountChange:
    """File a change for `user`'s account; `actor` None = the server's command line. Nothing changes yet."""
    if actor is not None and not can_request_roles(actor):
        raise PermissionDenied(NOT_ENTITLED)
    if actor is not None and actor.pk == user.pk:
        raise PermissionDenied(SELF_REQUEST)
    if kind not in AccountChangeKind.values:
        raise ValidationError({"kind": "Loại thay đổi không hợp lệ."})
    user = User.objects.get(pk=user.pk)  # the account as it is now, not as the caller last read it
    if not needs_second_person(user):
        raise ValidationError(NOT_NEEDED.format(username=user.username))
    value = _check_value(user, kind, value)
    if AccountChange.objects.filter(user=user, kind=kind, status=AccountChangeStatus.PENDING).exists():
        raise ValidationError("Đã có một đề nghị như vậy đang chờ phê duyệt.")
    change = AccountChange(user=user, kind=kind, value=value, requested_by=actor)
    with audit_actor(actor):
        change.save()
    account_changed.send(sender=AccountChange, change=change, action=RoleEvent.REQUESTED, actor=actor)
    return change


def _check_decider(*, actor, change: AccountChange) -> None:
    if change.status != AccountChangeStatus.PENDING:
        raise ValidationError("Đề nghị này không còn chờ phê duyệt.")
    if not can_approve_roles(actor):
        raise PermissionDenied(NOT_APPROVER)
    if change.user_id == actor.pk:
        raise PermissionDenied(SELF_DECIDE)
    if change.requested_by_id == actor.pk:
        raise PermissionDenied(FOUR_EYES)


def can_decide(*, actor, change: AccountChange) -> bool:
    try:
        _check_decider(actor=actor, change=change)
    except (PermissionDenied, ValidationError):
        return False
    return True


def _locked(change: AccountChange) -> AccountChange:
    return AccountChange.objects.select_for_update().select_related("user").get(pk=change.pk)


def _apply(change: AccountChange, actor) -> str | None:
    """Carry the change out on the account; returns the secret to show once (password, API key) or None."""
    user = User.objects.select_for_update().get(pk=change.user_id)
    value = _check_value(user, change.kind, change.value)
    secret = None
    if change.kind == AccountChangeKind.API_TOKEN:
        _token, secret = api_token_issue(user=user, name=value, issued_by=actor, approved=True)
        return secret
    if change.kind == AccountChangeKind.PASSWORD:
        secret = secrets.token_urlsafe(12)
        user.set_password(secret)
    elif change.kind == AccountChangeKind.USERNAME:
        user.username = value
    elif change.kind == AccountChangeKind.EMAIL:
        user.email = value
    else:
        user.is_active = change.kind == AccountChangeKind.REACTIVATE
    user._change_approved = True
    user.save()
    return secret


@transaction.atomic
def account_change_approve(*, actor, change: AccountChange) -> tuple[AccountChange, str | None]:
    """A second person, an active board member, lets the change happen: (the request, the secret or None)."""
    change = _locked(change)
    _check_decider(actor=actor, change=change)
    with audit_actor(actor):
        secret = _apply(change, actor)
        change.status = AccountChangeStatus.APPLIED
        change.decided_by, change.decided_at = actor, timezone.now()
        change.save(update_fields=["status", "decided_by", "decided_at"])
    account_changed.send(sender=AccountChange, change=change, action=RoleEvent.APPROVED, actor=actor)
    return change, secret


@transaction.atomic
def account_change_reject(*, actor, change: AccountChange) -> AccountChange:
    change = _locked(change)
    _check_decider(actor=actor, change=change)
    change.status = AccountChangeStatus.REJECTED
    change.decided_by, change.decided_at = actor, timezone.now()
    with audit_actor(actor):
        change.save(update_fields=["status", "decided_by", "decided_at"])
    account_changed.send(sender=AccountChange, change=change, action=RoleEvent.REJECTED, actor=actor)
    return change
