"""Role assignments: requested by one person, approved by a second (docs/decisions/017).

Who does what:
- request: the system administrator (or a superuser) and the province board, for anyone but themselves;
  the system administrator's own role (configuration, no personal data) is active at once, every other role
  waits as PENDING;
- approve / reject: an active province board member who is neither the user concerned nor the requester;
- revoke: the system administrator and the province board, for anyone but themselves; access ends at once.

Every door — the admin, the board's page, the commands — calls these functions. Each runs in a transaction,
is audited (auditlog, with the actor) and sends `role_assignment_changed` so the board is notified.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from canbo.core.audit import audit_actor

from .models import (
    LIVE_STATUSES,
    PERSONAL_DATA_ROLES,
    UNIT_SCOPED_ROLES,
    AssignmentStatus,
    Role,
    RoleAssignment,
)
from .scoping import administers_system, forget_roles, has_role
from .signals import RoleEvent, role_assignment_changed

NOT_ENTITLED = "Anh/chị không có quyền phân quyền cho người dùng."
NOT_APPROVER = "Chỉ Ban Tổ chức Tỉnh ủy / Sở Nội vụ phê duyệt hoặc từ chối vai trò được xem dữ liệu cá nhân."
SELF_REQUEST = "Không ai được tự phân quyền cho chính mình; một người khác phải đề nghị."
SELF_DECIDE = "Không ai được tự phê duyệt hoặc từ chối phân quyền cho chính mình."
FOUR_EYES = "Người đề nghị không được tự phê duyệt hoặc từ chối đề nghị của mình; cần một người thứ hai."
SELF_REVOKE = "Không ai được tự thu hồi phân quyền của chính mình; một người khác phải thu hồi."


def can_request_roles(user) -> bool:
    return administers_system(user) or has_role(user, Role.PROVINCE_BOARD)


def can_approve_roles(user) -> bool:
    return bool(getattr(user, "is_active", False) and has_role(user, Role.PROVINCE_BOARD))


def can_decide(*, actor, assignment: RoleAssignment) -> bool:
    """Whether `actor` may approve or reject this request (for lists: no exception)."""
    try:
        _check_decider(actor=actor, assignment=assignment)
    except (PermissionDenied, ValidationError):
        return False
    return True


def role_assignment_check_request(*, actor, user, role: str, unit=None) -> None:
    """Everything `role_assignment_request` checks before writing; forms call it to show the errors."""
    if not can_request_roles(actor):
        raise PermissionDenied(NOT_ENTITLED)
    if user is not None and user.pk is not None and user.pk == actor.pk:
        raise ValidationError({"user": SELF_REQUEST})
    if user is not None and not user.is_active:
        raise ValidationError({"user": "Tài khoản này đã bị khóa: không phân quyền được."})
    if role in UNIT_SCOPED_ROLES and unit is None:
        raise ValidationError({"unit": "Vai trò cán bộ tổ chức và lãnh đạo phải gắn với một đơn vị."})
    if user is not None and user.pk is not None:
        live = RoleAssignment.objects.filter(user=user, role=role, unit=unit, status__in=LIVE_STATUSES)
        if live.exists():
            raise ValidationError("Người dùng này đã có hoặc đang chờ duyệt vai trò này.")


def _changed(assignment, action, actor):
    forget_roles(assignment.user)
    role_assignment_changed.send(sender=RoleAssignment, assignment=assignment, action=action, actor=actor)


@transaction.atomic
def role_assignment_request(*, actor, user, role: str, unit=None) -> RoleAssignment:
    """Ask for `role` for `user`: PENDING until a board member approves it (the sysadmin role: at once)."""
    role_assignment_check_request(actor=actor, user=user, role=role, unit=unit)
    immediate = role not in PERSONAL_DATA_ROLES
    assignment = RoleAssignment(
        user=user,
        role=role,
        unit=unit,
        requested_by=actor,
        status=AssignmentStatus.ACTIVE if immediate else AssignmentStatus.PENDING,
    )
    assignment.full_clean()
    with audit_actor(actor):
        assignment.save()
    _changed(assignment, RoleEvent.GRANTED if immediate else RoleEvent.REQUESTED, actor)
    return assignment


def _locked(assignment: RoleAssignment) -> RoleAssignment:
    return (
        RoleAssignment.objects.select_for_update(of=("self",))
        .select_related("user", "unit")
        .get(pk=assignment.pk)
    )


def _check_decider(*, actor, assignment: RoleAssignment) -> None:
    if assignment.status != AssignmentStatus.PENDING:
        raise ValidationError("Đề nghị này không còn chờ phê duyệt.")
    if not can_approve_roles(actor):
        raise PermissionDenied(NOT_APPROVER)
    if assignment.user_id == actor.pk:
        raise PermissionDenied(SELF_DECIDE)
    if assignment.requested_by_id == actor.pk:
        raise PermissionDenied(FOUR_EYES)


def _decide(*, actor, assignment: RoleAssignment, status: str, action: str) -> RoleAssignment:
    assignment = _locked(assignment)
    _check_decider(actor=actor, assignment=assignment)
    assignment.status = status
    assignment.decided_by = actor
    assignment.decided_at = timezone.now()
    assignment.full_clean()
    with audit_actor(actor):
        assignment.save(update_fields=["status", "decided_by", "decided_at"])
    _changed(assignment, action, actor)
    return assignment


@transaction.atomic
def role_assignment_approve(*, actor, assignment: RoleAssignment) -> RoleAssignment:
    """A second person, an active board member, lets a requested role take effect."""
    return _decide(
        actor=actor, assignment=assignment, status=AssignmentStatus.ACTIVE, action=RoleEvent.APPROVED
    )


@transaction.atomic
def role_assignment_reject(*, actor, assignment: RoleAssignment) -> RoleAssignment:
    return _decide(
        actor=actor, assignment=assignment, status=AssignmentStatus.REJECTED, action=RoleEvent.REJECTED
    )


@transaction.atomic
def role_assignment_revoke(*, actor, assignment: RoleAssignment) -> RoleAssignment:
    """End an active role at once (the row stays, REVOKED, with who and when)."""
    if not can_request_roles(actor):
        raise PermissionDenied(NOT_ENTITLED)
    assignment = _locked(assignment)
    if assignment.user_id == actor.pk:
        raise PermissionDenied(SELF_REVOKE)
    if assignment.status != AssignmentStatus.ACTIVE:
        raise ValidationError("Chỉ thu hồi được vai trò đang có hiệu lực.")
    assignment.status = AssignmentStatus.REVOKED
    assignment.revoked_by = actor
    assignment.revoked_at = timezone.now()
    assignment.full_clean()
    with audit_actor(actor):
        assignment.save(update_fields=["status", "revoked_by", "revoked_at"])
    _changed(assignment, RoleEvent.REVOKED, actor)
    return assignment


def role_assignment_create_active_for_seed(*, user, role: str, unit=None) -> RoleAssignment:
    """An ACTIVE assignment without a request: demo logins and test fixtures only (seed data, no door)."""
    assignment = RoleAssignment.objects.create(
        user=user, role=role, unit=unit, status=AssignmentStatus.ACTIVE
    )
    forget_roles(user)
    return assignment


def user_save_for_seed(user) -> None:
    """Save an account as seed data (demo logins, test fixtures): a role holder's password, e-mail or lock is
    written without the second person `User.save` otherwise requires (canbo.accounts.account_changes). Called by
    no door."""
    user._change_approved = True
    try:
        user.save()
    finally:
        user._change_approved = False


@transaction.atomic
def role_assignment_bootstrap_board(*, user) -> RoleAssignment:
    """The first province board member of an installation (manage.py bootstrap_board): refused as soon as one
    active board member exists, since from then on a second person approves every role."""
    board = RoleAssignment.objects.select_for_update().filter(
        role=Role.PROVINCE_BOARD, status=AssignmentStatus.ACTIVE
    )
    if board.exists():
        raise PermissionDenied(
            "Đã có thành viên Ban Tổ chức đang hoạt động: vai trò này phải được đề nghị và phê duyệt trong "
            "trang quản trị."
        )
    if not user.is_active:
        raise ValidationError({"user": "Tài khoản này đã bị khóa: không phân quyền được."})
    assignment = RoleAssignment(user=user, role=Role.PROVINCE_BOARD, status=AssignmentStatus.ACTIVE)
    with audit_actor(None):
        # A request for the same role that nobody could approve is withdrawn (kept as history).
        for pending in RoleAssignment.objects.filter(
            user=user, role=Role.PROVINCE_BOARD, status=AssignmentStatus.PENDING
        ):
            pending.status, pending.revoked_at = AssignmentStatus.REVOKED, timezone.now()
            pending.save(update_fields=["status", "revoked_at"])
        assignment.full_clean()
        assignment.save()
    _changed(assignment, RoleEvent.GRANTED, None)
    return assignment
