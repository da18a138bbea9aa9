"""Writes of the annual rating: campaigns, the three steps of a sheet, closing (each one transaction + audit).

Who does what: a unit officer (or the board) opens a campaign for their unit's subtree; the official writes the
self-assessment of their own sheet under their own login; the officer of the person's unit records the
manager's proposal; the officer of the campaign's unit (or the board) records the deciding body's result, which
writes the person's AnnualRating for the year (created or updated, its fields kept). Leaders and the Standing
Committee read. Rules: canbo.evaluation.rules.
"""

from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from canbo.accounts.scoping import can_edit_unit
from canbo.core.audit import audit_actor
from canbo.core.decisions import decision_errors
from canbo.core.versioning import bump_version
from canbo.org.models import OrgUnit
from canbo.people.choices import PersonStatus
from canbo.people.models import Employment, Person

from . import rules
from .models import AnnualRating, CampaignStatus, RatingCampaign, RatingLevel, RatingSheet, SheetStatus
from .selectors import sheet_is_leader, sheet_tasks_score

NOT_YOUR_UNIT = "Anh/chị không có quyền tổ chức đánh giá, xếp loại của đơn vị này."
NOT_YOUR_SHEET = "Chỉ chính người được đánh giá tự đánh giá trên phiếu của mình."
NOT_PROPOSER = "Anh/chị không có quyền ghi nhận đề xuất xếp loại của đơn vị này."
NOT_DECIDER = (
    "Chỉ cán bộ tổ chức của đơn vị tổ chức đợt đánh giá (hoặc Ban Tổ chức) ghi nhận kết quả xếp loại."
)
CAMPAIGN_CLOSED = "Đợt đánh giá đã kết thúc: không sửa được phiếu."


def _require(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)


def _require_open(campaign: RatingCampaign) -> None:
    if campaign.status != CampaignStatus.OPEN:
        raise ValidationError(CAMPAIGN_CLOSED)


def _save(actor, model, obj, expected_version, fields) -> None:
    bump_version(model, obj, expected_version)
    with audit_actor(actor):
        obj.save(update_fields=[*fields, "version", "updated_at"])


def _months_by_person(person_ids, year: int) -> dict[int, int]:
    spans: dict[int, list] = {}
    rows = Employment.objects.filter(
        Q(end_date__isnull=True) | Q(end_date__gte=date(year, 1, 1)),
        person_id__in=person_ids,
        start_date__lte=date(year, 12, 31),
    ).values_list("person_id", "start_date", "end_date")
    for person_id, start, end in rows:
        spans.setdefault(person_id, []).append((start, end))
    return {pid: rules.months_worked_in(year, spans.get(pid, [])) for pid in person_ids}


@transaction.atomic
def campaign_open(*, actor, year: int, unit: OrgUnit, deadline: date) -> RatingCampaign:
    """A campaign and one sheet per working person of the subtree (those already in a campaign that year are
    left out); months worked in the year are computed from the career rows (the officer may correct them)."""
    _require(can_edit_unit(actor, unit), NOT_YOUR_UNIT)
    today = timezone.localdate()
    errors: dict[str, list[str]] = {}
    if not 2000 <= year <= today.year:
        errors["year"] = [f"Năm đánh giá từ 2000 đến {today.year}."]
    elif deadline > rules.latest_deadline(year) or deadline < date(year, 1, 1):
        errors["deadline"] = [
            f"Hạn hoàn thành đánh giá năm {year} trong năm {year}, chậm nhất ngày "
            f"{rules.latest_deadline(year):%d/%m/%Y}."
        ]
    if not errors and RatingCampaign.objects.filter(year=year, unit=unit).exists():
        errors["unit"] = [f"{unit.name} đã có đợt đánh giá năm {year}."]
    if errors:
        raise ValidationError(errors)
    campaign = RatingCampaign(year=year, unit=unit, deadline=deadline, opened_by=actor)
    with audit_actor(actor):
        campaign.save()
    people = list(
        Person.objects.filter(current_unit__path__startswith=unit.path, status=PersonStatus.WORKING)
        .exclude(rating_sheets__year=year)
        .values_list("pk", "current_unit_id")
    )
    months = _months_by_person([pk for pk, _ in people], year)
    RatingSheet.objects.bulk_create(
        RatingSheet(campaign=campaign, person_id=pk, year=year, unit_id=unit_id, months_worked=months[pk])
        for pk, unit_id in people
    )
    return campaign


