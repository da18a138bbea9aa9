"""Writes to the personnel register. Every function is a transaction with its audit rows."""

import re
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from canbo.accounts.access import require_board, require_edit
from canbo.core.audit import audit_actor
from canbo.core.text import sort_key, split_full_name, unaccent
from canbo.core.versioning import bump_version
from canbo.org.models import OrgUnit

from .choices import PersonnelMove, PersonStatus
from .models import ChangeRequest, ChangeRequestStatus, Employment, Person, Qualification, QualificationSource
from .rules import (
    WorkingAges,
    close_open_row,
    employment_rule_errors,
    granted_in_course_window,
    latest_row,
    overlapping_neighbours,
    person_rule_errors,
    qualification_rule_errors,
    rows_to_close,
    service_end_errors,
    take_current_values,
    working_age_errors,
)

# The family's economic situation (SYLL 37.3): shown only to the person and to those who may edit the record.
FAMILY_ECONOMY_FIELDS = ("family_other_income", "family_housing", "family_land")
# Fields an officer edits on the profile form; unit, post and category change through Employment rows.
PERSON_EDITABLE_FIELDS = [
    "full_name",
    "other_names",
    "gender",
    "date_of_birth",
    "place_of_birth",
    "place_of_origin",
    "ethnicity",
    "religion",
    "national_id",
    "id_card_issued_on",
    "id_card_issued_by",
    "social_insurance_number",
    "health_insurance_number",
    "phone",
    "email",
    "address",
    "general_education",
    "family_other_income",
    "family_housing",
    "family_land",
    "rank",
    "salary_step",
    "salary_coefficient",
    "recruited_on",
    "party_admission_date",
    "party_full_member_date",
]
# Fields an official may propose to change on their own record.
# The fields a timeline row and a qualification take from a form or an API body (serializers and forms use them).
EMPLOYMENT_FIELDS = [
    "unit",
    "position",
    "category",
    "start_date",
    "end_date",
    "move",
    "decision_number",
    "note",
]
QUALIFICATION_FIELDS = ["scale", "level", "field", "awarded_on", "document_number", "issuer", "note"]

SELF_SERVICE_FIELDS = [
    "other_names",
    "place_of_birth",
    "place_of_origin",
    "religion",
    "id_card_issued_on",
    "id_card_issued_by",
    "social_insurance_number",
    "health_insurance_number",
    "phone",
    "email",
    "address",
    "general_education",
    "family_other_income",
    "family_housing",
    "family_land",
]


_SPACES_RE = re.compile(r"[^\S\x00-\x1f\x7f-\x9f]+")  # white space that is not a control character


OUTSIDE_UNIT = "Anh/chị không có quyền cập nhật hồ sơ của đơn vị này."


def _collapse_spaces(text: str) -> str:
    """Runs of spaces become one space; control characters (tabs, line breaks, …) are kept for the rules to
    refuse (person_rule_errors), never turned silently into something else."""
    return _SPACES_RE.sub(" ", text or "").strip(" ")


def person_refresh_derived(person: Person) -> None:
    """Name parts, search text and the Vietnamese sort key follow from the full name."""
    person.full_name = _collapse_spaces(person.full_name)
    person.family_name, person.middle_name, person.given_name = split_full_name(person.full_name)
    person.search_text = " ".join(
        filter(
            None,
            [
                unaccent(person.full_name),
                unaccent(person.other_names),
                person.national_id,
                person.code.lower(),
            ],
        )
    )[:400]
    person.sort_key = sort_key(person.given_name, person.middle_name, person.family_name)


def _merge(errors: dict, more: dict) -> None:
    for field, messages in more.items():
        known = errors.setdefault(field, [])
        known.extend(m for m in messages if m not in known)


def _validate_person(person: Person, exclude=None) -> None:
    person_refresh_derived(person)
    errors = {}
    try:
        person.full_clean(exclude=exclude)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    _merge(errors, person_rule_errors(person))
    if errors:
        raise ValidationError(errors)


