"""Reminders into notifications (once per user and key) and e-mails (once, for the newly created ones).

Safe to run twice a day: a (user, key) pair that exists is not created again (unique constraint), and only
the notifications created by this run are e-mailed, each claimed with an UPDATE … WHERE emailed_at IS NULL
before sending, so two runs at once do not send the same one twice.
"""

import bisect
import logging
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from canbo.accounts.models import AssignmentStatus, Role, RoleAssignment
from canbo.accounts.signals import RoleEvent

from .models import Notification, NotificationKind
from .sources import Reminder, reminders_on

log = logging.getLogger(__name__)
RECIPIENT_ROLES = (Role.PROVINCE_BOARD, Role.UNIT_OFFICER, Role.LEADER)
KEY_CHUNK = 2000


@dataclass
class RunResult:
    reminders: int = 0
    created: int = 0
    users: int = 0
    emailed: int = 0
    failed: list[str] = field(default_factory=list)


def recipients() -> dict:
    """{user: None (the whole province) or [unit paths]}: the board everywhere, officers and leaders their
    subtrees. Active users only; one query."""
    scopes: dict = {}
    rows = RoleAssignment.objects.filter(
        role__in=RECIPIENT_ROLES, status=AssignmentStatus.ACTIVE, user__is_active=True
    ).select_related("user", "unit")
    for r in rows:
        if r.role == Role.PROVINCE_BOARD:
            scopes[r.user] = None
        elif scopes.get(r.user, []) is not None and r.unit_id:
            scopes.setdefault(r.user, []).append(r.unit.path)
    return scopes


def match(reminders: list[Reminder], scopes: dict) -> dict:
    """{user: [reminder, …]}: those concerning a unit in the user's subtrees (prefix search, no full scan).

    A reminder naming its users (`Reminder.users`) is matched by that list only, never by units."""
    index = sorted((path, i) for i, r in enumerate(reminders) if r.users is None for path in r.paths)
    paths = [p for p, _ in index]
    out = {}
    for user, roots in scopes.items():
        if roots is None:
            out[user] = [r for r in reminders if r.users is None]
            continue
        chosen = set()
        for root in roots:
            start = bisect.bisect_left(paths, root)
            end = bisect.bisect_left(paths, root + "\uffff")
            chosen.update(i for _p, i in index[start:end])
        out[user] = [reminders[i] for i in sorted(chosen)]
    return out


def _existing(pairs: dict) -> set[tuple[int, str]]:
    keys = sorted({key for _user_id, key in pairs})
    found = set()
    for i in range(0, len(keys), KEY_CHUNK):
        found.update(
            Notification.objects.filter(key__in=keys[i : i + KEY_CHUNK]).values_list("user_id", "key")
        )
    return found


@transaction.atomic
def notifications_create(
    *, today: date, reminders: list[Reminder] | None = None
) -> tuple[RunResult, list[int]]:
    """Create the notifications of the day's reminders that do not exist yet; return their ids."""
    reminders = reminders_on(today) if reminders is None else reminders
    result = RunResult(reminders=len(reminders))
    wanted = {}
    for user, items in match(reminders, recipients()).items():
        for r in items:
            wanted[(user.pk, r.key)] = r
    for r in reminders:
        for user_id in r.users or ():
            wanted[(user_id, r.key)] = r
    existing = _existing(wanted)
    started = timezone.now()
    new = [
        Notification(
            user_id=user_id,
            kind=r.kind,
            key=r.key,
            title=r.title[:300],
            body=r.body,
            link=r.link[:300],
            due_date=r.due_date,
        )
        for (user_id, key), r in wanted.items()
        if (user_id, key) not in existing
    ]
    Notification.objects.bulk_create(new, batch_size=1000, ignore_conflicts=True)
    created = list(
        Notification.objects.filter(created_at__gte=started, emailed_at__isnull=True).values_list(
            "pk", flat=True
        )
    )
    result.created = len(created)
    result.users = len({user_id for (user_id, key) in wanted if (user_id, key) not in existing})
    return result, created


def _site(link: str) -> str:
    return getattr(settings, "CANBO_SITE_URL", "").rstrip("/") + link


def _email_body(user, notes: list[Notification]) -> str:
    lines = [
        f"Kính gửi {user.get_full_name() or user.username},",
        "",
        "Anh/chị có các nhắc việc mới trên Canbo:",
        "",
    ]
    for n in notes:
        due = f" (hạn {n.due_date:%d/%m/%Y})" if n.due_date else ""
        lines.append(f"- {n.title}{due}")
        if n.link:
            lines.append(f"  {_site(n.link)}")
    lines += [
        "",
        "Xem tất cả: " + _site("/thong-bao/"),
        "",
        "Thư gửi tự động từ Canbo, vui lòng không trả lời.",
    ]
    return "\n".join(lines)


