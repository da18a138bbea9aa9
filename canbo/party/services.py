"""Writes of Party admissions (QĐ 232-QĐ/TW 2025, rule 27): the target, the admission with its checks, full
membership after 12 months' probation, removal. The person's Party dates go through people.services (audited)."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from canbo.accounts.scoping import can_edit_unit
from canbo.core.audit import audit_actor
from canbo.core.dates import add_months
from canbo.core.exceptions import add_error
from canbo.core.rulebook import RuleMissing
from canbo.core.versioning import bump_version
from canbo.org.models import OrgSector, OrgUnit
from canbo.people.models import Person
from canbo.people.services import person_update

from . import rules
from .choices import REMOVALS, EducationException, GeneralEducation, PartyStatus
from .models import Admission, AdmissionTarget

EDUCATION_ORDER = [GeneralEducation.TIEU_HOC, GeneralEducation.THCS, GeneralEducation.THPT]
OUTSIDE = "Anh/chị không có quyền ghi nhận công tác đảng viên của tổ chức đảng này."
OUTSIDE_PERSON = "{name} không thuộc đơn vị anh/chị quản lý."


def age_in_months(born: date, on: date) -> int:
    """Full months from birth to `on` (QĐ 232: tuổi tính theo tháng)."""
    return (on.year - born.year) * 12 + on.month - born.month - (1 if on.day < born.day else 0)


def _require_party_org(actor, party_org: OrgUnit | None, errors: dict) -> None:
    if party_org is None:
        add_error(errors, "party_org", "Cần chọn tổ chức đảng.")
    elif party_org.sector != OrgSector.DANG:
        add_error(errors, "party_org", f"{party_org.name} không phải tổ chức đảng (khối Đảng).")
    elif not can_edit_unit(actor, party_org):
        raise PermissionDenied(OUTSIDE)


def _past(errors: dict, field: str, value: date | None, label: str, today: date) -> None:
    if value is None:
        add_error(errors, field, f"Cần {label}.")
    elif value > today:
        add_error(errors, field, f"{label[0].upper()}{label[1:]} không được ở tương lai.")


def _text(value: str, limit: int) -> str:
    return (value or "").strip()[:limit]


def _target_errors(
    *, actor, party_org, start_year, end_year, target, resolution_number, resolution_date, item
):
    errors: dict = {}
    _require_party_org(actor, party_org, errors)
    if not start_year or not end_year or end_year <= start_year:
        add_error(errors, "end_year", "Nhiệm kỳ phải có năm kết thúc sau năm bắt đầu (ví dụ 2020–2025).")
    if not target or target <= 0:
        add_error(errors, "target", "Chỉ tiêu kết nạp phải là số dương.")
    if not (resolution_number or "").strip():
        add_error(errors, "resolution_number", "Cần số nghị quyết đại hội.")
    if resolution_date and resolution_date > timezone.localdate():
        add_error(errors, "resolution_date", "Ngày nghị quyết không được ở tương lai.")
    if party_org and start_year:
        duplicate = AdmissionTarget.objects.filter(party_org=party_org, start_year=start_year)
        if item is not None:
            duplicate = duplicate.exclude(pk=item.pk)
        if duplicate.exists():
            add_error(
                errors, "start_year", f"{party_org.name} đã có chỉ tiêu nhiệm kỳ bắt đầu năm {start_year}."
            )
    return errors


def _target_save(actor, item: AdmissionTarget) -> AdmissionTarget:
    try:
        with transaction.atomic(), audit_actor(actor):
            item.save()
    except IntegrityError as exc:  # a concurrent save of the same organisation and term
        raise ValidationError(
            {"start_year": [f"{item.party_org.name} đã có chỉ tiêu nhiệm kỳ bắt đầu năm {item.start_year}."]}
        ) from exc
    return item


@transaction.atomic
def target_create(
    *, actor, party_org, start_year, end_year, target, resolution_number, resolution_date=None
) -> AdmissionTarget:
    """The congress resolution's admission target for a term (one per Party organisation and term). The board
    records any organisation's (the province's included); a unit officer only those of their units."""
    errors = _target_errors(
        actor=actor,
        party_org=party_org,
        start_year=start_year,
        end_year=end_year,
        target=target,
        resolution_number=resolution_number,
        resolution_date=resolution_date,
        item=None,
    )
    if errors:
        raise ValidationError(errors)
    item = AdmissionTarget(
        party_org=party_org,
        start_year=start_year,
        end_year=end_year,
        target=target,
        resolution_number=resolution_number.strip()[:60],
        resolution_date=resolution_date,
        recorded_by=actor,
    )
    return _target_save(actor, item)


@transaction.atomic
def target_update(
    *,
    actor,
    item: AdmissionTarget,
    party_org,
    start_year,
    end_year,
    target,
    resolution_number,
    resolution_date=None,
) -> AdmissionTarget:
    """Correct a target: the same rules; the user must manage both the old and the new Party organisation."""
    item = AdmissionTarget.objects.select_for_update(of=("self",)).select_related("party_org").get(pk=item.pk)
    if not can_edit_unit(actor, item.party_org):
        raise PermissionDenied(OUTSIDE)
    errors = _target_errors(
        actor=actor,
        party_org=party_org,
        start_year=start_year,
        end_year=end_year,
        target=target,
        resolution_number=resolution_number,
        resolution_date=resolution_date,
        item=item,
    )
    if errors:
        raise ValidationError(errors)
    item.party_org, item.start_year, item.end_year, item.target = party_org, start_year, end_year, target
    item.resolution_number, item.resolution_date = resolution_number.strip()[:60], resolution_date
    return _target_save(actor, item)


def _years_months(months: int) -> str:
    return f"{months // 12} tuổi {months % 12} tháng" if months % 12 else f"{months // 12} tuổi"


def _age_errors(errors: dict, born: date, vote: date, over_age_approval: str) -> None:
    """Rule 27: 18 to 60 years in months at the chi bộ's vote; over 60 only with the consent of a committee
    directly under the Central Committee, whose document is recorded."""
    try:
        rule = rules.age_rule(vote)
    except RuleMissing:
        add_error(
            errors, "cell_vote_date", f"Chưa có quy định về tuổi người vào Đảng áp dụng ngày {vote:%d/%m/%Y}."
        )
        return
    months = age_in_months(born, vote)
    if rule.min_months <= months <= rule.max_months or (months > rule.max_months and over_age_approval):
        return
    message = (
        f"Tuổi khi chi bộ biểu quyết ({vote:%d/%m/%Y}) là {_years_months(months)}: người vào Đảng phải đủ "
        f"{_years_months(rule.min_months)} đến đủ {_years_months(rule.max_months)} (tính theo tháng, "
        f"{rule.legal_basis})"
    )
    if months > rule.max_months:
        message += f"; người trên {_years_months(rule.max_months)} chỉ được kết nạp khi {rule.over_max_by}: ghi số, ngày văn bản đó"
    add_error(errors, "birth_date", message + ".")


def _education_errors(errors: dict, education: str, exception: str, vote: date) -> None:
    """Rule 27: lower-secondary at least; the Secretariat's lower minimum in the areas QĐ 232 names."""
    if education not in GeneralEducation.values:
        add_error(errors, "education", "Cần trình độ giáo dục phổ thông.")
        return
    if exception and exception not in EducationException.values:
        add_error(errors, "education_exception", "Nơi sinh sống được áp dụng ngoại lệ không hợp lệ.")
        return
    try:
        rule = rules.education_rule(vote)
    except RuleMissing:
        add_error(
            errors,
            "cell_vote_date",
            f"Chưa có quy định về học vấn người vào Đảng áp dụng ngày {vote:%d/%m/%Y}.",
        )
        return
    if exception and exception not in rule.exception_areas:
        add_error(
            errors,
            "education_exception",
            f"{EducationException(exception).label} không thuộc các vùng được áp dụng ngoại lệ ({rule.legal_basis}).",
        )
        return
    minimum = rule.exception_minimum if exception else rule.minimum
    if EDUCATION_ORDER.index(education) < EDUCATION_ORDER.index(minimum):
        where = f" ở {EducationException(exception).label.lower()}" if exception else ""
        add_error(
            errors,
            "education",
            f"Người vào Đảng{where} phải có trình độ tối thiểu {GeneralEducation(minimum).label.lower()} "
            f"(hoặc tương đương) — {rule.legal_basis}.",
        )