def _validate_employment(emp: Employment, *, birth: date | None = None) -> None:
    errors = {}
    try:
        emp.full_clean(exclude=["person"], validate_constraints=False)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if birth is None and emp.person_id:
        birth = emp.person.date_of_birth
    _merge(errors, employment_rule_errors(emp, emp.unit if emp.unit_id else None, birth=birth))
    if emp.person_id and emp.start_date and not errors.get("end_date"):
        # the import's rule (canbo.people.rules.overlapping_neighbours), on this person's few rows
        others = (
            Employment.objects.filter(person_id=emp.person_id)
            .exclude(pk=emp.pk)
            .only("start_date", "end_date")
        )
        ordered = sorted([*others, emp], key=lambda row: (row.start_date, row is emp))
        if any(emp in pair for pair in overlapping_neighbours(ordered)):
            errors.setdefault("start_date", []).append(
                "Khoảng thời gian này trùng với một quá trình công tác khác."
            )
    if errors:
        raise ValidationError(errors)


def _sync_current(person: Person) -> None:
    """Keep the person's current unit, post and category equal to their latest employment row."""
    latest = latest_row(person.employments.only("start_date", "unit_id", "position_id", "category"))
    if latest is None:
        return
    take_current_values(person, latest)
    Person.objects.filter(pk=person.pk).update(
        current_unit_id=latest.unit_id, position_id=latest.position_id, category=latest.category
    )


_bump_version = bump_version


@transaction.atomic
def person_create(
    *,
    actor,
    data: dict,
    unit: OrgUnit,
    category: str,
    start_date: date,
    position=None,
    move: str = PersonnelMove.TUYEN_DUNG,
    decision_number: str = "",
) -> Person:
    """A new record with its first employment row."""
    require_edit(actor, unit, OUTSIDE_UNIT)
    person = Person(**{k: v for k, v in data.items() if k in PERSON_EDITABLE_FIELDS + ["code"]})
    person.current_unit, person.category, person.position = unit, category, position
    birth = person.date_of_birth
    employment = Employment(
        unit=unit,
        position=position,
        category=category,
        start_date=start_date,
        move=move,
        decision_number=decision_number,
    )
    errors = {}  # the person's errors and the first career row's together, in one answer
    for check in (lambda: _validate_person(person), lambda: _validate_employment(employment, birth=birth)):
        try:
            check()
        except ValidationError as exc:
            _merge(errors, exc.message_dict)
    if errors:
        raise ValidationError(errors)
    with audit_actor(actor):
        person.save()
        employment.person = person
        employment.save()
    return person


@transaction.atomic
def person_update(*, actor, person: Person, data: dict, expected_version: int | None = None) -> Person:
    require_edit(actor, person.current_unit, OUTSIDE_UNIT)
    changed = [f for f in PERSON_EDITABLE_FIELDS if f in data and getattr(person, f) != data[f]]
    for field in changed:
        setattr(person, field, data[field])
    errors = {}
    try:
        _validate_person(person)
    except ValidationError as exc:
        _merge(errors, exc.message_dict)
    if "date_of_birth" in changed:  # every career row still starts at the working age
        ages = WorkingAges.load()
        for emp in person.employments.all():
            found = working_age_errors(
                birth=person.date_of_birth, start=emp.start_date, category=emp.category, ages=ages
            )
            _merge(errors, {"date_of_birth": found.get("start_date", [])})
    if errors := {f: m for f, m in errors.items() if m}:
        raise ValidationError(errors)
    _bump_version(Person, person, expected_version)
    with audit_actor(actor):
        person.save(
            update_fields=[
                *changed,
                "family_name",
                "middle_name",
                "given_name",
                "search_text",
                "sort_key",
                "version",
                "updated_at",
            ]
        )
    return person


