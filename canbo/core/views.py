from django.contrib.auth.decorators import login_required
from django.db.models import Count, OuterRef, Q, Subquery, Sum
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import timezone

from canbo.people.choices import PersonStatus
from canbo.people.selectors import change_requests_pending_for, person_queryset_for
from canbo.reports.base import ReportParams, can_view_reports
from canbo.reports.formatting import fmt_decimal, round1
from canbo.reports.registry import all_reports, get_report
from canbo.reports.reports.qualification_share import MEASURES
from canbo.training.choices import EnrolmentResult, PlanStatus
from canbo.training.models import Enrolment, PlanLine
from canbo.training.selectors import commitments_at_risk, overdue_plans, plan_queryset_for
from canbo.training.views.common import is_staff as sees_training

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


def _training_tiles(user, today) -> dict:
    """This year's issued plan with its achievement, overdue plans, commitments at risk: 3 queries."""
    target = PlanLine.objects.filter(plan=OuterRef("pk")).order_by().values("plan")
    actual = (
        Enrolment.objects.filter(~Q(result=EnrolmentResult.WITHDRAWN), plan_line__plan=OuterRef("pk"))
        .order_by()
        .values("plan_line__plan")
    )
    plan = (
        plan_queryset_for(user=user)
        .filter(year=today.year, status=PlanStatus.ISSUED)
        .annotate(
            target=Subquery(target.annotate(t=Sum("target_count")).values("t")),
            actual=Subquery(actual.annotate(n=Count("id")).values("n")),
        )
        .order_by("owner_unit__depth", "owner_unit__path")
        .first()
    )
    achievement = None
    if plan is not None:
        plan.target, plan.actual = plan.target or 0, plan.actual or 0
        achievement = fmt_decimal(round1(plan.actual * 100 / plan.target)) if plan.target else None
    return {
        "training_year": today.year,
        "training_plan": plan,
        "training_achievement": achievement,
        "overdue_plans": overdue_plans(user=user, today=today).count(),
        "commitments_at_risk": commitments_at_risk(user=user).count(),
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
    if sees_training(request.user):
        context.update(_training_tiles(request.user, today))
    return render(request, "core/dashboard.html", context)


def health(request):
    return JsonResponse({"status": "ok"})
