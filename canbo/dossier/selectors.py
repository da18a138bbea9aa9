"""Reads of the dossier's parts, through the person's own scoping (a person outside the user's units → 404)."""

from canbo.people.models import Person

from .models import (
    AssetDeclaration,
    FamilyMember,
    HealthRecord,
    MilitaryService,
    OrganisationMembership,
    PersonalHistory,
    PersonPhoto,
)


def family_of(*, person: Person) -> list[FamilyMember]:
    """The person's relatives in the forms' order: own side, then the spouse's side."""
    return list(FamilyMember.objects.filter(person=person).order_by("side", "order", "birth_year", "id"))


def personal_history_of(*, person: Person) -> PersonalHistory | None:
    return PersonalHistory.objects.filter(person=person).first()


def photo_of(*, person: Person) -> PersonPhoto | None:
    return PersonPhoto.objects.filter(person=person).first()


def memberships_of(*, person: Person) -> list[OrganisationMembership]:
    return list(OrganisationMembership.objects.filter(person=person))


def military_services_of(*, person: Person) -> list[MilitaryService]:
    return list(MilitaryService.objects.filter(person=person))


def asset_declarations_of(*, person: Person) -> list[AssetDeclaration]:
    return list(AssetDeclaration.objects.filter(person=person))


def health_records_of(*, person: Person) -> list[HealthRecord]:
    return list(HealthRecord.objects.filter(person=person))
