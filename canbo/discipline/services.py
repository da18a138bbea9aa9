"""Discipline cases: open (with the acts) → review (the form, computed and explained by rule 25) → decide (the
DisciplineRecord is created; buộc thôi việc ends the service), or defer while rule 25's reasons hold.

Every write checks that the actor may change the person's unit (board, unit officer), validates with Vietnamese
messages, runs in one transaction with the audit actor and bumps the case's version.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from canbo.accounts.access import require_edit
from canbo.core.audit import audit_actor
from canbo.core.dates import add_months
from canbo.core.decisions import decision_errors
from canbo.core.exceptions import ConflictError
from canbo.people.choices import PersonnelMove, PersonStatus
from canbo.people.models import Person
from canbo.people.services import person_end_service

from . import rules
from .models import (
    SEVERITY,
    CaseStatus,
    DeferralReason,
    DisciplineAct,
    DisciplineCase,
    DisciplineForm,
    DisciplineRecord,
)

OUTSIDE_UNIT = "Anh/chị không có quyền xử lý kỷ luật cán bộ của đơn vị này."
MAX_ACTS = 20
ENDS_SERVICE = {DisciplineForm.FORCED_RESIGNATION}


def _is_leader(person: Person) -> bool:
    return bool(person.position_id and person.position.is_leadership)


def running_sanction(person: Person, on: date, *, exclude_case=None) -> DisciplineRecord | None:
    """The heaviest sanction in effect on `on` (decided on or before, not yet expired; no end = in effect)."""
    qs = DisciplineRecord.objects.filter(
        Q(effective_until__isnull=True) | Q(effective_until__gte=on), person=person, decided_on__lte=on
    )
    if exclude_case is not None:
        qs = qs.exclude(case=exclude_case)
    return max(qs, key=lambda r: (SEVERITY[DisciplineForm(r.form)], r.decided_on), default=None)


def case_required_form(case: DisciplineCase, on: date) -> rules.RequiredForm:
    """Rule 25 for this case's acts on the date of the decision (the forms valid on `on`)."""
    acts = list(case.acts.all())
    allowed = rules.forms_for(case.category, case.is_leader, on)
    running = None
    for act in acts:
        record = running_sanction(case.person, act.committed_on, exclude_case=case)
        if record and (running is None or SEVERITY[DisciplineForm(record.form)] > SEVERITY[running]):
            running = DisciplineForm(record.form)
    return rules.required_form(act_forms=[a.form for a in acts], running=running, allowed=allowed)


def _act_errors(acts: list[dict], category: str, is_leader: bool, opened_on: date) -> list[str]:
    errors = []
    if not acts:
        return ["Cần ít nhất một hành vi vi phạm."]
    if len(acts) > MAX_ACTS:
        return [f"Tối đa {MAX_ACTS} hành vi trong một vụ việc."]
    for n, act in enumerate(acts, start=1):
        description = (act.get("description") or "").strip()
        committed, form = act.get("committed_on"), act.get("form")
        if not description:
            errors.append(f"Hành vi {n}: cần mô tả hành vi vi phạm.")
        elif len(description) > 500:
            errors.append(f"Hành vi {n}: mô tả tối đa 500 ký tự.")
        if committed is None:
            errors.append(f"Hành vi {n}: cần ngày vi phạm.")
        elif committed > opened_on:
            errors.append(f"Hành vi {n}: ngày vi phạm không được sau ngày thụ lý.")
        if form not in DisciplineForm.values:
            errors.append(f"Hành vi {n}: cần hình thức kỷ luật đề nghị cho hành vi.")
        elif refusal := rules.form_refusal(form, category, is_leader, opened_on):
            errors.append(f"Hành vi {n}: {refusal}")
    return errors


@transaction.atomic
def case_open(
    *,
    actor,
    person: Person,
    opened_on: date | None,
    acts: list[dict],
    note: str = "",
    duty_related: bool = True,
) -> DisciplineCase:
    """A case with its acts (one act, one form). The person's unit, category and post are copied on it;
    `duty_related`: the acts relate to the performance of the duty (rule 16: the decision forces KHT)."""
    require_edit(actor, person.current_unit, OUTSIDE_UNIT)
    today = timezone.localdate()
    errors: dict[str, list[str]] = {}
    if opened_on is None:
        errors["opened_on"] = ["Cần ngày thụ lý."]
    elif opened_on > today:
        errors["opened_on"] = ["Ngày thụ lý không được ở tương lai."]
    if person.status != PersonStatus.WORKING:
        errors["person"] = [f"{person.full_name} không còn công tác: không thể xem xét kỷ luật."]
    if opened_on is not None and (
        act_errors := _act_errors(acts, person.category, _is_leader(person), opened_on)
    ):
        errors["acts"] = act_errors
    if len(note or "") > 300:
        errors["note"] = ["Ghi chú tối đa 300 ký tự."]
    if errors:
        raise ValidationError(errors)
    with audit_actor(actor):
        case = DisciplineCase(
            person=person,
            unit=person.current_unit,
            category=person.category,
            is_leader=_is_leader(person),
            opened_on=opened_on,
            handling_deadline=rules.handling_deadline(opened_on, is_complex=False),
            duty_related=bool(duty_related),
            note=(note or "").strip(),
            opened_by=actor,
        )
        case.full_clean()
        case.save()
        for act in acts:
            DisciplineAct.objects.create(
                case=case,
                description=act["description"].strip(),
                committed_on=act["committed_on"],
                form=act["form"],
            )
    return case


