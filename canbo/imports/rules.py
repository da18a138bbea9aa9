"""The import validates with the register's own rules (canbo.people.rules), without per-row queries."""

import functools

from django.core.exceptions import ValidationError

from canbo.people.rules import (
    Errors,
    WorkingAges,
    close_open_row,
    employment_rule_errors,
    field_errors,
    latest_row,
    person_rule_errors,
    qualification_rule_errors,
    take_current_values,
)

__all__ = [
    "Errors",
    "WorkingAges",
    "close_open_row",
    "employment_rule_errors",
    "field_errors",
    "latest_row",
    "person_rule_errors",
    "qualification_rule_errors",
    "take_current_values",
    "value_errors",
]


@functools.cache
def _fields(model, names: tuple[str, ...]) -> tuple:
    return tuple(model._meta.get_field(name) for name in names)


def value_errors(model, values: dict) -> Errors:
    """field_errors on plain values (field name → value) without a model instance: each field's own clean, as
    Model.clean_fields runs it (an empty value of a blank field is not checked), with the same messages."""
    errors: Errors = {}
    for f in _fields(model, tuple(values)):
        raw = values[f.name]
        if f.blank and raw in f.empty_values:
            continue
        try:
            f.clean(raw, None)
        except ValidationError as exc:
            errors[f.name] = exc.messages
    return errors
