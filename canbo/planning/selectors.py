"""Reads of cadre planning."""

from datetime import date

from .choices import EntryStatus
from .models import PlanningEntry


def approved_entries_on(on: date):
    """Entries approved on or before `on`, not removed by then, in a term that covers `on`."""
    return PlanningEntry.objects.filter(
        status__in=[EntryStatus.APPROVED, EntryStatus.REMOVED],
        approved_on__lte=on,
        post__term__start_date__lte=on,
        post__term__end_date__gte=on,
    ).exclude(removed_on__lte=on)
