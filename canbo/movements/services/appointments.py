"""Appointments: proposal → standards check → collective approval → decision (number, date, signer).

The standards check (canbo.standards.engine) gates the way: a BLOCKED appointment cannot be approved or
decided, and approval and decision check the standards again on their own date — there is no override, only
a new check once the gaps are closed. The decision writes the career row through canbo.people.services in the
same transaction. Rule 8: a term of 5 years from the decision (or its effective date), at most 2 consecutive
terms in a post; rule 9: under 2 years to retirement, the term is extended to the retirement date instead.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from canbo.accounts.access import require_board, require_edit
from canbo.core.audit import audit_actor
from canbo.core.decisions import decision_errors
from canbo.core.exceptions import ConflictError, add_error
from canbo.core.versioning import bump_version
from canbo.discipline.selectors import promotion_blocked_until
from canbo.org.models import OrgUnit, UnitKind
from canbo.people.choices import PersonnelMove
from canbo.people.models import Person, Position
from canbo.people.retirement import retirement_date
from canbo.people.services import employment_add
from canbo.standards.engine import StandardsCheck, check_person

from ..choices import AppointmentKind, AppointmentStatus
from ..models import Appointment
from .checks import require_working
from .terms import (
    CHECKABLE,
    EXTEND_BELOW_YEARS,
    EXTENSION_NOTE,
    OPEN_STATUSES,
    consecutive_terms,
    extension_instead,
    extension_vote_share,
    head_term_limit,
    is_extended,
    previous_term,
    term_end_for,
)

NOT_YOURS = "Anh/chị không có quyền đề xuất, ghi nhận bổ nhiệm vào đơn vị này."
BOARD_ONLY = "Chỉ Ban Tổ chức Tỉnh ủy / Sở Nội vụ ghi nhận ý kiến thống nhất của tập thể lãnh đạo."


def _held_leadership(person: Person) -> bool:
    return person.employments.filter(position__is_leadership=True).exists()


def _require_status(appointment: Appointment, allowed, doing: str) -> None:
    if appointment.status == AppointmentStatus.BLOCKED and AppointmentStatus.BLOCKED not in allowed:
        raise ValidationError(
            [
                f"Không thể {doing}: {appointment.person.full_name} chưa đạt tiêu chuẩn chức danh "
                f"(kiểm tra ngày {appointment.check_date:%d/%m/%Y}). Khắc phục các tiêu chuẩn sau rồi kiểm "
                "tra lại:",
                *appointment.check_gaps,
            ]
        )
    if appointment.status not in allowed:
        raise ValidationError(
            f"Không thể {doing}: đề xuất đang ở trạng thái “{appointment.get_status_display()}”."
        )


PROMOTION_KINDS = (AppointmentKind.FIRST, AppointmentKind.HIGHER)


def _discipline_errors(person: Person, kind: str, on: date) -> dict:
    """Rule 26 (QĐ 377-QĐ/TW): after a reprimand, a warning or a removal from office, no higher post for
    24, 36 or 60 months from the decision. Reappointment to the same post is not a promotion."""
    errors: dict[str, list[str]] = {}
    if kind in PROMOTION_KINDS and (until := promotion_blocked_until(person, on)) is not None:
        add_error(
            errors,
            "person",
            f"{person.full_name} đang trong thời hạn không được bổ nhiệm vào chức vụ cao hơn do bị kỷ luật "
            f"(QĐ 377-QĐ/TW: 24, 36 hoặc 60 tháng kể từ ngày quyết định kỷ luật): được xem xét từ ngày "
            f"{until:%d/%m/%Y}.",
        )
    return errors


def _kind_errors(person: Person, position: Position, unit: OrgUnit, kind: str) -> tuple[dict, object]:
    """The kind must match the person's history, so no criterion is skipped by choosing another kind."""
    errors: dict[str, list[str]] = {}
    previous = None
    if kind == AppointmentKind.REAPPOINT:
        previous = previous_term(person, position, unit)
        if previous is None:
            add_error(
                errors,
                "kind",
                "Chưa có quyết định bổ nhiệm trước vào chức vụ này tại đơn vị này trong hệ thống: không thể "
                "bổ nhiệm lại. Hãy ghi nhận quyết định bổ nhiệm trước trước đã.",
            )
        elif person.position_id != position.pk or person.current_unit_id != unit.pk:
            add_error(errors, "kind", f"{person.full_name} hiện không giữ chức vụ này tại đơn vị này.")
        elif (limit := head_term_limit(position, timezone.localdate())) and consecutive_terms(
            previous
        ) >= limit:
            add_error(
                errors,
                "kind",
                f"{person.full_name} đã giữ chức vụ cấp trưởng này {limit} nhiệm kỳ liên tiếp (đến "
                f"{previous.term_end:%d/%m/%Y}): không bổ nhiệm lại nhiệm kỳ thứ ba.",
            )
        elif retire := extension_instead(person, previous.term_end):
            add_error(
                errors,
                "kind",
                f"Còn dưới {EXTEND_BELOW_YEARS} năm công tác đến tuổi nghỉ hưu (nghỉ hưu ngày "
                f"{retire:%d/%m/%Y}): không bổ nhiệm lại mà kéo dài thời hạn giữ chức vụ đến ngày nghỉ hưu "
                "(trên hồ sơ bổ nhiệm trước).",
            )
    elif kind == AppointmentKind.FIRST and _held_leadership(person):
        add_error(
            errors,
            "kind",
            f"{person.full_name} đã từng giữ chức vụ lãnh đạo, quản lý: hãy chọn “bổ nhiệm chức vụ cao hơn” "
            "(hoặc “bổ nhiệm lại” nếu là cùng chức vụ).",
        )
    elif kind == AppointmentKind.HIGHER and not _held_leadership(person):
        add_error(
            errors,
            "kind",
            f"{person.full_name} chưa từng giữ chức vụ lãnh đạo, quản lý: hãy chọn “bổ nhiệm lần đầu”.",
        )
    return errors, previous


