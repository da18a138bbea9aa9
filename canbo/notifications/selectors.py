"""Reads of notifications: a user reads only their own."""

from .models import Notification


def notification_list(*, user, unread_only: bool = False):
    if not getattr(user, "is_authenticated", False):
        return Notification.objects.none()
    qs = Notification.objects.filter(user=user)
    if unread_only:
        qs = qs.filter(read_at__isnull=True)
    return qs.order_by("read_at", "-created_at", "-pk")


def unread_count(*, user) -> int:
    """The header badge's figure (one COUNT on the (user, read_at) index), once per request."""
    if not getattr(user, "is_authenticated", False):
        return 0
    cached = getattr(user, "_canbo_unread", None)
    if cached is None:
        cached = Notification.objects.filter(user=user, read_at__isnull=True).count()
        user._canbo_unread = cached
    return cached
