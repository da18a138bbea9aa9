"""The profile (Mẫu 2C sections) with the officer's small forms."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from canbo.accounts.scoping import can_edit_unit, can_see_unit
from canbo.people.choices import QualificationScale, level_label
from canbo.people.forms import EmploymentForm, EndServiceForm, QualificationForm
from canbo.people.models import ChangeRequestStatus, Person, PersonStatus
from canbo.people.selectors import highest_qualifications, person_get_for_user, person_timeline
from canbo.people.signals import dossier_viewed


def _qualification_groups(person: Person, highest: dict) -> list[dict]:
    """Qualifications grouped by scale (in the order of the scales), each group knowing its highest level."""
    by_scale: dict[str, list] = {}
    for qual in person.qualifications.order_by("scale", "-rank", "-awarded_on"):
        qual.level_name = level_label(qual.scale, qual.level)
        by_scale.setdefault(qual.scale, []).append(qual)
    groups = []
    for scale, label in QualificationScale.choices:
        best = highest.get(scale)
        if best is not None:
            best.level_name = level_label(best.scale, best.level)
        groups.append({"scale": scale, "label": label, "items": by_scale.get(scale, []), "highest": best})
    return groups


def profile_context(request, person: Person, **forms) -> dict:
    user = request.user
    can_edit = can_edit_unit(user, person.current_unit)
    highest = highest_qualifications(person=person)
    context = {
        "person": person,
        "can_edit": can_edit,
        "unit_visible": can_see_unit(user, person.current_unit),
        "is_self": person.user_id is not None and person.user_id == user.pk,
        "timeline": list(person_timeline(person=person)),
        "qualification_groups": _qualification_groups(person, highest),
        "working": person.status == PersonStatus.WORKING,
        "tab": "profile",
    }
    if can_edit:
        context["employment_form"] = forms.get("employment_form") or EmploymentForm(prefix="emp", user=user)
        context["end_form"] = forms.get("end_form") or EndServiceForm(prefix="end")
        context["qualification_form"] = forms.get("qualification_form") or QualificationForm(prefix="qual")
    if context["is_self"]:
        context["pending_requests"] = list(person.change_requests.filter(status=ChangeRequestStatus.PENDING))
    return context


@login_required
def person_detail(request, uuid):
    person = person_get_for_user(user=request.user, uuid=uuid)
    dossier_viewed.send(sender=person_detail, request=request, person=person, part="PROFILE")
    return render(request, "people/detail.html", profile_context(request, person))
