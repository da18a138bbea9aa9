"""Review campaigns' bulk checks as jobs on the queue: creating a campaign (which reviews everyone in its scope),
reviewing again on the review date, re-checking after the deadline. A provincial campaign checks thousands of
people, so the pages queue the work and show the job's page; each job re-validates the page's form as the user
who clicked, then runs the one service (all or nothing) and links back to the campaign.

The API's doors call the same services directly (they answer with the campaign)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import QueryDict
from django.urls import reverse

from canbo.jobs.models import Job
from canbo.jobs.registry import JobFailed, register
from canbo.jobs.services import job_record_result, job_submit
from canbo.reports.formatting import fmt_int

from . import services
from .forms import CampaignForm, RecheckForm
from .models import ReviewCampaign
from .selectors import campaign_queryset_for

CREATE = "standards.campaign_create"
RUN = "standards.campaign_run"
RECHECK = "standards.campaign_recheck"
NOT_FOUND = "Không tìm thấy đợt rà soát trong phạm vi anh/chị được xem."


def _form_data(post) -> str:
    data = post.copy()
    data.pop("csrfmiddlewaretoken", None)
    return data.urlencode()


def campaign_create_start(*, actor, post) -> Job:
    """Queue the creation of the campaign the (valid, checked) form describes."""
    return job_submit(
        kind=CREATE,
        title=f"Tạo đợt rà soát tiêu chuẩn: {post.get('name', '')}",
        actor=actor,
        params={"data": _form_data(post)},
    )


def campaign_run_start(*, actor, campaign: ReviewCampaign) -> Job:
    return job_submit(
        kind=RUN,
        title=f"Rà soát lại: {campaign.name}",
        actor=actor,
        params={"campaign": campaign.pk},
    )


def campaign_recheck_start(*, actor, campaign: ReviewCampaign, post) -> Job:
    return job_submit(
        kind=RECHECK,
        title=f"Kiểm tra lại: {campaign.name}",
        actor=actor,
        params={"campaign": campaign.pk, "data": _form_data(post)},
    )


def _messages(exc) -> str:
    if isinstance(exc, PermissionDenied):
        return str(exc)
    if hasattr(exc, "error_dict"):
        return " ".join(m for messages in exc.message_dict.values() for m in messages)
    return " ".join(exc.messages)


def _link(job, campaign: ReviewCampaign, **result) -> None:
    job.result = {
        **job.result,
        **result,
        "link": reverse("standards:campaign_detail", args=[campaign.pk]),
        "link_label": "Xem đợt rà soát",
    }


def _campaign(job) -> ReviewCampaign:
    campaign = campaign_queryset_for(user=job.created_by).filter(pk=job.params.get("campaign")).first()
    if campaign is None:
        raise JobFailed(NOT_FOUND)
    return campaign


def _invalid(form) -> JobFailed:
    return JobFailed(" ".join(e for errors in form.errors.values() for e in errors))


def run_campaign_create(job, progress) -> None:
    campaign = ReviewCampaign.objects.filter(pk=job.result.get("campaign")).first()
    if campaign is None:  # not created by an earlier run whose worker died before recording it
        form = CampaignForm(QueryDict(job.params.get("data", "")), user=job.created_by)
        if not form.is_valid():
            raise _invalid(form)
        progress("Đang rà soát tiêu chuẩn", 0, 0, unit="người")
        try:
            with transaction.atomic():
                campaign = services.review_campaign_create(actor=job.created_by, **form.service_data())
                job_record_result(job, campaign=campaign.pk)
        except (ValidationError, PermissionDenied) as exc:
            raise JobFailed("Chưa tạo được đợt rà soát: " + _messages(exc)) from None
    count = campaign.findings.count()
    job.message = f"Đã tạo đợt rà soát “{campaign.name}”: {fmt_int(count)} người chưa đạt tiêu chuẩn."
    _link(job, campaign, findings=count)


def run_campaign_run(job, progress) -> None:
    campaign = _campaign(job)
    progress("Đang rà soát tiêu chuẩn", 0, 0, unit="người")
    try:
        count = services.review_campaign_run(actor=job.created_by, campaign=campaign)  # repeatable
    except (ValidationError, PermissionDenied) as exc:
        raise JobFailed("Chưa rà soát lại được: " + _messages(exc)) from None
    job.message = f"Đã rà soát lại tại ngày {campaign.review_date:%d/%m/%Y}: {fmt_int(count)} người chưa đạt."
    _link(job, campaign, findings=count)


def run_campaign_recheck(job, progress) -> None:
    campaign = _campaign(job)
    result = job.result.get("recheck")
    if result is None:  # not done by an earlier run whose worker died before recording it
        form = RecheckForm(QueryDict(job.params.get("data", "")))
        if not form.is_valid():
            raise _invalid(form)
        progress("Đang kiểm tra lại", 0, 0, unit="người")
        try:
            with transaction.atomic():
                result = services.review_campaign_recheck(
                    actor=job.created_by, campaign=campaign, on=form.cleaned_data.get("on")
                )
                job_record_result(job, recheck=result)
        except (ValidationError, PermissionDenied) as exc:
            raise JobFailed("Chưa kiểm tra lại được: " + _messages(exc)) from None
        campaign.refresh_from_db()
    job.message = (
        f"Đã kiểm tra lại ngày {campaign.rechecked_on:%d/%m/%Y}: {fmt_int(result['resolved'])} người đã "
        f"khắc phục, {fmt_int(result['still_short'])} người còn chưa đạt."
    )
    _link(job, campaign)


register(CREATE, run=run_campaign_create)
register(RUN, run=run_campaign_run)
register(RECHECK, run=run_campaign_recheck)
