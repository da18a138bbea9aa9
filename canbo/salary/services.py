"""Writes of the salary history: a row (any kind), a regular raise or vượt khung (one person or a batch), an early
raise within the unit's yearly quota, unpaid leave.

Every write checks that the actor may change the person's unit, validates with Vietnamese messages, runs in one
transaction with the audit actor, appends rows (never overwrites) and keeps Person.salary_step and
salary_coefficient equal to the newest row (an audited update of the person).
"""

from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from canbo.accounts.access import require_edit
from canbo.core.audit import audit_actor
from canbo.core.dates import add_months
from canbo.core.versioning import bump_version
from canbo.people.choices import PersonStatus
from canbo.people.models import Person

from . import rules, selectors
from .models import (
    Allowance,
    AllowanceKind,
    ChangeKind,
    EarlyRaiseReason,
    SalaryGrade,
    SalaryRecord,
    SalaryScale,
    UnpaidLeave,
)

OUTSIDE_UNIT = "Anh/chị không có quyền cập nhật lương của cán bộ thuộc đơn vị này."
MAX_FUTURE_DAYS = 366
MAX_BATCH = 1000
PROGRESS_EVERY = 25  # persons between two progress reports of a batch raise


def _sync_person(person: Person) -> None:
    """Person.salary_step / salary_coefficient = the newest row's (audited when they change)."""
    latest = person.salary_records.order_by("-effective_on", "-pk").first()
    if latest is None:
        return
    person.refresh_from_db(fields=["salary_step", "salary_coefficient", "version"])
    if (person.salary_step, person.salary_coefficient) == (latest.step, latest.coefficient):
        return
    bump_version(Person, person, None)
    person.salary_step, person.salary_coefficient = latest.step, latest.coefficient
    person.save(update_fields=["salary_step", "salary_coefficient", "updated_at"])


def parse_allowances(items) -> tuple[list[Allowance], list[str]]:
    """[{kind, coefficient | percent}] → unsaved Allowance rows and Vietnamese errors."""
    allowances, errors, seen = [], [], set()
    for n, item in enumerate(items or [], start=1):
        kind = item.get("kind")
        if kind not in AllowanceKind.values:
            errors.append(f"Phụ cấp {n}: loại phụ cấp không hợp lệ.")
            continue
        if kind in seen:
            errors.append(f"Phụ cấp {n}: “{AllowanceKind(kind).label}” đã nhập.")
            continue
        seen.add(kind)
        values = {}
        for field in ("coefficient", "percent"):
            raw = item.get(field)
            if raw in (None, ""):
                continue
            try:
                values[field] = Decimal(str(raw).replace(",", "."))
            except InvalidOperation:
                errors.append(f"Phụ cấp {n}: “{raw}” không phải là số.")
        if len(values) != 1:
            errors.append(f"Phụ cấp {n}: cần đúng một trong hai: hệ số hoặc tỷ lệ %.")
            continue
        coefficient, percent = values.get("coefficient"), values.get("percent")
        if coefficient is not None and not (0 < coefficient < 10):
            errors.append(f"Phụ cấp {n}: hệ số phải lớn hơn 0 và nhỏ hơn 10.")
        elif percent is not None and not (0 < percent <= 100):
            errors.append(f"Phụ cấp {n}: tỷ lệ phải lớn hơn 0 và không quá 100 %.")
        else:
            allowances.append(Allowance(kind=kind, coefficient=coefficient, percent=percent))
    return allowances, errors


