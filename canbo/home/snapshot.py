"""The dashboard's heavy figures, computed by aggregate queries and stored with the time they were computed.

Whole-scope aggregates (headcount by level and category, the qualification shares, the staffing quotas) read
every working person of the user's scope: about a second for the province at 100.000 persons, however they are
written. They change rarely and many people open the dashboard, so they are computed once, stored in
DashboardSnapshot with their time, and shown with it ("Số liệu tổng hợp lúc 14:05"). A stored figure is used
only while fresh (FRESH, same day); otherwise the visit computes it again. The task queue refreshes, every
REFRESH_MINUTES, the snapshots of users who opened the dashboard in the last day, so visits find a fresh one.
"""

import time
from datetime import date, timedelta

from django.db.models import Count
from django.utils import timezone

from canbo.accounts.scoping import scope_key
from canbo.people.choices import PersonStatus
from canbo.people.reports.qualification_share import MEASURES
from canbo.people.selectors import person_queryset_for
from canbo.reports.base import ReportParams, can_view_reports
from canbo.reports.registry import get_report
from canbo.staffing.selectors import dashboard_tiles as staffing_tiles

from .models import DashboardSnapshot

REFRESH_MINUTES = 10
FRESH = timedelta(minutes=2 * REFRESH_MINUTES)
# Qualification shares shown as tiles on the dashboard (keys of the qualification-share report's measures).
DASHBOARD_SHARES = ("prof_dai_hoc", "prof_thac_si", "llct_cao_cap")


def _report_panels(user, today: date) -> dict:
    """Today's headcount chart and qualification-share tiles, from the reports framework (2 aggregate queries)."""
    params = ReportParams(on=today)
    headcount = get_report("headcount").run_with(user=user, params=params)
    shares = get_report("qualification-share").run_with(user=user, params=params)
    tiles = [
        {"label": row.values["measure"], "share": row.values["share"], "count": row.values["count"]}
        for measure, row in zip(MEASURES, shares.rows, strict=True)
        if measure.key in DASHBOARD_SHARES
    ]
    return {
        "headcount_chart": headcount.chart,
        "headcount_total": headcount.meta["total"],
        "share_tiles": tiles,
    }


def compute(user, today: date) -> dict:
    """Every heavy figure of this user's dashboard (JSON-safe: numbers, strings, lists, dicts)."""
    people = person_queryset_for(user=user).filter(status=PersonStatus.WORKING)
    by_level = list(
        people.values("current_unit__level").annotate(n=Count("id")).order_by("current_unit__level")
    )
    data = {
        "total": sum(row["n"] for row in by_level),
        "by_level": by_level,
        "by_category": list(people.values("category").annotate(n=Count("id")).order_by("category")),
    }
    if can_view_reports(user):
        data.update(_report_panels(user, today))
    data.update(staffing_tiles(user=user, today=today))
    return data


def refresh(user, today: date | None = None) -> DashboardSnapshot:
    today = today or timezone.localdate()
    started = time.perf_counter()
    data = compute(user, today) | {"scope": scope_key(user)}
    snapshot, _created = DashboardSnapshot.objects.update_or_create(
        user=user,
        defaults={"computed_at": timezone.now(), "seconds": time.perf_counter() - started, "data": data},
    )
    return snapshot


def snapshot_for(user) -> DashboardSnapshot:
    """The user's stored figures if fresh (computed today, within FRESH, for the roles the user holds now), else
    computed now and stored: a role revoked or moved to another unit never shows the old scope's figures."""
    now = timezone.now()
    snapshot = DashboardSnapshot.objects.filter(user=user).first()
    if (
        snapshot is None
        or now - snapshot.computed_at > FRESH
        or timezone.localdate(snapshot.computed_at) != timezone.localdate(now)
        or snapshot.data.get("scope") != scope_key(user)
    ):
        snapshot = refresh(user)
    return snapshot


def refresh_recent() -> int:
    """The task queue's round: recompute the snapshots of users who had one in the last day."""
    since = timezone.now() - timedelta(days=1)
    count = 0
    for snapshot in DashboardSnapshot.objects.filter(computed_at__gte=since).select_related("user"):
        if snapshot.user.is_active:
            refresh(snapshot.user)
            count += 1
    DashboardSnapshot.objects.filter(computed_at__lt=since).delete()
    return count
