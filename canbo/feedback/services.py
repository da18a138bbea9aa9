"""Citizens' feedback: receive (channel, date, unit, official) → assign a handler → verify → conclude → open the
discipline case it leads to. The board and the unit officers of the feedback's unit act on it; the assigned
handler records the verification and the conclusion. Nobody handles feedback about themselves."""

from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from canbo.accounts.access import require_edit
from canbo.accounts.models import Role
from canbo.accounts.scoping import can_see_unit, has_role
from canbo.core.audit import audit_actor
from canbo.core.dates import nth_working_day_forward
from canbo.core.exceptions import ConflictError
from canbo.discipline.models import DisciplineCase
from canbo.discipline.services import case_open
from canbo.org.models import OrgUnit
from canbo.people.models import Person

from .models import Channel, Conclusion, Feedback, FeedbackStatus

HANDLING_WORKING_DAYS = 15
OUTSIDE_UNIT = "Anh/chị không có quyền xử lý phản ánh của đơn vị này."
ABOUT_YOURSELF = "Anh/chị không thể tiếp nhận hoặc xử lý phản ánh về chính mình."


def default_deadline(received_on: date, days: int = HANDLING_WORKING_DAYS) -> date:
    """The `days`-th working day after the day of receipt."""
    return nth_working_day_forward(received_on + timedelta(days=1), days)


def _about(feedback_or_person, user) -> bool:
    person = getattr(feedback_or_person, "subject_person", feedback_or_person)
    return person is not None and person.user_id is not None and person.user_id == user.pk


def _require_manager(actor, feedback: Feedback) -> None:
    if _about(feedback, actor):
        raise PermissionDenied(ABOUT_YOURSELF)
    require_edit(actor, feedback.unit, OUTSIDE_UNIT)


def _require_handler(actor, feedback: Feedback) -> None:
    """The assigned handler, or whoever manages the unit's feedback."""
    if feedback.handler_id == actor.pk and not _about(feedback, actor):
        return
    _require_manager(actor, feedback)


def _bump(model, obj, expected_version) -> None:
    """Optimistic locking without touching the caller's object (a refused write leaves it as it was)."""
    expected = obj.version if expected_version is None else expected_version
    if not model.objects.filter(pk=obj.pk, version=expected).update(version=F("version") + 1):
        raise ConflictError()


def _locked(feedback: Feedback, expected_version) -> Feedback:
    _bump(Feedback, feedback, expected_version)
    return (
        Feedback.objects.select_for_update(of=("self",))
        .select_related("unit", "subject_person")
        .get(pk=feedback.pk)
    )


@transaction.atomic
def feedback_receive(
    *,
    actor,
    channel: str,
    received_on: date | None,
    content: str,
    unit: OrgUnit | None = None,
    subject_person: Person | None = None,
    sender: str = "",
    deadline: date | None = None,
) -> Feedback:
    """Intake. The unit defaults to the official's current unit; the deadline to 15 working days."""
    if subject_person is not None and unit is None:
        unit = subject_person.current_unit
    errors: dict[str, list[str]] = {}
    if unit is None:
        raise ValidationError({"unit": ["Cần đơn vị bị phản ánh (hoặc cán bộ bị phản ánh)."]})
    require_edit(actor, unit, OUTSIDE_UNIT)
    if subject_person is not None:
        if _about(subject_person, actor):
            raise PermissionDenied(ABOUT_YOURSELF)
        if not (subject_person.current_unit.path or "").startswith(unit.path):
            errors["subject_person"] = [f"{subject_person.full_name} không công tác tại {unit.name}."]
    if channel not in Channel.values:
        errors["channel"] = [
            "Cần nguồn tiếp nhận (công dân, doanh nghiệp, báo chí, đường dây nóng, trực tuyến)."
        ]
    content = (content or "").strip()
    if not content:
        errors["content"] = ["Cần nội dung phản ánh."]
    elif len(content) > 5000:
        errors["content"] = ["Nội dung tối đa 5.000 ký tự."]
    if len(sender or "") > 200:
        errors["sender"] = ["Người phản ánh tối đa 200 ký tự."]
    if received_on is None:
        errors["received_on"] = ["Cần ngày tiếp nhận."]
    elif received_on > timezone.localdate():
        errors["received_on"] = ["Ngày tiếp nhận không được ở tương lai."]
    else:
        deadline = deadline or default_deadline(received_on)
        if deadline < received_on:
            errors["deadline"] = ["Hạn xử lý không được trước ngày tiếp nhận."]
    if errors:
        raise ValidationError(errors)
    with audit_actor(actor):
        feedback = Feedback(
            channel=channel,
            received_on=received_on,
            sender=(sender or "").strip(),
            subject_person=subject_person,
            unit=unit,
            content=content,
            deadline=deadline,
            received_by=actor,
        )
        feedback.full_clean()
        feedback.save()
    return feedback


