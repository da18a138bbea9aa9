"""The import validates with the register's own rules (canbo.people.rules), without per-row queries."""

from canbo.people.rules import (
    Errors,
    employment_rule_errors,
    field_errors,
    person_rule_errors,
    qualification_rule_errors,
)

__all__ = [
    "Errors",
    "employment_rule_errors",
    "field_errors",
    "person_rule_errors",
    "qualification_rule_errors",
]
