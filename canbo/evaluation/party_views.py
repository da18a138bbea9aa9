"""Page of the Party members' rating (/danh-gia/dang-vien/): an organisation's members of a year with their
CBCCVC rating beside the Party rating, and one form that records the chosen levels at once (all or nothing)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_http_methods

from canbo.accounts.access import access_decorators
from canbo.accounts.scoping import can_edit_unit
from canbo.core.api import validation_error_detail

from . import party
from .forms import LEVEL_CHOICES, PartyDecisionForm, PartyRosterFilterForm
from .models import RatingLevel
from .selectors import party_org_get_for_user, party_roster

staff_required, _writer_required = access_decorators(
    no_access="Anh/chị không có quyền xem xếp loại đảng viên.",
    read_only="Anh/chị chỉ có quyền xem, không ghi xếp loại đảng viên.",
)
LEVEL_KEY = "level_"
NOTE_KEY = "note_"


def _entries(post, members) -> tuple[list[party.Entry], list[str]]:
    """The rows with a level chosen; unknown codes of level are refused."""
    entries, errors = [], []
    for person in members:
        level = post.get(f"{LEVEL_KEY}{person.pk}", "")
        if not level:
            continue
        if level not in RatingLevel.values:
            errors.append(f"{person.full_name}: mức xếp loại không hợp lệ.")
            continue
        entries.append(party.Entry(person=person, level=level, note=post.get(f"{NOTE_KEY}{person.pk}", "")))
    return entries, errors


@staff_required
@require_http_methods(["GET", "POST"])
def party_ratings(request):
    source = request.POST if request.method == "POST" else request.GET
    query = PartyRosterFilterForm(source or None)
    context = {"query": query, "levels": LEVEL_CHOICES, "level_key": LEVEL_KEY, "note_key": NOTE_KEY}
    if not query.is_valid():
        return render(request, "evaluation/party_ratings.html", context, status=400 if source else 200)
    org = party_org_get_for_user(user=request.user, code=query.cleaned_data["party_org"].strip())
    year = query.cleaned_data["year"]
    members = list(party_roster(user=request.user, party_org=org, year=year))
    writer = can_edit_unit(request.user, org)
    decision = PartyDecisionForm(request.POST or None)
    errors: dict[str, list[str]] = {}
    if request.method == "POST":
        if not writer:
            raise PermissionDenied(party.NOT_YOUR_ORG)
        entries, bad = _entries(request.POST, members)
        if bad:
            errors["entries"] = bad
        elif decision.is_valid():
            try:
                written = party.party_rating_record_bulk(
                    actor=request.user,
                    party_org=org,
                    year=year,
                    decided_on=decision.cleaned_data["decided_on"],
                    entries=entries,
                )
            except ValidationError as exc:
                errors = validation_error_detail(exc)
            else:
                messages.success(request, f"Đã ghi xếp loại của {len(written)} đảng viên.")
                url = (
                    reverse("evaluation:party_ratings")
                    + "?"
                    + urlencode({"party_org": org.code, "year": year})
                )
                return redirect(url)
    codes = {m.code for m in members}
    posted = request.POST if request.method == "POST" else {}
    rows = [
        {
            "person": m,
            "annual": RatingLevel(m.annual_level).label if m.annual_level else "",
            "party": RatingLevel(m.party_level).label if m.party_level else "",
            "chosen": posted.get(f"{LEVEL_KEY}{m.pk}", ""),
            "note": posted.get(f"{NOTE_KEY}{m.pk}", ""),
            "errors": errors.get(m.code, []),
        }
        for m in members
    ]
    context.update(
        org=org,
        year=year,
        rows=rows,
        writer=writer,
        decision=decision,
        general_errors=[m for k, v in errors.items() if k not in codes for m in v],
    )
    return render(
        request, "evaluation/party_ratings.html", context, status=400 if request.method == "POST" else 200
    )
