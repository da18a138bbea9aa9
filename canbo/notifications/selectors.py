"""Reads of notifications: a user reads only their own."""

from datetime import date

from django.db.models import Case, DateField, IntegerField, Value, When
from django.db.models.functions import Coalesce

from canbo.core.paging import SortColumn

from .models import Notification

UNREAD_FIRST = Case(When(read_at__isnull=True, then=Value(0)), default=Value(1), output_field=IntegerField())
NO_DATE = Value(date(1900, 1, 1), output_field=DateField())
NOTIFICATION_SORT_COLUMNS = [
    SortColumn("thong_bao", "Thông báo", (UNREAD_FIRST, "-created_at")),
    SortColumn("han", "Hạn", (Coalesce("due_date", NO_DATE), "-created_at"), descending_first=True),
    SortColumn("ngay_tao", "Ngày tạo", ("created_at",), descending_first=True),
]
NOTIFICATION_DEFAULT_SORT = "thong_bao"  # unread first, newest first


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
