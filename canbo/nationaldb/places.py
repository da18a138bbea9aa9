"""Commune codes of an official's places (fields 1.10, 1.12 and the commune of 1.17) entered from the national
list: a province, then one of its communes in force today. Free text the national database would refuse is not
accepted; a value recorded earlier stays valid as it was (history is never rewritten), even if its unit has since
changed (decision 049)."""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse

from canbo.core.audit import audit_actor
from canbo.people.selectors import person_editable_queryset_for

from .communes import communes_of, valid_on
from .models import Commune, PersonPlaceCodes
from .provinces import PROVINCES

PLACES = (
    ("birth_commune", "Nơi sinh"),
    ("origin_commune", "Quê quán"),
    ("residence_commune", "Nơi ở hiện nay"),
)
NOT_IN_PROVINCE = "Chọn xã, phường, đặc khu trong danh sách của tỉnh, thành phố đã chọn."
NOT_IN_FORCE = (
    "“%(unit)s” không còn hiệu lực trong danh mục đơn vị hành chính (đến %(until)s): chọn đơn vị hiện hành."
)
NO_PROVINCE = "Chọn tỉnh, thành phố trước, rồi chọn xã, phường trong danh sách."
NOT_EDITOR = "Bạn không có quyền sửa hồ sơ của người này."


def _province_field(label: str) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=f"{label}: tỉnh, thành phố",
        choices=[("", "— Chọn tỉnh, thành phố —"), *PROVINCES],
        required=False,
    )


class PlaceCodesForm(forms.Form):
    """One province select and one commune select per place; the commune list is the chosen province's units in
    force today (htmx reloads it when the province changes), plus the unit already recorded."""

    def __init__(self, *args, current: PersonPlaceCodes, **kwargs):
        super().__init__(*args, **kwargs)
        self.current = current
        for name, label in PLACES:
            kept = getattr(current, name)
            province = self.data.get(f"{name}_province") if self.is_bound else (kept.province if kept else "")
            self.fields[f"{name}_province"] = _province_field(label)
            self.fields[f"{name}_province"].initial = kept.province if kept else ""
            queryset = communes_of(province) if province else Commune.objects.none()
            if kept:
                queryset = Commune.objects.filter(pk__in=queryset.values("pk")) | Commune.objects.filter(
                    pk=kept.pk
                )
            self.fields[name] = forms.ModelChoiceField(
                label=f"{label}: xã, phường, đặc khu",
                queryset=queryset.order_by("name", "code"),
                required=False,
                initial=kept.pk if kept else None,
                error_messages={"invalid_choice": NOT_IN_PROVINCE},
            )
            self.fields[f"{name}_province"].widget.attrs.update(
                {
                    "hx-get": reverse("nationaldb:commune_options"),
                    "hx-target": f"#id_{name}",
                    "hx-trigger": "change",
                    "hx-include": "this",
                }
            )

    def clean(self):
        data = super().clean()
        for name, _label in PLACES:
            commune, province = data.get(name), data.get(f"{name}_province")
            if commune is None:
                continue
            if not province:
                self.add_error(f"{name}_province", NO_PROVINCE)
            elif commune.province != province:
                self.add_error(name, NOT_IN_PROVINCE)
        return data


def place_codes_of(person) -> PersonPlaceCodes:
    return PersonPlaceCodes.objects.filter(person=person).select_related(
        "birth_commune", "origin_commune", "residence_commune"
    ).first() or PersonPlaceCodes(person=person)


def place_codes_set(*, user, person, values: dict[str, Commune | None]) -> PersonPlaceCodes:
    """Record the commune codes of `person`'s places. A new value must be a unit in force today; a value equal to
    the one recorded is kept even if its unit has since changed. Audited; nothing written if one value fails."""
    if not person_editable_queryset_for(user=user).filter(pk=person.pk).exists():
        raise PermissionDenied(NOT_EDITOR)
    with transaction.atomic():
        record = PersonPlaceCodes.objects.select_for_update().filter(person=person).first()
        record = record or PersonPlaceCodes(person=person)
        errors = {}
        for name, _label in PLACES:
            commune = values.get(name)
            if commune is None or commune.pk == getattr(record, f"{name}_id"):
                continue
            if not Commune.objects.filter(valid_on(), pk=commune.pk).exists():
                errors[name] = ValidationError(
                    NOT_IN_FORCE,
                    params={
                        "unit": str(commune),
                        "until": f"{commune.valid_to:%d/%m/%Y}" if commune.valid_to else "—",
                    },
                )
        if errors:
            raise ValidationError(errors)
        for name, _label in PLACES:
            setattr(record, name, values.get(name))
        with audit_actor(user):
            record.save()
    return record
