from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import timezone

from canbo.people.choices import PersonStatus
from canbo.people.selectors import change_requests_pending_for, person_queryset_for


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
    return render(request, "core/dashboard.html", context)


def health(request):
    return JsonResponse({"status": "ok"})