def build_record(
    *,
    person: Person,
    kind: str,
    effective_on: date | None,
    scale: SalaryScale | None,
    step: int | None,
    coefficient: Decimal | None = None,
    seniority_percent: int = 0,
    counted_from: date | None = None,
    decision_number: str = "",
    decision_date: date | None = None,
    note: str = "",
    grades: dict | None = None,
    today: date | None = None,
) -> tuple[SalaryRecord, dict[str, list[str]]]:
    """An unsaved row and the field errors (Vietnamese) — shared by the services and the Excel import.
    `grades`: {step: coefficient} of `scale` when the caller has them already."""
    today = today or timezone.localdate()
    errors: dict[str, list[str]] = {}

    def err(field, message):
        errors.setdefault(field, []).append(message)

    if kind not in ChangeKind.values:
        err("kind", "Hình thức thay đổi lương không hợp lệ.")
    if effective_on is None:
        err("effective_on", "Cần ngày hưởng.")
    elif (effective_on - today).days > MAX_FUTURE_DAYS:
        err("effective_on", "Ngày hưởng không được sau hôm nay quá một năm.")
    elif person.date_of_birth and effective_on <= person.date_of_birth:
        err("effective_on", "Ngày hưởng phải sau ngày sinh.")
    if scale is None:
        err("scale", "Cần nhóm, loại lương (ví dụ A1, A2.1, B).")
    if step is None:
        err("step", "Cần bậc lương.")
    if scale is not None and step is not None:
        grades = grades if grades is not None else dict(scale.grades.values_list("step", "coefficient"))
        if step not in grades:
            err("step", f"Nhóm {scale.code} có các bậc từ 1 đến {max(grades, default=0)}.")
        elif coefficient is None:
            coefficient = grades[step]
        elif Decimal(coefficient) != grades[step]:
            err(
                "coefficient",
                f"Hệ số {str(coefficient).replace('.', ',')} không khớp bậc {step} nhóm {scale.code} "
                f"({str(grades[step]).replace('.', ',')}).",
            )
        if seniority_percent and grades and step != max(grades):
            err("seniority_percent", "Chỉ hưởng phụ cấp thâm niên vượt khung ở bậc cuối cùng của ngạch.")
    if not (0 <= (seniority_percent or 0) <= 100):
        err("seniority_percent", "Phụ cấp vượt khung từ 0 đến 100 %.")
    if kind == ChangeKind.SENIORITY and not seniority_percent:
        err("seniority_percent", "Cần tỷ lệ phụ cấp thâm niên vượt khung.")
    if counted_from and effective_on and counted_from > effective_on:
        err("counted_from", "Thời điểm tính nâng bậc lần sau không được sau ngày hưởng.")
    if decision_date and effective_on and (decision_date - effective_on).days > MAX_FUTURE_DAYS:
        err("decision_date", "Ngày quyết định quá xa sau ngày hưởng.")
    if decision_date and decision_date > today:
        err("decision_date", "Ngày quyết định không được ở tương lai.")
    if len(decision_number or "") > 60:
        err("decision_number", "Số quyết định tối đa 60 ký tự.")
    if len(note or "") > 300:
        err("note", "Ghi chú tối đa 300 ký tự.")
    record = SalaryRecord(
        person=person,
        unit_id=person.current_unit_id,
        kind=kind,
        effective_on=effective_on,
        counted_from=counted_from or effective_on,
        rank_id=person.rank_id,
        scale=scale,
        step=step or 0,
        coefficient=coefficient if coefficient is not None else Decimal(0),
        seniority_percent=seniority_percent or 0,
        decision_number=(decision_number or "").strip(),
        decision_date=decision_date,
        note=(note or "").strip(),
    )
    return record, errors


def _check_date_free(person: Person, effective_on: date | None, errors: dict) -> None:
    if effective_on and person.salary_records.filter(effective_on=effective_on).exists():
        errors.setdefault("effective_on", []).append(
            f"Đã có bản ghi lương của {person.full_name} ngày {effective_on:%d/%m/%Y}."
        )


def _save(actor, record: SalaryRecord, allowances: list[Allowance]) -> SalaryRecord:
    record.recorded_by = actor if getattr(actor, "pk", None) else None
    record.save()
    for a in allowances:
        a.record = record
        a.save()
    SalaryRecord.objects.mark_current([record.person_id])
    _sync_person(record.person)
    return record


@transaction.atomic
def salary_record_create(*, actor, person: Person, allowances=(), **data) -> SalaryRecord:
    """A row of the history (initial grading, promotion, transfer, allowance change, or a raise typed in)."""
    require_edit(actor, person.current_unit, OUTSIDE_UNIT)
    if data.get("kind") == ChangeKind.ALLOWANCE and not data.get("counted_from") and data.get("effective_on"):
        # an allowance change keeps the step: the time towards the next raise runs on
        previous = person.salary_records.filter(effective_on__lt=data["effective_on"]).order_by(
            "-effective_on"
        )
        data["counted_from"] = previous.values_list("counted_from", flat=True).first()
    record, errors = build_record(person=person, **data)
    allowance_rows, allowance_errors = parse_allowances(allowances)
    if allowance_errors:
        errors["allowances"] = allowance_errors
    _check_date_free(person, record.effective_on, errors)
    if errors:
        raise ValidationError(errors)
    with audit_actor(actor):
        return _save(actor, record, allowance_rows)


def _copy_allowances(record_id: int) -> list[Allowance]:
    return [
        Allowance(kind=a.kind, coefficient=a.coefficient, percent=a.percent)
        for a in Allowance.objects.filter(record_id=record_id)
    ]