@transaction.atomic
def person_delete(*, actor, person: Person) -> None:
    """Only for records entered by mistake; people who leave get an end of service instead."""
    require_board(actor, "Chỉ Ban Tổ chức Tỉnh ủy / Sở Nội vụ được xóa hồ sơ nhập nhầm.")
    with audit_actor(actor):
        for emp in person.employments.all():
            emp.delete()
        for qual in person.qualifications.all():
            qual.delete()
        person.delete()


@transaction.atomic
def employment_add(
    *,
    actor,
    person: Person,
    unit: OrgUnit,
    category: str,
    start_date: date,
    position=None,
    move: str = PersonnelMove.DIEU_DONG,
    decision_number: str = "",
    note: str = "",
    end_date: date | None = None,
) -> Employment:
    """Add a timeline row. A current row is closed the day before a later start (a transfer)."""
    require_edit(actor, person.current_unit, OUTSIDE_UNIT)
    require_edit(actor, unit, OUTSIDE_UNIT)
    with audit_actor(actor):
        employment = Employment(
            person=person,
            unit=unit,
            position=position,
            category=category,
            start_date=start_date,
            end_date=end_date,
            move=move,
            decision_number=decision_number,
            note=note,
        )
        open_row = person.employments.filter(end_date__isnull=True).first()
        if open_row is not None:
            ordered = sorted([open_row, employment], key=lambda row: row.start_date)
            for row, next_start in rows_to_close(ordered):
                if row is open_row:  # the stored current row; the new row is never shortened
                    changed = close_open_row(row, next_start=next_start)
                    row.save(update_fields=[*changed, "updated_at"])
        _validate_employment(employment)
        employment.save()
        _sync_current(person)
    return employment


@transaction.atomic
def employment_update(*, actor, employment: Employment, data: dict, expected_version: int | None = None):
    person = employment.person
    require_edit(actor, person.current_unit, OUTSIDE_UNIT)
    changed = [f for f in EMPLOYMENT_FIELDS if f in data and getattr(employment, f) != data[f]]
    for f in changed:
        setattr(employment, f, data[f])
    if employment.unit_id:
        require_edit(actor, employment.unit, OUTSIDE_UNIT)
    _validate_employment(employment)
    _bump_version(Employment, employment, expected_version)
    with audit_actor(actor):
        employment.save(update_fields=[*changed, "version", "updated_at"])
        _sync_current(person)
    return employment


@transaction.atomic
def employment_delete(*, actor, employment: Employment) -> None:
    person = employment.person
    require_edit(actor, person.current_unit, OUTSIDE_UNIT)
    if person.employments.count() == 1:
        raise ValidationError("Không thể xóa quá trình công tác duy nhất của hồ sơ.")
    with audit_actor(actor):
        employment.delete()
        _sync_current(person)


@transaction.atomic
def person_end_service(
    *,
    actor,
    person: Person,
    status: str,
    on: date,
    move: str = PersonnelMove.NGHI_HUU,
    decision_number: str = "",
) -> Person:
    """Retirement, moving out or death: the open row ends on `on`, the status changes; nothing is deleted."""
    require_edit(actor, person.current_unit, OUTSIDE_UNIT)
    if status == PersonStatus.WORKING:
        raise ValidationError({"status": "Hãy chọn tình trạng nghỉ hưu, chuyển đi hoặc từ trần."})
    with audit_actor(actor):
        open_row = person.employments.filter(end_date__isnull=True).first()
        if open_row:
            errors = service_end_errors(open_row, on)
            if errors:
                raise ValidationError(errors)
            close_open_row(open_row, ended_on=on, move=move, decision_number=decision_number)
            open_row.save(update_fields=["end_date", "note", "updated_at"])
        person.status, person.status_date = status, on
        _bump_version(Person, person, None)
        person.save(update_fields=["status", "status_date", "version", "updated_at"])
    return person


