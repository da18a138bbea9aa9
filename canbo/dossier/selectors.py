"""Reads of the dossier's parts, through the person's own scoping (a person outside the user's units → 404)."""

from django.core.exceptions import PermissionDenied

from canbo.accounts.scoping import can_edit_unit
from canbo.people.models import Person

from .choices import DocumentKind
from .models import (
    AssetDeclaration,
    DossierDocument,
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


# --- the sensitive groups (NĐ 27/2026 groups 2, 9, 10; NĐ 13/2023 sensitive personal data) ---------------------

SENSITIVE_PARTS = {
    "FAMILY": FamilyMember,
    "ASSETS": AssetDeclaration,
    "HEALTH": HealthRecord,
}
NOT_ENTITLED = "Anh/chị không có quyền xem phần hồ sơ này (thông tin cá nhân nhạy cảm)."


def may_see_sensitive(*, user, person: Person) -> bool:
    """Family, assets and income, health: the person themself, the province board and the personnel officers who
    keep the person's unit. Leaders and the Standing Committee read the register, not these parts."""
    if person.user_id is not None and person.user_id == getattr(user, "pk", None):
        return True
    return person.current_unit_id is not None and can_edit_unit(user, person.current_unit)


def sensitive_records_for(*, user, person: Person, part: str) -> list:
    """The records of a sensitive part, for a user entitled to them (PermissionDenied otherwise). The caller
    has already fetched `person` through the person's scoping (404 outside the user's units)."""
    if not may_see_sensitive(user=user, person=person):
        raise PermissionDenied(NOT_ENTITLED)
    return list(SENSITIVE_PARTS[part].objects.filter(person=person))


# --- the e-dossier's scanned documents ----------------------------------------------------------------------

SENSITIVE_DOCUMENT_KINDS = frozenset({DocumentKind.HEALTH_CERTIFICATE})


def documents_for(*, user, person: Person) -> list[DossierDocument]:
    """The person's scanned documents that `user` may open: the sensitive kinds only for the entitled."""
    qs = DossierDocument.objects.filter(person=person).select_related("uploaded_by")
    if not may_see_sensitive(user=user, person=person):
        qs = qs.exclude(kind__in=SENSITIVE_DOCUMENT_KINDS)
    return list(qs)
