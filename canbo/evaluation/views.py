"""Pages of the annual rating (/danh-gia/): campaigns, a campaign's sheets per unit, the sheet page with the
steps the user may take, the official's own sheets, and the Excel export of a campaign's results."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from canbo.accounts.scoping import can_edit_unit, editable_units
from canbo.core.exceptions import ConflictError
from canbo.core.forms import add_service_errors
from canbo.jobs.views import export_view

from . import deliverables, services
from .deliverables import can_edit_deliverables
from .exports import CAMPAIGN_EXPORT
from .forms import ACTIONS, CampaignForm, DeliverableForm
from .selectors import (
    campaign_get_for_user,
    campaign_queryset_for,
    campaign_summary,
    deliverable_get_for_user,
    my_sheets,
    reads_cadre_work,
    sheet_get_for_user,
    sheet_list,
    sheet_tasks_score,
)

PAGE_SIZE = 100
SERVICE_ARGS = {"decided_on", "decision_number", "general", "tasks", "level", "note", "text"}


@login_required
@require_http_methods(["GET", "POST"])
def index(request):
    units = editable_units(request.user).order_by("path")
    writer = units.exists()
    form = CampaignForm(request.POST or None, units=units)
    if request.method == "POST":
        if not writer:
            raise PermissionDenied(services.NOT_YOUR_UNIT)
        if form.is_valid():
            try:
                campaign = services.campaign_open(actor=request.user, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(
                    request, f"Đã mở đợt đánh giá năm {campaign.year}: {campaign.sheets.count()} phiếu."
                )
                return redirect("evaluation:campaign_detail", campaign.pk)
    context = {
        "campaigns": campaign_queryset_for(user=request.user).order_by("-year", "unit__path"),
        "form": form if writer else None,
        "staff": reads_cadre_work(request.user),
        "has_sheets": my_sheets(user=request.user).exists(),
    }
    return render(request, "evaluation/index.html", context)


@login_required
def campaign_detail(request, pk):
    campaign = campaign_get_for_user(user=request.user, pk=pk)
    if not reads_cadre_work(request.user):
        return redirect("evaluation:my_sheets")
    sheets = sheet_list(user=request.user, campaign=campaign, filters={"status": request.GET.get("status")})
    page = Paginator(sheets, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "campaign": campaign,
        "summary": campaign_summary(user=request.user, campaign=campaign),
        "page": page,
        "can_close": campaign.status == "OPEN" and can_edit_unit(request.user, campaign.unit),
    }
    return render(request, "evaluation/campaign_detail.html", context)


@login_required
@require_POST
def campaign_close(request, pk):
    campaign = campaign_get_for_user(user=request.user, pk=pk)
    try:
        services.campaign_close(
            actor=request.user, campaign=campaign, expected_version=_int(request.POST.get("version"))
        )
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, "Đã kết thúc đợt đánh giá.")
    return redirect("evaluation:campaign_detail", campaign.pk)


@login_required
@require_http_methods(["GET", "POST"])
def campaign_xlsx(request, pk):
    """The campaign's results as .xlsx, written by a job."""
    campaign = campaign_get_for_user(user=request.user, pk=pk)
    if not reads_cadre_work(request.user):
        raise PermissionDenied("Anh/chị không có quyền xuất kết quả đánh giá của đơn vị.")
    return export_view(
        request,
        CAMPAIGN_EXPORT,
        query=urlencode({"campaign": campaign.pk}),
        title=f"Kết quả đánh giá, xếp loại năm {campaign.year} – {campaign.unit.name}",
        filename=f"xep-loai-{campaign.year}-{campaign.unit.code}-{{date}}.xlsx",
    )


@login_required
def my_sheets_view(request):
    return render(request, "evaluation/my_sheets.html", {"sheets": my_sheets(user=request.user)})


def _shaped(form, computed):
    """With deliverables, the tasks score is computed: the field is not offered."""
    if computed is not None:
        form.fields.pop("tasks", None)
    return form


def _forms_for(user, sheet, computed, bound=None):
    forms = {}
    for action in services.sheet_actions(user, sheet):
        form_class, label = ACTIONS[action]
        if bound and bound[0] == action:
            forms[action] = (bound[1], label)
        else:
            forms[action] = (_shaped(form_class(initial=_initial(action, sheet)), computed), label)
    return forms


