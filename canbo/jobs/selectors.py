"""Reads of jobs: a user sees the jobs they started; the board also sees the scheduled ones (no starter)."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils import timezone

from canbo.accounts.scoping import sees_all_units

from .models import Job


def job_list(*, user):
    if not getattr(user, "is_authenticated", False):
        return Job.objects.none()
    mine = Q(created_by=user)
    if sees_all_units(user):
        mine |= Q(created_by__isnull=True)
    return Job.objects.filter(mine).select_related("created_by")


def job_get(*, user, job_id) -> Job:
    """404 for a job of someone else: its existence is not disclosed (its file carries personal data)."""
    return get_object_or_404(job_list(user=user), pk=job_id)


def job_is_stalled(job: Job, *, now=None) -> bool:
    """A running job whose worker has not signalled for a while, or a queued one no worker has taken: the page
    says so instead of spinning."""
    if job.is_finished:
        return False
    since = job.heartbeat_at or job.created_at
    return (now or timezone.now()) - since > timedelta(seconds=settings.JOB_STALE_SECONDS)
