"""Form pieces every app shares: a service's answer on the form (its ValidationError next to the fields, its
ConflictError, someone saved first, above the form with a 409), and a unit typed by code or picked by name
among the units the user may see."""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.html import format_html, format_html_join

from .exceptions import ConflictError

CONFLICT_HINT = "Các thay đổi của anh/chị chưa được lưu."


def add_service_errors(form, exc: ValidationError, field_map: dict | None = None) -> None:
    """Show a service's ValidationError next to the matching form fields (others above the form)."""
    field_map = field_map or {}
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc.messages)
        return
    for key, messages in exc.message_dict.items():
        field = field_map.get(key, key)
        if field == NON_FIELD_ERRORS or field not in form.fields:
            form.add_error(None, messages)
        else:
            form.add_error(field, messages)


class service_errors:  # noqa: N801 - used as a statement: `with service_errors(form) as outcome:`
    """Run a service call on a bound form's data and keep its refusal on the form:

        with service_errors(form, status=400) as outcome:
            person_update(...)
        if outcome.ok:
            return redirect(...)
        return render(..., status=outcome.status)

    A ConflictError goes above the form with `conflict_hint` (outcome.status 409), a ValidationError next to
    its fields through `field_map` (outcome.status stays `status`); anything else (PermissionDenied, …)
    propagates.
    """

    def __init__(
        self, form, *, status: int = 200, field_map: dict | None = None, conflict_hint=CONFLICT_HINT
    ):
        self.form, self.field_map, self.conflict_hint = form, field_map, conflict_hint
        self.ok = False
        self.status = status

    def __enter__(self):
        return self

    def __exit__(self, kind, exc, traceback) -> bool:
        if kind is None:
            self.ok = True
            return False
        if issubclass(kind, ConflictError):
            self.form.add_error(None, [*exc.messages, self.conflict_hint])
            self.status = 409
            return True
        if issubclass(kind, ValidationError):
            add_service_errors(self.form, exc, self.field_map)
            return True
        return False


# --- a unit by its code, within the user's units ------------------------------------------------------------

UNIT_NOT_FOUND = "Không tìm thấy đơn vị “%(code)s” trong phạm vi được xem."


def unit_code(text: str | None) -> str:
    """The code in "Sở Nội vụ — DB-SNV" (picked in the list) or a bare typed code."""
    return (text or "").rsplit("—", 1)[-1].strip()


def unit_by_code(units, text: str | None):
    """The unit of `units` (a queryset: the units the user may see) with the typed or picked code; None when
    nothing was typed; else a ValidationError that says no more than "not in your scope"."""
    code = unit_code(text)
    if not code:
        return None
    unit = units.filter(code=code).first()
    if unit is None:
        raise ValidationError(UNIT_NOT_FOUND, code="unit_not_found", params={"code": code})
    return unit


class UnitPicker(forms.TextInput):
    """A text box for a unit's code with a <datalist> of the user's units by name ("Sở Nội vụ — DB-SNV"), so
    the browser offers them as one types. `units` is set by the form (a queryset, read when rendered)."""

    def __init__(self, attrs=None, units=None):
        super().__init__({"size": 40, "autocomplete": "off", **(attrs or {})})
        self.units = units

    def render(self, name, value, attrs=None, renderer=None):
        list_id = f"{(attrs or {}).get('id') or name}-units"
        attrs = {**(attrs or {}), "list": list_id}
        html = super().render(name, value, attrs, renderer)
        if self.units is None:
            return html
        options = format_html_join(
            "",
            '<option value="{} — {}"></option>',
            ((u.name, u.code) for u in self.units.only("code", "name")),
        )
        return html + format_html('<datalist id="{}">{}</datalist>', list_id, options)


class UnitCodeMixin:
    """For a form whose `unit` field is typed by code or picked by name among `self.units`, which the form sets
    in __init__ from the acting user's scope (canbo.accounts.scoping.visible_units)."""

    units = None

    def set_units(self, units, field: str = "unit") -> None:
        """The units to choose among; a UnitPicker on `field` lists them (one query, when rendered)."""
        self.units = units
        widget = self.fields[field].widget
        if isinstance(widget, UnitPicker):
            widget.units = units

    def clean_unit(self):
        return unit_by_code(self.units, self.cleaned_data.get("unit"))
