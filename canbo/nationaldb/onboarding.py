"""Onboarding FROM the national database: its export of a unit's dossiers (JSON, the ten groups, as the stand-in
exports it) becomes Canbo records, all or nothing — one error anywhere and nothing is written. What comes from the
national database is not sent back to it (the outbox is suppressed while the import writes)."""

from datetime import date

from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from canbo.accounts.scoping import can_edit_unit
from canbo.dossier.services import RECORD_FIELDS, dossier_record_add
from canbo.people.models import Person
from canbo.people.services import PERSON_EDITABLE_FIELDS, person_create

from .fields import FIELDS, Coverage
from .outbox import outbox_suppressed

PERSON_DATE_FIELDS = {"date_of_birth", "recruited_on", "party_admission_date", "party_full_member_date"}
PERSON_BY_CODE = {
    f.code: f.model_field[1]
    for f in FIELDS
    if f.coverage == Coverage.HELD
    and f.model_field
    and f.model_field[0] == "people.Person"
    and f.model_field[1] in [*PERSON_EDITABLE_FIELDS, "code", "category"]
}
RECORD_BY_CODE = {
    f.code: (apps.get_model(f.model_field[0]), f.model_field[1])
    for f in FIELDS
    if f.coverage == Coverage.HELD and f.model_field and f.model_field[0].startswith("dossier.")
}


def _person_data(national_id: str, group1: dict) -> tuple[dict, str]:
    data = {"national_id": national_id, "code": f"QG{national_id}"}
    for code, value in group1.items():
        name = PERSON_BY_CODE.get(code)
        if name and value not in (None, ""):
            data[name] = value
    for name in PERSON_DATE_FIELDS & data.keys():
        try:
            data[name] = date.fromisoformat(str(data[name]))
        except ValueError:
            data[name] = None
    return data, data.pop("category", "CC")


def onboarding_import(*, user, unit, export: dict) -> list[Person]:
    """Create the unit's people and their group 7-10 records from the national database's export."""
    if not can_edit_unit(user, unit):  # permission before the content is read
        raise PermissionDenied("Anh/chị không có quyền nhập hồ sơ vào đơn vị này.")
    errors: dict[str, list[str]] = {}
    created: list[Person] = []
    with transaction.atomic(), outbox_suppressed():
        for dossier in export.get("dossiers", []):
            national_id = str(dossier.get("national_id", ""))
            label = f"Hồ sơ {national_id}"
            groups = dossier.get("groups", {})
            group1: dict = {}
            for record in groups.get("1", []):
                group1.update(record)
            if Person.objects.filter(national_id=national_id).exists():
                errors.setdefault(label, []).append("Số định danh cá nhân này đã có hồ sơ trong Canbo.")
                continue
            data, category = _person_data(national_id, group1)
            try:
                person = person_create(
                    actor=user, data=data, unit=unit, category=category,
                    start_date=data.get("recruited_on") or timezone.localdate(),
                )  # fmt: skip
                for group in ("7", "8", "9", "10"):
                    for record in groups.get(group, []):
                        model = next((RECORD_BY_CODE[c][0] for c in record if c in RECORD_BY_CODE), None)
                        if model is None or model not in RECORD_FIELDS:
                            continue
                        values = {RECORD_BY_CODE[c][1]: v for c, v in record.items() if c in RECORD_BY_CODE}
                        dossier_record_add(user=user, person=person, model=model, data=values)
                created.append(person)
            except ValidationError as exc:
                messages = exc.message_dict if hasattr(exc, "error_dict") else {"": exc.messages}
                for field, items in messages.items():
                    errors.setdefault(label, []).extend(f"{field}: {m}" if field else m for m in items)
        if errors:
            raise ValidationError(errors)  # the whole import rolls back
    return created