@transaction.atomic
def sheet_set_facts(
    *,
    actor,
    sheet: RatingSheet,
    months_worked: int,
    leave_months: int,
    maternity: bool,
    duty_group: str = "",
    unit_corruption_note: str = "",
    unit_results_percent: int | None = None,
    organisation_percent: int | None = None,
    expected_version=None,
) -> RatingSheet:
    """The officer corrects the months worked, the months of leave and the maternity flag before the result,
    and (NĐ 335) the group of similar duties, and for a leader the unit's corruption finding, the unit's results
    and the capacity to organise (the two parts of the leader's tasks formula)."""
    _require(can_edit_unit(actor, sheet.unit), NOT_PROPOSER)
    _require_open(sheet.campaign)
    if sheet.status == SheetStatus.DECIDED:
        raise ValidationError("Phiếu đã có kết quả xếp loại: không sửa thời gian công tác.")
    errors = {}
    if not 0 <= months_worked <= 12:
        errors["months_worked"] = ["Số tháng công tác từ 0 đến 12."]
    if not 0 <= leave_months <= 12:
        errors["leave_months"] = ["Số tháng nghỉ từ 0 đến 12."]
    duty_group, corruption = (duty_group or "").strip(), (unit_corruption_note or "").strip()
    if len(duty_group) > 100:
        errors["duty_group"] = ["Nhóm nhiệm vụ tương đồng tối đa 100 ký tự."]
    if len(corruption) > 500:
        errors["unit_corruption_note"] = ["Căn cứ tối đa 500 ký tự."]
    is_leader = sheet_is_leader(sheet)
    for field, value in (
        ("unit_results_percent", unit_results_percent),
        ("organisation_percent", organisation_percent),
    ):
        if value is not None and not 0 <= value <= 100:
            errors[field] = ["Tỷ lệ từ 0 đến 100 %."]
        elif value is not None and not is_leader:
            errors[field] = ["Chỉ chấm cho người giữ chức vụ lãnh đạo, quản lý."]
    if corruption and not is_leader:
        errors["unit_corruption_note"] = ["Chỉ áp dụng với người giữ chức vụ lãnh đạo, quản lý."]
    if errors:
        raise ValidationError(errors)
    sheet.months_worked, sheet.leave_months, sheet.maternity = months_worked, leave_months, maternity
    sheet.duty_group, sheet.unit_corruption_note = duty_group, corruption
    sheet.unit_results_percent, sheet.organisation_percent = unit_results_percent, organisation_percent
    fields = [
        "months_worked",
        "leave_months",
        "maternity",
        "duty_group",
        "unit_corruption_note",
        "unit_results_percent",
        "organisation_percent",
    ]
    _save(actor, RatingSheet, sheet, expected_version, fields)
    return sheet


@transaction.atomic
def sheet_self_assess(
    *, actor, sheet: RatingSheet, level: str, text: str, expected_version=None
) -> RatingSheet:
    person_user = sheet.person.user_id
    _require(person_user is not None and person_user == actor.pk, NOT_YOUR_SHEET)
    _require_open(sheet.campaign)
    if sheet.status not in (SheetStatus.PENDING, SheetStatus.SELF_ASSESSED):
        raise ValidationError("Người quản lý đã ghi đề xuất: không sửa được phần tự đánh giá.")
    errors = {}
    if level not in RatingLevel.values:
        errors["level"] = ["Hãy chọn mức tự xếp loại."]
    if not text.strip():
        errors["text"] = ["Cần nội dung tự nhận xét (ưu điểm, hạn chế, kết quả thực hiện nhiệm vụ)."]
    elif len(text) > 5000:
        errors["text"] = ["Tự nhận xét tối đa 5.000 ký tự."]
    if errors:
        raise ValidationError(errors)
    sheet.self_level, sheet.self_text, sheet.self_assessed_at = level, text.strip(), timezone.now()
    sheet.status = SheetStatus.SELF_ASSESSED
    _save(
        actor, RatingSheet, sheet, expected_version, ["self_level", "self_text", "self_assessed_at", "status"]
    )
    return sheet


