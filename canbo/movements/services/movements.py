"""Movements: rotation, transfer, secondment, dismissal, removal, resignation, retirement and leaving.

Each is a dated event with its decision that updates the career timeline in the same transaction through
canbo.people.services: a new row (the current one ends the day before) for a move to another unit or the loss
of a post, the end of service for retirement and leaving. One decision may cover many people
(`movement_record_batch`): all of them are recorded, or none.
"""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from canbo.accounts.access import require_edit
from canbo.core.audit import audit_actor
from canbo.core.dates import add_months, add_years
from canbo.core.decisions import decision_errors
from canbo.core.exceptions import add_error
from canbo.org.models import AdminLevel, OrgUnit, UnitKind
from canbo.people.choices import PersonStatus
from canbo.people.models import Person, Position
from canbo.people.retirement import retirement_date
from canbo.people.services import employment_add, person_end_service
from canbo.planning.selectors import approved_entries_on

from ..choices import Direction, MovementKind
from ..models import Movement, MovementRule
from .checks import locked_person, require_working

BATCH_LIMIT = 500
NEEDS_DESTINATION = {MovementKind.ROTATION, MovementKind.TRANSFER, MovementKind.SECONDMENT}
NEEDS_END = {MovementKind.ROTATION, MovementKind.SECONDMENT}
LEAVES_POST = {MovementKind.DISMISSAL, MovementKind.REMOVAL, MovementKind.RESIGNATION}
EXITS = {MovementKind.RETIREMENT: PersonStatus.RETIRED, MovementKind.LEAVE: PersonStatus.MOVED_OUT}
DIRECTIONS = {
    (AdminLevel.TINH, AdminLevel.HUYEN): Direction.PROVINCE_TO_DISTRICT,
    (AdminLevel.HUYEN, AdminLevel.TINH): Direction.DISTRICT_TO_PROVINCE,
    (AdminLevel.HUYEN, AdminLevel.XA): Direction.DISTRICT_TO_COMMUNE,
    (AdminLevel.XA, AdminLevel.HUYEN): Direction.COMMUNE_TO_DISTRICT,
    (AdminLevel.TINH, AdminLevel.XA): Direction.PROVINCE_TO_COMMUNE,
    (AdminLevel.XA, AdminLevel.TINH): Direction.COMMUNE_TO_PROVINCE,
}
OUTSIDE_PERSON = "{name} không thuộc đơn vị anh/chị quản lý."
OUTSIDE_DESTINATION = (
    "Đơn vị đến ({unit}) ngoài phạm vi anh/chị quản lý: điều động, luân chuyển ra ngoài đơn vị do Ban Tổ chức "
    "Tỉnh ủy / Sở Nội vụ ghi nhận."
)


def direction_between(from_unit: OrgUnit, to_unit: OrgUnit) -> str:
    """From the administrative levels of the two units (tỉnh, huyện, xã); the same level → NGANG."""
    return DIRECTIONS.get((from_unit.level, to_unit.level), Direction.SAME_LEVEL)


def _in_plan(person: Person, on: date) -> bool:
    return approved_entries_on(on).filter(person=person).exists()


def _rotation_errors(person: Person, start: date, end: date | None, errors: dict) -> None:
    """Rule 13 (QĐ 65/2022; NĐ 138 Art 48, 56): in the approved plan, at least 36 months, 10 years left
    (MovementRule "rotation" in force on the start)."""
    rule = MovementRule.objects.value("rotation", on=start)
    ROTATION_MIN_MONTHS, ROTATION_MIN_SERVICE_YEARS = rule["min_months"], rule["min_service_years"]  # noqa: N806
    if end is not None and end < add_months(start, ROTATION_MIN_MONTHS):
        add_error(
            errors,
            "end_date",
            f"Thời gian luân chuyển ít nhất {ROTATION_MIN_MONTHS} tháng: đến ngày "
            f"{add_months(start, ROTATION_MIN_MONTHS):%d/%m/%Y} trở đi.",
        )
    if not _in_plan(person, start):
        add_error(
            errors,
            "person",
            f"{person.full_name} không có trong quy hoạch được phê duyệt vào ngày {start:%d/%m/%Y}: chỉ luân "
            "chuyển cán bộ trong quy hoạch.",
        )
    retire = retirement_date(person.gender, person.date_of_birth)
    if retire < add_years(start, ROTATION_MIN_SERVICE_YEARS):
        add_error(
            errors,
            "person",
            f"Cần còn ít nhất {ROTATION_MIN_SERVICE_YEARS} năm công tác khi luân chuyển; {person.full_name} "
            f"nghỉ hưu ngày {retire:%d/%m/%Y}.",
        )


