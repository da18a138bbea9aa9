"""The page where a cadre officer enters the commune codes of an official's places, and the commune options of a
province (htmx)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET

from canbo.people.selectors import person_editable_queryset_for

from .communes import communes_of
from .places import PLACES, PlaceCodesForm, place_codes_of, place_codes_set
from .provinces import PROVINCE_NAMES


@login_required
def person_places(request, uuid):
    person = get_object_or_404(person_editable_queryset_for(user=request.user), uuid=uuid)
    current = place_codes_of(person)
    form = PlaceCodesForm(request.POST or None, current=current)
    if request.method == "POST" and form.is_valid():
        values = {name: form.cleaned_data.get(name) for name, _label in PLACES}
        try:
            place_codes_set(user=request.user, person=person, values=values)
        except ValidationError as error:
            for field, problems in error.message_dict.items():
                for problem in problems:
                    form.add_error(field, problem)
        else:
            messages.success(request, "Đã lưu mã địa danh hành chính.")
            return redirect("nationaldb:person_places", uuid=person.uuid)
    rows = [(label, form[f"{name}_province"], form[name], getattr(current, name)) for name, label in PLACES]
    return render(request, "nationaldb/person_places.html", {"person": person, "form": form, "rows": rows})


@login_required
@require_GET
def commune_options(request):
    """<option>s of the communes in force of the province named by any `*_province` parameter."""
    province = next((v for k, v in request.GET.items() if k.endswith("province")), "")
    communes = communes_of(province) if province in PROVINCE_NAMES else []
    return render(request, "nationaldb/_commune_options.html", {"communes": communes})