def facts_for(sheet: RatingSheet, *, degradation: str | None = None) -> rules.Facts:
    """The rules' facts of the sheet; `degradation`: the finding being recorded (default: the sheet's)."""
    found = rules.disciplines_in([sheet.person_id], sheet.year).get(sheet.person_id, [])
    if degradation is None:
        degradation = sheet.degradation_note if sheet.degradation_finding else ""
    return rules.Facts(
        name=sheet.person.full_name,
        year=sheet.year,
        months_worked=sheet.months_worked,
        leave_months=sheet.leave_months,
        maternity=sheet.maternity,
        disciplines=tuple(found),
        degradation=degradation,
        is_leader=sheet_is_leader(sheet),
        unit_corruption=sheet.unit_corruption_note,
    )


def _tasks(sheet, tasks) -> tuple[Decimal | None, dict[str, list[str]]]:
    """With deliverables the tasks part is computed (rule 16) and cannot be typed; without, as typed."""
    computed = sheet_tasks_score(sheet=sheet)
    if computed is None or tasks is None or tasks == computed:
        return (tasks if computed is None else computed), {}
    return tasks, {
        "tasks": [
            f"Điểm kết quả nhiệm vụ được tính từ các sản phẩm của phiếu ({rules.fmt_points(computed)} điểm): "
            "không nhập tay; hãy sửa các sản phẩm."
        ]
    }


def _result_errors(sheet, level, general, tasks, degradation=None) -> tuple[Decimal | None, dict]:
    """(the tasks score to store, the errors)."""
    tasks, errors = _tasks(sheet, tasks)
    if not errors:
        errors = rules.score_errors(general, tasks, level, category=sheet.person.category, year=sheet.year)
    if not errors:
        messages = rules.level_errors(facts_for(sheet, degradation=degradation), level)
        if messages:
            errors["level"] = messages
    return tasks, errors


@transaction.atomic
def sheet_propose(
    *,
    actor,
    sheet: RatingSheet,
    level: str,
    general: Decimal | None = None,
    tasks: Decimal | None = None,
    note: str = "",
    expected_version=None,
) -> RatingSheet:
    _require(can_edit_unit(actor, sheet.unit), NOT_PROPOSER)
    _require_open(sheet.campaign)
    if sheet.status == SheetStatus.DECIDED:
        raise ValidationError("Phiếu đã có kết quả xếp loại.")
    if sheet.status == SheetStatus.PENDING and sheet.person.user_id is not None:
        raise ValidationError(f"{sheet.person.full_name} chưa tự đánh giá: chưa ghi được đề xuất.")
    tasks, errors = _result_errors(sheet, level, general, tasks)
    if len(note) > 1000:
        errors["note"] = ["Nhận xét tối đa 1.000 ký tự."]
    if errors:
        raise ValidationError(errors)
    sheet.proposed_level, sheet.proposed_general, sheet.proposed_tasks = level, general, tasks
    sheet.proposal_note, sheet.proposed_by, sheet.status = note.strip(), actor, SheetStatus.PROPOSED
    fields = [
        "proposed_level",
        "proposed_general",
        "proposed_tasks",
        "proposal_note",
        "proposed_by",
        "status",
    ]
    _save(actor, RatingSheet, sheet, expected_version, fields)
    return sheet


