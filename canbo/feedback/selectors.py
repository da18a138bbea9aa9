"""Who sees feedback (decided here, used by every door):

- the province board: all of it; a unit officer: the feedback of their unit's subtree while the unit is in force,
  and about a named official only while the unit manages them (decision 018); the assigned handler: the
  feedback assigned to them;
- leaders and the Standing Committee: counts only (the `feedback-handling` report, the dashboard tile), never
  the content or the names;
- nobody sees feedback about themselves (their own record is the subject), whatever their role.
Outside this → 404.
"""

from datetime import date

from django.contrib.auth import get_user_model
from django.db.models import Q, Value
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone

from canbo.accounts.models import AssignmentStatus, Role
from canbo.accounts.scoping import has_role, in_force_unit_q, managed_person_q, unit_visibility_q
from canbo.core.paging import SortColumn
from canbo.core.text import unaccent

from .models import Feedback, FeedbackStatus

COUNT_ROLES = (Role.PROVINCE_BOARD, Role.STANDING_COMMITTEE, Role.UNIT_OFFICER, Role.LEADER)


def not_about_q(user) -> Q:
    return (
        Q(subject_person__isnull=True) | Q(subject_person__user__isnull=True) | ~Q(subject_person__user=user)
    )


def feedback_queryset_for(*, user):
    if not getattr(user, "is_authenticated", False):
        return Feedback.objects.none()
    person = managed_person_q(user, "subject_person", write=True)
    if person is None:
        entitled = Q()
    else:
        unit = in_force_unit_q(user, "unit__path", write=True)
        entitled = (unit & (Q(subject_person__isnull=True) | person)) | Q(handler=user)
    return Feedback.objects.filter(entitled, not_about_q(user))


def can_list_feedback(user) -> bool:
    """Shows the list page: a manager of some unit's feedback, or someone with feedback assigned."""
    if has_role(user, Role.PROVINCE_BOARD, Role.UNIT_OFFICER):
        return True
    return getattr(user, "is_authenticated", False) and Feedback.objects.filter(handler=user).exists()


def feedback_list(*, user, filters: dict | None = None):
    filters = filters or {}
    qs = feedback_queryset_for(user=user)
    for field in ("status", "channel", "conclusion"):
        if filters.get(field):
            qs = qs.filter(**{field: filters[field]})
    if filters.get("unit"):
        qs = qs.filter(unit__path__startswith=filters["unit"].path)
    if filters.get("overdue"):
        qs = qs.filter(~Q(status=FeedbackStatus.CLOSED), deadline__lt=timezone.localdate())
    if filters.get("date_from"):
        qs = qs.filter(received_on__gte=filters["date_from"])
    if filters.get("date_to"):
        qs = qs.filter(received_on__lte=filters["date_to"])
    for token in unaccent(filters.get("q") or "").split()[:8]:
        qs = qs.filter(subject_person__search_text__contains=token)
    return qs.select_related("unit", "subject_person", "handler").order_by("-received_on", "-pk")


FEEDBACK_SORT_COLUMNS = [
    SortColumn("tiep_nhan", "Ngày tiếp nhận", ("received_on",), descending_first=True),
    SortColumn("nguon", "Nguồn", ("channel", "-received_on")),
    SortColumn("can_bo", "Cán bộ", (Coalesce("subject_person__sort_key", Value("")), "-received_on")),
    SortColumn("don_vi", "Đơn vị", ("unit__path", "-received_on")),
    SortColumn("han", "Hạn xử lý", ("deadline",)),
    SortColumn("trang_thai", "Trạng thái", ("status", "deadline")),
    SortColumn("ket_luan", "Kết luận", ("conclusion", "-received_on")),
]


def feedback_get_for_user(*, user, pk) -> Feedback:
    qs = feedback_queryset_for(user=user).select_related(
        "unit", "subject_person__current_unit", "handler", "received_by", "discipline_case"
    )
    return get_object_or_404(qs, pk=pk)


def overdue_feedback_count(*, user, today: date | None = None) -> int:
    """Unhandled feedback past its deadline in the units the user reads (leaders included: a count only)."""
    if not getattr(user, "is_authenticated", False) or not has_role(user, *COUNT_ROLES):
        return 0
    visible = unit_visibility_q(user, "unit__path")
    today = today or timezone.localdate()
    qs = Feedback.objects.filter(~Q(status=FeedbackStatus.CLOSED), deadline__lt=today)
    if visible is not None:
        qs = qs.filter(visible)
    return qs.filter(not_about_q(user)).count()


def dashboard_tiles(*, user, today: date) -> dict:
    """The dashboard tile: unhandled feedback past due (one COUNT)."""
    return {"feedback_overdue": overdue_feedback_count(user=user, today=today)}


# Who is told of overdue feedback: those who handle it (the board, the unit's officers, the assigned handler).
# Leaders and the Standing Committee read counts only, so they are not told; the official concerned is never
# told, whatever their role — `feedback_queryset_for` decides, so the notice follows the list's visibility.
NOTIFIED_ROLES = (Role.PROVINCE_BOARD, Role.UNIT_OFFICER)


def overdue_feedback(today: date):
    """Feedback not concluded whose handling deadline has passed (the whole province)."""
    return Feedback.objects.filter(~Q(status=FeedbackStatus.CLOSED), deadline__lt=today)


def overdue_feedback_recipients(*, today: date) -> dict[int, set[int]]:
    """{feedback id: {user id, …}}: for each overdue item, the active users who handle it and may see it.

    One query per candidate (the board members, the unit officers and the assigned handlers of overdue items),
    each through `feedback_queryset_for`, so a user is told exactly of the items their list shows."""
    overdue = overdue_feedback(today)
    if not overdue.exists():
        return {}
    handlers = set(overdue.filter(handler__isnull=False).values_list("handler", flat=True))
    User = get_user_model()
    candidates = User.objects.filter(is_active=True).filter(
        Q(
            role_assignments__role__in=NOTIFIED_ROLES,
            role_assignments__status=AssignmentStatus.ACTIVE,
        )
        | Q(pk__in=handlers)
    )
    told: dict[int, set[int]] = {}
    for user in candidates.distinct().order_by("pk"):
        for pk in (
            feedback_queryset_for(user=user).filter(pk__in=overdue.values("pk")).values_list("pk", flat=True)
        ):
            told.setdefault(pk, set()).add(user.pk)
    return told
