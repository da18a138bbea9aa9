"""Writes of a sheet's monthly or quarterly deliverables (NĐ 335/2025, rule 16), each one transaction + audit.

The official adds and corrects their own items while self-assessing (sheet pending or self-assessed); the
officer of the person's unit does so until the result (pending, self-assessed or proposed). A change to the
items of a proposed sheet withdraws the proposal (its tasks score no longer holds): the sheet goes back to the
step before and the manager records the proposal again. Every change bumps the sheet's version.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from canbo.accounts.scoping import can_edit_unit
from canbo.core.audit import audit_actor
from canbo.core.versioning import bump_version

from .models import CampaignStatus, DeliverablePeriod, RatingDeliverable, RatingSheet, SheetStatus

MAX_ITEMS = 100
MAX_MISSES = 4
NOT_ALLOWED = (
    "Chỉ người được đánh giá (khi tự đánh giá) hoặc cán bộ tổ chức của đơn vị (trước khi có kết quả) được "
    "sửa các sản phẩm của phiếu."
)
PERIOD_LIMIT = {DeliverablePeriod.MONTH: 12, DeliverablePeriod.QUARTER: 4}


def can_edit_deliverables(user, sheet: RatingSheet) -> bool:
    if sheet.campaign.status != CampaignStatus.OPEN:
        return False
    if sheet.person.user_id == user.pk and sheet.status in (SheetStatus.PENDING, SheetStatus.SELF_ASSESSED):
        return True
    return sheet.status != SheetStatus.DECIDED and can_edit_unit(user, sheet.unit)


def _clean(data: dict) -> dict:
    """Shape and ranges of one item, with Vietnamese messages per field."""
    errors: dict[str, list[str]] = {}
    kind = data.get("period_kind")
    period = data.get("period")
    if kind not in DeliverablePeriod.values:
        errors["period_kind"] = ["Hãy chọn kỳ: tháng hoặc quý."]
    elif not isinstance(period, int) or not 1 <= period <= PERIOD_LIMIT[DeliverablePeriod(kind)]:
        limit = PERIOD_LIMIT[DeliverablePeriod(kind)]
        errors["period"] = [f"{DeliverablePeriod(kind).label} từ 1 đến {limit}."]
    title = (data.get("title") or "").strip()
    if not title:
        errors["title"] = ["Cần tên sản phẩm, nhiệm vụ."]
    elif len(title) > 300:
        errors["title"] = ["Tên sản phẩm tối đa 300 ký tự."]
    weight = data.get("weight", 1)
    if not isinstance(weight, int) or not 1 <= weight <= 100:
        errors["weight"] = ["Trọng số từ 1 đến 100."]
    quantity = data.get("quantity_percent")
    quantity = 100 if quantity is None else quantity
    if not isinstance(quantity, int) or not 0 <= quantity <= 100:
        errors["quantity_percent"] = ["Số lượng hoàn thành từ 0 đến 100 %."]
    for field, label in (("quality_misses", "chất lượng"), ("timeliness_misses", "tiến độ")):
        value = data.get(field, 0)
        if not isinstance(value, int) or not 0 <= value <= MAX_MISSES:
            errors[field] = [f"Số lần không bảo đảm {label} từ 0 đến {MAX_MISSES}."]
    note = (data.get("note") or "").strip()
    if len(note) > 500:
        errors["note"] = ["Ghi chú tối đa 500 ký tự."]
    if errors:
        raise ValidationError(errors)
    return {
        "period_kind": kind,
        "period": period,
        "title": title,
        "weight": weight,
        "quantity_percent": quantity,
        "quality_misses": data.get("quality_misses", 0),
        "timeliness_misses": data.get("timeliness_misses", 0),
        "note": note,
    }


def _touch_sheet(actor, sheet: RatingSheet, expected_version) -> None:
    """Check the right, lock the sheet by its version; a proposed sheet loses its proposal."""
    if not can_edit_deliverables(actor, sheet):
        if sheet.campaign.status != CampaignStatus.OPEN:
            raise ValidationError("Đợt đánh giá đã kết thúc: không sửa được phiếu.")
        if sheet.status == SheetStatus.DECIDED:
            raise ValidationError("Phiếu đã có kết quả xếp loại: không sửa được các sản phẩm.")
        raise PermissionDenied(NOT_ALLOWED)
    bump_version(RatingSheet, sheet, expected_version)
    fields = ["version", "updated_at"]
    if sheet.status == SheetStatus.PROPOSED:
        sheet.status = SheetStatus.SELF_ASSESSED if sheet.self_assessed_at else SheetStatus.PENDING
        sheet.proposed_level, sheet.proposed_general, sheet.proposed_tasks = "", None, None
        sheet.proposed_by = None
        fields += ["status", "proposed_level", "proposed_general", "proposed_tasks", "proposed_by"]
    with audit_actor(actor):
        sheet.save(update_fields=fields)


def _duplicate_check(sheet, values, exclude=None) -> None:
    qs = sheet.deliverables.filter(
        period_kind=values["period_kind"], period=values["period"], title=values["title"]
    )
    if exclude is not None:
        qs = qs.exclude(pk=exclude)
    if qs.exists():
        raise ValidationError({"title": ["Phiếu đã có sản phẩm này trong kỳ này."]})


@transaction.atomic
def deliverable_add(*, actor, sheet: RatingSheet, data: dict, expected_version=None) -> RatingDeliverable:
    values = _clean(data)
    _touch_sheet(actor, sheet, expected_version)
    if sheet.deliverables.count() >= MAX_ITEMS:
        raise ValidationError(f"Một phiếu tối đa {MAX_ITEMS} sản phẩm.")
    _duplicate_check(sheet, values)
    item = RatingDeliverable(sheet=sheet, **values)
    item.full_clean()
    with audit_actor(actor):
        item.save()
    return item


@transaction.atomic
def deliverable_update(
    *, actor, deliverable: RatingDeliverable, data: dict, expected_version=None
) -> RatingDeliverable:
    values = _clean(data)
    sheet = deliverable.sheet
    _touch_sheet(actor, sheet, expected_version)
    _duplicate_check(sheet, values, exclude=deliverable.pk)
    for key, value in values.items():
        setattr(deliverable, key, value)
    deliverable.full_clean()
    with audit_actor(actor):
        deliverable.save(update_fields=[*values, "updated_at"])
    return deliverable


@transaction.atomic
def deliverable_delete(*, actor, deliverable: RatingDeliverable, expected_version=None) -> None:
    _touch_sheet(actor, deliverable.sheet, expected_version)
    with audit_actor(actor):
        deliverable.delete()
