"""Reads of role assignments for the board's approval page."""

from django.db.models.functions import Coalesce

from .models import AccountChange, AccountChangeStatus, AssignmentStatus, RoleAssignment
from .services import can_approve_roles

RECENT = 30


def role_assignment_pending_list(*, user):
    """Requests waiting for approval: every one for a board member (those they may not decide included, so
    they see them), none for anyone else."""
    if not can_approve_roles(user):
        return RoleAssignment.objects.none()
    return (
        RoleAssignment.objects.filter(status=AssignmentStatus.PENDING)
        .select_related("user", "unit", "requested_by")
        .order_by("created_at", "pk")
    )


def role_assignment_recent_list(*, user, limit: int = RECENT):
    """The latest decisions and revocations, newest first."""
    if not can_approve_roles(user):
        return RoleAssignment.objects.none()
    return (
        RoleAssignment.objects.exclude(status=AssignmentStatus.PENDING)
        .exclude(requested_by__isnull=True, revoked_by__isnull=True)
        .select_related("user", "unit", "requested_by", "decided_by", "revoked_by")
        .annotate(last_step=Coalesce("revoked_at", "decided_at", "created_at"))
        .order_by("-last_step", "-pk")[:limit]
    )


def account_change_pending_list(*, user):
    """Account changes waiting for a board member's decision (canbo.accounts.account_changes): all of them for
    a board member, none for anyone else."""
    if not can_approve_roles(user):
        return AccountChange.objects.none()
    return (
        AccountChange.objects.filter(status=AccountChangeStatus.PENDING)
        .select_related("user", "requested_by")
        .order_by("created_at", "pk")
    )
