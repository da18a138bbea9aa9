"""What org needs from the register, an app above it, handed over from PeopleConfig.ready.

org never imports people: the tree counts the people in force on a date (`employments_on`) and a merge moves the
units' people (`move_people`). Both are set once, at start-up, by canbo.people.
"""

from django.core.exceptions import ImproperlyConfigured

_people = {}


def read_people_with(*, employments_on, move_people) -> None:
    """`employments_on(on)` → career rows in force on `on`; `move_people(actor, units, target_by_unit, on)`."""
    _people.update(employments_on=employments_on, move_people=move_people)


def _handed_over(name: str):
    if name not in _people:
        raise ImproperlyConfigured(
            "org needs canbo.people installed (it hands over the people of the units)."
        )
    return _people[name]


def employments_on(on):
    return _handed_over("employments_on")(on)


def move_people(actor, units, target_by_unit: dict, effective_on) -> None:
    _handed_over("move_people")(actor, units, target_by_unit, effective_on)
