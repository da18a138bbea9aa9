"""Role assignments: requested by one person, approved by a second (a board member), revoked at once."""

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from canbo.accounts.models import AssignmentStatus, Role, RoleAssignment, User
from canbo.accounts.scoping import has_role, visible_units
from canbo.accounts.services import (
    role_assignment_approve,
    role_assignment_bootstrap_board,
    role_assignment_reject,
    role_assignment_request,
    role_assignment_revoke,
)
from canbo.notifications.models import Notification, NotificationKind
from canbo.people.selectors import person_queryset_for
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def moi(tree):
    return UserFactory(username="moi")


def _fresh(user):
    """The user as the next request sees them (no cached roles)."""
    return User.objects.get(pk=user.pk)


# --- requesting ------------------------------------------------------------------------------------------


def test_a_requested_personal_data_role_waits_and_grants_nothing(sysadmin, moi, tree, anh):
    assignment = role_assignment_request(
        actor=sysadmin, user=moi, role=Role.UNIT_OFFICER, unit=tree["dept_a"]
    )
    assert assignment.status == AssignmentStatus.PENDING and assignment.requested_by == sysadmin
    assert not has_role(_fresh(moi), Role.UNIT_OFFICER)
    assert not visible_units(_fresh(moi)).exists()
    assert not person_queryset_for(user=_fresh(moi)).exists()


@pytest.mark.parametrize("role", [r for r in Role if r != Role.SYSADMIN])
def test_every_role_but_sysadmin_waits_for_approval(sysadmin, moi, tree, role):
    unit = tree["dept_a"] if role in (Role.UNIT_OFFICER, Role.LEADER) else None
    assignment = role_assignment_request(actor=sysadmin, user=moi, role=role, unit=unit)
    assert assignment.status == AssignmentStatus.PENDING


def test_the_sysadmin_role_opens_no_personal_data_and_is_active_at_once(sysadmin, moi):
    assignment = role_assignment_request(actor=sysadmin, user=moi, role=Role.SYSADMIN)
    assert assignment.status == AssignmentStatus.ACTIVE
    assert has_role(_fresh(moi), Role.SYSADMIN)


@pytest.mark.parametrize("role", [Role.PROVINCE_BOARD, Role.SYSADMIN])
def test_nobody_requests_a_role_for_themselves(sysadmin, role):
    with pytest.raises(ValidationError) as exc:
        role_assignment_request(actor=sysadmin, user=sysadmin, role=role)
    assert "chính mình" in str(exc.value)
    assert not RoleAssignment.objects.filter(user=sysadmin, role=role, requested_by=sysadmin).exists()


@pytest.mark.parametrize("who", ["alice", "bob", "dana", "standing"])
def test_only_the_sysadmin_and_the_board_request_roles(request, who, moi):
    actor = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        role_assignment_request(actor=actor, user=moi, role=Role.OFFICIAL)
    assert not RoleAssignment.objects.filter(user=moi).exists()


def test_a_second_live_request_for_the_same_role_is_refused(sysadmin, board, moi):
    role_assignment_request(actor=sysadmin, user=moi, role=Role.PROVINCE_BOARD)
    with pytest.raises(ValidationError) as exc:
        role_assignment_request(actor=board, user=moi, role=Role.PROVINCE_BOARD)
    assert "đã có hoặc đang chờ duyệt" in str(exc.value)


def test_a_unit_role_needs_a_unit(sysadmin, moi):
    with pytest.raises(ValidationError) as exc:
        role_assignment_request(actor=sysadmin, user=moi, role=Role.LEADER)
    assert "unit" in exc.value.error_dict


# --- approving and rejecting -----------------------------------------------------------------------------


def test_a_board_member_approves_and_access_follows(sysadmin, board, moi, tree, anh):
    assignment = role_assignment_request(
        actor=sysadmin, user=moi, role=Role.UNIT_OFFICER, unit=tree["dept_a"]
    )
    role_assignment_approve(actor=board, assignment=assignment)
    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.ACTIVE
    assert assignment.decided_by == board and assignment.decided_at is not None
    assert list(person_queryset_for(user=_fresh(moi))) == [anh]


