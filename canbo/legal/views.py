"""The board's "Căn cứ pháp lý" page: every registered rule in force on a chosen date with its source, grouped
by area; a correction appends a new dated version (canbo.core.rulebook.rule_version_append, audited)."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from canbo.accounts.access import require_board
from canbo.core.rulebook import dated_tables_in_force, rule_model, rule_version_append, rules_in_force

from .forms import CorrectionForm, OnDateForm
from .present import render_value, to_editable, vocabulary

BOARD_ONLY = "Chỉ Ban Tổ chức Tỉnh ủy / Sở Nội vụ xem và sửa căn cứ pháp lý của các quy định."


def _value_text(value) -> str:
    """The value for the correction form, with the page's Vietnamese names (the page shows it readably)."""
    return json.dumps(to_editable(value), ensure_ascii=False, indent=2)


def _readable(rows) -> list:
    """[(row, readable value)], the codes named from the choices of the row's app first."""
    terms: dict[str, dict] = {}
    shown = []
    for row in rows:
        app = row._meta.app_label
        if app not in terms:
            terms[app] = vocabulary(app)
        shown.append((row, render_value(row.value, terms[app])))
    return shown


def _admin_url(row) -> str:
    """A dated table's row is corrected in the admin (its own columns); no link where the admin has no page."""
    try:
        return reverse(f"admin:{row._meta.app_label}_{row._meta.model_name}_change", args=[row.pk])
    except NoReverseMatch:
        return ""


@login_required
def rule_list(request):
    require_board(request.user, BOARD_ONLY)
    form = OnDateForm(request.GET or {"on": timezone.localdate().strftime("%d/%m/%Y")})
    on = form.cleaned_data["on"] if form.is_valid() else timezone.localdate()
    grouped: dict[str, list] = {}
    for area, rows in rules_in_force(on):
        for row, value in _readable(rows):
            correct = reverse("legal:rule_correct", args=[row._meta.label_lower, row.code])
            grouped.setdefault(area, []).append((row, row.label, row.code, value, correct))
    for area, rows in dated_tables_in_force(on):
        terms = vocabulary(rows[0][0]._meta.app_label)
        for row, label, value in rows:
            grouped.setdefault(area, []).append((row, label, "", render_value(value, terms), _admin_url(row)))
    areas = sorted(grouped.items())
    return render(
        request,
        "legal/rule_list.html",
        {"form": form, "on": on, "areas": areas},
        status=200 if form.is_valid() else 400,
    )


@login_required
@require_http_methods(["GET", "POST"])
def rule_correct(request, label, code):
    require_board(request.user, BOARD_ONLY)
    try:
        model = rule_model(label)
    except LookupError:
        raise Http404 from None
    current = model.objects.filter(code=code).order_by("-valid_from").first()
    if current is None:
        raise Http404
    initial = {"value": _value_text(current.value), "legal_basis": current.legal_basis}
    form = CorrectionForm(request.POST or None, initial=initial, like=current.value)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                rule_version_append(actor=request.user, model=model, code=code, **form.cleaned_data)
            except ValidationError as exc:
                for field, errors in exc.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                messages.success(request, f"Đã thêm phiên bản mới của quy định “{current.label}”.")
                return redirect(f"/can-cu-phap-ly/?on={form.cleaned_data['valid_from']:%d/%m/%Y}")
    history = _readable(model.objects.filter(code=code).order_by("valid_from"))
    context = {"form": form, "current": current, "history": history, "model": model}
    return render(request, "legal/rule_correct.html", context, status=status)