def _cap_counts(
    campaign, unit_id, *, decided_only: bool, exclude=None, duty_group: str = "", categories=()
) -> tuple[int, int]:
    """(HTXS, HTT) of a unit's sheets — of one group of similar duties of `categories` when `duty_group` is
    given (NĐ 335) —: the decided level, else (when not decided_only) the proposed one."""
    qs = RatingSheet.objects.filter(campaign=campaign, unit_id=unit_id)
    if duty_group:
        qs = qs.filter(duty_group=duty_group, person__category__in=categories)
    if exclude is not None:
        qs = qs.exclude(pk=exclude)
    decided = Q(status=SheetStatus.DECIDED)
    if decided_only:
        counts = qs.filter(decided).aggregate(
            x=Count("pk", filter=Q(level=RatingLevel.EXCELLENT)),
            g=Count("pk", filter=Q(level=RatingLevel.GOOD)),
        )
    else:
        counts = qs.aggregate(
            x=Count(
                "pk",
                filter=(decided & Q(level=RatingLevel.EXCELLENT)) | (~decided & Q(proposed_level="HTXS")),
            ),
            g=Count(
                "pk", filter=(decided & Q(level=RatingLevel.GOOD)) | (~decided & Q(proposed_level="HTT"))
            ),
        )
    return counts["x"], counts["g"]


@transaction.atomic
def sheet_decide(
    *,
    actor,
    sheet: RatingSheet,
    level: str,
    decision_number: str,
    decided_on: date | None,
    general: Decimal | None = None,
    tasks: Decimal | None = None,
    degradation: bool = False,
    degradation_note: str = "",
    expected_version=None,
) -> RatingSheet:
    """The deciding body's result (may be re-recorded while the campaign is open); writes the AnnualRating.
    `degradation`: the body found degradation (suy thoái) — recorded with its basis, it forces KHT."""
    _require(can_edit_unit(actor, sheet.campaign.unit), NOT_DECIDER)
    _require_open(sheet.campaign)
    if sheet.status not in (SheetStatus.PROPOSED, SheetStatus.DECIDED):
        raise ValidationError("Chưa có đề xuất của người quản lý: chưa ghi được kết quả xếp loại.")
    basis = (degradation_note or "").strip() if degradation else ""
    if degradation and not basis:
        raise ValidationError(
            {"degradation_note": ["Cần căn cứ kết luận suy thoái (văn bản, cơ quan kết luận)."]}
        )
    if len(basis) > 500:
        raise ValidationError({"degradation_note": ["Căn cứ kết luận suy thoái tối đa 500 ký tự."]})
    tasks, errors = _result_errors(sheet, level, general, tasks, degradation=basis)
    number = (decision_number or "").strip()
    errors.update(decision_errors(number, decided_on, date_field="decided_on"))
    if "decided_on" not in errors and decided_on.year < sheet.year:
        errors["decided_on"] = [f"Ngày quyết định phải từ năm {sheet.year}."]
    if errors:
        raise ValidationError(errors)
    if level in (RatingLevel.EXCELLENT, RatingLevel.GOOD) or sheet.level == RatingLevel.GOOD:
        _check_cap(sheet, level)
    sheet.level, sheet.score_general, sheet.score_tasks = level, general, tasks
    sheet.decision_number, sheet.decided_on, sheet.decided_by = number, decided_on, actor
    sheet.degradation_finding, sheet.degradation_note = bool(basis), basis
    sheet.status = SheetStatus.DECIDED
    fields = [
        "level",
        "score_general",
        "score_tasks",
        "decision_number",
        "decided_on",
        "decided_by",
        "degradation_finding",
        "degradation_note",
        "status",
    ]
    _save(actor, RatingSheet, sheet, expected_version, fields)
    _write_rating(actor, sheet)
    return sheet


def _check_cap(sheet: RatingSheet, level: str) -> None:
    """Rule 15: HTXS within the share of HTT in the unit and, from 2026 for civil servants, in the sheet's group
    of similar duties (NĐ 335), counting the other sheets' proposals."""
    cap = rules.excellent_cap(sheet.year)
    share, categories = cap["share_of_good"], cap.get("duty_group_categories", [])
    scopes = [("", sheet.unit.name)]
    if sheet.duty_group and sheet.person.category in categories:
        scopes.append((sheet.duty_group, f"{sheet.unit.name}, nhóm nhiệm vụ “{sheet.duty_group}”"))
    for group, name in scopes:
        excellent, good = _cap_counts(
            sheet.campaign,
            sheet.unit_id,
            decided_only=False,
            exclude=sheet.pk,
            duty_group=group,
            categories=categories,
        )
        excellent += level == RatingLevel.EXCELLENT
        good += level == RatingLevel.GOOD
        if not rules.cap_allows(excellent, good, share=share) and (
            level == RatingLevel.EXCELLENT or sheet.level == "HTT"
        ):
            message = rules.cap_message(name, excellent, good, share=share)
            raise ValidationError({"level": [message + " (kể cả các phiếu đã đề xuất)"]})


