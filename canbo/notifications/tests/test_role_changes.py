"""Only active roles receive reminders; role assignment steps reach the board (via accounts' signal)."""

import pytest

from canbo.accounts.models import Role, RoleAssignment
from canbo.accounts.services import role_assignment_request
from canbo.notifications.models import Notification, NotificationKind
from canbo.notifications.services import recipients
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_pending_or_revoked_role_receives_no_reminders(sysadmin, alice, tree):
    pending = UserFactory(username="cho")
    role_assignment_request(actor=sysadmin, user=pending, role=Role.UNIT_OFFICER, unit=tree["dept_b"])
    RoleAssignment.objects.filter(user=alice).update(status="REVOKED", revoked_at="2026-01-01T00:00:00Z")
    assert {u.username for u in recipients()} == set()


def test_a_request_notifies_every_active_board_member_with_a_link_to_decide(sysadmin, board, board2, tree):
    pending_board = UserFactory(username="cho")
    role_assignment_request(actor=sysadmin, user=pending_board, role=Role.PROVINCE_BOARD)
    notes = Notification.objects.filter(kind=NotificationKind.ROLE_CHANGE)
    assert sorted(notes.values_list("user__username", flat=True)) == ["board", "board2"]
    assert all(n.link == "/tai-khoan/phan-quyen/" for n in notes)
