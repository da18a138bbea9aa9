"""Writes of staffing quotas and streamlining cases: permission, rules (rules.py), one transaction, audit.

The exit of a case ends the person's employment through canbo.people.services.person_end_service (move
TINH_GIAN) in the same transaction: the case and the register never disagree.
"""

from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from canbo.accounts.access import require_board, require_edit
from canbo.accounts.models import Role
from canbo.accounts.scoping import can_edit_unit, has_role
from canbo.core.audit import audit_actor
from canbo.core.decisions import decision_errors
from canbo.core.versioning import bump_version
from canbo.people.choices import PersonnelMove, PersonStatus
from canbo.people.models import Person
from canbo.people.services import person_end_service

from .choices import OPEN_STATUSES, CaseStatus, DownsizingPolicy, DownsizingReason, QuotaKind
from .models import StaffingQuota, StreamliningCase
from .rules import case_rule_errors, exemption_errors, reason_basis
from .selectors import case_rehire

BOARD_ONLY_QUOTA = "Chỉ Ban Tổ chức Tỉnh ủy được ghi nhận biên chế được giao."
BOARD_ONLY_DECIDE = "Chỉ Ban Tổ chức Tỉnh ủy được phê duyệt tinh giản biên chế."
OUTSIDE_UNIT = "Anh/chị không có quyền đề nghị tinh giản biên chế cho người của đơn vị này."


def money(amount) -> str:
    """25944000 → "25.944.000" (the Vietnamese thousands separator)."""
    return f"{int(amount):,}".replace(",", ".")


# --- quotas ------------------------------------------------------------------------------------------------


@transaction.atomic
def quota_save(
    *,
    actor,
    unit,
    year: int,
    kind: str,
    approved_count: int,
    decision_number: str,
    decision_date: date,
    note: str = "",
    quota: StaffingQuota | None = None,
    expected_version: int | None = None,
) -> StaffingQuota:
    """Record (or correct) the quota of a unit for a year and kind; one row per unit, year and kind."""
    require_board(actor, BOARD_ONLY_QUOTA)
    errors = decision_errors(decision_number, decision_date)
    if kind not in QuotaKind.values:
        errors["kind"] = ["Loại biên chế không hợp lệ."]
    if not 2000 <= int(year) <= 2100:
        errors["year"] = ["Năm từ 2000 đến 2100."]
    if approved_count is None or int(approved_count) < 0:
        errors["approved_count"] = ["Số biên chế được giao là số không âm."]
    if unit.valid_to is not None and unit.valid_to < date(int(year), 1, 1):
        errors["unit"] = [f"Đơn vị {unit.name} đã kết thúc hoạt động ngày {unit.valid_to:%d/%m/%Y}."]
    duplicate = StaffingQuota.objects.filter(unit=unit, year=year, kind=kind)
    if quota is not None:
        duplicate = duplicate.exclude(pk=quota.pk)
    if duplicate.exists():
        errors["year"] = [
            f"{unit.name} đã có {QuotaKind(kind).label.lower()} năm {year}; hãy sửa bản ghi đó."
        ]
    if errors:
        raise ValidationError(errors)
    with audit_actor(actor):
        if quota is None:
            quota = StaffingQuota(unit=unit)
        else:
            bump_version(StaffingQuota, quota, expected_version)
            quota.unit = unit
        quota.year, quota.kind, quota.approved_count = int(year), kind, int(approved_count)
        quota.decision_number, quota.decision_date = decision_number.strip(), decision_date
        quota.note = note or ""
        try:
            with transaction.atomic():
                quota.save()
        except IntegrityError as exc:  # a concurrent save of the same unit, year and kind
            raise ValidationError({"year": ["Đơn vị đã có biên chế loại này cho năm này."]}) from exc
    return quota


# --- streamlining cases ------------------------------------------------------------------------------------


def _locked_case(case: StreamliningCase) -> StreamliningCase:
    return (
        StreamliningCase.objects.select_for_update(of=("self",))
        .select_related("person", "person__current_unit", "unit")
        .get(pk=case.pk)
    )