def test_the_sysadmin_cannot_approve_a_personal_data_role(sysadmin, board, moi):
    assignment = role_assignment_request(actor=board, user=moi, role=Role.PROVINCE_BOARD)
    with pytest.raises(PermissionDenied) as exc:
        role_assignment_approve(actor=sysadmin, assignment=assignment)
    assert "Ban Tổ chức" in str(exc.value)
    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.PENDING


def test_a_superuser_without_a_board_role_cannot_approve(board, moi):
    root = UserFactory(username="root", is_staff=True, is_superuser=True)
    assignment = role_assignment_request(actor=board, user=moi, role=Role.OFFICIAL)
    with pytest.raises(PermissionDenied):
        role_assignment_approve(actor=root, assignment=assignment)


def test_the_requester_cannot_approve_their_own_request(board, moi):
    assignment = role_assignment_request(actor=board, user=moi, role=Role.PROVINCE_BOARD)
    with pytest.raises(PermissionDenied) as exc:
        role_assignment_approve(actor=board, assignment=assignment)
    assert "người thứ hai" in str(exc.value)
    assert RoleAssignment.objects.get(pk=assignment.pk).status == AssignmentStatus.PENDING


def test_nobody_approves_a_request_about_themselves(sysadmin, board, board2):
    assignment = role_assignment_request(actor=sysadmin, user=board, role=Role.STANDING_COMMITTEE)
    with pytest.raises(PermissionDenied) as exc:
        role_assignment_approve(actor=board, assignment=assignment)
    assert "chính mình" in str(exc.value)
    role_assignment_approve(actor=board2, assignment=assignment)  # a second board member may
    assert has_role(_fresh(board), Role.STANDING_COMMITTEE)


def test_a_pending_board_member_approves_nothing(sysadmin, board, moi):
    other = UserFactory(username="khac")
    pending = role_assignment_request(actor=sysadmin, user=moi, role=Role.PROVINCE_BOARD)
    assignment = role_assignment_request(actor=sysadmin, user=other, role=Role.OFFICIAL)
    with pytest.raises(PermissionDenied):
        role_assignment_approve(actor=_fresh(moi), assignment=assignment)
    assert pending.status == AssignmentStatus.PENDING


def test_a_rejected_request_grants_nothing_and_cannot_be_approved_later(sysadmin, board, board2, moi):
    assignment = role_assignment_request(actor=sysadmin, user=moi, role=Role.PROVINCE_BOARD)
    role_assignment_reject(actor=board, assignment=assignment)
    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.REJECTED and assignment.decided_by == board
    with pytest.raises(ValidationError):
        role_assignment_approve(actor=board2, assignment=assignment)
    assert not has_role(_fresh(moi), Role.PROVINCE_BOARD)


def test_the_requester_cannot_reject_either(board, moi):
    assignment = role_assignment_request(actor=board, user=moi, role=Role.OFFICIAL)
    with pytest.raises(PermissionDenied):
        role_assignment_reject(actor=board, assignment=assignment)


# --- revoking --------------------------------------------------------------------------------------------


def test_revoking_ends_access_at_once_and_keeps_the_row(sysadmin, alice, anh):
    assignment = RoleAssignment.objects.get(user=alice)
    assert person_queryset_for(user=_fresh(alice)).exists()
    role_assignment_revoke(actor=sysadmin, assignment=assignment)
    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.REVOKED
    assert assignment.revoked_by == sysadmin and assignment.revoked_at is not None
    assert not person_queryset_for(user=_fresh(alice)).exists()


def test_nobody_revokes_their_own_role_or_a_role_that_is_not_active(sysadmin, board, moi):
    with pytest.raises(PermissionDenied):
        role_assignment_revoke(actor=board, assignment=RoleAssignment.objects.get(user=board))
    pending = role_assignment_request(actor=sysadmin, user=moi, role=Role.OFFICIAL)
    with pytest.raises(ValidationError):
        role_assignment_revoke(actor=sysadmin, assignment=pending)


def test_a_revoked_role_can_be_requested_again(sysadmin, board, alice, tree):
    assignment = RoleAssignment.objects.get(user=alice)
    role_assignment_revoke(actor=board, assignment=assignment)
    again = role_assignment_request(actor=sysadmin, user=alice, role=Role.UNIT_OFFICER, unit=tree["dept_a"])
    assert again.status == AssignmentStatus.PENDING


