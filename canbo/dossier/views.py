"""The dossier pages on a person's profile: family relations, the personal history statements, the photo, groups
7–10 of NĐ 27/2026 and the e-dossier's scanned documents.

Who reads: whoever may read the person (the official their own record, leaders in their units); the sensitive
parts (family, assets, health, health certificates) only the person, the board and the unit's officers
(`selectors.may_see_sensitive`); every look by someone else is logged (people.signals.dossier_viewed). Who
writes: whoever may edit the person (unit officers in their units, the province board); documents also the
official themself. Out of scope → 404; in scope but read-only → 403, checked before the input is read."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from canbo.accounts.scoping import can_edit_unit
from canbo.core.forms import add_service_errors, service_errors
from canbo.people.selectors import person_get_for_user
from canbo.people.signals import dossier_viewed
from canbo.people.views.access import person_for_write

from .forms import DocumentForm, FamilyMemberForm, PersonalHistoryForm, PhotoForm
from .models import FamilyMember
from .selectors import (
    asset_declarations_of,
    documents_for,
    family_of,
    health_records_of,
    may_see_sensitive,
    memberships_of,
    military_services_of,
    personal_history_of,
    photo_of,
)
from .services import (
    NOT_YOURS,
    dossier_document_add,
    family_member_add,
    family_member_delete,
    family_member_update,
    may_upload_document,
    person_photo_set,
    personal_history_save,
)

CONFLICT_HINT = "Tải lại trang để xem bản mới nhất."


def _page(request, person, *, status=200, **forms):
    can_edit = person.current_unit_id is not None and can_edit_unit(request.user, person.current_unit)
    sensitive = may_see_sensitive(user=request.user, person=person)
    family = family_of(person=person) if sensitive else []
    history = personal_history_of(person=person)
    context = {
        "person": person,
        "tab": "dossier",
        "can_edit": can_edit,
        "is_self": person.user_id is not None and person.user_id == request.user.pk,
        "sensitive": sensitive,
        "family_own": [m for m in family if m.side == "OWN"],
        "family_spouse": [m for m in family if m.side == "SPOUSE"],
        "history": history,
        "photo": photo_of(person=person),
        "memberships": memberships_of(person=person),
        "military": military_services_of(person=person),
        "assets": asset_declarations_of(person=person) if sensitive else [],
        "health": health_records_of(person=person) if sensitive else [],
        "documents": documents_for(user=request.user, person=person),
    }
    if may_upload_document(user=request.user, person=person):
        context["document_form"] = forms.get("document_form") or DocumentForm(prefix="doc")
    # the tab shows the dossier's parts: each one shown is a look at them (the person's own is not logged)
    parts = ["PROFILE"] + (["FAMILY", "ASSETS", "HEALTH"] if sensitive else [])
    for part in parts:
        dossier_viewed.send(sender=person_dossier, request=request, person=person, part=part)
    if can_edit:
        context["family_form"] = forms.get("family_form") or FamilyMemberForm(prefix="fam")
        context["history_form"] = forms.get("history_form") or PersonalHistoryForm(
            prefix="hist",
            initial={
                **{
                    f: getattr(history, f)
                    for f in (
                        "detention",
                        "former_regime_service",
                        "foreign_organisations",
                        "relatives_abroad",
                    )
                },
                "version": history.version,
            }
            if history
            else None,
        )
        context["photo_form"] = forms.get("photo_form") or PhotoForm(prefix="photo")
    return render(request, "dossier/person.html", context, status=status)


@login_required
@require_GET
def person_dossier(request, uuid):
    return _page(request, person_get_for_user(user=request.user, uuid=uuid))


@login_required
@require_POST
def family_add(request, uuid):
    person = person_for_write(request, uuid)
    form = FamilyMemberForm(request.POST, prefix="fam")
    if form.is_valid():
        try:
            member = family_member_add(user=request.user, person=person, data=form.service_data())
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"Đã thêm {member.get_relation_display().lower()} {member.full_name}.")
            return redirect("dossier:person", uuid=person.uuid)
    return _page(request, person, status=400, family_form=form)


def _member(person, pk) -> FamilyMember:
    return get_object_or_404(FamilyMember, person=person, pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
def family_edit(request, uuid, pk):
    person = person_for_write(request, uuid)
    member = _member(person, pk)
    initial = {f: getattr(member, f) for f in FamilyMemberForm().fields if f != "version"}
    form = FamilyMemberForm(
        request.POST or None, prefix="fam", initial={**initial, "version": member.version}
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            with service_errors(form, status=status, conflict_hint=CONFLICT_HINT) as outcome:
                family_member_update(
                    user=request.user,
                    member=member,
                    data=form.service_data(),
                    expected_version=form.cleaned_data["version"],
                )
            if outcome.ok:
                messages.success(request, "Đã lưu quan hệ gia đình.")
                return redirect("dossier:person", uuid=person.uuid)
            status = outcome.status
    return render(
        request, "dossier/family_form.html", {"person": person, "member": member, "form": form}, status=status
    )


@login_required
@require_POST
def family_delete(request, uuid, pk):
    person = person_for_write(request, uuid)
    member = _member(person, pk)
    family_member_delete(user=request.user, member=member)
    messages.success(request, f"Đã xóa {member.full_name} khỏi quan hệ gia đình.")
    return redirect("dossier:person", uuid=person.uuid)


@login_required
@require_POST
def history_save(request, uuid):
    person = person_for_write(request, uuid)
    form = PersonalHistoryForm(request.POST, prefix="hist")
    status = 400
    if form.is_valid():
        with service_errors(form, status=status, conflict_hint=CONFLICT_HINT) as outcome:
            personal_history_save(
                user=request.user,
                person=person,
                data=form.service_data(),
                expected_version=form.cleaned_data["version"],
            )
        if outcome.ok:
            messages.success(request, "Đã lưu đặc điểm lịch sử bản thân.")
            return redirect("dossier:person", uuid=person.uuid)
        status = outcome.status
    return _page(request, person, status=status, history_form=form)


@login_required
@require_POST
def photo_upload(request, uuid):
    person = person_for_write(request, uuid)
    form = PhotoForm(request.POST, request.FILES, prefix="photo")
    if form.is_valid():
        try:
            person_photo_set(user=request.user, person=person, upload=form.cleaned_data["image"])
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Đã cập nhật ảnh.")
            return redirect("dossier:person", uuid=person.uuid)
    return _page(request, person, status=400, photo_form=form)


@login_required
@require_GET
def photo_view(request, uuid):
    """The photo, to whoever may read the person; never cached by the browser or a proxy."""
    person = person_get_for_user(user=request.user, uuid=uuid)
    photo = photo_of(person=person)
    if photo is None:
        raise Http404
    response = FileResponse(photo.image.open("rb"), content_type=photo.content_type)
    response["Cache-Control"] = "no-store, private"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Disposition"] = "inline"
    return response


def _next_url(request, person) -> str:
    """Back where the form was (the dossier tab, or the official's own e-dossier page), never off the site."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return reverse("dossier:person", args=[person.uuid]) + "#giay-to"


@login_required
@require_POST
def document_upload(request, uuid):
    person = person_get_for_user(user=request.user, uuid=uuid)  # 404 outside the user's scope
    if not may_upload_document(user=request.user, person=person):
        raise PermissionDenied(NOT_YOURS)  # before the body is read
    form = DocumentForm(request.POST, request.FILES, prefix="doc")
    if form.is_valid():
        try:
            document = dossier_document_add(
                user=request.user, person=person, data=form.service_data(), upload=form.cleaned_data["file"]
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"Đã thêm “{document.get_kind_display()}” vào hồ sơ điện tử.")
            return redirect(_next_url(request, person))
    return _page(request, person, status=400, document_form=form)