def _write_rating(actor, sheet: RatingSheet) -> AnnualRating:
    values = {
        "unit_id": sheet.unit_id,
        "level": sheet.level,
        "score": sheet.score,
        "decided_on": sheet.decided_on,
        "decision_number": sheet.decision_number,
    }
    rating = (
        AnnualRating.objects.select_for_update().filter(person_id=sheet.person_id, year=sheet.year).first()
    )
    if rating is None:
        rating = AnnualRating(person_id=sheet.person_id, year=sheet.year, **values)
        with audit_actor(actor):
            rating.save()
        return rating
    for key, value in values.items():
        setattr(rating, key, value)
    _save(actor, AnnualRating, rating, None, list(values))
    return rating


@transaction.atomic
def campaign_close(*, actor, campaign: RatingCampaign, expected_version=None) -> RatingCampaign:
    """Every sheet decided, and HTXS ≤ 20 % of HTT in each unit; then the campaign is closed."""
    _require(can_edit_unit(actor, campaign.unit), NOT_YOUR_UNIT)
    _require_open(campaign)
    open_sheets = campaign.sheets.exclude(status=SheetStatus.DECIDED)
    waiting = open_sheets.count()
    if waiting:
        names = ", ".join(
            open_sheets.order_by("person__sort_key").values_list("person__full_name", flat=True)[:5]
        )
        raise ValidationError(
            f"Còn {waiting} phiếu chưa có kết quả xếp loại ({names}{', …' if waiting > 5 else ''})."
        )
    cap = rules.excellent_cap(campaign.year)
    share = cap["share_of_good"]
    counts = {
        "x": Count("pk", filter=Q(level=RatingLevel.EXCELLENT)),
        "g": Count("pk", filter=Q(level=RatingLevel.GOOD)),
    }
    per_unit = campaign.sheets.values("unit_id", "unit__name").annotate(**counts).order_by("unit__path")
    over = [
        rules.cap_message(u["unit__name"], u["x"], u["g"], share=share)
        for u in per_unit
        if not rules.cap_allows(u["x"], u["g"], share=share)
    ]
    per_group = (
        campaign.sheets.filter(person__category__in=cap.get("duty_group_categories", []))
        .exclude(duty_group="")
        .values("unit_id", "unit__name", "duty_group")
        .annotate(**counts)
        .order_by("unit__path", "duty_group")
    )
    over += [
        rules.cap_message(
            f"{u['unit__name']}, nhóm nhiệm vụ “{u['duty_group']}”", u["x"], u["g"], share=share
        )
        for u in per_group
        if not rules.cap_allows(u["x"], u["g"], share=share)
    ]
    if over:
        raise ValidationError(over)
    campaign.status, campaign.closed_on = CampaignStatus.CLOSED, timezone.localdate()
    _save(actor, RatingCampaign, campaign, expected_version, ["status", "closed_on"])
    return campaign


def sheet_actions(user, sheet: RatingSheet) -> list[str]:
    """The steps `user` may take on the sheet now (pages and API show them)."""
    if sheet.campaign.status != CampaignStatus.OPEN:
        return []
    actions = []
    if sheet.person.user_id == user.pk and sheet.status in (SheetStatus.PENDING, SheetStatus.SELF_ASSESSED):
        actions.append("self-assess")
    if can_edit_unit(user, sheet.unit) and sheet.status != SheetStatus.DECIDED:
        actions.append("facts")
        if sheet.status != SheetStatus.PENDING or sheet.person.user_id is None:
            actions.append("propose")
    if can_edit_unit(user, sheet.campaign.unit) and sheet.status in (
        SheetStatus.PROPOSED,
        SheetStatus.DECIDED,
    ):
        actions.append("decide")
    return actions