@transaction.atomic
def appointment_propose(
    *, actor, person: Person, position: Position, unit: OrgUnit, kind: str, note: str = ""
) -> Appointment:
    """A proposal by an officer of the target unit's subtree (or the board); the check comes next."""
    require_edit(actor, unit, NOT_YOURS)
    require_edit(
        actor,
        person.current_unit,
        f"{person.full_name} không thuộc đơn vị anh/chị quản lý: đề xuất bổ nhiệm người từ nơi khác do "
        "Ban Tổ chức Tỉnh ủy / Sở Nội vụ thực hiện.",
    )
    require_working(person, "đề xuất bổ nhiệm")
    if kind not in AppointmentKind.values:
        raise ValidationError({"kind": ["Hình thức bổ nhiệm không hợp lệ."]})
    today = timezone.localdate()
    errors: dict[str, list[str]] = {}
    if not position.is_leadership:
        add_error(errors, "position", "Chỉ bổ nhiệm vào chức vụ lãnh đạo, quản lý.")
    if unit.kind == UnitKind.AREA:
        add_error(errors, "unit", "Hãy chọn cơ quan, đơn vị cụ thể, không chọn địa bàn.")
    elif unit.valid_from > today or (unit.valid_to and unit.valid_to < today):
        add_error(errors, "unit", f"Đơn vị {unit.name} không còn hoặc chưa hoạt động.")
    if len(note) > 300:
        add_error(errors, "note", "Ghi chú tối đa 300 ký tự.")
    open_one = Appointment.objects.filter(
        person=person, position=position, unit=unit, status__in=OPEN_STATUSES
    ).first()
    if open_one is not None:
        add_error(
            errors,
            "person",
            f"{person.full_name} đã có đề xuất bổ nhiệm {position.name} – {unit.name} đang xử lý "
            f"(trạng thái “{open_one.get_status_display()}”).",
        )
    if not errors:
        kind_errors, previous = _kind_errors(person, position, unit, kind)
        errors.update(kind_errors)
        errors.update(_discipline_errors(person, kind, today))
    if errors:
        raise ValidationError(errors)
    appointment = Appointment(
        person=person,
        position=position,
        unit=unit,
        kind=kind,
        previous=previous,
        proposed_by=actor,
        note=note.strip(),
    )
    with audit_actor(actor):
        appointment.save()
    return appointment


def _standards(appointment: Appointment, on: date) -> StandardsCheck:
    return check_person(appointment.person, appointment.position, on, appointment_kind=appointment.kind)


def _store_check(actor, appointment: Appointment, check: StandardsCheck, expected_version=None) -> None:
    appointment.check_date = check.on
    appointment.check_gaps = [] if check.met else check.messages
    appointment.status = AppointmentStatus.CHECKED if check.met else AppointmentStatus.BLOCKED
    bump_version(Appointment, appointment, expected_version)
    with audit_actor(actor):
        appointment.save(update_fields=["check_date", "check_gaps", "status", "version", "updated_at"])


