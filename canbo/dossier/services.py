"""Writes of the dossier's family relations, personal history and photo: permission first, validated in
Vietnamese, one transaction, audited (the acting user is recorded on every row's history)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from PIL import Image, UnidentifiedImageError

from canbo.accounts.access import require_edit
from canbo.accounts.scoping import can_edit_unit
from canbo.core.audit import audit_actor
from canbo.core.exceptions import add_error
from canbo.core.versioning import bump_version
from canbo.people.models import Person
from canbo.people.validators import has_control_characters

from .choices import side_of
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

FAMILY_FIELDS = (
    "relation",
    "full_name",
    "birth_year",
    "deceased_year",
    "hometown",
    "occupation",
    "residence",
    "lives_abroad",
    "political_memberships",
    "order",
)
HISTORY_FIELDS = ("detention", "former_regime_service", "foreign_organisations", "relatives_abroad")
PHOTO_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png"}
PHOTO_MAX_BYTES = 2 * 1024 * 1024
PHOTO_MAX_PIXELS = 4000 * 4000


NOT_YOURS = "Anh/chị không có quyền cập nhật hồ sơ của người này."


def _require_edit(user, person: Person) -> None:
    require_edit(user, person.current_unit if person.current_unit_id else None, NOT_YOURS)


def _validate_family(member: FamilyMember) -> None:
    errors: dict[str, list[str]] = {}
    member.full_name = " ".join((member.full_name or "").split())
    if not member.full_name:
        add_error(errors, "full_name", "Cần họ và tên người thân.")
    for field in ("full_name", "hometown", "occupation", "residence", "political_memberships"):
        if has_control_characters(getattr(member, field) or ""):
            add_error(errors, field, "Không được chứa ký tự điều khiển.")
    birth = member.person.date_of_birth.year
    if member.birth_year and member.relation in ("CHILD", "ADOPTED_CHILD") and member.birth_year < birth:
        add_error(errors, "birth_year", "Năm sinh của con không thể trước năm sinh của cán bộ.")
    if member.deceased_year and member.birth_year and member.deceased_year < member.birth_year:
        add_error(errors, "deceased_year", "Năm mất phải sau năm sinh.")
    try:
        member.full_clean(exclude=["person", "side", "version"])
    except ValidationError as exc:
        for field, messages in exc.message_dict.items():
            for message in messages:
                add_error(errors, field, message)
    if errors:
        raise ValidationError(errors)


def family_member_add(*, user, person: Person, data: dict) -> FamilyMember:
    _require_edit(user, person)
    member = FamilyMember(person=person, **{f: data[f] for f in FAMILY_FIELDS if f in data})
    member.side = side_of(member.relation)
    _validate_family(member)
    with transaction.atomic(), audit_actor(user):
        member.save()
    return member


def family_member_update(
    *, user, member: FamilyMember, data: dict, expected_version: int | None = None
) -> FamilyMember:
    _require_edit(user, member.person)
    for field in FAMILY_FIELDS:
        if field in data:
            setattr(member, field, data[field])
    member.side = side_of(member.relation)
    _validate_family(member)
    with transaction.atomic(), audit_actor(user):
        bump_version(FamilyMember, member, expected_version)
        member.save()
    return member


def family_member_delete(*, user, member: FamilyMember) -> None:
    _require_edit(user, member.person)
    with transaction.atomic(), audit_actor(user):
        member.delete()


def personal_history_save(
    *, user, person: Person, data: dict, expected_version: int | None = None
) -> PersonalHistory:
    _require_edit(user, person)
    history = PersonalHistory.objects.filter(person=person).first() or PersonalHistory(person=person)
    errors: dict[str, list[str]] = {}
    for field in HISTORY_FIELDS:
        if field in data:
            value = (data[field] or "").strip()
            if has_control_characters(value.replace("\n", "").replace("\r", "")):
                add_error(errors, field, "Không được chứa ký tự điều khiển.")
            setattr(history, field, value)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic(), audit_actor(user):
        if history.pk:
            bump_version(PersonalHistory, history, expected_version)
        history.save()
    return history


def _photo_format(upload) -> str:
    """The image's real format, read from its content (the name and the browser's type are not trusted)."""
    if upload.size > PHOTO_MAX_BYTES:
        raise ValidationError({"image": "Ảnh quá lớn: tối đa 2 MB."})
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            if image.width * image.height > PHOTO_MAX_PIXELS:
                raise ValidationError({"image": "Ảnh quá nhiều điểm ảnh: tối đa 4000 × 4000."})
            image.verify()
            kind = image.format
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as exc:
        raise ValidationError({"image": "Tệp không phải ảnh JPEG hoặc PNG hợp lệ."}) from exc
    finally:
        upload.seek(0)
    if kind not in PHOTO_TYPES:
        raise ValidationError({"image": "Chỉ nhận ảnh JPEG hoặc PNG."})
    return kind


def person_photo_set(*, user, person: Person, upload) -> PersonPhoto:
    """Store (or replace) the person's photo; the old file is deleted once the new one is saved."""
    _require_edit(user, person)
    kind = _photo_format(upload)
    extension = "jpg" if kind == "JPEG" else "png"
    photo = PersonPhoto.objects.filter(person=person).first() or PersonPhoto(person=person)
    old_name = photo.image.name if photo.pk else None
    with transaction.atomic(), audit_actor(user):
        photo.content_type = PHOTO_TYPES[kind]
        photo.uploaded_by = user
        photo.image.save(f"anh.{extension}", upload, save=False)
        photo.save()
        if old_name and old_name != photo.image.name:
            storage = photo.image.storage
            transaction.on_commit(lambda: storage.delete(old_name))
    return photo


