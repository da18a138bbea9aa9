"""Reads of the national sync and the access log, scoped by canbo.accounts.scoping (the items' and log rows'
unit is the person's unit when the change or the access happened)."""

from datetime import date

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404

from canbo.accounts.models import Role
from canbo.accounts.scoping import has_role, managed_person_q

from .fields import BY_CODE
from .models import AccessLogEntry, OutboxItem, OutboxState

SYNC_ROLES = (Role.PROVINCE_BOARD, Role.UNIT_OFFICER)


def may_open_sync(user) -> bool:
    return has_role(user, *SYNC_ROLES)


def outbox_for(*, user):
    """Items of the units the user keeps (board: all; unit officer: their subtree; others: none)."""
    if not may_open_sync(user):
        return OutboxItem.objects.none()
    condition = managed_person_q(user, "person", write=True)  # decision 018
    qs = OutboxItem.objects.select_related("person", "unit")
    return qs if condition is None else qs.filter(condition)


def outbox_item_get(*, user, pk: int) -> OutboxItem:
    return get_object_or_404(outbox_for(user=user), pk=pk)


def outbox_list(*, user, view: str, today: date):
    qs = outbox_for(user=user)
    if view == "overdue":
        return qs.filter(state=OutboxState.WAITING, deadline__lt=today).order_by("deadline", "id")
    state = {"waiting": OutboxState.WAITING, "sent": OutboxState.SENT, "refused": OutboxState.REFUSED}[view]
    order = "-sent_at" if state == OutboxState.SENT else "deadline"
    return qs.filter(state=state).order_by(order, "id")


def outbox_summary(*, user, today: date) -> dict:
    qs = outbox_for(user=user)
    return qs.aggregate(
        waiting=Count("id", filter=Q(state=OutboxState.WAITING)),
        sent=Count("id", filter=Q(state=OutboxState.SENT)),
        refused=Count("id", filter=Q(state=OutboxState.REFUSED)),
        overdue=Count("id", filter=Q(state=OutboxState.WAITING, deadline__lt=today)),
        unapproved=Count("id", filter=Q(state=OutboxState.WAITING, batch__isnull=True)),
    )


def records_out_of_sync_by_unit(*, user) -> list[dict]:
    """Per unit: the persons with at least one item not yet received (waiting or refused), one query."""
    return list(
        outbox_for(user=user)
        .exclude(state=OutboxState.SENT)
        .values("unit__code", "unit__name")
        .annotate(persons=Count("person", distinct=True), items=Count("id"))
        .order_by("-persons", "unit__name")
    )


def refusal_fix(item: OutboxItem) -> dict:
    """The refused field's name and where Canbo holds it, for the link to fix it."""
    field = BY_CODE.get(item.refused_field)
    return {
        "code": item.refused_field,
        "name": field.name if field else "",
        "source": field.source if field else "",
    }


# --- access log ------------------------------------------------------------------------------------------------


def access_log_of_person(*, user, person):
    """Who looked at the person's dossier: the person themself sees it; so do those who keep their unit."""
    if person.user_id != user.pk:
        condition = managed_person_q(user, "", write=True)
        if not has_role(user, *SYNC_ROLES) or (
            condition is not None and not type(person).objects.filter(condition, pk=person.pk).exists()
        ):
            return AccessLogEntry.objects.none()
    return AccessLogEntry.objects.filter(person=person).select_related("viewer").order_by("-at", "-id")


def access_log_audit(*, user, unit=None, start: date | None = None, end: date | None = None):
    """The board's audit of the log: by unit (and its subtree) and period. Unit officers see their subtree."""
    if not has_role(user, *SYNC_ROLES, Role.STANDING_COMMITTEE):
        return AccessLogEntry.objects.none()
    qs = AccessLogEntry.objects.select_related("person", "unit", "viewer")
    condition = managed_person_q(user, "person")  # names people: only those the unit manages today
    if condition is not None:
        qs = qs.filter(condition)
    if unit is not None:
        qs = qs.filter(unit__path__startswith=unit.path)
    if start:
        qs = qs.filter(at__date__gte=start)
    if end:
        qs = qs.filter(at__date__lte=end)
    return qs.order_by("-at", "-id")