def _admission_errors(
    *, born, education, education_exception, over_age_approval, cell, vote, number, decided, admitted, today
) -> dict:
    errors: dict = {}
    if not (cell or "").strip():
        add_error(errors, "cell", "Cần tên chi bộ xét kết nạp.")
    _past(errors, "cell_vote_date", vote, "ngày chi bộ biểu quyết", today)
    if not (number or "").strip():
        add_error(errors, "decision_number", "Cần số quyết định kết nạp.")
    _past(errors, "decision_date", decided, "ngày quyết định", today)
    _past(errors, "admitted_on", admitted, "ngày kết nạp", today)
    if vote and decided and decided < vote:
        add_error(errors, "decision_date", "Ngày quyết định không được trước ngày chi bộ biểu quyết.")
    if decided and admitted and admitted < decided:
        add_error(errors, "admitted_on", "Ngày kết nạp không được trước ngày quyết định.")
    if born is None:
        add_error(errors, "birth_date", "Cần ngày sinh của người được kết nạp.")
    elif vote:
        _age_errors(errors, born, vote, over_age_approval)
    if vote:
        _education_errors(errors, education, education_exception, vote)
    elif education not in GeneralEducation.values:
        add_error(errors, "education", "Cần trình độ giáo dục phổ thông.")
    return errors