@transaction.atomic
def case_propose(
    *,
    actor,
    person: Person,
    reason: str,
    reason_detail: str,
    policy: str,
    proposed_on: date | None = None,
    is_pregnant: bool = False,
    youngest_child_birth: date | None = None,
    under_prosecution: bool = False,
    is_voluntary: bool = False,
    under_inspection: bool = False,
) -> StreamliningCase:
    """An officer (or the board) proposes a person of their units; exemptions and the reason are checked."""
    person = Person.objects.select_for_update(of=("self",)).select_related("current_unit").get(pk=person.pk)
    require_edit(actor, person.current_unit, OUTSIDE_UNIT)
    today = timezone.localdate()
    proposed_on = proposed_on or today
    errors: dict[str, list[str]] = {}
    if reason not in DownsizingReason.values:
        errors["reason"] = ["Lý do tinh giản không thuộc danh mục."]
    if policy not in DownsizingPolicy.values:
        errors["policy"] = ["Chính sách không hợp lệ."]
    if not (reason_detail or "").strip():
        errors["reason_detail"] = ["Cần căn cứ, thuyết minh lý do tinh giản."]
    if proposed_on > today:
        errors["proposed_on"] = ["Ngày đề nghị không được ở tương lai."]
    if StreamliningCase.objects.filter(person=person, status__in=OPEN_STATUSES).exists():
        errors["person"] = [f"{person.full_name} đã có đề nghị tinh giản biên chế đang xử lý."]
    if not errors:
        errors = case_rule_errors(
            person=person,
            reason=reason,
            on=proposed_on,
            is_pregnant=is_pregnant,
            youngest_child_birth=youngest_child_birth,
            under_prosecution=under_prosecution,
            is_voluntary=is_voluntary,
            under_inspection=under_inspection,
            policy=policy,
        )
    if errors:
        raise ValidationError(errors)
    with audit_actor(actor):
        return StreamliningCase.objects.create(
            person=person,
            unit=person.current_unit,
            category=person.category,
            reason=reason,
            reason_detail=reason_detail.strip()[:500],
            policy=policy,
            proposed_on=proposed_on,
            proposed_by=actor,
            is_pregnant=is_pregnant,
            youngest_child_birth=youngest_child_birth,
            under_prosecution=under_prosecution,
            is_voluntary=is_voluntary,
            under_inspection=under_inspection,
            legal_basis=reason_basis(reason, proposed_on),
        )


@transaction.atomic
def case_approve(
    *,
    actor,
    case: StreamliningCase,
    decision_number: str,
    decision_date: date,
    planned_exit_date: date | None = None,
    exit_date: date | None = None,
    allowance_amount: Decimal | None = None,
    expected_version: int | None = None,
) -> StreamliningCase:
    """The board approves a proposed case; with `exit_date` the person leaves at once (employment ended)."""
    require_board(actor, BOARD_ONLY_DECIDE)
    case = _locked_case(case)
    if case.status != CaseStatus.PROPOSED:
        raise ValidationError(f"Chỉ phê duyệt được đề nghị đang chờ (hiện: {case.get_status_display()}).")
    errors = decision_errors(decision_number, decision_date)
    if not errors:
        if decision_date < case.proposed_on:
            errors["decision_date"] = ["Ngày quyết định không được trước ngày đề nghị."]
        else:  # the exemptions again, on the day of the decision (a discipline may have come since)
            errors = case_rule_errors(
                person=case.person,
                reason=case.reason,
                on=decision_date,
                is_pregnant=case.is_pregnant,
                youngest_child_birth=case.youngest_child_birth,
                under_prosecution=case.under_prosecution,
                is_voluntary=case.is_voluntary,
                under_inspection=case.under_inspection,
            )
    if planned_exit_date and decision_date and planned_exit_date < decision_date:
        errors["planned_exit_date"] = ["Ngày nghỉ dự kiến không được trước ngày quyết định."]
    if errors:
        raise ValidationError(errors)
    with audit_actor(actor):
        bump_version(StreamliningCase, case, expected_version)
        case.status = CaseStatus.APPROVED
        case.decision_number, case.decision_date = decision_number.strip(), decision_date
        case.decided_by = actor
        case.planned_exit_date = planned_exit_date or exit_date
        case.save()
    if exit_date is not None:
        case = case_exit(actor=actor, case=case, exit_date=exit_date, allowance_amount=allowance_amount)
    return case


@transaction.atomic
def case_reject(
    *, actor, case: StreamliningCase, reason: str, expected_version: int | None = None
) -> StreamliningCase:
    require_board(actor, BOARD_ONLY_DECIDE)
    case = _locked_case(case)
    if case.status != CaseStatus.PROPOSED:
        raise ValidationError(f"Chỉ từ chối được đề nghị đang chờ (hiện: {case.get_status_display()}).")
    if not (reason or "").strip():
        raise ValidationError({"rejection_reason": ["Cần lý do không phê duyệt."]})
    with audit_actor(actor):
        bump_version(StreamliningCase, case, expected_version)
        case.status, case.rejection_reason, case.decided_by = CaseStatus.REJECTED, reason.strip()[:500], actor
        case.save()
    return case


