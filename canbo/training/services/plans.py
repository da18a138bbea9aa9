"""The annual plan: drafting, the approval workflow with its log, lines, per-unit breakdown, units' needs."""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from canbo.accounts.models import Role
from canbo.accounts.scoping import can_edit_unit, has_role
from canbo.core.audit import audit_actor
from canbo.core.versioning import bump_version
from canbo.org.models import OrgUnit

from ..choices import PlanStatus
from ..models import PlanAllocation, PlanLine, PlanTransition, TrainingNeed, TrainingPlan
from .checks import require_edit


def plan_due_date(year: int) -> date:
    """Rule 23: the year's plan is issued by 31/01 of that year."""
    return date(year, 1, 31)


def is_overdue(plan: TrainingPlan, today: date | None = None) -> bool:
    today = today or timezone.localdate()
    return plan.status != PlanStatus.ISSUED and today > plan.due_date


def is_drafter(user, plan: TrainingPlan) -> bool:
    """The drafting side: officers of the owning unit (the Department of Home Affairs) or the board."""
    return can_edit_unit(user, plan.owner_unit)


@dataclass(frozen=True)
class Action:
    code: str
    label: str
    source: str
    target: str
    who: str  # for the refusal message


ACTIONS = {
    a.code: a
    for a in [
        Action(
            "submit", "Trình thẩm định", PlanStatus.DRAFT, PlanStatus.SUBMITTED, "đơn vị xây dựng kế hoạch"
        ),
        Action("appraise", "Thẩm định", PlanStatus.SUBMITTED, PlanStatus.APPRAISED, "Ban Tổ chức Tỉnh ủy"),
        Action("approve", "Phê duyệt", PlanStatus.APPRAISED, PlanStatus.APPROVED, "Ban Thường vụ Tỉnh ủy"),
        Action("issue", "Ban hành", PlanStatus.APPROVED, PlanStatus.ISSUED, "đơn vị xây dựng kế hoạch"),
        Action(
            "return_appraisal",
            "Trả lại để sửa",
            PlanStatus.SUBMITTED,
            PlanStatus.DRAFT,
            "Ban Tổ chức Tỉnh ủy",
        ),
        Action(
            "return_approval",
            "Trả lại để sửa",
            PlanStatus.APPRAISED,
            PlanStatus.DRAFT,
            "Ban Thường vụ Tỉnh ủy",
        ),
    ]
}


def _entitled(user, plan: TrainingPlan, action: Action) -> bool:
    if action.code in ("submit", "issue"):
        return is_drafter(user, plan)
    if action.code in ("appraise", "return_appraisal"):
        return has_role(user, Role.PROVINCE_BOARD)
    return has_role(user, Role.STANDING_COMMITTEE)


def allowed_actions(user, plan: TrainingPlan) -> list[Action]:
    """The workflow buttons this user may press on this plan now."""
    return [a for a in ACTIONS.values() if a.source == plan.status and _entitled(user, plan, a)]


def _last_submitter(plan: TrainingPlan):
    row = plan.transitions.filter(to_status=PlanStatus.SUBMITTED).order_by("-at", "-id").first()
    return row.actor_id if row else None


