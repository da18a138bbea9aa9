"""Reads of the surveys app, scoped: surveys (not personal data) for staff; invitations by the unit of the
invited person; an official sees only their own invitations."""

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from canbo.accounts.access import reads_cadre_work
from canbo.accounts.models import Role
from canbo.accounts.scoping import has_role, personal_rows_q, scoped, unit_visibility_q

from .choices import SurveyStatus
from .models import Invitation, Survey
from .services import NOT_YOURS


def survey_queryset_for(*, user):
    """Staff read every survey (board: drafts too); others none."""
    if not reads_cadre_work(user):
        return Survey.objects.none()
    qs = Survey.objects.all()
    if not has_role(user, Role.PROVINCE_BOARD, Role.UNIT_OFFICER):
        qs = qs.exclude(status=SurveyStatus.DRAFT)
    return qs


def survey_list(*, user):
    return survey_queryset_for(user=user).annotate(question_count=Count("questions", distinct=True))


def survey_get_for_user(*, user, pk) -> Survey:
    return get_object_or_404(survey_queryset_for(user=user), pk=pk)


def invitation_queryset_for(*, user):
    """Invitations (who was asked) of the people the user's units manage (decision 018)."""
    return scoped(Invitation.objects.all(), personal_rows_q(user), allowed=reads_cadre_work(user))


def _invitation_counts_queryset_for(*, user):
    """Invitations to count (never to list): by the unit at invitation, as the units read their own past."""
    return scoped(
        Invitation.objects.all(), unit_visibility_q(user, "unit__path"), allowed=reads_cadre_work(user)
    )


def invitation_list(*, user, survey: Survey, answered: bool | None = None):
    qs = invitation_queryset_for(user=user).filter(survey=survey)
    if answered is not None:
        qs = qs.filter(answered_at__isnull=not answered)
    return qs.select_related("person", "unit").order_by("unit__path", "person__sort_key", "id")


def invitation_counts(*, user, survey: Survey) -> dict:
    return (
        _invitation_counts_queryset_for(user=user)
        .filter(survey=survey)
        .aggregate(invited=Count("id"), answered=Count("id", filter=Q(answered_at__isnull=False)))
    )


def my_invitations(*, user):
    """The official's own invitations to surveys that are open or closed (drafts are not sent yet)."""
    if not getattr(user, "is_authenticated", False):
        return Invitation.objects.none()
    return (
        Invitation.objects.filter(person__user=user)
        .exclude(survey__status=SurveyStatus.DRAFT)
        .select_related("survey")
        .order_by("answered_at", "-survey__year", "survey__closes_on", "id")
    )


def my_invitation_get(*, user, pk) -> Invitation:
    """The user's own invitation. Another person's: 403 when the user may read it as staff (nobody answers for
    someone else), else 404 (its existence is not disclosed)."""
    invitation = (
        my_invitations(user=user).select_related("person", "person__current_unit", "unit").filter(pk=pk)
    )
    found = invitation.first()
    if found is not None:
        return found
    if invitation_queryset_for(user=user).filter(pk=pk).exists():
        raise PermissionDenied(NOT_YOURS)
    raise Http404


def pending_invitation_count(*, user) -> int:
    """For the dashboard tile: the user's own questionnaires still to answer in an open survey."""
    from django.utils import timezone

    today = timezone.localdate()
    return (
        my_invitations(user=user)
        .filter(
            answered_at__isnull=True,
            survey__status=SurveyStatus.OPEN,
            survey__opens_on__lte=today,
            survey__closes_on__gte=today,
        )
        .count()
    )