def notifications_email(*, ids: list[int]) -> tuple[int, list[str]]:
    """One e-mail per user for these (new) notifications; each claimed before sending, released on failure."""
    by_user = defaultdict(list)
    for n in (
        Notification.objects.filter(pk__in=ids, emailed_at__isnull=True)
        .select_related("user")
        .order_by("user_id", "due_date", "pk")
    ):
        if n.user.email:
            by_user[n.user].append(n)
    sent, failed = 0, []
    for user, notes in by_user.items():
        now = timezone.now()
        claimed = Notification.objects.filter(pk__in=[n.pk for n in notes], emailed_at__isnull=True).update(
            emailed_at=now
        )
        if claimed != len(notes):
            continue  # another run is sending them
        subject = f"[Canbo] {len(notes)} nhắc việc mới" if len(notes) > 1 else f"[Canbo] {notes[0].title}"
        try:
            send_mail(subject[:200], _email_body(user, notes), None, [user.email])
        except Exception as exc:  # noqa: BLE001 - a mail server error must not stop the other users' mail
            Notification.objects.filter(pk__in=[n.pk for n in notes]).update(emailed_at=None)
            log.warning("Gửi thư nhắc việc cho %s thất bại: %s", user.username, exc)
            failed.append(user.username)
        else:
            sent += 1
    return sent, failed


def reminders_send(*, today: date | None = None, email: bool = True) -> RunResult:
    """The daily run: create the day's notifications, then e-mail the new ones."""
    today = today or timezone.localdate()
    result, ids = notifications_create(today=today)
    if email and ids:
        result.emailed, result.failed = notifications_email(ids=ids)
    return result


def notification_mark_read(*, actor, notification: Notification) -> Notification:
    if notification.user_id != actor.pk:
        raise PermissionDenied("Đây không phải thông báo của anh/chị.")
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def notifications_mark_all_read(*, actor) -> int:
    return Notification.objects.filter(user=actor, read_at__isnull=True).update(read_at=timezone.now())


ROLE_EVENT_TITLES = {
    RoleEvent.REQUESTED: "Đề nghị phân quyền chờ phê duyệt",
    RoleEvent.GRANTED: "Đã cấp vai trò",
    RoleEvent.APPROVED: "Đã phê duyệt phân quyền",
    RoleEvent.REJECTED: "Đã từ chối đề nghị phân quyền",
    RoleEvent.REVOKED: "Đã thu hồi phân quyền",
}


def _board_but(actor):
    return (
        RoleAssignment.objects.filter(
            role=Role.PROVINCE_BOARD, status=AssignmentStatus.ACTIVE, user__is_active=True
        )
        .exclude(user_id=getattr(actor, "pk", None))
        .values_list("user_id", flat=True)
        .distinct()
    )


def role_change_notify(*, assignment: RoleAssignment, action: str, actor) -> int:
    """Tell every active province board member (but the actor) about a role assignment's step; in the
    caller's transaction, once per (assignment, step). Subscribed to accounts' `role_assignment_changed`."""
    board = _board_but(actor)
    who = (actor.get_full_name() or actor.username) if actor is not None else "hệ thống"
    scope = f" – {assignment.unit}" if assignment.unit_id else ""
    title = (
        f"{ROLE_EVENT_TITLES[action]}: {assignment.user.username} – {assignment.get_role_display()}{scope}"
    )
    rows = [
        Notification(
            user_id=user_id,
            kind=NotificationKind.ROLE_CHANGE,
            key=f"role:{assignment.pk}:{action}",
            title=title[:300],
            body=f"Thực hiện bởi {who}.",
            link=reverse("accounts:role_requests"),
        )
        for user_id in board
    ]
    Notification.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


ACCOUNT_EVENT_TITLES = {
    RoleEvent.REQUESTED: "Đề nghị thay đổi tài khoản chờ phê duyệt",
    RoleEvent.APPROVED: "Đã phê duyệt thay đổi tài khoản",
    RoleEvent.REJECTED: "Đã từ chối đề nghị thay đổi tài khoản",
}


def account_change_notify(*, change, action: str, actor) -> int:
    """Tell every active board member (but the actor) about a step of a change to a role holder's account
    (a password reset, a lock, an API key…); subscribed to accounts' `account_changed`."""
    who = (actor.get_full_name() or actor.username) if actor is not None else "máy chủ (dòng lệnh)"
    title = f"{ACCOUNT_EVENT_TITLES[action]}: {change.user.username} – {change.get_kind_display()}"
    rows = [
        Notification(
            user_id=user_id,
            kind=NotificationKind.ROLE_CHANGE,
            key=f"account:{change.pk}:{action}",
            title=title[:300],
            body=f"Thực hiện bởi {who}.",
            link=reverse("accounts:role_requests"),
        )
        for user_id in _board_but(actor)
    ]
    Notification.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)