def _movement_errors(*, person, kind, start, end, to_unit, to_position, decision_number, decision_date):
    today = timezone.localdate()
    errors = decision_errors(decision_number, decision_date, today=today)
    if start is None:
        add_error(errors, "start_date", "Cần ngày có hiệu lực.")
        return errors
    open_row = person.employments.filter(end_date__isnull=True).first()
    if kind in EXITS:
        if start > today:
            add_error(
                errors,
                "start_date",
                f"Ngày {start:%d/%m/%Y} chưa đến: ghi nhận nghỉ hưu, thôi việc khi quyết định có hiệu lực.",
            )
        if open_row is not None and start < open_row.start_date:
            add_error(
                errors,
                "start_date",
                f"Ngày có hiệu lực không được trước ngày bắt đầu quá trình công tác hiện tại "
                f"({open_row.start_date:%d/%m/%Y}).",
            )
    elif open_row is not None and start <= open_row.start_date:
        add_error(
            errors,
            "start_date",
            f"Ngày có hiệu lực phải sau ngày bắt đầu quá trình công tác hiện tại ({open_row.start_date:%d/%m/%Y}).",
        )
    if kind in NEEDS_END:
        if end is None:
            add_error(errors, "end_date", "Luân chuyển, biệt phái cần thời hạn (đến ngày).")
        elif end <= start:
            add_error(errors, "end_date", "Ngày kết thúc phải sau ngày bắt đầu.")
    elif end is not None:
        add_error(errors, "end_date", "Chỉ luân chuyển, biệt phái có thời hạn; để trống ô “đến ngày”.")
    if kind in NEEDS_DESTINATION:
        if to_unit is None:
            add_error(errors, "to_unit", "Luân chuyển, điều động, biệt phái cần đơn vị đến.")
        elif to_unit.pk == person.current_unit_id:
            add_error(errors, "to_unit", "Đơn vị đến trùng với đơn vị đang công tác.")
        elif to_unit.kind == UnitKind.AREA:
            add_error(errors, "to_unit", "Hãy chọn cơ quan, đơn vị cụ thể, không chọn địa bàn.")
    elif to_unit is not None and to_unit.pk != person.current_unit_id:
        add_error(errors, "to_unit", "Miễn nhiệm, cách chức, từ chức, nghỉ hưu, thôi việc không đổi đơn vị.")
    if kind in EXITS and to_position is not None:
        add_error(errors, "to_position", "Nghỉ hưu, thôi việc không có chức vụ mới.")
    if kind in LEAVES_POST and not (person.position_id and person.position.is_leadership):
        add_error(errors, "person", f"{person.full_name} hiện không giữ chức vụ lãnh đạo, quản lý nào.")
    if kind == MovementKind.ROTATION:
        _rotation_errors(person, start, end, errors)
    return errors


@transaction.atomic
def movement_record(
    *,
    actor,
    person: Person,
    kind: str,
    decision_number: str,
    decision_date: date | None,
    start_date: date | None = None,
    end_date: date | None = None,
    to_unit: OrgUnit | None = None,
    to_position: Position | None = None,
    reason: str = "",
) -> Movement:
    """One movement and its career row. Retirement without a date: the retirement date of the NĐ 135 roadmap."""
    if kind not in MovementKind.values:
        raise ValidationError({"kind": ["Hình thức không hợp lệ."]})
    require_edit(actor, person.current_unit, OUTSIDE_PERSON.format(name=person.full_name))
    person = locked_person(person)
    require_working(person, f"ghi nhận {MovementKind(kind).label.lower()}")
    if kind in NEEDS_DESTINATION and to_unit is not None:
        require_edit(actor, to_unit, OUTSIDE_DESTINATION.format(unit=to_unit.name))
    if kind == MovementKind.RETIREMENT and start_date is None:
        start_date = retirement_date(person.gender, person.date_of_birth)
    reason = (reason or "").strip()
    errors = _movement_errors(
        person=person,
        kind=kind,
        start=start_date,
        end=end_date,
        to_unit=to_unit,
        to_position=to_position,
        decision_number=decision_number,
        decision_date=decision_date,
    )
    if len(reason) > 300:
        add_error(errors, "reason", "Lý do tối đa 300 ký tự.")
    if errors:
        raise ValidationError(errors)
    number, from_unit = decision_number.strip(), person.current_unit
    destination = to_unit if kind in NEEDS_DESTINATION else from_unit
    if kind in EXITS:
        employment = person.employments.filter(end_date__isnull=True).first()
        person_end_service(
            actor=actor, person=person, status=EXITS[kind], on=start_date, move=kind, decision_number=number
        )
    else:
        note = f"Đến ngày {end_date:%d/%m/%Y}" if end_date else ""
        employment = employment_add(
            actor=actor,
            person=person,
            unit=destination,
            category=person.category,
            start_date=start_date,
            position=to_position,
            move=kind,
            decision_number=number,
            note=(f"{note}. {reason}" if note and reason else note or reason)[:255],
        )
    movement = Movement(
        person=person,
        kind=kind,
        from_unit=from_unit,
        to_unit=destination if kind not in EXITS else None,
        to_position=to_position,
        direction=direction_between(from_unit, to_unit) if kind in NEEDS_DESTINATION else "",
        start_date=start_date,
        end_date=end_date,
        decision_number=number,
        decision_date=decision_date,
        reason=reason,
        employment=employment,
        recorded_by=actor,
    )
    with audit_actor(actor):
        movement.save()
    return movement


def movement_record_batch(*, actor, persons, kind: str, **common) -> list[Movement]:
    """One decision for many people: every movement is recorded, or none (the errors of everyone are listed)."""
    persons = list(persons)
    if not persons:
        raise ValidationError({"persons": ["Chưa chọn người nào."]})
    if len(persons) > BATCH_LIMIT:
        raise ValidationError({"persons": [f"Mỗi lần ghi nhận tối đa {BATCH_LIMIT} người."]})
    seen, twice = set(), []
    for person in persons:
        if person.pk in seen:
            twice.append(person.full_name)
        seen.add(person.pk)
    if twice:
        raise ValidationError({"persons": [f"Danh sách có người trùng: {', '.join(twice)}."]})
    recorded, problems = [], []
    with transaction.atomic():
        for person in persons:
            try:
                with transaction.atomic():
                    recorded.append(movement_record(actor=actor, person=person, kind=kind, **common))
            except (ValidationError, PermissionDenied) as exc:
                messages = exc.messages if isinstance(exc, ValidationError) else [str(exc)]
                problems.append(f"{person.full_name} ({person.code}): {' '.join(messages)}")
        if problems:
            raise ValidationError(
                [f"Chưa ghi nhận cho ai: {len(problems)} trong {len(persons)} người có lỗi.", *problems]
            )
    return recorded
