"""The official's own e-dossier (NĐ 27/2026: the official keeps their own data up to date, and access to it for
uses beyond cadre work needs their consent): what the national database will hold of them, group by group, what
is still missing and where to complete it, their scanned documents (upload included), their consents and the
state of their record's synchronisation. Only the person, under their own login."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from canbo.dossier.forms import DocumentForm
from canbo.dossier.selectors import documents_for
from canbo.people.models import Person

from .models import ConsentPurpose
from .selectors import consents_of, dossier_completeness, own_outbox
from .services import consent_grant, consent_withdraw

NO_RECORD = "Tài khoản này không gắn với hồ sơ cán bộ nào."


def _own_person(user) -> Person:
    person = Person.objects.filter(user=user).select_related("current_unit").first()
    if person is None:
        raise PermissionDenied(NO_RECORD)
    return person


@login_required
def own_dossier(request):
    person = _own_person(request.user)
    groups = dossier_completeness(person=person)
    context = {
        "person": person,
        "groups": groups,
        "held": sum(g["held"] for g in groups),
        "filled": sum(g["filled"] for g in groups),
        "documents": documents_for(user=request.user, person=person),
        "document_form": DocumentForm(prefix="doc"),
        "next": reverse("nationaldb:own_dossier"),
        "consents": [
            (value, label, consents_of(person=person)[value]) for value, label in ConsentPurpose.choices
        ],
        "outbox": own_outbox(person=person)[:20],
    }
    return render(request, "nationaldb/own_dossier.html", context)


@login_required
@require_POST
def own_consent(request):
    person = _own_person(request.user)
    purpose = request.POST.get("purpose", "")
    if purpose not in ConsentPurpose.values:
        messages.error(request, "Mục đích không có trong danh sách.")
    elif request.POST.get("action") == "withdraw":
        consent_withdraw(user=request.user, person=person, purpose=purpose)
        messages.success(request, f"Đã rút lại sự đồng ý: {ConsentPurpose(purpose).label}.")
    else:
        consent_grant(user=request.user, person=person, purpose=purpose)
        messages.success(request, f"Đã ghi nhận sự đồng ý: {ConsentPurpose(purpose).label}.")
    return redirect(reverse("nationaldb:own_dossier") + "#dong-y")