@transaction.atomic
def case_exit(
    *,
    actor,
    case: StreamliningCase,
    exit_date: date,
    allowance_amount: Decimal | None = None,
    expected_version: int | None = None,
) -> StreamliningCase:
    """The approved person leaves on `exit_date`: the case is closed and the employment ends (TINH_GIAN).
    `allowance_amount`: the allowance paid (what a rehire within 60 months must repay, rule 18)."""
    case = _locked_case(case)
    if not (has_role(actor, Role.PROVINCE_BOARD) or can_edit_unit(actor, case.person.current_unit)):
        raise PermissionDenied("Anh/chị không có quyền ghi nhận người của đơn vị này nghỉ việc.")
    if case.status != CaseStatus.APPROVED:
        raise ValidationError(
            f"Chỉ ghi nhận nghỉ việc cho trường hợp đã phê duyệt (hiện: {case.get_status_display()})."
        )
    errors = {}
    if exit_date is None:
        errors["exit_date"] = ["Cần ngày nghỉ."]
    elif exit_date > timezone.localdate():
        errors["exit_date"] = ["Ngày nghỉ không được ở tương lai: ghi nhận khi người này đã nghỉ."]
    elif exit_date < case.decision_date:
        errors["exit_date"] = ["Ngày nghỉ không được trước ngày quyết định tinh giản."]
    if allowance_amount is not None and allowance_amount < 0:
        errors["allowance_amount"] = ["Số tiền trợ cấp không được âm."]
    if errors:
        raise ValidationError(errors)
    status = (
        PersonStatus.RETIRED if case.policy == DownsizingPolicy.EARLY_RETIREMENT else PersonStatus.MOVED_OUT
    )
    with audit_actor(actor):
        bump_version(StreamliningCase, case, expected_version)
        case.status, case.exit_date = CaseStatus.EXITED, exit_date
        case.allowance_amount = allowance_amount
        case.save()
        person_end_service(
            actor=actor,
            person=case.person,
            status=status,
            on=exit_date,
            move=PersonnelMove.TINH_GIAN,
            decision_number=case.decision_number,
        )
    return case


@transaction.atomic
def case_repayment_record(
    *,
    actor,
    case: StreamliningCase,
    repaid_on: date,
    repaid_amount: Decimal,
    note: str = "",
    expected_version: int | None = None,
) -> StreamliningCase:
    """Rule 18: someone streamlined and employed again in the public sector within 60 months of the exit repays
    the allowance. Records the repayment (once); the board or an officer of the case's or the person's unit."""
    case = _locked_case(case)
    if not (
        has_role(actor, Role.PROVINCE_BOARD)
        or can_edit_unit(actor, case.unit)
        or can_edit_unit(actor, case.person.current_unit)
    ):
        raise PermissionDenied("Anh/chị không có quyền ghi nhận hoàn trả trợ cấp của trường hợp này.")
    rehire = case_rehire(case)
    if rehire is None:
        raise ValidationError(
            "Trường hợp này không phải hoàn trả trợ cấp: chưa được tuyển dụng lại trong 60 tháng kể từ ngày nghỉ."
        )
    if case.repaid_on is not None:
        raise ValidationError(f"Đã ghi nhận hoàn trả trợ cấp ngày {case.repaid_on:%d/%m/%Y}.")
    errors = {}
    if repaid_on is None:
        errors["repaid_on"] = ["Cần ngày hoàn trả."]
    elif repaid_on > timezone.localdate():
        errors["repaid_on"] = ["Ngày hoàn trả không được ở tương lai."]
    elif repaid_on < case.exit_date:
        errors["repaid_on"] = [f"Ngày hoàn trả không được trước ngày nghỉ ({case.exit_date:%d/%m/%Y})."]
    if repaid_amount is None or repaid_amount <= 0:
        errors["repaid_amount"] = ["Số tiền hoàn trả phải là số dương."]
    elif case.allowance_amount is not None and repaid_amount > case.allowance_amount:
        errors["repaid_amount"] = [
            f"Số tiền hoàn trả không được lớn hơn số trợ cấp đã nhận ({money(case.allowance_amount)} đồng)."
        ]
    if errors:
        raise ValidationError(errors)
    with audit_actor(actor):
        bump_version(StreamliningCase, case, expected_version)
        case.repaid_on, case.repaid_amount = repaid_on, repaid_amount
        case.repayment_note = (note or "").strip()[:300]
        case.repayment_recorded_by = actor
        case.save()
    return case


__all__ = [
    "case_approve",
    "case_exit",
    "case_repayment_record",
    "case_propose",
    "case_reject",
    "exemption_errors",
    "quota_save",
]