def _bump(model, obj, expected_version) -> None:
    """Optimistic locking without touching the caller's object (a refused write leaves it as it was)."""
    expected = obj.version if expected_version is None else expected_version
    if not model.objects.filter(pk=obj.pk, version=expected).update(version=F("version") + 1):
        raise ConflictError()


def _locked(case: DisciplineCase, actor, expected_version) -> DisciplineCase:
    require_edit(actor, case.unit, OUTSIDE_UNIT)
    _bump(DisciplineCase, case, expected_version)
    return DisciplineCase.objects.select_for_update(of=("self",)).select_related("person").get(pk=case.pk)


def _require_status(case: DisciplineCase, *allowed: str, doing: str) -> None:
    if case.status not in allowed:
        raise ValidationError(
            {"status": [f"Vụ việc đang ở trạng thái “{case.get_status_display()}”: không thể {doing}."]}
        )


def _form_errors(case: DisciplineCase, proposed_form: str, on: date) -> tuple[rules.RequiredForm, dict]:
    required = case_required_form(case, on)
    errors: dict[str, list[str]] = {}
    if required.error:
        errors["proposed_form"] = [required.error]
    elif proposed_form not in DisciplineForm.values:
        errors["proposed_form"] = ["Cần hình thức kỷ luật đề nghị."]
    elif refusal := rules.form_refusal(proposed_form, case.category, case.is_leader, on):
        errors["proposed_form"] = [refusal]
    elif proposed_form != required.form:
        errors["proposed_form"] = [
            f"Theo quy định phải áp dụng “{DisciplineForm(required.form).label}”, không phải "
            f"“{DisciplineForm(proposed_form).label}”. " + " ".join(required.explanation)
        ]
    return required, errors


@transaction.atomic
def case_review(*, actor, case: DisciplineCase, proposed_form: str, expected_version=None) -> DisciplineCase:
    case = _locked(case, actor, expected_version)
    _require_status(case, CaseStatus.OPENED, CaseStatus.REVIEWED, doing="đề nghị hình thức")
    required, errors = _form_errors(case, proposed_form, timezone.localdate())
    if errors:
        raise ValidationError(errors)
    with audit_actor(actor):
        case.proposed_form, case.required_form = proposed_form, required.form
        case.explanation = " ".join(required.explanation)
        case.status = CaseStatus.REVIEWED
        case.save(update_fields=["proposed_form", "required_form", "explanation", "status", "updated_at"])
    return case


@transaction.atomic
def case_defer(
    *,
    actor,
    case: DisciplineCase,
    reason: str,
    until: date | None = None,
    child_born_on: date | None = None,
    expected_version=None,
) -> DisciplineCase:
    """Rule 25: not considered while the person is seriously ill, pregnant, raising a child under 12 months or
    prosecuted. For the child, the deferral ends the day the child turns 12 months."""
    case = _locked(case, actor, expected_version)
    _require_status(case, CaseStatus.OPENED, CaseStatus.REVIEWED, doing="tạm hoãn")
    errors: dict[str, list[str]] = {}
    if reason not in DeferralReason.values:
        errors["reason"] = [
            "Cần lý do tạm hoãn (ốm đau nặng, mang thai, nuôi con dưới 12 tháng, bị truy tố)."
        ]
    if reason == DeferralReason.CHILD_UNDER_12_MONTHS:
        if child_born_on is None:
            errors["child_born_on"] = ["Cần ngày sinh của con để tính thời hạn 12 tháng."]
        else:
            until = add_months(child_born_on, 12)
            if until <= timezone.localdate():
                errors["child_born_on"] = [
                    f"Con đã đủ 12 tháng tuổi từ ngày {until:%d/%m/%Y}: không tạm hoãn."
                ]
    elif until is not None and until <= timezone.localdate():
        errors["until"] = ["Ngày hết tạm hoãn phải sau hôm nay."]
    if errors:
        raise ValidationError(errors)
    with audit_actor(actor):
        case.status, case.deferral_reason, case.deferred_until = CaseStatus.DEFERRED, reason, until
        case.save(update_fields=["status", "deferral_reason", "deferred_until", "updated_at"])
    return case