def _raise_record(person: Person, due: selectors.RaiseDue, effective_on, decision_number, decision_date):
    scale = SalaryScale.objects.get(pk=due.scale_id)
    kind = ChangeKind.SENIORITY if due.next.kind == "VUOT_KHUNG" else ChangeKind.REGULAR
    return build_record(
        person=person,
        kind=kind,
        effective_on=effective_on,
        scale=scale,
        step=due.next.step,
        seniority_percent=due.next.seniority_percent,
        decision_number=decision_number,
        decision_date=decision_date,
    )


def _raise_errors(person: Person, due, effective_on) -> list[str]:
    if person.status != PersonStatus.WORKING:
        return [f"{person.full_name} không còn công tác."]
    if due is None:
        return [f"{person.full_name} chưa có quá trình lương: cần nhập bản ghi xếp lương trước."]
    if effective_on < due.due_on:
        return [
            f"{person.full_name} đến ngày {due.due_on:%d/%m/%Y} mới đủ thời gian nâng lương "
            f"({due.next.base_months} tháng"
            + (
                f", kéo dài {_months_text(due.delay_months)} tháng do kỷ luật, nghỉ không lương"
                if due.delay_months
                else ""
            )
            + ")."
        ]
    return []


def _months_text(months: Decimal) -> str:
    return f"{months.normalize():f}".replace(".", ",")


@transaction.atomic
def salary_raise(
    *,
    actor,
    person: Person,
    decision_number: str,
    decision_date: date | None = None,
    effective_on: date | None = None,
) -> SalaryRecord:
    """The regular raise that is due: the next step (after 36 or 24 months, pushed back by discipline and unpaid
    leave), or vượt khung at the top step. From the due date unless `effective_on` is given (not earlier)."""
    require_edit(actor, person.current_unit, OUTSIDE_UNIT)
    today = timezone.localdate()
    due = selectors.next_raise_for(person, on=effective_on or today)
    when = effective_on or (due.due_on if due else today)
    problems = _raise_errors(person, due, when)
    if problems:
        raise ValidationError({"person": problems})
    record, errors = _raise_record(person, due, when, decision_number, decision_date)
    if not (decision_number or "").strip():
        errors.setdefault("decision_number", []).append("Cần số quyết định nâng lương.")
    _check_date_free(person, when, errors)
    if errors:
        raise ValidationError(errors)
    with audit_actor(actor):
        return _save(actor, record, _copy_allowances(due.record_id))


@transaction.atomic
def salary_raise_batch(
    *, actor, persons: list[Person], decision_number: str, decision_date: date | None = None, progress=None
) -> list[SalaryRecord]:
    """The due raises of several persons under one decision, each from their own due date: all or nothing
    (one transaction; every person's problem is reported, nothing is written while one remains).
    `progress(label, done, total, unit=…)`: told as the persons are checked and written (the job's bar)."""
    report = progress or (lambda *args, **kwargs: None)
    if not persons:
        raise ValidationError({"persons": ["Chọn ít nhất một người để nâng lương."]})
    if len(persons) > MAX_BATCH:
        raise ValidationError({"persons": [f"Tối đa {MAX_BATCH} người một lần."]})
    for person in persons:
        require_edit(actor, person.current_unit, OUTSIDE_UNIT)
    errors: list[str] = []
    if not (decision_number or "").strip():
        errors.append("Cần số quyết định nâng lương.")
    today = timezone.localdate()
    planned = []
    dues = selectors.next_raises_for(Person.objects.filter(pk__in=[p.pk for p in persons]), on=today)
    for n, person in enumerate(persons):
        if n % PROGRESS_EVERY == 0:
            report("Đang kiểm tra", n, len(persons), unit="người")
        due = dues.get(person.pk)
        when = due.due_on if due else today
        problems = _raise_errors(person, due, when)
        if not problems:
            record, field_errors = _raise_record(person, due, when, decision_number, decision_date)
            _check_date_free(person, when, field_errors)
            problems = [f"{person.full_name}: {m}" for ms in field_errors.values() for m in ms]
        if problems:
            errors.extend(problems)
        else:
            planned.append((record, due))
    if errors:
        raise ValidationError({"persons": list(dict.fromkeys(errors))})
    saved = []
    with audit_actor(actor):
        for n, (record, due) in enumerate(planned):
            if n % PROGRESS_EVERY == 0:
                report("Đang ghi quá trình lương", n, len(planned), unit="người")
            saved.append(_save(actor, record, _copy_allowances(due.record_id)))
    return saved


