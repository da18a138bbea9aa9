"""Reads of the dossier's parts, through the person's own scoping (a person outside the user's units → 404)."""

from canbo.people.models import Person

from .models import FamilyMember, PersonalHistory, PersonPhoto


def family_of(*, person: Person) -> list[FamilyMember]:
    """The person's relatives in the forms' order: own side, then the spouse's side."""
    return list(FamilyMember.objects.filter(person=person).order_by("side", "order", "birth_year", "id"))


def personal_history_of(*, person: Person) -> PersonalHistory | None:
    return PersonalHistory.objects.filter(person=person).first()


def photo_of(*, person: Person) -> PersonPhoto | None:
    return PersonPhoto.objects.filter(person=person).first()