def _validate_qualification(qual: Qualification) -> None:
    errors = qualification_rule_errors(qual)
    if "level" in errors:
        raise ValidationError(errors)
    try:
        qual.full_clean()
    except ValidationError as exc:
        _merge(errors, exc.message_dict)
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def qualification_add(*, actor, person: Person, **data) -> Qualification:
    require_edit(actor, person.current_unit, OUTSIDE_UNIT)
    return _qualification_save(actor, Qualification(person=person, **data))


def _qualification_save(actor, qual: Qualification) -> Qualification:
    _validate_qualification(qual)
    with audit_actor(actor):
        qual.save()
    return qual


def qualification_grant(*, actor, person: Person, course_start: date | None = None, **data) -> Qualification:
    """A qualification earned through another record (a completed course): the caller checked its authority.

    The same diploma already on the record is returned rather than entered twice: the same scale, level, field
    and date, or — given the course's start — the same scale and level awarded during the course
    (canbo.people.rules.granted_in_course_window), as an imported record of that degree usually is.
    """
    same = Qualification.objects.filter(person=person, scale=data.get("scale"), level=data.get("level"))
    existing = same.filter(field=data.get("field", ""), awarded_on=data.get("awarded_on")).first()
    if existing is None and course_start is not None:
        low, high = granted_in_course_window(course_start, data["awarded_on"])
        existing = same.filter(awarded_on__range=(low, high)).order_by("awarded_on", "id").first()
    if existing is not None:
        return existing
    return _qualification_save(actor, Qualification(person=person, source=QualificationSource.COURSE, **data))


@transaction.atomic
def qualification_update(
    *, actor, qualification: Qualification, data: dict, expected_version: int | None = None
):
    require_edit(actor, qualification.person.current_unit, OUTSIDE_UNIT)
    changed = [f for f in QUALIFICATION_FIELDS if f in data and getattr(qualification, f) != data[f]]
    for f in changed:
        setattr(qualification, f, data[f])
    _validate_qualification(qualification)
    _bump_version(Qualification, qualification, expected_version)
    with audit_actor(actor):
        qualification.save(update_fields=[*changed, "rank", "version", "updated_at"])
    return qualification


@transaction.atomic
def qualification_delete(*, actor, qualification: Qualification) -> None:
    require_edit(actor, qualification.person.current_unit, OUTSIDE_UNIT)
    with audit_actor(actor):
        qualification.delete()


@transaction.atomic
def change_request_create(*, actor, person: Person, changes: dict, reason: str = "") -> ChangeRequest:
    """An official proposes corrections to their own record; nothing changes until approved."""
    if person.user_id != actor.pk:
        raise PermissionDenied("Anh/chị chỉ được đề nghị sửa hồ sơ của chính mình.")
    unknown = set(changes) - set(SELF_SERVICE_FIELDS)
    if unknown:
        raise ValidationError(f"Không được đề nghị sửa các trường: {', '.join(sorted(unknown))}.")
    changes = {k: v for k, v in changes.items() if str(getattr(person, k) or "") != str(v or "")}
    if not changes:
        raise ValidationError("Không có thay đổi nào so với hồ sơ hiện tại.")
    trial = Person.objects.get(pk=person.pk)
    for key, value in changes.items():
        setattr(trial, key, value)
    _validate_person(trial)
    return ChangeRequest.objects.create(person=person, requested_by=actor, changes=changes, reason=reason)


@transaction.atomic
def change_request_decide(*, actor, request: ChangeRequest, approve: bool, note: str = "") -> ChangeRequest:
    if request.status != ChangeRequestStatus.PENDING:
        raise ValidationError("Đề nghị này đã được xử lý.")
    require_edit(actor, request.person.current_unit, OUTSIDE_UNIT)
    if approve:
        person_update(actor=actor, person=request.person, data=request.changes)
    request.status = ChangeRequestStatus.APPROVED if approve else ChangeRequestStatus.REJECTED
    request.decided_by, request.decided_at, request.decision_note = actor, timezone.now(), note
    request.save(update_fields=["status", "decided_by", "decided_at", "decision_note", "updated_at"])
    return request
