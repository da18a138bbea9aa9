"""The annual plans: list, plan page (lines, achievement, allocations, workflow log and buttons) and its forms."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from canbo.core.forms import add_service_errors, service_errors
from canbo.core.paging import keyset_page
from canbo.reports.formatting import fmt_decimal
from canbo.reports.registry import get_report

from ..choices import PlanStatus
from ..forms import AllocationForm, PlanCreateForm, PlanEditForm, PlanFilterForm, PlanLineForm, TransitionForm
from ..models import PlanAllocation, PlanLine, TrainingNeed, TrainingPlan
from ..selectors import (
    PLAN_DEFAULT_SORT,
    PLAN_SORT_COLUMNS,
    line_progress,
    plan_achievement,
    plan_queryset_for,
)
from ..selectors import plan_list as select_plans
from ..services import (
    allowed_actions,
    is_drafter,
    is_overdue,
    plan_allocation_set,
    plan_create,
    plan_line_delete,
    plan_line_save,
    plan_lines_from_needs,
    plan_transition,
    plan_update,
)
from .access import (
    PAGE_SIZE,
    can_write,
    optional_url,
    staff_required,
    writer_required,
)


@staff_required
def plan_list(request):
    form = PlanFilterForm(request.GET)
    today = timezone.localdate()
    if form.is_valid():
        plans = select_plans(user=request.user, filters=form.cleaned_data, today=today)
    else:
        plans = TrainingPlan.objects.none()
    page = keyset_page(request, plans, PLAN_SORT_COLUMNS, default=PLAN_DEFAULT_SORT, size=PAGE_SIZE)
    for plan in page.object_list:
        plan.overdue = is_overdue(plan, today)
    context = {"form": form, "page": page, "can_create": can_write(request.user)}
    return render(request, "training/plan_list.html", context)


def _plan_for(request, pk):
    return get_object_or_404(plan_queryset_for(user=request.user), pk=pk)


def plan_context(request, plan, **extra) -> dict:
    user = request.user
    lines = list(plan.lines.select_related("programme", "responsible_unit"))
    actual = line_progress(plan)
    allocations: dict[int, list] = {}
    for allocation in PlanAllocation.objects.filter(line__plan=plan).select_related("unit"):
        allocations.setdefault(allocation.line_id, []).append(allocation)
    for line in lines:
        line.actual = actual.get(line.pk, 0)
        line.pct = plan_achievement(line.actual, line.target_count)
        line.pct_text = fmt_decimal(line.pct)
        line.allocation_rows = allocations.get(line.pk, [])
        line.allocated = sum(a.target_count for a in line.allocation_rows)
    target = sum(line.target_count for line in lines)
    done = sum(line.actual for line in lines)
    editable = plan.status == PlanStatus.DRAFT and is_drafter(user, plan)
    actions = allowed_actions(user, plan)
    context = {
        "plan": plan,
        "lines": lines,
        "totals": {
            "target": target,
            "actual": done,
            "budget": sum(line.budget for line in lines),
            "pct_text": fmt_decimal(plan_achievement(done, target)),
        },
        "chart": {
            "type": "bar",
            "horizontal": True,  # one row per plan line: long programme names stay readable
            "labels": [str(line) for line in lines],
            "datasets": [
                {"label": "Chỉ tiêu", "data": [line.target_count for line in lines]},
                {"label": "Thực hiện (lượt)", "data": [line.actual for line in lines]},
            ],
            "unit": "",
        },
        "overdue": is_overdue(plan),
        "transitions": list(plan.transitions.select_related("actor")),
        "transition_form": extra.get("transition_form"),
        "action_forms": _action_forms(plan, actions, extra.pop("transition_form", None)),
        "editable": editable,
        "report_url": optional_url("reports:detail", "training-plan")
        if get_report("training-plan")
        else None,
        "excel_url": optional_url("training:excel-plan", plan.pk),
        "achievement_xlsx_url": optional_url("training:excel-plan-achievement", plan.pk),
    }
    if editable:
        context["allocation_form"] = extra.pop("allocation_form", None) or AllocationForm(lines=lines)
        context["open_needs"] = TrainingNeed.objects.filter(year=plan.year, plan_line__isnull=True).count()
    context.update(extra)
    return context


def _action_forms(plan, actions, failed=None) -> list[tuple]:
    """(action, form) for each workflow button; the form that was just refused comes back with its errors."""
    pairs = []
    for action in actions:
        if failed is not None and failed.data.get("action") == action.code:
            form = failed
        else:
            form = TransitionForm(initial={"action": action.code, "version": plan.version})
        form.auto_id = f"id_{action.code}_%s"
        pairs.append((action, form))
    return pairs


@staff_required
def plan_detail(request, pk):
    plan = _plan_for(request, pk)
    return render(request, "training/plan_detail.html", plan_context(request, plan))


@writer_required
def plan_create_view(request):
    form = PlanCreateForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            plan = plan_create(
                actor=request.user,
                year=data["year"],
                owner_unit=data["owner_unit"],
                title=data["title"],
                note=data["note"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"Đã tạo {plan.title}.")
            return redirect("training:plan_detail", pk=plan.pk)
    return render(request, "training/plan_form.html", {"form": form, "plan": None})


def _plan_for_drafter(request, pk):
    plan = _plan_for(request, pk)
    if not is_drafter(request.user, plan):
        raise PermissionDenied("Chỉ đơn vị xây dựng kế hoạch được sửa kế hoạch.")
    return plan


@writer_required
def plan_edit(request, pk):
    plan = _plan_for_drafter(request, pk)
    initial = {"title": plan.title, "note": plan.note, "version": plan.version}
    form = PlanEditForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with service_errors(form, status=status) as outcome:
            plan_update(
                actor=request.user,
                plan=plan,
                data={"title": data["title"], "note": data["note"]},
                expected_version=data["version"],
            )
        if outcome.ok:
            messages.success(request, "Đã lưu kế hoạch.")
            return redirect("training:plan_detail", pk=plan.pk)
        status = outcome.status
    return render(request, "training/plan_form.html", {"form": form, "plan": plan}, status=status)


@staff_required
@require_POST
def plan_transition_view(request, pk):
    """A workflow button: the service decides who may press it (403 otherwise) and checks the step's input."""
    plan = _plan_for(request, pk)
    form = TransitionForm(request.POST)
    status = 200
    if form.is_valid():
        data = form.cleaned_data
        with service_errors(form, status=status) as outcome:
            plan_transition(
                actor=request.user,
                plan=plan,
                action=data["action"],
                comment=data["comment"],
                decision_number=data["decision_number"],
                decision_date=data["decision_date"],
                issuing_body=data["issuing_body"],
                expected_version=data["version"],
            )
        if outcome.ok:
            messages.success(request, f"Kế hoạch đã chuyển sang “{plan.get_status_display()}”.")
            return redirect("training:plan_detail", pk=plan.pk)
        status = outcome.status
    plan.refresh_from_db()
    context = plan_context(request, plan, transition_form=form)
    return render(request, "training/plan_detail.html", context, status=status)


