"""Writes of emulation and commendation: movements (the board), registrations of exemplary models, awards and
their revocation (Luật TĐKT 06/2022, rule 29). Unit officers record for their units; every write is audited."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from canbo.accounts.access import require_board, require_edit
from canbo.core.audit import audit_actor
from canbo.core.decisions import decision_date_error, decision_number_error
from canbo.core.exceptions import add_error
from canbo.core.versioning import bump_version
from canbo.org.models import OrgUnit
from canbo.people.models import Person

from .choices import COLLECTIVE_TITLES, INDIVIDUAL_TITLES, AwardForm, RecipientKind
from .models import Award, EmulationMovement, Registration

OUTSIDE = "{name} không thuộc đơn vị anh/chị quản lý."


def _recipient(actor, kind: str, unit: OrgUnit | None, person: Person | None, errors: dict):
    """The unit recorded on the row: the collective itself, or the individual's current unit."""
    if kind not in RecipientKind.values:
        add_error(errors, "kind", "Đối tượng phải là tập thể hoặc cá nhân.")
        return None
    if kind == RecipientKind.CA_NHAN:
        if person is None:
            add_error(errors, "person", "Cần chọn cá nhân.")
            return None
        unit = person.current_unit
        name = person.full_name
    elif unit is None:
        add_error(errors, "unit", "Cần chọn tập thể (đơn vị).")
        return None
    else:
        name = unit.name
    require_edit(actor, unit, OUTSIDE.format(name=name))
    return unit


def _year(errors: dict, year, today: date) -> None:
    if not year or not 1945 <= year <= today.year + 1:
        add_error(errors, "year", f"Năm không hợp lệ (1945–{today.year + 1}).")


BOARD_ONLY_MOVEMENT = "Chỉ Ban Tổ chức Tỉnh ủy / Sở Nội vụ khai báo phong trào thi đua."


def _movement_errors(*, code, name, start_year, end_year, item) -> dict:
    errors: dict = {}
    code = (code or "").strip()
    if not code:
        add_error(errors, "code", "Cần mã phong trào.")
    elif len(code) > 30:
        add_error(errors, "code", "Mã phong trào tối đa 30 ký tự.")
    else:
        duplicate = EmulationMovement.objects.filter(code=code)
        if item is not None:
            duplicate = duplicate.exclude(pk=item.pk)
        if duplicate.exists():
            add_error(errors, "code", f"Mã {code} đã có.")
    if not (name or "").strip():
        add_error(errors, "name", "Cần tên phong trào.")
    if not start_year or not 1945 <= start_year <= 2100:
        add_error(errors, "start_year", "Năm bắt đầu không hợp lệ (1945–2100).")
    if end_year and start_year and end_year < start_year:
        add_error(errors, "end_year", "Năm kết thúc không được trước năm bắt đầu.")
    if item is not None and not errors:
        outside = Q(year__lt=start_year) | (Q(year__gt=end_year) if end_year else Q(pk__in=[]))
        if item.registrations.filter(outside).exists():
            add_error(errors, "start_year", "Đã có đăng ký thi đua ngoài khoảng năm mới của phong trào.")
    return errors


def _movement_save(actor, item: EmulationMovement) -> EmulationMovement:
    try:
        with transaction.atomic(), audit_actor(actor):
            item.save()
    except IntegrityError as exc:  # a concurrent save of the same code
        raise ValidationError({"code": [f"Mã {item.code} đã có."]}) from exc
    return item


@transaction.atomic
def movement_create(
    *, actor, code: str, name: str, start_year: int, end_year=None, launched_by=""
) -> EmulationMovement:
    """Declare a movement (the board): a unique code, years in order."""
    require_board(actor, BOARD_ONLY_MOVEMENT)
    errors = _movement_errors(code=code, name=name, start_year=start_year, end_year=end_year, item=None)
    if errors:
        raise ValidationError(errors)
    item = EmulationMovement(
        code=code.strip()[:30],
        name=name.strip()[:300],
        start_year=start_year,
        end_year=end_year,
        launched_by=(launched_by or "").strip()[:200],
    )
    return _movement_save(actor, item)


@transaction.atomic
def movement_update(
    *, actor, item: EmulationMovement, code: str, name: str, start_year: int, end_year=None, launched_by=""
) -> EmulationMovement:
    """Correct a movement (the board); its registrations must stay within its years."""
    require_board(actor, BOARD_ONLY_MOVEMENT)
    item = EmulationMovement.objects.select_for_update().get(pk=item.pk)
    errors = _movement_errors(code=code, name=name, start_year=start_year, end_year=end_year, item=item)
    if errors:
        raise ValidationError(errors)
    item.code, item.name = code.strip()[:30], name.strip()[:300]
    item.start_year, item.end_year = start_year, end_year
    item.launched_by = (launched_by or "").strip()[:200]
    return _movement_save(actor, item)


