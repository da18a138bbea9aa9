"""Downloading a person's form (SYLL or 2C, PDF or Word) and starting a unit's batch."""

from datetime import date

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from canbo.accounts.access import records_cadre_work
from canbo.accounts.scoping import visible_units
from canbo.core.client_ip import client_ip
from canbo.dossier.selectors import may_see_sensitive
from canbo.people.selectors import person_get_for_user

from .batch import NO_ACCESS, batch_start
from .layouts import FORMS
from .services import FORMATS, form_copies_log, profile_form_render

DATE_INPUTS = ["%d/%m/%Y", "%Y-%m-%d"]


def _not_future(value: date) -> date:
    if value > timezone.localdate():
        raise forms.ValidationError("Ngày tính đến không được sau hôm nay.")
    return value


class AsOfForm(forms.Form):
    ngay = forms.DateField(
        label="Tính đến ngày", required=False, input_formats=DATE_INPUTS, validators=[_not_future]
    )


class BatchForm(forms.Form):
    unit = forms.ModelChoiceField(label="Đơn vị", queryset=None, to_field_name="code")
    form = forms.ChoiceField(label="Mẫu", choices=[(k, v[0]) for k, v in FORMS.items()])
    format = forms.ChoiceField(label="Định dạng", choices=[(k, v[0]) for k, v in FORMATS.items()])
    ngay = forms.DateField(
        label="Tính đến ngày", required=False, input_formats=DATE_INPUTS, validators=[_not_future]
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = visible_units(user).order_by("path")


@login_required
def form_download(request, uuid, form_key: str, fmt: str):
    """Anyone who may read the person (officer, leader, board in scope; the official their own) gets the form;
    a person outside the user's scope is a 404. Copies of someone else's form are logged."""
    if form_key not in FORMS or fmt not in FORMATS:
        raise Http404
    person = person_get_for_user(user=request.user, uuid=uuid)
    as_of = AsOfForm(request.GET)
    if not as_of.is_valid():
        return HttpResponse(
            " ".join(as_of.errors["ngay"]), status=400, content_type="text/plain; charset=utf-8"
        )
    on = as_of.cleaned_data["ngay"] or timezone.localdate()
    rendered = profile_form_render(
        person=person,
        form_key=form_key,
        fmt=fmt,
        on=on,
        sensitive=may_see_sensitive(user=request.user, person=person),
    )
    form_copies_log(
        user=request.user, persons=[person], form_key=form_key, fmt=fmt, on=on, remote_addr=client_ip(request)
    )
    response = HttpResponse(rendered.content, content_type=rendered.content_type)
    disposition = "inline" if fmt == "pdf" else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{rendered.filename}"'
    response["Cache-Control"] = "no-store"
    response["X-Render-Seconds"] = f"{rendered.seconds:.3f}"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def batch(request):
    """A unit's forms as one ZIP (officers and the board: a batch is a copy of many dossiers)."""
    if not records_cadre_work(request.user):
        raise PermissionDenied(NO_ACCESS)
    form = BatchForm(request.POST or None, user=request.user, initial={"ngay": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        job = batch_start(
            user=request.user,
            unit=data["unit"],
            form_key=data["form"],
            fmt=data["format"],
            on=data["ngay"] or timezone.localdate(),
            remote_addr=client_ip(request),
        )
        return redirect("jobs:detail", job_id=job.pk)
    return render(request, "profileforms/batch.html", {"form": form}, status=400 if form.errors else 200)