# --- groups 7-10 of NĐ 27/2026: memberships, armed-forces service, declaration references, health ----------

RECORD_FIELDS = {
    OrganisationMembership: ("organisation", "organisation_name", "joined_on", "left_on", "role"),
    MilitaryService: ("force", "enlisted_on", "discharged_on", "highest_rank", "branch"),
    AssetDeclaration: ("year", "kind", "reference_number", "kept_at"),
    HealthRecord: ("as_of", "status", "height_cm", "weight_kg", "blood_group", "disability_class"),
}
TEXT_FIELDS = {
    "organisation_name",
    "role",
    "highest_rank",
    "branch",
    "reference_number",
    "kept_at",
    "disability_class",
}


def _validate_record(record) -> None:
    errors: dict[str, list[str]] = {}
    for field in RECORD_FIELDS[type(record)]:
        if field in TEXT_FIELDS:
            value = " ".join((getattr(record, field) or "").split())
            setattr(record, field, value)
            if has_control_characters(value):
                add_error(errors, field, "Không được chứa ký tự điều khiển.")
    if (
        isinstance(record, OrganisationMembership)
        and record.organisation == "OTHER"
        and not record.organisation_name
    ):
        add_error(errors, "organisation_name", "Cần tên tổ chức khi chọn “tổ chức khác”.")
    try:
        record.full_clean(exclude=["person", "version"])
    except ValidationError as exc:
        for field, messages in exc.message_dict.items():
            for message in messages:
                add_error(errors, field, message)
    if errors:
        raise ValidationError(errors)


def dossier_record_add(*, user, person: Person, model, data: dict):
    """Add a group 7-10 record (membership, service, declaration reference, health) to the person's dossier."""
    _require_edit(user, person)
    record = model(person=person, **{f: data[f] for f in RECORD_FIELDS[model] if f in data})
    _validate_record(record)
    with transaction.atomic(), audit_actor(user):
        record.save()
    return record


def dossier_record_update(*, user, record, data: dict, expected_version: int | None = None):
    _require_edit(user, record.person)
    model = type(record)
    for field in RECORD_FIELDS[model]:
        if field in data:
            setattr(record, field, data[field])
    _validate_record(record)
    with transaction.atomic(), audit_actor(user):
        if hasattr(record, "version"):
            bump_version(model, record, expected_version)
        record.save()
    return record


def dossier_record_delete(*, user, record) -> None:
    _require_edit(user, record.person)
    with transaction.atomic(), audit_actor(user):
        record.delete()


# --- the e-dossier's scanned documents ----------------------------------------------------------------------

DOCUMENT_MAX_BYTES = 10 * 1024 * 1024
DOCUMENT_TYPES = {
    "PDF": ("application/pdf", "pdf"),
    "JPEG": ("image/jpeg", "jpg"),
    "PNG": ("image/png", "png"),
}
DOCUMENT_FIELDS = ("kind", "number", "issued_on", "issuer")


def _document_format(upload) -> str:
    """PDF, JPEG or PNG, read from the content (the name and the browser's type are not trusted)."""
    if upload.size > DOCUMENT_MAX_BYTES:
        raise ValidationError({"file": "Tệp quá lớn: tối đa 10 MB."})
    upload.seek(0)
    head = upload.read(5)
    upload.seek(0)
    if head == b"%PDF-":
        return "PDF"
    try:
        with Image.open(upload) as image:
            if image.width * image.height > PHOTO_MAX_PIXELS:
                raise ValidationError({"file": "Ảnh quá nhiều điểm ảnh: tối đa 4000 × 4000."})
            image.verify()
            kind = image.format
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as exc:
        raise ValidationError({"file": "Chỉ nhận tệp PDF, JPEG hoặc PNG."}) from exc
    finally:
        upload.seek(0)
    if kind not in DOCUMENT_TYPES:
        raise ValidationError({"file": "Chỉ nhận tệp PDF, JPEG hoặc PNG."})
    return kind


def may_upload_document(*, user, person: Person) -> bool:
    """Whoever may edit the person, and the official themself (NĐ 27/2026: the official keeps their own e-dossier
    up to date); an upload only adds a component, recorded with who uploaded it."""
    if person.user_id is not None and person.user_id == getattr(user, "pk", None):
        return True
    return person.current_unit_id is not None and can_edit_unit(user, person.current_unit)


def dossier_document_add(*, user, person: Person, data: dict, upload) -> DossierDocument:
    """Attach a scanned component (kind, number, date, issuer) to the person's e-dossier; audited."""
    if not may_upload_document(user=user, person=person):
        raise PermissionDenied(NOT_YOURS)
    document = DossierDocument(person=person, **{f: data[f] for f in DOCUMENT_FIELDS if f in data})
    errors: dict[str, list[str]] = {}
    for field in ("number", "issuer"):
        value = " ".join((getattr(document, field) or "").split())
        setattr(document, field, value)
        if has_control_characters(value):
            add_error(errors, field, "Không được chứa ký tự điều khiển.")
    try:
        document.full_clean(exclude=["person", "file", "content_type", "size"])
    except ValidationError as exc:
        for field, messages in exc.message_dict.items():
            for message in messages:
                add_error(errors, field, message)
    if errors:
        raise ValidationError(errors)
    kind = _document_format(upload)
    content_type, extension = DOCUMENT_TYPES[kind]
    with transaction.atomic(), audit_actor(user):
        document.content_type, document.size, document.uploaded_by = content_type, upload.size, user
        document.file.save(f"tep.{extension}", upload, save=False)
        document.save()
    return document
