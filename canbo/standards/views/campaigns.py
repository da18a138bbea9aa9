"""Review campaigns (seed 003): the list, creating one (which runs it), the campaign's page with its counts,
findings and, after the deadline, who is still short; running it again, re-checking, the Excel export."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from canbo.core.forms import add_service_errors
from canbo.core.paging import keyset_page
from canbo.jobs.views import export_view
from canbo.people.choices import PersonnelCategory

from .. import services
from ..exports import FINDINGS_EXPORT
from ..forms import CampaignForm, FindingFilterForm, RecheckForm
from ..jobs import campaign_create_start, campaign_recheck_start, campaign_run_start
from ..selectors import (
    CAMPAIGN_DEFAULT_SORT,
    CAMPAIGN_SORT_COLUMNS,
    FINDING_DEFAULT_SORT,
    FINDING_SORT_COLUMNS,
    campaign_counts,
    campaign_queryset_for,
    campaign_units,
    can_manage_campaign,
    finding_queryset_for,
)
from .access import PAGE_SIZE, can_write, staff_required, writer_required

STARTED = "Đã bắt đầu rà soát; kết quả có ở trang này khi xong, có thể rời trang."


@staff_required
def campaign_list(request):
    campaigns = campaign_queryset_for(user=request.user)
    page = keyset_page(
        request, campaigns, CAMPAIGN_SORT_COLUMNS, default=CAMPAIGN_DEFAULT_SORT, size=PAGE_SIZE
    )
    context = {"page": page, "can_create": can_write(request.user), "section": "campaigns"}
    return render(request, "standards/campaign_list.html", context)


@writer_required
def campaign_create(request):
    """The form is checked here (errors next to the fields); the campaign is created and run by a job, since
    reviewing its scope may check thousands of people."""
    form = CampaignForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.review_campaign_check(actor=request.user, **form.service_data())
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            job = campaign_create_start(actor=request.user, post=request.POST)
            messages.info(request, STARTED)
            return redirect("jobs:detail", job_id=job.pk)
    return render(request, "standards/campaign_form.html", {"form": form, "section": "campaigns"})


def _campaign(request, pk):
    return get_object_or_404(campaign_queryset_for(user=request.user), pk=pk)


@staff_required
def campaign_detail(request, pk: int):
    campaign = _campaign(request, pk)
    today = timezone.localdate()
    overdue = today > campaign.deadline
    chosen = any(name in request.GET for name in ("open", "all"))  # sorting or paging keeps the default
    filters = FindingFilterForm(request.GET if chosen else ({"open": "on"} if overdue else None))
    only_open = filters.is_valid() and filters.cleaned_data["open"]
    findings = finding_queryset_for(user=request.user, campaign=campaign)
    if only_open:
        findings = findings.filter(resolved_on__isnull=True)
    context = {
        "campaign": campaign,
        "categories": [
            PersonnelCategory(c).label for c in campaign.categories if c in PersonnelCategory.values
        ],
        "counts": campaign_counts(user=request.user, campaign=campaign),
        "units": campaign_units(user=request.user, campaign=campaign),
        "page": keyset_page(
            request, findings, FINDING_SORT_COLUMNS, default=FINDING_DEFAULT_SORT, size=PAGE_SIZE
        ),
        "filters": filters,
        "only_open": only_open,
        "overdue": overdue,
        "can_manage": can_manage_campaign(request.user, campaign),
        "recheck_form": RecheckForm(initial={"on": today}),
        "section": "campaigns",
    }
    return render(request, "standards/campaign_detail.html", context)


def _managed(request, pk):
    campaign = _campaign(request, pk)
    if not can_manage_campaign(request.user, campaign):
        raise PermissionDenied(
            "Chỉ cán bộ tổ chức của đơn vị tổ chức rà soát (hoặc Ban Tổ chức) được thực hiện."
        )
    return campaign


@require_POST
@staff_required
def campaign_run(request, pk: int):
    campaign = _managed(request, pk)
    job = campaign_run_start(actor=request.user, campaign=campaign)
    messages.info(request, STARTED)
    return redirect("jobs:detail", job_id=job.pk)


@require_POST
@staff_required
def campaign_recheck(request, pk: int):
    campaign = _managed(request, pk)
    form = RecheckForm(request.POST)
    if not form.is_valid():
        messages.error(request, "; ".join(e for errors in form.errors.values() for e in errors))
        return redirect("standards:campaign_detail", pk=campaign.pk)
    try:
        services.review_campaign_recheck_on(campaign=campaign, on=form.cleaned_data.get("on"))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("standards:campaign_detail", pk=campaign.pk)
    job = campaign_recheck_start(actor=request.user, campaign=campaign, post=request.POST)
    messages.info(request, STARTED)
    return redirect("jobs:detail", job_id=job.pk)


@staff_required
@require_http_methods(["GET", "POST"])
def campaign_export(request, pk: int):
    """The findings in the user's units (open=1: still short) as .xlsx, written by a job on the queue."""
    campaign = _campaign(request, pk)
    query = f"campaign={campaign.pk}" + ("&open=1" if request.GET.get("open") else "")
    return export_view(request, FINDINGS_EXPORT, query=query)