@writer_required
def plan_line_edit(request, pk, line_pk=None):
    plan = _plan_for_drafter(request, pk)
    line = get_object_or_404(plan.lines, pk=line_pk) if line_pk else PlanLine(plan=plan)
    form = PlanLineForm(request.POST or None, instance=line)
    if request.method == "POST" and form.is_valid():
        try:
            plan_line_save(
                actor=request.user, plan=plan, data=form.service_data(), line=line if line.pk else None
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Đã lưu dòng kế hoạch.")
            return redirect("training:plan_detail", pk=plan.pk)
    return render(request, "training/line_form.html", {"form": form, "plan": plan, "line": line})


def _service_message(request, call, success: str) -> None:
    """Run a one-click write; its refusal (a ValidationError) becomes a message at the top of the plan page."""
    try:
        call()
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, success)


@writer_required
@require_POST
def plan_line_delete_view(request, pk, line_pk):
    plan = _plan_for_drafter(request, pk)
    line = get_object_or_404(plan.lines, pk=line_pk)
    _service_message(
        request, lambda: plan_line_delete(actor=request.user, line=line), "Đã xóa dòng kế hoạch."
    )
    return redirect("training:plan_detail", pk=plan.pk)


@writer_required
@require_POST
def plan_from_needs(request, pk):
    plan = _plan_for_drafter(request, pk)
    try:
        lines = plan_lines_from_needs(actor=request.user, plan=plan)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        count = len(lines)
        if count:
            messages.success(request, f"Đã tạo, cập nhật {count} dòng kế hoạch từ nhu cầu của các đơn vị.")
        else:
            messages.info(request, f"Không có nhu cầu mới của các đơn vị cho năm {plan.year}.")
    return redirect("training:plan_detail", pk=plan.pk)


@writer_required
@require_POST
def plan_allocation(request, pk):
    plan = _plan_for_drafter(request, pk)
    if plan.status != PlanStatus.DRAFT:
        messages.error(
            request, f"Kế hoạch đang ở trạng thái “{plan.get_status_display()}”: chỉ sửa khi là dự thảo."
        )
        return redirect("training:plan_detail", pk=plan.pk)
    lines = list(plan.lines.select_related("programme"))
    form = AllocationForm(request.POST, lines=lines)
    if form.is_valid():
        data = form.cleaned_data
        line = next(line for line in lines if line.pk == data["line"])
        try:
            plan_allocation_set(
                actor=request.user,
                line=line,
                unit=data["unit"],
                target_count=data["target_count"],
                budget=data["budget"] or 0,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"Đã cập nhật phân bổ chỉ tiêu cho {data['unit'].name}.")
            return redirect("training:plan_detail", pk=plan.pk)
    return render(request, "training/plan_detail.html", plan_context(request, plan, allocation_form=form))
