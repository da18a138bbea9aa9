"""The module's front page (counts and shortcuts) and the due lists: reappointments, rotations, retirements."""

from django.db.models import Count
from django.shortcuts import render
from django.utils import timezone

from canbo.core.dates import REAPPOINTMENT_NOTICE_DAYS, reappointment_due_date
from canbo.people.retirement import retirement_date

from .. import services
from ..choices import AppointmentStatus
from ..selectors import (
    appointment_queryset_for,
    reappointments_due,
    retirements_within,
    rotations_ending,
)
from .access import can_write, staff_required

ROTATION_NOTICE_DAYS = 90


@staff_required
def index(request):
    user, today = request.user, timezone.localdate()
    by_status = dict(
        appointment_queryset_for(user=user).order_by().values_list("status").annotate(n=Count("pk"))
    )
    statuses = [(s, label, by_status.get(s, 0)) for s, label in AppointmentStatus.choices]
    context = {
        "statuses": statuses,
        "due": {
            "reappointments": reappointments_due(user=user, today=today).count(),
            "rotations": rotations_ending(user=user, today=today, within_days=ROTATION_NOTICE_DAYS).count(),
            "retirements": retirements_within(user=user, today=today).count(),
        },
        "can_write": can_write(user),
    }
    return render(request, "movements/index.html", context)


@staff_required
def due_lists(request):
    user, today = request.user, timezone.localdate()
    reappointments = list(reappointments_due(user=user, today=today))
    for a in reappointments:
        a.due_on = reappointment_due_date(a.term_end)
        a.extend_to = services.extension_instead(a.person, a.term_end)
    retirements = list(retirements_within(user=user, today=today))
    for p in retirements:
        p.retires_on = retirement_date(p.gender, p.date_of_birth)
    retirements.sort(key=lambda p: (p.retires_on, p.sort_key))
    context = {
        "today": today,
        "reappointments": reappointments,
        "rotations": rotations_ending(user=user, today=today, within_days=ROTATION_NOTICE_DAYS),
        "retirements": retirements,
        "notice_days": REAPPOINTMENT_NOTICE_DAYS,
        "rotation_days": ROTATION_NOTICE_DAYS,
        "can_write": can_write(user),
    }
    return render(request, "movements/due.html", context)
