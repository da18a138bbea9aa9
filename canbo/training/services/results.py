"""Results of enrolments; a completed programme that grants a qualification writes it to the record."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from canbo.accounts.scoping import can_edit_unit
from canbo.core.audit import audit_actor
from canbo.core.versioning import bump_version
from canbo.people.models import QualificationSource
from canbo.people.services import qualification_grant

from ..choices import EnrolmentResult
from ..models import Enrolment


class ResultRowsError(ValidationError):
    def __init__(self, rows: dict[int, dict[str, list[str]]]):
        self.rows = rows
        super().__init__(f"{len(rows)} dòng kết quả không hợp lệ: không dòng nào được ghi.")


RESULT_FIELDS = ["result", "result_date", "attendance_pct", "certificate_number", "certificate_date"]


def can_record_result(user, enrolment: Enrolment) -> bool:
    """The class's organiser records results; so does the officer of the learner's unit."""
    klass = enrolment.training_class
    if klass is not None and can_edit_unit(user, klass.organiser_unit):
        return True
    return can_edit_unit(user, enrolment.unit) or can_edit_unit(user, enrolment.person.current_unit)


def result_errors(enrolment: Enrolment, *, today: date | None = None) -> dict[str, list[str]]:
    """What is wrong with the result fields set on `enrolment` (shared by the form, the API and the import)."""
    today = today or timezone.localdate()
    errors: dict[str, list[str]] = {}

    def add(field, message):
        errors.setdefault(field, []).append(message)

    if enrolment.result not in EnrolmentResult.values:
        add("result", "Kết quả không hợp lệ.")
        return errors
    if enrolment.result == EnrolmentResult.PENDING:
        if enrolment.certificate_number or enrolment.certificate_date:
            add("certificate_number", "Chưa có kết quả thì chưa có văn bằng, chứng chỉ.")
        return errors
    if enrolment.result_date is None:
        add("result_date", "Cần ngày có kết quả.")
    elif enrolment.result_date < enrolment.start_date:
        add(
            "result_date",
            f"Ngày có kết quả ({enrolment.result_date:%d/%m/%Y}) trước ngày bắt đầu học "
            f"({enrolment.start_date:%d/%m/%Y}).",
        )
    elif enrolment.result_date > today:
        add("result_date", "Ngày có kết quả không được sau ngày hôm nay.")
    if enrolment.result != EnrolmentResult.COMPLETED and (
        enrolment.certificate_number or enrolment.certificate_date
    ):
        add("certificate_number", "Chỉ người hoàn thành mới có văn bằng, chứng chỉ.")
    if enrolment.certificate_date and enrolment.certificate_date < enrolment.start_date:
        add("certificate_date", "Ngày cấp văn bằng, chứng chỉ trước ngày bắt đầu học.")
    if enrolment.attendance_pct is not None and not 0 <= enrolment.attendance_pct <= 100:
        add("attendance_pct", "Tỷ lệ chuyên cần từ 0 đến 100.")
    return errors


def _sync_qualification(actor, enrolment: Enrolment, was_completed: bool) -> None:
    """Completed → the programme's qualification on the record (same transaction, audited); undone → removed."""
    programme = enrolment.programme
    completed = enrolment.result == EnrolmentResult.COMPLETED
    if was_completed and enrolment.qualification_id and not completed:
        qualification = enrolment.qualification
        enrolment.qualification = None
        granted = (
            qualification.source == QualificationSource.COURSE
        )  # a recorded diploma it was linked to stays
        if (
            granted
            and not Enrolment.objects.filter(qualification=qualification).exclude(pk=enrolment.pk).exists()
        ):
            with audit_actor(actor):
                qualification.delete()
        return
    if not completed or not programme.grants_qualification:
        return
    awarded_on = enrolment.certificate_date or enrolment.result_date
    current = enrolment.qualification
    if (
        current is not None
        and current.awarded_on == awarded_on
        and current.document_number == enrolment.certificate_number
    ):
        return
    klass = enrolment.training_class
    issuer = (
        klass.organiser_name
        if klass
        else getattr(getattr(enrolment, "study_assignment", None), "institution", "")
    )
    enrolment.qualification = qualification_grant(
        actor=actor,
        person=enrolment.person,
        scale=programme.grants_scale,
        level=programme.grants_level,
        field=getattr(getattr(enrolment, "study_assignment", None), "field_of_study", "") or "",
        awarded_on=awarded_on,
        document_number=enrolment.certificate_number,
        issuer=(issuer or "")[:200],
        note=f"Hoàn thành: {programme.name}"[:255],
        course_start=enrolment.start_date,
    )
    if (
        current is not None
        and current.pk != enrolment.qualification.pk
        and current.source == QualificationSource.COURSE
    ):
        with audit_actor(actor):
            current.delete()


