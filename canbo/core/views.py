from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from canbo.accounts.access import reads_cadre_work
from canbo.core.health import health_report
from canbo.evaluation.selectors import rating_tile
from canbo.feedback.selectors import dashboard_tiles as feedback_tiles
from canbo.movements.selectors import dashboard_tiles as movement_tiles
from canbo.party.selectors import dashboard_tiles as party_tiles
from canbo.people.choices import PersonStatus
from canbo.people.selectors import change_requests_pending_for, person_queryset_for
from canbo.reports.base import ReportParams, can_view_reports
from canbo.reports.registry import all_reports, get_report
from canbo.reports.reports.qualification_share import MEASURES
from canbo.staffing.selectors import dashboard_tiles as staffing_tiles
from canbo.standards.selectors import overdue_campaigns
from canbo.surveys.selectors import pending_invitation_count
from canbo.training.selectors import dashboard_tiles as training_tiles

# Qualification shares shown as tiles on the dashboard (keys of the qualification-share report's measures).
DASHBOARD_SHARES = ("prof_dai_hoc", "prof_thac_si", "llct_cao_cap")


def _report_panels(user, today) -> dict:
    """Today's headcount chart and qualification-share tiles, from the reports framework (3 aggregate queries)."""
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
        "reports": [{"name": r.name, "title": r.title} for r in all_reports()],
    }


@login_required
def dashboard(request):
    today = timezone.localdate()
    people = person_queryset_for(user=request.user).filter(status=PersonStatus.WORKING)
    by_level = list(
        people.values("current_unit__level").annotate(n=Count("id")).order_by("current_unit__level")
    )
    by_category = list(people.values("category").annotate(n=Count("id")).order_by("category"))
    context = {
        "today": today,
        "total": sum(row["n"] for row in by_level),
        "by_level": by_level,
        "by_category": by_category,
        "pending_requests": change_requests_pending_for(user=request.user).count(),
    }
    if can_view_reports(request.user):
        context.update(_report_panels(request.user, today))
    if reads_cadre_work(request.user):
        context.update(training_tiles(user=request.user, today=today))
        context.update(movement_tiles(user=request.user, today=today))
        context["overdue_campaigns"] = list(overdue_campaigns(user=request.user, today=today)[:5])
        context.update(staffing_tiles(user=request.user, today=today))
        context.update(party_tiles(user=request.user, today=today))
        context.update(feedback_tiles(user=request.user, today=today))
        context["rating_tile"] = rating_tile(user=request.user)
    context["pending_surveys"] = pending_invitation_count(user=request.user)
    return render(request, "core/dashboard.html", context)


@require_safe
@never_cache
def healthz(request):
    """No login: 200 when the database and the task broker answer, else 503 naming the part that failed."""
    report = health_report()
    return JsonResponse(report, status=200 if report["status"] == "ok" else 503)
