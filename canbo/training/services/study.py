"""People sent to long courses at outside institutions: proposal (eligibility explained), sending decision,
completion (qualification), dropping out and breaching the service commitment (refund)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from canbo.core.audit import audit_actor
from canbo.core.dates import add_months
from canbo.core.versioning import bump_version
from canbo.people.models import Person

from ..choices import STATE_FUNDED, EnrolmentResult, StudyStatus
from ..models import Enrolment, StudyAssignment
from ..rules import commitment_months, months_between, sending_errors, sponsorship_rule_on
from .checks import require_edit
from .results import record_result

PROPOSAL_FIELDS = [
    "programme",
    "plan_line",
    "institution",
    "field_of_study",
    "mode",
    "venue",
    "start_date",
    "expected_end",
    "funding",
    "cost",
    "note",
]


def _require(actor, assignment: StudyAssignment) -> None:
    require_edit(actor, assignment.unit, "Anh/chị không có quyền cập nhật hồ sơ cử đi học của đơn vị này.")


def _require_status(assignment: StudyAssignment, *allowed: str, doing: str) -> None:
    if assignment.status not in allowed:
        raise ValidationError(
            f"Không thể {doing}: hồ sơ đang ở trạng thái “{assignment.get_status_display()}”."
        )


@transaction.atomic
def study_propose(*, actor, person: Person, data: dict) -> StudyAssignment:
    """Propose sending someone to study; refused with every unmet condition listed."""
    require_edit(actor, person.current_unit, f"{person.full_name} không thuộc đơn vị anh/chị quản lý.")
    assignment = StudyAssignment(
        person=person,
        unit=person.current_unit,
        proposed_by=actor,
        **{k: v for k, v in data.items() if k in PROPOSAL_FIELDS},
    )
    try:
        assignment.full_clean(exclude=["enrolment", "rule"])
    except ValidationError as exc:
        raise ValidationError(exc.message_dict) from None
    if assignment.plan_line_id and assignment.plan_line.programme_id != assignment.programme_id:
        raise ValidationError({"plan_line": ["Dòng kế hoạch thuộc chương trình khác."]})
    errors = sending_errors(
        person=person,
        programme=assignment.programme,
        start_date=assignment.start_date,
        funding=assignment.funding,
    )
    if errors:
        raise ValidationError({"__all__": [f"{person.full_name} chưa đủ điều kiện cử đi học:", *errors]})
    assignment.rule = sponsorship_rule_on(assignment.start_date)
    assignment.commitment_months = commitment_months(
        assignment.rule, assignment.start_date, assignment.expected_end, assignment.funding
    )
    with audit_actor(actor):
        assignment.save()
    return assignment


@transaction.atomic
def study_send(
    *,
    actor,
    assignment: StudyAssignment,
    decision_number: str,
    decision_date: date,
    expected_version: int | None = None,
) -> StudyAssignment:
    """The sending decision: the person is now studying, and the attendance (lượt) is counted."""
    _require(actor, assignment)
    _require_status(assignment, StudyStatus.PROPOSED, doing="ra quyết định cử đi học")
    errors = {}
    if not decision_number.strip():
        errors["decision_number"] = ["Cần số quyết định cử đi học."]
    if decision_date is None:
        errors["decision_date"] = ["Cần ngày quyết định."]
    elif decision_date > timezone.localdate():
        errors["decision_date"] = ["Ngày quyết định không được sau ngày hôm nay."]
    if errors:
        raise ValidationError(errors)
    bump_version(StudyAssignment, assignment, expected_version)
    enrolment = Enrolment(
        person=assignment.person,
        programme=assignment.programme,
        plan_line=assignment.plan_line,
        unit=assignment.unit,
        mode=assignment.mode,
        venue=assignment.venue,
        start_date=assignment.start_date,
        end_date=assignment.expected_end,
        cost=assignment.cost,
    )
    with audit_actor(actor):
        enrolment.save()
        assignment.enrolment = enrolment
        assignment.status = StudyStatus.STUDYING
        assignment.decision_number, assignment.decision_date = decision_number.strip(), decision_date
        assignment.save(
            update_fields=["enrolment", "status", "decision_number", "decision_date", "version", "updated_at"]
        )
    return assignment


@transaction.atomic
def study_complete(
    *,
    actor,
    assignment: StudyAssignment,
    end_date: date,
    certificate_number: str = "",
    certificate_date: date | None = None,
    expected_version: int | None = None,
) -> StudyAssignment:
    """Graduation: the qualification is written to the record and the service commitment starts."""
    _require(actor, assignment)
    _require_status(assignment, StudyStatus.STUDYING, doing="ghi nhận tốt nghiệp")
    record_result(
        actor=actor,
        enrolment=assignment.enrolment,
        data={
            "result": EnrolmentResult.COMPLETED,
            "result_date": end_date,
            "certificate_number": certificate_number,
            "certificate_date": certificate_date,
        },
    )
    assignment.status, assignment.end_date = StudyStatus.COMPLETED, end_date
    assignment.commitment_end = (
        add_months(end_date, assignment.commitment_months) if assignment.commitment_months else None
    )
    bump_version(StudyAssignment, assignment, expected_version)
    with audit_actor(actor):
        assignment.save(update_fields=["status", "end_date", "commitment_end", "version", "updated_at"])
    return assignment


@transaction.atomic
def study_drop(
    *, actor, assignment: StudyAssignment, on: date, reason: str, expected_version: int | None = None
) -> StudyAssignment:
    """Dropping out of a state-funded course: the whole cost is to be refunded."""
    _require(actor, assignment)
    _require_status(assignment, StudyStatus.STUDYING, doing="ghi nhận bỏ học")
    if not reason.strip():
        raise ValidationError({"note": ["Cần ghi lý do bỏ học."]})
    record_result(
        actor=actor,
        enrolment=assignment.enrolment,
        data={"result": EnrolmentResult.WITHDRAWN, "result_date": on},
    )
    assignment.status, assignment.end_date, assignment.note = StudyStatus.DROPPED, on, reason.strip()[:300]
    assignment.refund_amount = assignment.cost if assignment.funding in STATE_FUNDED else 0
    bump_version(StudyAssignment, assignment, expected_version)
    with audit_actor(actor):
        assignment.save(
            update_fields=["status", "end_date", "note", "refund_amount", "version", "updated_at"]
        )
    return assignment


def refund_due(assignment: StudyAssignment, left_on: date) -> int:
    """The cost pro rata to the commitment months not served (NĐ 101/2017 Art 37; NĐ 171/2025)."""
    if (
        not assignment.commitment_months
        or assignment.end_date is None
        or assignment.funding not in STATE_FUNDED
    ):
        return 0
    served = months_between(assignment.end_date, left_on) if left_on > assignment.end_date else 0
    missing = max(assignment.commitment_months - served, 0)
    return round(assignment.cost * missing / assignment.commitment_months)


@transaction.atomic
def study_breach(
    *, actor, assignment: StudyAssignment, left_on: date, reason: str, expected_version: int | None = None
) -> StudyAssignment:
    """The person left before the commitment ended: breached, with the refund due."""
    _require(actor, assignment)
    _require_status(assignment, StudyStatus.COMPLETED, doing="ghi nhận vi phạm cam kết")
    if assignment.commitment_end is None or left_on >= assignment.commitment_end:
        raise ValidationError(
            {
                "left_on": [
                    "Người này đã phục vụ đủ thời gian cam kết (hoặc không phải cam kết): không phải bồi hoàn."
                ]
            }
        )
    if left_on < assignment.end_date:
        raise ValidationError({"left_on": ["Ngày thôi việc trước ngày tốt nghiệp."]})
    assignment.status = StudyStatus.BREACHED
    assignment.refund_amount = refund_due(assignment, left_on)
    assignment.note = (reason or "").strip()[:300]
    bump_version(StudyAssignment, assignment, expected_version)
    with audit_actor(actor):
        assignment.save(update_fields=["status", "refund_amount", "note", "version", "updated_at"])
    return assignment
