"""Training needs of the plan (list, counts, one click to next year's plan), the gap list behind the
planning-gaps report, and the Excel exports."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from canbo.accounts.scoping import editable_units
from canbo.core.forms import add_service_errors
from canbo.jobs.views import export_view
from canbo.people.choices import QualificationScale, level_label, level_rank
from canbo.reports.formatting import fmt_date
from canbo.training.choices import PlanStatus
from canbo.training.models import TrainingPlan

from .. import exports, services
from ..forms import GapListForm, NeedsProposeForm
from ..gaps import TIERS, gap_persons
from ..needs import training_needs
from .access import as_of, export_url, page_of, query_without_page, reader_required, term_for


def _draft_plans(user, year: int):
    return TrainingPlan.objects.filter(
        year=year, status=PlanStatus.DRAFT, owner_unit__in=editable_units(user)
    ).select_related("owner_unit")


def _plan_create_url():
    from django.urls import NoReverseMatch, reverse

    try:
        return reverse("training:plan_create")
    except NoReverseMatch:
        return None


@reader_required
def needs(request, pk):
    term = term_for(request, pk)
    on, as_of_form = as_of(request)
    plans = _draft_plans(request.user, on.year + 1)
    form = NeedsProposeForm(request.POST or None, plans=plans, initial={"on": on})
    if request.method == "POST":
        if not editable_units(request.user).exists():
            raise PermissionDenied("Anh/chị chỉ có quyền xem nhu cầu đào tạo.")
        if form.is_valid():
            on = form.cleaned_data["on"] or on
            plan = form.cleaned_data["plan"]
            try:
                lines = services.training_lines_propose(actor=request.user, term=term, plan=plan, on=on)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, f"Đã đưa {len(lines)} dòng nhu cầu vào {plan.title}.")
                return redirect("training:plan_detail", pk=plan.pk)
    result = training_needs(user=request.user, term=term, on=on)
    context = {
        "term": term,
        "on": on,
        "as_of_form": as_of_form,
        "needs": result,
        "page": page_of(request, result.items),
        "query": query_without_page(request),
        "form": form if editable_units(request.user).exists() else None,
        "next_year": on.year + 1,
        "plan_create_url": _plan_create_url(),
        "export_url": export_url("planning:needs_export", term, on),
    }
    return render(request, "planning/needs.html", context, status=400 if form.errors else 200)


def _term_export(request, pk, key: str, page: str):
    """A term's export as a job: the term in the user's reach (404), its "tính đến ngày" valid (else back to
    the page, which shows the error); GET shows what will be exported, POST starts the job."""
    term = term_for(request, pk)
    _on, form = as_of(request)
    on_text = request.GET.get("on", "")
    if form.is_bound and not form.is_valid():
        return redirect(reverse(page, args=[term.pk]) + "?" + urlencode({"on": on_text}))
    return export_view(request, key, query=urlencode({"term": term.pk, "on": on_text}))


@reader_required
@require_http_methods(["GET", "POST"])
def needs_export(request, pk):
    return _term_export(request, pk, exports.NEEDS_EXPORT, "planning:needs")


@reader_required
@require_http_methods(["GET", "POST"])
def plan_export(request, pk):
    return _term_export(request, pk, exports.PLAN_EXPORT, "planning:term_detail")


def _gap_filters(request) -> str:
    query = request.GET.copy()
    for name in ("page", "export"):
        query.pop(name, None)
    return query.urlencode()


@reader_required
def gap_list(request):
    if request.GET.get("export") == "xlsx":  # the address of the old direct download
        query = _gap_filters(request)
        return redirect(reverse("planning:gaps_export") + (f"?{query}" if query else ""))
    form = GapListForm(request.GET or None, user=request.user)
    params = form.params()
    if params is None:
        return render(request, "planning/gaps.html", {"form": form, "page": None}, status=400)
    persons = (
        gap_persons(
            user=request.user,
            on=params["on"],
            terms=params["terms"],
            scale=params["scale"],
            rank=level_rank(params["scale"], params["level"]),
            org=params["org"],
            tier=params["tier"],
        )
        .select_related("current_unit", "position")
        .order_by("sort_key", "pk")
    )
    tiers = [params["tier"]] if params["tier"] else TIERS
    page = page_of(request, persons)
    for person in page.object_list:
        person.tier_marks = exports.tier_marks(person, tiers)
        person.held = level_label(params["scale"], person.held_level) if person.held_level else "Chưa có"
    context = {
        "form": form,
        "page": page,
        "query": query_without_page(request),
        "params": params,
        "what": f"{level_label(params['scale'], params['level']).lower()} "
        f"{QualificationScale(params['scale']).label.lower()}",
        "on_text": fmt_date(params["on"]),
        "export_url": reverse("planning:gaps_export") + "?" + _gap_filters(request),
    }
    return render(request, "planning/gaps.html", context)


@reader_required
@require_http_methods(["GET", "POST"])
def gaps_export(request):
    """The whole gap list as .xlsx, written by a job on the queue; wrong filters go back to the list."""
    query = _gap_filters(request)
    if GapListForm(request.GET or None, user=request.user).params() is None:
        return redirect(reverse("planning:gaps") + (f"?{query}" if query else ""))
    return export_view(request, exports.GAPS_EXPORT, query=query)
