from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone

from canbo.accounts.access import reads_cadre_work
from canbo.accounts.scoping import administers_system
from canbo.evaluation.selectors import rating_tile
from canbo.feedback.selectors import dashboard_tiles as feedback_tiles
from canbo.movements.selectors import dashboard_tiles as movement_tiles
from canbo.org.selectors import scope_ended_on
from canbo.party.selectors import dashboard_tiles as party_tiles
from canbo.people.choices import PersonStatus
from canbo.people.reports.qualification_share import MEASURES
from canbo.people.selectors import change_requests_pending_for, own_person, person_queryset_for
from canbo.reports.base import ReportParams, can_view_reports
from canbo.reports.registry import all_reports, get_report
from canbo.staffing.selectors import dashboard_tiles as staffing_tiles
from canbo.standards.selectors import overdue_campaigns
from canbo.surveys.selectors import pending_invitation_count
from canbo.training.selectors import dashboard_tiles as training_tiles

from .summary import official_summary

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
    person = own_person(request.user)
    if person is not None and not reads_cadre_work(request.user):
        context = official_summary(user=request.user, person=person, today=today)
        return render(request, "home/official.html", {"today": today, **context})
    if not reads_cadre_work(request.user):
        return render(request, "home/no_records.html", {"sysadmin": administers_system(request.user)})
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
    if not context["total"]:
        context["scope_ended_on"] = scope_ended_on(user=request.user, on=today)
    return render(request, "home/dashboard.html", context)


@login_required
def my_record(request):
    """The official's own profile (the menu's "Hồ sơ của tôi")."""
    person = own_person(request.user)
    if person is None:
        raise Http404("Tài khoản này chưa gắn với hồ sơ cán bộ nào.")
    return redirect("people:detail", uuid=person.uuid)