@transaction.atomic
def appointment_check(
    *, actor, appointment: Appointment, on: date | None = None, expected_version: int | None = None
) -> Appointment:
    """Run the standards check: CHECKED when every standard is met, else BLOCKED with the list of gaps."""
    require_edit(actor, appointment.unit, NOT_YOURS)
    _require_status(appointment, CHECKABLE, "kiểm tra tiêu chuẩn")
    require_working(appointment.person, "kiểm tra tiêu chuẩn để bổ nhiệm")
    check = _standards(appointment, on or timezone.localdate())
    _store_check(actor, appointment, check, expected_version)
    return appointment


def _recheck(actor, appointment: Appointment, on: date, doing: str) -> None:
    """The standards again on the date of the step: unmet → the appointment is BLOCKED (kept) and refused."""
    check = _standards(appointment, on)
    if check.met:
        return
    with transaction.atomic():
        _store_check(actor, appointment, check)
    raise ValidationError(
        [
            f"Không thể {doing}: vào ngày {on:%d/%m/%Y} {appointment.person.full_name} chưa đạt tiêu chuẩn "
            "chức danh; đề xuất chuyển về “Chưa đạt tiêu chuẩn”:",
            *check.messages,
        ]
    )


def appointment_approve(
    *, actor, appointment: Appointment, expected_version: int | None = None
) -> Appointment:
    """The collective leadership's agreement, recorded by the board; only for a CHECKED appointment."""
    require_board(actor, BOARD_ONLY)
    _require_status(appointment, [AppointmentStatus.CHECKED], "trình thống nhất")
    require_working(appointment.person, "bổ nhiệm")
    if expected_version is not None and expected_version != appointment.version:
        raise ConflictError()
    _recheck(actor, appointment, timezone.localdate(), "ghi nhận thống nhất")
    with transaction.atomic():
        appointment.status = AppointmentStatus.APPROVED
        bump_version(Appointment, appointment, expected_version)
        with audit_actor(actor):
            appointment.save(update_fields=["status", "version", "updated_at"])
    return appointment


def _decision_errors(appointment, decision_number, decision_date, signer, effective_date) -> dict:
    errors = decision_errors(decision_number, decision_date)
    if not (signer or "").strip():
        add_error(errors, "signer", "Cần người ký quyết định.")
    elif len(signer.strip()) > 200:
        add_error(errors, "signer", "Người ký tối đa 200 ký tự.")
    if effective_date and decision_date and effective_date < decision_date:
        add_error(errors, "effective_date", "Ngày hiệu lực không được trước ngày quyết định.")
    start = effective_date or decision_date
    previous = appointment.previous
    if start and previous is not None and start <= previous.term_start:
        add_error(
            errors,
            "effective_date",
            f"Nhiệm kỳ mới phải bắt đầu sau nhiệm kỳ trước (từ {previous.term_start:%d/%m/%Y}).",
        )
    open_row = appointment.person.employments.filter(end_date__isnull=True).first()
    if start and open_row is not None and start <= open_row.start_date:
        add_error(
            errors,
            "effective_date",
            f"Ngày bắt đầu nhiệm kỳ phải sau ngày bắt đầu quá trình công tác hiện tại "
            f"({open_row.start_date:%d/%m/%Y}).",
        )
    return errors


def appointment_decide(
    *,
    actor,
    appointment: Appointment,
    decision_number: str,
    decision_date: date,
    signer: str,
    effective_date: date | None = None,
    expected_version: int | None = None,
) -> Appointment:
    """The decision: the term (5 years from the decision or its effective date) and the career row
    (BO_NHIEM / BO_NHIEM_LAI; the current row ends the day before), in one transaction."""
    require_edit(actor, appointment.unit, NOT_YOURS)
    _require_status(appointment, [AppointmentStatus.APPROVED], "ghi quyết định bổ nhiệm")
    person = appointment.person
    require_working(person, "ghi quyết định bổ nhiệm")
    errors = _decision_errors(appointment, decision_number, decision_date, signer, effective_date)
    if not errors:
        errors = _discipline_errors(person, appointment.kind, effective_date or decision_date)
    if errors:
        raise ValidationError(errors)
    limit = head_term_limit(appointment.position, decision_date)
    if appointment.kind == AppointmentKind.REAPPOINT and limit and consecutive_terms(appointment) > limit:
        raise ValidationError(f"Không bổ nhiệm cấp trưởng quá {limit} nhiệm kỳ liên tiếp.")
    if expected_version is not None and expected_version != appointment.version:
        raise ConflictError()
    _recheck(actor, appointment, decision_date, "ghi quyết định bổ nhiệm")
    term_start = effective_date or decision_date
    number, signer = decision_number.strip(), signer.strip()
    move = (
        PersonnelMove.BO_NHIEM_LAI
        if appointment.kind == AppointmentKind.REAPPOINT
        else PersonnelMove.BO_NHIEM
    )
    with transaction.atomic():
        employment = employment_add(
            actor=actor,
            person=person,
            unit=appointment.unit,
            category=person.category,
            start_date=term_start,
            position=appointment.position,
            move=move,
            decision_number=number,
            note=f"Quyết định ngày {decision_date:%d/%m/%Y}, {signer} ký"[:255],
        )
        appointment.decision_number, appointment.decision_date, appointment.signer = (
            number,
            decision_date,
            signer,
        )
        appointment.term_start, appointment.term_end = term_start, term_end_for(term_start)
        appointment.employment, appointment.status = employment, AppointmentStatus.DECIDED
        bump_version(Appointment, appointment, expected_version)
        with audit_actor(actor):
            appointment.save(
                update_fields=[
                    "decision_number",
                    "decision_date",
                    "signer",
                    "term_start",
                    "term_end",
                    "employment",
                    "status",
                    "version",
                    "updated_at",
                ]
            )
    return appointment


