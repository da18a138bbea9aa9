"""/dao-tao/: this year's plans, classes running, people studying, and the way to every training page."""

from django.db.models import Count
from django.shortcuts import render
from django.utils import timezone

from ..choices import StudyStatus
from ..selectors import class_queryset_for, plan_queryset_for, plan_totals, study_queryset_for
from ..services import is_overdue
from .access import can_write, optional_url, staff_required
from .enrolments import enrolment_list_for


def studying_filters(today) -> dict:
    """People studying today: no result yet, started, not ended (the enrolment list's filters)."""
    return {"measure": "studying", "to": today}


@staff_required
def hub(request):
    user, today = request.user, timezone.localdate()
    plans = list(plan_queryset_for(user=user).filter(year__in=[today.year, today.year + 1]).order_by("year"))
    totals = plan_totals(plans)
    for plan in plans:
        plan.overdue = is_overdue(plan, today)
        plan.totals = totals[plan.pk]
    classes = class_queryset_for(user=user)
    studying = (
        enrolment_list_for(user, studying_filters(today))
        .order_by()
        .aggregate(turns=Count("id"), persons=Count("person", distinct=True))
    )
    context = {
        "today": today,
        "plans": plans,
        "running": classes.filter(start_date__lte=today, end_date__gte=today).count(),
        "upcoming": classes.filter(start_date__gt=today).count(),
        "studying": studying,
        "studying_query": f"measure=studying&to={today:%d/%m/%Y}",
        "unresulted": enrolment_list_for(user, {"measure": "unresulted", "to": today}).count(),
        "unresulted_query": f"measure=unresulted&to={today:%d/%m/%Y}",
        "sent": study_queryset_for(user=user).filter(status=StudyStatus.STUDYING).count(),
        "can_write": can_write(user),
        "reports_url": optional_url("reports:index"),
    }
    return render(request, "training/hub.html", context)