@transaction.atomic
def plan_transition(
    *,
    actor,
    plan: TrainingPlan,
    action: str,
    comment: str = "",
    decision_number: str = "",
    decision_date: date | None = None,
    issuing_body: str = "",
    expected_version: int | None = None,
) -> TrainingPlan:
    """Move the plan one step, by the role entitled to that step; the step, actor, time and comment are kept."""
    step = ACTIONS.get(action)
    if step is None:
        raise ValidationError(f"Thao tác “{action}” không hợp lệ.")
    if plan.status != step.source:
        raise ValidationError(
            f"Không thể “{step.label.lower()}” kế hoạch đang ở trạng thái “{plan.get_status_display()}”."
        )
    if not _entitled(actor, plan, step):
        raise PermissionDenied(f"Chỉ {step.who} được “{step.label.lower()}” kế hoạch.")
    errors = {}
    if action == "submit" and not plan.lines.exists():
        errors["__all__"] = ["Kế hoạch chưa có chỉ tiêu nào: thêm ít nhất một dòng trước khi trình."]
    if action == "appraise" and _last_submitter(plan) == actor.pk:
        errors["__all__"] = ["Người trình kế hoạch không tự thẩm định kế hoạch đó."]
    if action.startswith("return") and not comment.strip():
        errors["comment"] = ["Cần ghi ý kiến khi trả lại kế hoạch."]
    if action == "issue":
        if not decision_number.strip():
            errors["decision_number"] = ["Cần số văn bản ban hành kế hoạch."]
        if decision_date is None:
            errors["decision_date"] = ["Cần ngày ban hành kế hoạch."]
        elif decision_date > timezone.localdate():
            errors["decision_date"] = ["Ngày ban hành không được sau ngày hôm nay."]
        elif decision_date.year not in (plan.year - 1, plan.year):
            errors["decision_date"] = [
                f"Kế hoạch năm {plan.year} ban hành trong năm {plan.year - 1} hoặc {plan.year}."
            ]
    if errors:
        raise ValidationError(errors)
    bump_version(TrainingPlan, plan, expected_version)
    source = plan.status
    plan.status = step.target
    fields = ["status", "version", "updated_at"]
    if action == "issue":
        plan.decision_number, plan.decision_date = decision_number.strip(), decision_date
        plan.issuing_body = issuing_body or plan.issuing_body
        fields += ["decision_number", "decision_date", "issuing_body"]
    with audit_actor(actor):
        plan.save(update_fields=fields)
    PlanTransition.objects.create(
        plan=plan, from_status=source, to_status=step.target, actor=actor, comment=comment.strip()
    )
    return plan


def _require_draft(actor, plan: TrainingPlan) -> None:
    if not is_drafter(actor, plan):
        raise PermissionDenied("Chỉ đơn vị xây dựng kế hoạch được sửa kế hoạch.")
    if plan.status != PlanStatus.DRAFT:
        raise ValidationError(
            f"Kế hoạch đang ở trạng thái “{plan.get_status_display()}”: chỉ sửa được khi là dự thảo."
        )


def _clean(obj) -> None:
    obj.full_clean()


@transaction.atomic
def plan_create(*, actor, year: int, owner_unit: OrgUnit, title: str = "", note: str = "") -> TrainingPlan:
    require_edit(actor, owner_unit, "Anh/chị không có quyền lập kế hoạch cho đơn vị này.")
    plan = TrainingPlan(
        year=year,
        owner_unit=owner_unit,
        title=title or f"Kế hoạch đào tạo, bồi dưỡng cán bộ, công chức, viên chức năm {year}",
        due_date=plan_due_date(year),
        note=note,
    )
    _clean(plan)
    with audit_actor(actor):
        plan.save()
    return plan


PLAN_FIELDS = ["title", "note"]
LINE_FIELDS = ["programme", "mode", "venue", "audience", "responsible_unit", "target_count", "budget", "note"]


@transaction.atomic
def plan_update(
    *, actor, plan: TrainingPlan, data: dict, expected_version: int | None = None
) -> TrainingPlan:
    _require_draft(actor, plan)
    changed = [f for f in PLAN_FIELDS if f in data and getattr(plan, f) != data[f]]
    for f in changed:
        setattr(plan, f, data[f])
    _clean(plan)
    bump_version(TrainingPlan, plan, expected_version)
    with audit_actor(actor):
        plan.save(update_fields=[*changed, "version", "updated_at"])
    return plan


@transaction.atomic
def plan_line_save(*, actor, plan: TrainingPlan, data: dict, line: PlanLine | None = None) -> PlanLine:
    """Add a line (line=None) or change one; only while the plan is a draft."""
    _require_draft(actor, plan)
    line = line or PlanLine(plan=plan)
    for f in LINE_FIELDS:
        if f in data:
            setattr(line, f, data[f])
    _clean(line)
    if line.pk:
        allocated = line.allocations.aggregate(n=Sum("target_count"))["n"] or 0
        if allocated > line.target_count:
            raise ValidationError(
                {
                    "target_count": [
                        f"Chỉ tiêu không được nhỏ hơn tổng đã phân bổ cho các đơn vị ({allocated})."
                    ]
                }
            )
    with audit_actor(actor):
        line.save()
    return line