def _initial(action, sheet) -> dict:
    initial = {"version": sheet.version}
    if action == "self-assess":
        initial.update(level=sheet.self_level, text=sheet.self_text)
    elif action == "facts":
        initial.update(
            months_worked=sheet.months_worked,
            leave_months=sheet.leave_months,
            maternity=sheet.maternity,
            duty_group=sheet.duty_group,
            unit_corruption_note=sheet.unit_corruption_note,
            unit_results_percent=sheet.unit_results_percent,
            organisation_percent=sheet.organisation_percent,
        )
    elif action == "propose":
        initial.update(
            level=sheet.proposed_level or sheet.self_level,
            general=sheet.proposed_general,
            tasks=sheet.proposed_tasks,
            note=sheet.proposal_note,
        )
    elif action == "decide":
        initial.update(
            level=sheet.level or sheet.proposed_level,
            general=sheet.score_general or sheet.proposed_general,
            tasks=sheet.score_tasks or sheet.proposed_tasks,
            decision_number=sheet.decision_number,
            decided_on=sheet.decided_on,
            degradation=sheet.degradation_finding,
            degradation_note=sheet.degradation_note,
        )
    return initial


def _render_sheet(request, sheet, bound=None, status=200, deliverable_form=None):
    computed = sheet_tasks_score(sheet=sheet)
    editable = can_edit_deliverables(request.user, sheet)
    if editable and deliverable_form is None:
        deliverable_form = DeliverableForm(initial={"version": sheet.version})
    context = {
        "sheet": sheet,
        "person": sheet.person,
        "forms": _forms_for(request.user, sheet, computed, bound),
        "facts": services.facts_for(sheet),
        "staff": reads_cadre_work(request.user),
        "deliverables": sheet.deliverables.all(),
        "computed_tasks": computed,
        "deliverable_form": deliverable_form if editable else None,
    }
    return render(request, "evaluation/sheet_detail.html", context, status=status)


@login_required
def sheet_detail(request, pk):
    return _render_sheet(request, sheet_get_for_user(user=request.user, pk=pk))


@login_required
@require_POST
def sheet_action(request, pk, action):
    sheet = sheet_get_for_user(user=request.user, pk=pk)
    if action not in ACTIONS:
        raise PermissionDenied("Thao tác không hợp lệ.")
    form = _shaped(ACTIONS[action][0](request.POST), sheet_tasks_score(sheet=sheet))
    if form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version", None)
        call = {
            "self-assess": services.sheet_self_assess,
            "propose": services.sheet_propose,
            "decide": services.sheet_decide,
            "facts": services.sheet_set_facts,
        }[action]
        try:
            call(actor=request.user, sheet=sheet, expected_version=version, **data)
        except ConflictError as exc:
            form.add_error(None, exc.messages[0])
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"Đã lưu: {ACTIONS[action][1].lower()}.")
            return redirect("evaluation:sheet_detail", sheet.pk)
        sheet = sheet_get_for_user(user=request.user, pk=pk)
    return _render_sheet(request, sheet, bound=(action, form), status=400)


def _int(value):
    try:
        return int(value) if value else None
    except ValueError:
        return None


def _deliverable_data(form) -> tuple[dict, int | None]:
    data = dict(form.cleaned_data)
    return data, data.pop("version", None)


@login_required
@require_POST
def deliverable_add(request, pk):
    sheet = sheet_get_for_user(user=request.user, pk=pk)
    form = DeliverableForm(request.POST)
    if form.is_valid():
        data, version = _deliverable_data(form)
        try:
            deliverables.deliverable_add(actor=request.user, sheet=sheet, data=data, expected_version=version)
        except ConflictError as exc:
            form.add_error(None, exc.messages[0])
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Đã thêm sản phẩm, nhiệm vụ.")
            return redirect("evaluation:sheet_detail", sheet.pk)
        sheet = sheet_get_for_user(user=request.user, pk=pk)
    return _render_sheet(request, sheet, status=400, deliverable_form=form)


@login_required
@require_http_methods(["GET", "POST"])
def deliverable_edit(request, pk):
    item = deliverable_get_for_user(user=request.user, pk=pk)
    sheet = item.sheet
    if not can_edit_deliverables(request.user, sheet):
        raise PermissionDenied(deliverables.NOT_ALLOWED)
    initial = {name: getattr(item, name) for name in DeliverableForm.base_fields if name != "version"}
    form = DeliverableForm(request.POST or None, initial={**initial, "version": sheet.version})
    if request.method == "POST" and form.is_valid():
        data, version = _deliverable_data(form)
        try:
            deliverables.deliverable_update(
                actor=request.user, deliverable=item, data=data, expected_version=version
            )
        except ConflictError as exc:
            form.add_error(None, exc.messages[0])
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Đã sửa sản phẩm, nhiệm vụ.")
            return redirect("evaluation:sheet_detail", sheet.pk)
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "item": item, "sheet": sheet}
    return render(request, "evaluation/deliverable_form.html", context, status=status)


@login_required
@require_POST
def deliverable_delete(request, pk):
    item = deliverable_get_for_user(user=request.user, pk=pk)
    try:
        deliverables.deliverable_delete(
            actor=request.user, deliverable=item, expected_version=_int(request.POST.get("version"))
        )
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, "Đã xóa sản phẩm, nhiệm vụ.")
    return redirect("evaluation:sheet_detail", item.sheet_id)