def _may_handle(user, feedback: Feedback) -> bool:
    """A staff user over the unit, or a user working in the unit, above it or below it (an inspector)."""
    if not user.is_active or _about(feedback, user):
        return False
    if has_role(user, Role.PROVINCE_BOARD, Role.UNIT_OFFICER, Role.LEADER) and can_see_unit(
        user, feedback.unit
    ):
        return True
    own = Person.objects.filter(user=user).select_related("current_unit").first()
    if own is None:
        return False
    mine, theirs = own.current_unit.path or "", feedback.unit.path
    return mine.startswith(theirs) or theirs.startswith(mine)


@transaction.atomic
def feedback_assign(*, actor, feedback: Feedback, handler, expected_version=None) -> Feedback:
    _require_manager(actor, feedback)
    feedback = _locked(feedback, expected_version)
    if feedback.status == FeedbackStatus.CLOSED:
        raise ValidationError({"status": ["Phản ánh đã kết luận: không giao lại."]})
    if handler is None or not _may_handle(handler, feedback):
        raise ValidationError(
            {
                "handler": [
                    "Người xử lý phải thuộc đơn vị bị phản ánh (hoặc cấp trên) và không phải người bị phản ánh."
                ]
            }
        )
    with audit_actor(actor):
        feedback.handler, feedback.status = handler, FeedbackStatus.ASSIGNED
        feedback.save(update_fields=["handler", "status", "updated_at"])
    return feedback


@transaction.atomic
def feedback_verify(*, actor, feedback: Feedback, notes: str, expected_version=None) -> Feedback:
    _require_handler(actor, feedback)
    feedback = _locked(feedback, expected_version)
    if feedback.status != FeedbackStatus.ASSIGNED:
        raise ValidationError({"status": ["Chỉ ghi kết quả xác minh khi phản ánh đã giao người xử lý."]})
    notes = (notes or "").strip()
    if not notes:
        raise ValidationError({"notes": ["Cần nội dung kết quả xác minh."]})
    if len(notes) > 5000:
        raise ValidationError({"notes": ["Kết quả xác minh tối đa 5.000 ký tự."]})
    with audit_actor(actor):
        feedback.verification_notes = notes
        feedback.save(update_fields=["verification_notes", "updated_at"])
    return feedback


@transaction.atomic
def feedback_close(
    *, actor, feedback: Feedback, conclusion: str, closed_on: date | None, expected_version=None
) -> Feedback:
    _require_handler(actor, feedback)
    feedback = _locked(feedback, expected_version)
    errors: dict[str, list[str]] = {}
    if feedback.status != FeedbackStatus.ASSIGNED:
        errors["status"] = ["Chỉ kết luận phản ánh đã giao người xử lý và chưa kết luận."]
    elif not feedback.verification_notes:
        errors["status"] = ["Cần ghi kết quả xác minh trước khi kết luận."]
    if conclusion not in Conclusion.values:
        errors["conclusion"] = ["Cần kết luận: đúng, sai hoặc đúng một phần."]
    if closed_on is None:
        errors["closed_on"] = ["Cần ngày kết luận."]
    elif closed_on > timezone.localdate():
        errors["closed_on"] = ["Ngày kết luận không được ở tương lai."]
    elif closed_on < feedback.received_on:
        errors["closed_on"] = ["Ngày kết luận không được trước ngày tiếp nhận."]
    if errors:
        raise ValidationError(errors)
    with audit_actor(actor):
        feedback.conclusion, feedback.closed_on = conclusion, closed_on
        feedback.status = FeedbackStatus.CLOSED
        feedback.save(update_fields=["conclusion", "closed_on", "status", "updated_at"])
    return feedback


@transaction.atomic
def feedback_open_case(
    *, actor, feedback: Feedback, opened_on: date | None, acts: list[dict], expected_version=None
) -> DisciplineCase:
    """A founded (or partly founded) feedback about an official leads to a discipline case, linked to it."""
    _require_manager(actor, feedback)
    feedback = _locked(feedback, expected_version)
    if feedback.conclusion not in (Conclusion.FOUNDED, Conclusion.PARTLY):
        raise ValidationError(
            {"conclusion": ["Chỉ phản ánh kết luận đúng hoặc đúng một phần mới xử lý kỷ luật."]}
        )
    if feedback.subject_person is None:
        raise ValidationError(
            {"subject_person": ["Phản ánh không nêu cán bộ cụ thể: không mở vụ việc kỷ luật."]}
        )
    if feedback.discipline_case_id is not None:
        raise ValidationError({"discipline_case": ["Phản ánh này đã có vụ việc kỷ luật."]})
    case = case_open(actor=actor, person=feedback.subject_person, opened_on=opened_on, acts=acts)
    with audit_actor(actor):
        feedback.discipline_case = case
        feedback.save(update_fields=["discipline_case", "updated_at"])
    return case