@transaction.atomic
def registration_record(
    *,
    actor,
    movement: EmulationMovement,
    year: int,
    kind: str,
    unit=None,
    person=None,
    registered_on: date | None = None,
    note: str = "",
) -> Registration:
    """Register a collective or an individual as an exemplary model of a movement for a year."""
    today = timezone.localdate()
    errors: dict = {}
    unit = _recipient(actor, kind, unit, person, errors)
    _year(errors, year, today)
    if movement is None:
        add_error(errors, "movement", "Cần chọn phong trào.")
    elif year and (year < movement.start_year or (movement.end_year and year > movement.end_year)):
        add_error(errors, "year", f"Năm {year} ngoài thời gian của phong trào “{movement.name}”.")
    registered_on = registered_on or today
    if registered_on > today:
        add_error(errors, "registered_on", "Ngày đăng ký không được ở tương lai.")
    if errors:
        raise ValidationError(errors)
    item = Registration(
        movement=movement,
        year=year,
        kind=kind,
        unit=unit,
        person=person if kind == RecipientKind.CA_NHAN else None,
        registered_on=registered_on,
        note=(note or "").strip()[:300],
        recorded_by=actor,
    )
    try:
        with transaction.atomic(), audit_actor(actor):
            item.save()
    except IntegrityError as exc:
        who = person.full_name if item.person_id else unit.name
        raise ValidationError({"kind": [f"{who} đã đăng ký phong trào này năm {year}."]}) from exc
    return item


def _award_errors(*, form, kind, person, year, decision_number, decision_date, issuing_body, today) -> dict:
    errors: dict = {}
    if form not in AwardForm.values:
        add_error(errors, "form", "Danh hiệu, hình thức khen thưởng không hợp lệ.")
    elif kind == RecipientKind.TAP_THE and form in INDIVIDUAL_TITLES:
        add_error(errors, "form", f"“{AwardForm(form).label}” là danh hiệu cá nhân, không xét cho tập thể.")
    elif kind == RecipientKind.CA_NHAN and form in COLLECTIVE_TITLES:
        add_error(errors, "form", f"“{AwardForm(form).label}” là danh hiệu tập thể, không xét cho cá nhân.")
    elif form == AwardForm.CSTD_CO_SO and person is not None and year:
        has_base = Award.objects.filter(
            person=person, year=year, form=AwardForm.LD_TIEN_TIEN, revoked_on__isnull=True
        ).exists()
        if not has_base:
            add_error(
                errors,
                "form",
                f"Chiến sĩ thi đua cơ sở năm {year} cần đạt danh hiệu Lao động tiên tiến năm đó.",
            )
    if message := decision_number_error(decision_number):
        add_error(errors, "decision_number", message)
    if message := decision_date_error(decision_date, today):
        add_error(errors, "decision_date", message)
    elif year and decision_date.year < year:
        add_error(errors, "decision_date", f"Quyết định khen thưởng năm {year} không thể ký trước năm đó.")
    if not (issuing_body or "").strip():
        add_error(errors, "issuing_body", "Cần cấp khen (cơ quan ra quyết định).")
    return errors


@transaction.atomic
def award_record(
    *,
    actor,
    form: str,
    kind: str,
    year: int,
    decision_number: str,
    decision_date: date | None,
    issuing_body: str,
    unit=None,
    person=None,
    movement=None,
) -> Award:
    today = timezone.localdate()
    errors: dict = {}
    unit = _recipient(actor, kind, unit, person, errors)
    _year(errors, year, today)
    person = person if kind == RecipientKind.CA_NHAN else None
    for field, messages in _award_errors(
        form=form,
        kind=kind,
        person=person,
        year=year,
        decision_number=decision_number,
        decision_date=decision_date,
        issuing_body=issuing_body,
        today=today,
    ).items():
        errors.setdefault(field, []).extend(messages)
    if errors:
        raise ValidationError(errors)
    item = Award(
        form=form,
        kind=kind,
        unit=unit,
        person=person,
        year=year,
        movement=movement,
        decision_number=decision_number.strip()[:60],
        decision_date=decision_date,
        issuing_body=issuing_body.strip()[:200],
        recorded_by=actor,
    )
    try:
        with transaction.atomic(), audit_actor(actor):
            item.save()
    except IntegrityError as exc:
        raise ValidationError(
            {"form": [f"{item.recipient} đã có danh hiệu “{item.get_form_display()}” năm {year}."]}
        ) from exc
    return item


@transaction.atomic
def award_revoke(
    *, actor, award: Award, on: date | None, decision_number: str, reason: str, expected_version=None
) -> Award:
    """Hủy quyết định khen thưởng (e.g. a fraudulent claim): the row stays, marked revoked, with the reason."""
    require_edit(actor, award.unit, OUTSIDE.format(name=award.recipient))
    award = Award.objects.select_for_update(of=("self",)).select_related("unit", "person").get(pk=award.pk)
    bump_version(Award, award, expected_version)
    if award.revoked_on:
        raise ValidationError(f"Khen thưởng này đã bị hủy ngày {award.revoked_on:%d/%m/%Y}.")
    errors: dict = {}
    if on is None:
        add_error(errors, "on", "Cần ngày hủy.")
    elif on > timezone.localdate():
        add_error(errors, "on", "Ngày hủy không được ở tương lai.")
    elif on < award.decision_date:
        add_error(errors, "on", "Ngày hủy không được trước ngày quyết định khen thưởng.")
    if not (decision_number or "").strip():
        add_error(errors, "decision_number", "Cần số quyết định hủy khen thưởng.")
    if not (reason or "").strip():
        add_error(errors, "reason", "Cần ghi rõ lý do hủy (ví dụ: khai man hồ sơ đề nghị khen thưởng).")
    if errors:
        raise ValidationError(errors)
    award.revoked_on = on
    award.revocation_decision_number = decision_number.strip()[:60]
    award.revocation_reason = reason.strip()[:300]
    with audit_actor(actor):
        award.save()
    return award
