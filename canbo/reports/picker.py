"""The report form's unit picker: a text box that searches as one types (htmx), in place of a list of every
unit the user sees (549 for the board).

`unit_picker` (GET, htmx) answers the <option>s of a <datalist> — at most 20 units the user may read
(`canbo.accounts.scoping.visible_units`), matching every word typed in their name or code, unaccented ("so noi
vu" finds "Sở Nội vụ"), in the tree's order. The chosen "Sở Nội vụ — DB-SNV" or a bare code is read back by
the form (`canbo.core.forms.unit_by_code`) within the same scope, so the search discloses nothing more.
"""

from django import forms
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import format_html
from django.views.decorators.http import require_GET

from canbo.accounts.scoping import visible_units
from canbo.core.text import unaccent

MAX_RESULTS = 20
MAX_QUERY = 100


def units_matching(*, user, text: str, limit: int = MAX_RESULTS) -> list:
    """Up to `limit` (code, name) the user may read whose name or code holds every word of `text`."""
    words = unaccent(text[:MAX_QUERY]).split()
    found = []
    for code, name in visible_units(user).order_by("path").values_list("code", "name").iterator():
        haystack = unaccent(f"{name} {code}")
        if all(w in haystack for w in words):
            found.append((code, name))
            if len(found) == limit:
                break
    return found


@require_GET
@login_required
def unit_picker(request):
    text = request.GET.get("q") or request.GET.get("org") or ""
    text = text.split(" — ")[0]  # a unit already chosen ("Sở Nội vụ — DB-SNV"): search by its name
    units = units_matching(user=request.user, text=text)
    return render(request, "reports/_unit_options.html", {"units": units})


class UnitSearchPicker(forms.TextInput):
    """A text box whose <datalist> is filled by `unit_picker` as the user types (with the first units of the
    user's tree when the box gets focus), instead of listing every unit in the page."""

    def __init__(self, attrs=None):
        super().__init__({"size": 40, "autocomplete": "off", **(attrs or {})})

    def render(self, name, value, attrs=None, renderer=None):
        list_id = f"{(attrs or {}).get('id') or name}-units"
        attrs = {
            **(attrs or {}),
            "list": list_id,
            "placeholder": "Gõ tên hoặc mã đơn vị",
            "hx-get": reverse("reports:unit_picker"),
            "hx-trigger": "input changed delay:250ms, focus once",
            "hx-target": f"#{list_id}",
            "hx-swap": "innerHTML",
            "hx-sync": "this:replace",
        }
        html = super().render(name, value, attrs, renderer)
        return html + format_html('<datalist id="{}"></datalist>', list_id)
