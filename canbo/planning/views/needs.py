"""Training needs of the plan (list, counts, one click to next year's plan), the gap list behind the
planning-gaps report, and the Excel exports."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone

from canbo.accounts.scoping import editable_units, visible_units
from canbo.org.forms import add_service_errors
from canbo.people.choices import QualificationScale, level_label, level_rank
from canbo.reports.formatting import fmt_date

from .. import exports, services
from ..forms import GapListForm, NeedsProposeForm
from ..gaps import TIERS, gap_persons, gap_terms
from ..models import PlanningTerm
from ..needs import training_needs
from ..selectors import plan_composition, plan_entries_on, scope_condition
from .common import as_of, page_of, query_without_page, reader_required, term_for


def _draft_plans(user, year: int):
    from canbo.training.choices import PlanStatus
    from canbo.training.models import TrainingPlan

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
    }
    return render(request, "planning/needs.html", context, status=400 if form.errors else 200)


@reader_required
def needs_export(request, pk):
    term = term_for(request, pk)
    on, _form = as_of(request)
    result = training_needs(user=request.user, term=term, on=on)
    return exports.needs_response(result)


@reader_required
def plan_export(request, pk):
    term = term_for(request, pk)
    on, _form = as_of(request)
    table = plan_composition(user=request.user, term=term, on=on)
    entries = (
        plan_entries_on(term=term, on=on)
        .filter(scope_condition(user=request.user))
        .select_related(
            "post__unit", "post__position", "person__current_unit", "person__position", "approved_by"
        )
        .order_by("post__unit__path", "-post__position__tier", "post_id", "person__sort_key")
    )
    return exports.plan_response(table, entries)


def _gap_query(request):
    """(params, errors) of the gap list: date, terms, scale and level, tier, unit."""
    form = GapListForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return None, form
    data = form.cleaned_data if form.is_bound else {}
    on = data.get("on") or timezone.localdate()
    scale = data.get("scale") or QualificationScale.POLITICAL_THEORY
    level = data.get("level") or ("CAO_CAP" if scale == QualificationScale.POLITICAL_THEORY else "")
    if level_rank(scale, level) is None:
        form.add_error("level", f"Chọn một trình độ của loại “{QualificationScale(scale).label}”.")
        return None, form
    term = None
    if data.get("term"):
        term = PlanningTerm.objects.filter(code=data["term"]).first()
        if term is None:
            form.add_error("term", f"Không có nhiệm kỳ quy hoạch “{data['term']}”.")
            return None, form
    org = None
    if data.get("org"):
        org = visible_units(request.user).filter(code=data["org"]).first()
        if org is None:
            raise Http404("Không tìm thấy đơn vị trong phạm vi được xem.")
    params = {"on": on, "terms": gap_terms(on, term), "scale": scale, "level": level, "org": org}
    params["tier"] = data.get("tier") or None
    return params, form


@reader_required
def gap_list(request):
    params, form = _gap_query(request)
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
    if request.GET.get("export") == "xlsx":
        return exports.gaps_response(persons, tiers, params)
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
    }
    return render(request, "planning/gaps.html", context)