@transaction.atomic
def case_extend(*, actor, case: DisciplineCase, reason: str, expected_version=None) -> DisciplineCase:
    """A complex case that needs verification: the time limit for handling it goes from 90 to 150 days
    (NĐ 172/2025), once, before the 90 days have run out, with the reason in the case's note."""
    case = _locked(case, actor, expected_version)
    _require_status(case, CaseStatus.OPENED, CaseStatus.REVIEWED, CaseStatus.DEFERRED, doing="gia hạn")
    reason = (reason or "").strip()
    errors: dict[str, list[str]] = {}
    if not reason:
        errors["reason"] = ["Cần lý do gia hạn (vụ việc phức tạp cần thanh tra, kiểm tra để xác minh)."]
    elif len(reason) > 300:
        errors["reason"] = ["Lý do gia hạn tối đa 300 ký tự."]
    if case.is_complex:
        errors["is_complex"] = ["Vụ việc đã được gia hạn."]
    elif case.handling_deadline is not None and case.handling_deadline < timezone.localdate():
        errors["is_complex"] = [
            f"Thời hạn xử lý đã hết ngày {case.handling_deadline:%d/%m/%Y}: không gia hạn."
        ]
    if errors:
        raise ValidationError(errors)
    with audit_actor(actor):
        case.is_complex = True
        case.handling_deadline = rules.handling_deadline(case.opened_on, is_complex=True)
        case.note = reason
        case.save(update_fields=["is_complex", "handling_deadline", "note", "updated_at"])
    return case


@transaction.atomic
def case_resume(*, actor, case: DisciplineCase, expected_version=None) -> DisciplineCase:
    """The reason no longer holds: back to review (the form is computed again)."""
    case = _locked(case, actor, expected_version)
    _require_status(case, CaseStatus.DEFERRED, doing="tiếp tục xem xét")
    with audit_actor(actor):
        case.status, case.deferral_reason, case.deferred_until = CaseStatus.OPENED, "", None
        case.save(update_fields=["status", "deferral_reason", "deferred_until", "updated_at"])
    return case


@transaction.atomic
def case_decide(
    *,
    actor,
    case: DisciplineCase,
    decision_number: str,
    decided_on: date | None,
    authority: str = "",
    effective_until: date | None = None,
    expected_version=None,
) -> DisciplineRecord:
    """The decision: the form is checked again on its date, the record is created (planning reads it: removal
    proposal; rule 26: waiting time), buộc thôi việc ends the service on that date."""
    case = _locked(case, actor, expected_version)
    if case.status == CaseStatus.DEFERRED:
        raise ValidationError(
            {
                "status": [
                    f"Vụ việc đang tạm hoãn ({case.get_deferral_reason_display().lower()}): chưa được quyết "
                    "định kỷ luật."
                ]
            }
        )
    _require_status(case, CaseStatus.REVIEWED, doing="quyết định kỷ luật (cần đề nghị hình thức trước)")
    today = timezone.localdate()
    number = (decision_number or "").strip()
    errors = decision_errors(number, decided_on, today=today, date_field="decided_on")
    date_given = "decided_on" not in errors
    if date_given and decided_on < case.opened_on:
        errors["decided_on"] = ["Ngày quyết định không được trước ngày thụ lý."]
    elif date_given:
        required, form_errors = _form_errors(case, case.proposed_form, decided_on)
        errors.update(form_errors)
        if effective_until is None and not form_errors:
            effective_until = rules.effective_until(required.form, decided_on)
        if effective_until is not None and effective_until < decided_on:
            errors["effective_until"] = ["Ngày hết hiệu lực không được trước ngày quyết định."]
    if len(authority or "") > 200:
        errors["authority"] = ["Cơ quan quyết định tối đa 200 ký tự."]
    if errors:
        raise ValidationError(errors)
    with audit_actor(actor):
        record = DisciplineRecord(
            person=case.person,
            unit=case.unit,
            case=case,
            form=case.proposed_form,
            decision_number=number,
            decided_on=decided_on,
            effective_until=effective_until,
            authority=(authority or "").strip(),
            reason="; ".join(a.description for a in case.acts.all())[:500],
            duty_related=case.duty_related,
        )
        record.full_clean()
        record.save()
        case.status = CaseStatus.DECIDED
        case.save(update_fields=["status", "updated_at"])
        if case.proposed_form in ENDS_SERVICE and case.person.status == PersonStatus.WORKING:
            person_end_service(
                actor=actor,
                person=case.person,
                status=PersonStatus.MOVED_OUT,
                on=decided_on,
                move=PersonnelMove.THOI_VIEC,
                decision_number=number,
            )
    return record