@transaction.atomic
def admission_record(
    *,
    actor,
    party_org: OrgUnit,
    cell: str,
    cell_vote_date: date | None,
    decision_number: str,
    decision_date: date | None,
    admitted_on: date | None,
    education: str,
    person: Person | None = None,
    candidate_name: str = "",
    candidate_national_id: str = "",
    birth_date: date | None = None,
    education_exception: str = "",
    over_age_approval: str = "",
) -> Admission:
    """Admit one person after the chi bộ's vote; they become a probationary member (DU_BI). The rules are those
    in force on the vote's date (canbo.party.rules)."""
    today = timezone.localdate()
    errors: dict = {}
    _require_party_org(actor, party_org, errors)
    candidate_name = (candidate_name or "").strip()
    candidate_national_id = (candidate_national_id or "").strip()
    education_exception = (education_exception or "").strip()
    over_age_approval = _text(over_age_approval, 120)
    if person is not None:
        if not can_edit_unit(actor, person.current_unit):
            raise PermissionDenied(OUTSIDE_PERSON.format(name=person.full_name))
        person = (
            Person.objects.select_for_update(of=("self",)).select_related("current_unit").get(pk=person.pk)
        )
        birth_date = person.date_of_birth
        if (
            person.party_admission_date
            or Admission.objects.filter(
                person=person, status__in=[PartyStatus.DU_BI, PartyStatus.CHINH_THUC]
            ).exists()
        ):
            add_error(errors, "person", f"{person.full_name} đã là đảng viên (đã có ngày vào Đảng).")
    elif not candidate_name:
        add_error(
            errors, "candidate_name", "Cần chọn người trong danh sách hoặc nhập họ tên người được kết nạp."
        )
    if candidate_national_id and not (candidate_national_id.isdigit() and len(candidate_national_id) == 12):
        add_error(errors, "candidate_national_id", "Số định danh cá nhân gồm 12 chữ số.")
    for field, message in _admission_errors(
        born=birth_date,
        education=education,
        education_exception=education_exception,
        over_age_approval=over_age_approval,
        cell=cell,
        vote=cell_vote_date,
        number=decision_number,
        decided=decision_date,
        admitted=admitted_on,
        today=today,
    ).items():
        errors.setdefault(field, []).extend(message)
    if errors:
        raise ValidationError(errors)
    admission = Admission(
        person=person,
        candidate_name="" if person else candidate_name[:120],
        candidate_national_id="" if person else candidate_national_id,
        birth_date=birth_date,
        education=education,
        education_exception=education_exception,
        over_age_approval=over_age_approval,
        party_org=party_org,
        cell=_text(cell, 200),
        cell_vote_date=cell_vote_date,
        decision_number=_text(decision_number, 60),
        decision_date=decision_date,
        admitted_on=admitted_on,
        recorded_by=actor,
    )
    try:
        with transaction.atomic(), audit_actor(actor):
            admission.save()
    except IntegrityError as exc:
        raise ValidationError({"person": ["Người này đang là đảng viên."]}) from exc
    if person is not None:
        person_update(actor=actor, person=person, data={"party_admission_date": admitted_on})
    return admission