# --- the database's own guard ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "fields",
    [
        {"requested_by": "self"},
        {"requested_by": "board", "decided_by": "board", "status": AssignmentStatus.ACTIVE},
        {"requested_by": "board", "status": AssignmentStatus.ACTIVE},  # active without approval
        {"requested_by": "board", "decided_by": "self", "status": AssignmentStatus.ACTIVE},
    ],
    ids=["self-requested", "requester-approves", "unapproved-active", "self-approved"],
)
def test_the_database_refuses_what_the_services_refuse(board, moi, fields):
    people = {"self": moi, "board": board}
    values = {k: people.get(v, v) for k, v in fields.items()}
    if "decided_by" in values:
        values["decided_at"] = "2026-01-01T00:00:00Z"
    with pytest.raises(IntegrityError), transaction.atomic():
        RoleAssignment.objects.create(user=moi, role=Role.PROVINCE_BOARD, **values)


def test_a_new_row_starts_pending(moi):
    assert RoleAssignment.objects.create(user=moi, role=Role.OFFICIAL).status == AssignmentStatus.PENDING


# --- audit and the board's notifications -----------------------------------------------------------------


def test_every_step_is_audited_with_its_actor(sysadmin, board, board2, moi):
    assignment = role_assignment_request(actor=sysadmin, user=moi, role=Role.OFFICIAL)
    role_assignment_approve(actor=board, assignment=assignment)
    role_assignment_revoke(actor=board2, assignment=assignment)
    rejected = role_assignment_request(actor=sysadmin, user=moi, role=Role.STANDING_COMMITTEE)
    role_assignment_reject(actor=board2, assignment=rejected)
    rows = LogEntry.objects.get_for_object(assignment).order_by("pk")
    assert [(r.action, r.actor) for r in rows] == [
        (LogEntry.Action.CREATE, sysadmin),
        (LogEntry.Action.UPDATE, board),
        (LogEntry.Action.UPDATE, board2),
    ]
    assert rows[1].changes_dict["status"] == ["PENDING", "ACTIVE"]
    assert rows[2].changes_dict["status"] == ["ACTIVE", "REVOKED"]
    rejection = LogEntry.objects.get_for_object(rejected).order_by("pk").last()
    assert rejection.actor == board2 and rejection.changes_dict["status"] == ["PENDING", "REJECTED"]


def test_the_board_is_notified_of_every_step_but_not_the_actor(sysadmin, board, board2, moi, alice):
    assignment = role_assignment_request(actor=sysadmin, user=moi, role=Role.OFFICIAL)
    notes = Notification.objects.filter(kind=NotificationKind.ROLE_CHANGE)
    assert set(notes.values_list("user__username", flat=True)) == {"board", "board2"}
    assert "chờ phê duyệt" in notes.first().title and "moi" in notes.first().title
    role_assignment_approve(actor=board, assignment=assignment)
    approved = notes.filter(key=f"role:{assignment.pk}:approved")
    assert list(approved.values_list("user__username", flat=True)) == ["board2"]
    role_assignment_revoke(actor=sysadmin, assignment=assignment)
    assert notes.filter(key=f"role:{assignment.pk}:revoked").count() == 2
    assert not Notification.objects.filter(user__in=[sysadmin, alice, moi]).exists()


def test_accounts_does_not_import_notifications():
    """accounts is a low layer: notifications listens to its signal, never the other way round."""
    import ast
    from pathlib import Path

    import canbo.accounts

    root = Path(canbo.accounts.__file__).parent
    imported = set()
    for path in root.rglob("*.py"):
        if "tests" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                imported.add(node.module)
            elif isinstance(node, ast.Import):
                imported.update(alias.name for alias in node.names)
    assert "canbo.core.audit" in imported  # the walk sees the imports
    assert not [name for name in imported if name.startswith("canbo.notifications")]


# --- the first board member of an installation -----------------------------------------------------------


def test_bootstrap_gives_the_first_board_member_only(tree, moi):
    first = role_assignment_bootstrap_board(user=moi)
    assert first.status == AssignmentStatus.ACTIVE and has_role(_fresh(moi), Role.PROVINCE_BOARD)
    with pytest.raises(PermissionDenied):
        role_assignment_bootstrap_board(user=UserFactory(username="thu-hai"))