@transaction.atomic
def record_result(
    *, actor, enrolment: Enrolment, data: dict, expected_version: int | None = None
) -> Enrolment:
    """Record (or correct) one result. Refused, nothing written, when the dates or the result are inconsistent."""
    if not can_record_result(actor, enrolment):
        raise PermissionDenied("Anh/chị không có quyền ghi kết quả học tập của người này.")
    was_completed = enrolment.result == EnrolmentResult.COMPLETED
    for field in RESULT_FIELDS:
        if field in data:
            value = data[field]
            setattr(enrolment, field, "" if value is None and field == "certificate_number" else value)
    if enrolment.result == EnrolmentResult.PENDING:
        enrolment.result_date = None
    errors = result_errors(enrolment)
    if errors:
        raise ValidationError(errors)
    bump_version(Enrolment, enrolment, expected_version)
    _sync_qualification(actor, enrolment, was_completed)
    with audit_actor(actor):
        enrolment.save(update_fields=[*RESULT_FIELDS, "qualification", "version", "updated_at"])
    return enrolment


@transaction.atomic
def record_results(*, actor, rows: list[tuple[Enrolment, dict]]) -> int:
    """Many results at once (results entry page, Excel import): every row is checked first; all or nothing.

    Raises ResultRowsError, whose `rows` maps a row's index to {field: [messages]}, listing every bad row.
    """
    problems = {}
    for index, (enrolment, data) in enumerate(rows):
        if not can_record_result(actor, enrolment):
            problems[index] = {"__all__": ["Anh/chị không có quyền ghi kết quả học tập của người này."]}
            continue
        trial = Enrolment(
            **{f.attname: getattr(enrolment, f.attname) for f in Enrolment._meta.concrete_fields}
        )
        for field in RESULT_FIELDS:
            if field in data:
                setattr(
                    trial,
                    field,
                    data[field] if data[field] is not None or field != "certificate_number" else "",
                )
        if trial.result == EnrolmentResult.PENDING:
            trial.result_date = None
        errors = result_errors(trial)
        if errors:
            problems[index] = errors
    if problems:
        raise ResultRowsError(problems)
    for enrolment, data in rows:
        record_result(actor=actor, enrolment=enrolment, data=data)
    return len(rows)


@transaction.atomic
def enrolment_remove(*, actor, enrolment: Enrolment) -> None:
    """Take someone off a class list (a mistake); once there is a result, record "withdrawn" instead."""
    if not can_record_result(actor, enrolment):
        raise PermissionDenied("Anh/chị không có quyền sửa danh sách lớp này.")
    if enrolment.result != EnrolmentResult.PENDING:
        raise ValidationError("Đã có kết quả học tập: ghi “thôi học” thay vì xóa khỏi danh sách.")
    if enrolment.training_class_id is None:
        raise ValidationError("Lượt học của người được cử đi đào tạo được cập nhật trên hồ sơ cử đi học.")
    with audit_actor(actor):
        enrolment.delete()