def _locked(actor, admission: Admission, expected_version) -> Admission:
    if not can_edit_unit(actor, admission.party_org):
        raise PermissionDenied(OUTSIDE)
    admission = (
        Admission.objects.select_for_update(of=("self",))
        .select_related("party_org", "person")
        .get(pk=admission.pk)
    )
    bump_version(Admission, admission, expected_version)
    return admission


@transaction.atomic
def admission_confirm(
    *, actor, admission: Admission, vote_date: date | None, decision_number: str, expected_version=None
) -> Admission:
    """Full membership (CHINH_THUC) after the chi bộ's vote, once the probation in force on the admission day
    (12 months, Điều lệ Đảng Điều 5) has run: re-checked here, whatever was recorded before."""
    admission = _locked(actor, admission, expected_version)
    errors: dict = {}
    if admission.status != PartyStatus.DU_BI:
        raise ValidationError(
            f"Chỉ xét công nhận chính thức đảng viên dự bị (hiện: {admission.get_status_display()})."
        )
    _past(errors, "vote_date", vote_date, "ngày chi bộ xét chính thức", timezone.localdate())
    probation = rules.probation_months(admission.admitted_on)
    end = add_months(admission.admitted_on, probation)
    if vote_date and vote_date < end:
        add_error(
            errors,
            "vote_date",
            f"Chưa đủ {probation} tháng dự bị: kết nạp ngày {admission.admitted_on:%d/%m/%Y}, "
            f"xét công nhận chính thức từ ngày {end:%d/%m/%Y}.",
        )
    if not (decision_number or "").strip():
        add_error(errors, "decision_number", "Cần số quyết định công nhận đảng viên chính thức.")
    if errors:
        raise ValidationError(errors)
    admission.status = PartyStatus.CHINH_THUC
    admission.full_vote_date, admission.full_member_on = vote_date, end
    admission.full_decision_number = _text(decision_number, 60)
    with audit_actor(actor):
        admission.save()
    if admission.person_id:
        person_update(actor=actor, person=admission.person, data={"party_full_member_date": end})
    return admission


@transaction.atomic
def admission_remove(
    *,
    actor,
    admission: Admission,
    kind: str,
    on: date | None,
    decision_number: str,
    reason: str,
    expected_version=None,
) -> Admission:
    """Xóa tên or khai trừ a member no longer qualified, with the decision and the reason."""
    admission = _locked(actor, admission, expected_version)
    errors: dict = {}
    if admission.status not in (PartyStatus.DU_BI, PartyStatus.CHINH_THUC):
        raise ValidationError(f"Đảng viên này đã {admission.get_status_display().lower()}.")
    if kind not in REMOVALS:
        add_error(errors, "kind", "Hình thức phải là xóa tên hoặc khai trừ.")
    _past(errors, "on", on, "ngày quyết định xóa tên, khai trừ", timezone.localdate())
    if on and on < admission.admitted_on:
        add_error(errors, "on", "Ngày xóa tên, khai trừ không được trước ngày kết nạp.")
    if not (decision_number or "").strip():
        add_error(errors, "decision_number", "Cần số quyết định.")
    if not (reason or "").strip():
        add_error(errors, "reason", "Cần ghi rõ lý do xóa tên, khai trừ.")
    if errors:
        raise ValidationError(errors)
    admission.status, admission.removed_on = kind, on
    admission.removal_decision_number, admission.removal_reason = (
        _text(decision_number, 60),
        _text(reason, 300),
    )
    with audit_actor(actor):
        admission.save()
    return admission