@transaction.atomic
def salary_raise_early(
    *,
    actor,
    person: Person,
    reason: EarlyRaiseReason | None,
    months: int | None,
    effective_on: date | None,
    decision_number: str,
    decision_date: date | None = None,
    note: str = "",
) -> SalaryRecord:
    """A step granted before its time (TT 08/2013 Art 3): at most the reason's months early, not at the top step,
    and — for achievement — within the unit's yearly quota (locked: two officers cannot both take the last
    place)."""
    require_edit(actor, person.current_unit, OUTSIDE_UNIT)
    errors: dict[str, list[str]] = {}
    today = timezone.localdate()
    when = effective_on or today
    if reason is None or not rules.early_reasons_on(when).filter(pk=reason.pk).exists():
        errors["reason"] = ["Cần lý do nâng bậc lương trước thời hạn đang có hiệu lực."]
    if not months or months < 1:
        errors["months"] = ["Cần số tháng nâng trước thời hạn (từ 1 tháng)."]
    elif reason is not None and months > reason.max_months:
        errors["months"] = [f"Với lý do này được nâng trước tối đa {reason.max_months} tháng."]
    if not (decision_number or "").strip():
        errors["decision_number"] = ["Cần số quyết định nâng lương."]
    if errors:
        raise ValidationError(errors)
    due = selectors.next_raise_for(person, on=when)
    if person.status != PersonStatus.WORKING or due is None:
        raise ValidationError({"person": _raise_errors(person, due, when)})
    if due.next.kind != "THUONG_XUYEN":
        raise ValidationError(
            {"person": [f"{person.full_name} đã ở bậc cuối: không nâng bậc trước thời hạn."]}
        )
    earliest = add_months(due.due_on, -months)
    if when >= due.due_on:
        raise ValidationError(
            {"effective_on": [f"Đã đến hạn nâng lương thường xuyên ngày {due.due_on:%d/%m/%Y}."]}
        )
    if when < earliest:
        raise ValidationError(
            {
                "effective_on": [
                    f"Hạn nâng bậc là ngày {due.due_on:%d/%m/%Y}: nâng trước {months} tháng thì sớm nhất "
                    f"từ ngày {earliest:%d/%m/%Y}."
                ]
            }
        )
    if reason.counts_in_quota:
        payroll = selectors.payroll_unit(person.current_unit)
        unit = type(payroll).objects.select_for_update().get(pk=payroll.pk)
        quota = selectors.early_raise_quota(unit=unit, year=when.year)
        if quota.remaining < 1:
            raise ValidationError(
                {
                    "reason": [
                        f"{unit.name} đã dùng hết chỉ tiêu nâng bậc lương trước thời hạn năm {when.year}: "
                        f"{quota.used}/{quota.quota} ({quota.share_percent or 0} % của {quota.headcount} người)."
                    ]
                }
            )
    record, field_errors = _raise_record(person, due, when, decision_number, decision_date)
    record.kind, record.early_reason, record.early_months, record.note = (
        ChangeKind.EARLY,
        reason,
        months,
        note,
    )
    _check_date_free(person, when, field_errors)
    if field_errors:
        raise ValidationError(field_errors)
    with audit_actor(actor):
        return _save(actor, record, _copy_allowances(due.record_id))


@transaction.atomic
def unpaid_leave_add(
    *, actor, person: Person, start_date: date | None, end_date: date | None, decision_number="", note=""
) -> UnpaidLeave:
    """Unpaid leave: its months (whole months, odd days by TT 08/2013) push the next raise back."""
    require_edit(actor, person.current_unit, OUTSIDE_UNIT)
    errors: dict[str, list[str]] = {}
    if start_date is None:
        errors["start_date"] = ["Cần ngày bắt đầu nghỉ."]
    if end_date is None:
        errors["end_date"] = ["Cần ngày kết thúc nghỉ."]
    elif start_date and end_date < start_date:
        errors["end_date"] = ["Ngày kết thúc không được trước ngày bắt đầu."]
    if (
        start_date
        and end_date
        and person.unpaid_leaves.filter(start_date__lte=end_date, end_date__gte=start_date).exists()
    ):
        errors["start_date"] = ["Thời gian nghỉ trùng với một lần nghỉ không lương đã nhập."]
    if errors:
        raise ValidationError(errors)
    leave = UnpaidLeave(
        person=person,
        unit_id=person.current_unit_id,
        start_date=start_date,
        end_date=end_date,
        counted_months=rules.months_not_counted(start_date, end_date),
        decision_number=(decision_number or "").strip()[:60],
        note=(note or "").strip()[:300],
    )
    with audit_actor(actor):
        leave.save()
    return leave


def grades_of(scale: SalaryScale) -> dict[int, Decimal]:
    return dict(SalaryGrade.objects.filter(scale=scale).values_list("step", "coefficient"))
