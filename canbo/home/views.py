from django.contrib.auth.decorators import login_required
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
from canbo.people.selectors import change_requests_pending_for, own_person
from canbo.reports.base import can_view_reports
from canbo.reports.registry import all_reports
from canbo.standards.selectors import overdue_campaigns
from canbo.surveys.selectors import pending_invitation_count
from canbo.training.selectors import dashboard_tiles as training_tiles

from .snapshot import REFRESH_MINUTES, snapshot_for
from .summary import official_summary


@login_required
def dashboard(request):
    today = timezone.localdate()
    person = own_person(request.user)
    if person is not None and not reads_cadre_work(request.user):
        context = official_summary(user=request.user, person=person, today=today)
        return render(request, "home/official.html", {"today": today, **context})
    if not reads_cadre_work(request.user):
        return render(request, "home/no_records.html", {"sysadmin": administers_system(request.user)})
    snapshot = snapshot_for(request.user)  # the heavy aggregates, stored with their time (home/snapshot.py)
    context = {
        "today": today,
        **snapshot.data,
        "computed_at": snapshot.computed_at,
        "refresh_minutes": REFRESH_MINUTES,
        "pending_requests": change_requests_pending_for(user=request.user).count(),
    }
    if can_view_reports(request.user):
        context["reports"] = [{"name": r.name, "title": r.title} for r in all_reports()]
    if reads_cadre_work(request.user):
        context.update(training_tiles(user=request.user, today=today))
        context.update(movement_tiles(user=request.user, today=today))
        context["overdue_campaigns"] = list(overdue_campaigns(user=request.user, today=today)[:5])
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
