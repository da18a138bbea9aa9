"""Events of the accounts app that higher layers listen to; accounts imports none of them.

`role_assignment_changed` is sent by canbo.accounts.services inside the service's transaction, with
`assignment`, `action` (one of RoleEvent) and `actor` (None for seed data). canbo.notifications subscribes to
it to tell the province board (docs/decisions/017-role-approval-and-audit-visibility.md): the dependency points
down, from notifications to accounts.
"""

from django.db.models import TextChoices
from django.dispatch import Signal


class RoleEvent(TextChoices):
    REQUESTED = "requested", "đề nghị"
    GRANTED = "granted", "cấp (không cần phê duyệt)"
    APPROVED = "approved", "phê duyệt"
    REJECTED = "rejected", "từ chối"
    REVOKED = "revoked", "thu hồi"


role_assignment_changed = Signal()

# Sent by canbo.accounts.account_changes inside its transaction, with `change` (an AccountChange), `action`
# (RoleEvent.REQUESTED, APPROVED or REJECTED) and `actor` (None: the server's command line).
account_changed = Signal()