@transaction.atomic
def appointment_withdraw(
    *, actor, appointment: Appointment, reason: str = "", expected_version: int | None = None
) -> Appointment:
    require_edit(actor, appointment.unit, NOT_YOURS)
    _require_status(appointment, OPEN_STATUSES, "rút đề xuất")
    appointment.status = AppointmentStatus.WITHDRAWN
    if reason.strip():
        appointment.note = f"{appointment.note} Rút đề xuất: {reason.strip()}".strip()[:300]
    bump_version(Appointment, appointment, expected_version)
    with audit_actor(actor):
        appointment.save(update_fields=["status", "note", "version", "updated_at"])
    return appointment


@transaction.atomic
def appointment_extend_to_retirement(
    *,
    actor,
    appointment: Appointment,
    votes_for: int | None = None,
    votes_total: int | None = None,
    expected_version: int | None = None,
) -> Appointment:
    """Rule 9: under 2 years to retirement when the term ends → the term runs to the retirement date, when the
    collective secret vote recorded here is above the share in force (QĐ 727/QĐ-BNV 2025: more than 50 %)."""
    require_edit(actor, appointment.unit, NOT_YOURS)
    if appointment.status != AppointmentStatus.DECIDED:
        raise ValidationError("Chỉ kéo dài thời hạn của bổ nhiệm đã có quyết định.")
    share = extension_vote_share(timezone.localdate())
    if votes_total is None or votes_for is None:
        raise ValidationError(
            {
                "votes_total": [
                    "Cần ghi kết quả biểu quyết (bỏ phiếu kín) của tập thể lãnh đạo về việc kéo dài."
                ]
            }
        )
    if votes_total < 1 or not 0 <= votes_for <= votes_total:
        raise ValidationError(
            {"votes_for": ["Số phiếu đồng ý từ 0 đến tổng số người biểu quyết (ít nhất 1)."]}
        )
    if votes_for <= votes_total * share:
        raise ValidationError(
            {
                "votes_for": [
                    f"{votes_for}/{votes_total} phiếu đồng ý, không quá {share * 100:.0f} % tổng số: không kéo dài "
                    "thời hạn giữ chức vụ."
                ]
            }
        )
    person = appointment.person
    require_working(person, "kéo dài thời hạn giữ chức vụ")
    if is_extended(appointment):
        raise ValidationError("Thời hạn giữ chức vụ này đã được kéo dài đến ngày nghỉ hưu.")
    if Appointment.objects.filter(previous=appointment).exclude(status=AppointmentStatus.WITHDRAWN).exists():
        raise ValidationError("Đã có đề xuất bổ nhiệm lại cho nhiệm kỳ này.")
    retire = extension_instead(person, appointment.term_end)
    if retire is None:
        raise ValidationError(
            f"Chỉ kéo dài khi còn dưới {EXTEND_BELOW_YEARS} năm công tác tính từ khi hết nhiệm kỳ "
            f"({appointment.term_end:%d/%m/%Y}); {person.full_name} nghỉ hưu ngày "
            f"{retirement_date(person.gender, person.date_of_birth):%d/%m/%Y}."
        )
    old_end = appointment.term_end
    appointment.term_end = retire
    appointment.extension_votes_for, appointment.extension_votes_total = votes_for, votes_total
    appointment.note = (
        f"{EXTENSION_NOTE} ({retire:%d/%m/%Y}); thời hạn trước đến {old_end:%d/%m/%Y}. {appointment.note}"
    ).strip()[:300]
    bump_version(Appointment, appointment, expected_version)
    with audit_actor(actor):
        appointment.save(
            update_fields=[
                "term_end",
                "note",
                "extension_votes_for",
                "extension_votes_total",
                "version",
                "updated_at",
            ]
        )
    return appointment
