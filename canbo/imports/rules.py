"""The import validates with the register's own rules (canbo.people.rules), without per-row queries."""

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
]
