"""Reads of discipline cases and decisions, visible while the user's unit manages the person (decision 018;
outside → 404 / not listed), and
rule 26's waiting time for a higher post."""

from datetime import date

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone

from canbo.accounts.access import reads_cadre_work
from canbo.accounts.scoping import personal_rows_q, scoped
from canbo.core.text import unaccent
from canbo.people.models import Person

from . import rules
from .models import CaseStatus, DisciplineCase, DisciplineRecord, DisciplineRule


def case_queryset_for(*, user):
    return scoped(DisciplineCase.objects.all(), personal_rows_q(user), allowed=reads_cadre_work(user))


def case_list(*, user, filters: dict | None = None):
    filters = filters or {}
    qs = case_queryset_for(user=user)
    if filters.get("status"):
        qs = qs.filter(status=filters["status"])
    if filters.get("unit"):
        qs = qs.filter(unit__path__startswith=filters["unit"].path)
    for token in unaccent(filters.get("q") or "").split()[:8]:
        qs = qs.filter(person__search_text__contains=token)
    return (
        qs.select_related("person", "unit", "record")
        .annotate(act_count=Count("acts"))
        .order_by("-opened_on", "-pk")
    )


def case_get_for_user(*, user, pk) -> DisciplineCase:
    qs = case_queryset_for(user=user).select_related(
        "person__current_unit", "person__position", "unit", "opened_by", "record"
    )
    return get_object_or_404(qs, pk=pk)


def record_queryset_for(*, user):
    return scoped(DisciplineRecord.objects.all(), personal_rows_q(user), allowed=reads_cadre_work(user))


def record_list(*, user, filters: dict | None = None):
    filters = filters or {}
    qs = record_queryset_for(user=user)
    if filters.get("form"):
        qs = qs.filter(form=filters["form"])
    if filters.get("unit"):
        qs = qs.filter(unit__path__startswith=filters["unit"].path)
    if filters.get("date_from"):
        qs = qs.filter(decided_on__gte=filters["date_from"])
    if filters.get("date_to"):
        qs = qs.filter(decided_on__lte=filters["date_to"])
    for token in unaccent(filters.get("q") or "").split()[:8]:
        qs = qs.filter(person__search_text__contains=token)
    return qs.select_related("person", "unit").order_by("-decided_on", "-pk")


def promotion_blocked_until(person: Person, on: date | None = None) -> date | None:
    """Rule 26 (QĐ 377): the first day a higher post is possible, when that is after `on` (default today);
    None when no decision delays it. One query."""
    on = on or timezone.localdate()
    history = DisciplineRule.objects.history("promotion_wait_months")
    ends = [
        rules.promotion_wait_end(form, decided, history=history)
        for form, decided in DisciplineRecord.objects.filter(person=person, decided_on__lte=on).values_list(
            "form", "decided_on"
        )
    ]
    latest = max((e for e in ends if e is not None), default=None)
    return latest if latest is not None and latest > on else None


def overdue_cases(*, user, on: date | None = None):
    """Cases not yet decided whose time limit for handling (90/150 days, NĐ 172/2025) has passed on `on`."""
    on = on or timezone.localdate()
    return (
        case_queryset_for(user=user)
        .filter(~Q(status=CaseStatus.DECIDED), handling_deadline__lt=on)
        .select_related("person", "unit")
        .order_by("handling_deadline", "pk")
    )