@transaction.atomic
def plan_line_delete(*, actor, line: PlanLine) -> None:
    _require_draft(actor, line.plan)
    if line.classes.exists() or line.enrolments.exists():
        raise ValidationError("Dòng kế hoạch đã có lớp hoặc người học: không xóa được.")
    with audit_actor(actor):
        line.allocations.all().delete()
        line.delete()


@transaction.atomic
def plan_allocation_set(*, actor, line: PlanLine, unit: OrgUnit, target_count: int, budget: int = 0):
    """Break a line down per unit; the units' targets never exceed the line's. A target of 0 removes the row."""
    _require_draft(actor, line.plan)
    others = line.allocations.exclude(unit=unit).aggregate(n=Sum("target_count"))["n"] or 0
    if target_count < 0 or budget < 0:
        raise ValidationError("Chỉ tiêu và kinh phí không được âm.")
    if others + target_count > line.target_count:
        raise ValidationError(
            {
                "target_count": [
                    f"Tổng chỉ tiêu phân bổ ({others + target_count}) vượt chỉ tiêu của dòng "
                    f"kế hoạch ({line.target_count})."
                ]
            }
        )
    with audit_actor(actor):
        if target_count == 0:
            PlanAllocation.objects.filter(line=line, unit=unit).delete()
            return None
        allocation, _ = PlanAllocation.objects.update_or_create(
            line=line, unit=unit, defaults={"target_count": target_count, "budget": budget}
        )
    return allocation


@transaction.atomic
def need_submit(*, actor, unit: OrgUnit, year: int, programme, count: int, mode: str = "", note: str = ""):
    """A unit registers how many of its people need a programme in a year (updating its earlier figure)."""
    require_edit(actor, unit, "Anh/chị chỉ đăng ký nhu cầu cho đơn vị mình.")
    if count < 1:
        raise ValidationError({"count": ["Số người phải lớn hơn 0."]})
    need, _ = TrainingNeed.objects.update_or_create(
        year=year,
        unit=unit,
        programme=programme,
        mode=mode,
        defaults={"count": count, "note": note, "created_by": actor},
    )
    return need


@transaction.atomic
def plan_lines_from_needs(*, actor, plan: TrainingPlan) -> list[PlanLine]:
    """Turn the units' needs for the plan's year into lines (one per programme and mode) with allocations."""
    _require_draft(actor, plan)
    needs = list(
        TrainingNeed.objects.filter(year=plan.year, plan_line__isnull=True)
        .select_related("programme")
        .order_by("programme__sort_order", "mode", "unit__path")
    )
    grouped: dict[tuple, list[TrainingNeed]] = {}
    for need in needs:
        grouped.setdefault((need.programme_id, need.mode), []).append(need)
    lines = []
    with audit_actor(actor):
        for (_programme, mode), group in grouped.items():
            total = sum(n.count for n in group)
            line = PlanLine.objects.filter(
                plan=plan, programme=group[0].programme, mode=mode, audience=""
            ).first()
            if line is None:
                line = PlanLine(
                    plan=plan,
                    programme=group[0].programme,
                    mode=mode,
                    responsible_unit=plan.owner_unit,
                    target_count=total,
                )
            else:
                line.target_count += total
            line.save()
            for need in group:
                allocation = PlanAllocation.objects.filter(line=line, unit=need.unit).first()
                if allocation is None:
                    PlanAllocation.objects.create(line=line, unit=need.unit, target_count=need.count)
                else:
                    allocation.target_count += need.count
                    allocation.save(update_fields=["target_count"])
            TrainingNeed.objects.filter(pk__in=[n.pk for n in group]).update(plan_line=line)
            lines.append(line)
    return lines
