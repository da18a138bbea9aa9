from django.db import models
from django.utils.translation import gettext_lazy as _


class TermKind(models.TextChoices):
    PARTY = "PARTY", _("Nhiệm kỳ Đảng")
    STATE = "STATE", _("Nhiệm kỳ chính quyền")


class PlanningTier(models.TextChoices):
    """The groups seed 001 counts its gaps by."""

    PROVINCE = "TINH", _("Lãnh đạo cấp tỉnh (tỉnh ủy viên; trưởng, phó sở, ban, ngành, đoàn thể)")
    DISTRICT = "HUYEN", _("Lãnh đạo cấp huyện (ủy viên ban thường vụ; phó chủ tịch HĐND, UBND trở lên)")
    DEPARTMENT = (
        "PHONG",
        _("Trưởng phòng và tương đương (sở, ngành; cấp ủy viên huyện; trưởng phòng cấp huyện)"),
    )
    COMMUNE = "XA", _("Lãnh đạo cấp xã")


class EntryStatus(models.TextChoices):
    PROPOSED = "PROPOSED", _("Đề xuất")
    APPROVED = "APPROVED", _("Đã phê duyệt")
    REMOVED = "REMOVED", _("Đã đưa ra khỏi quy hoạch")


class RemovalReason(models.TextChoices):
    OVER_AGE = "OVER_AGE", _("Quá tuổi quy hoạch")
    DISCIPLINED = "DISCIPLINED", _("Bị kỷ luật từ khiển trách trở lên")
    POLITICAL_STANDARD = "POLITICAL_STANDARD", _("Không đạt tiêu chuẩn chính trị")
    APPOINTED = "APPOINTED", _("Đã được bổ nhiệm vào chức danh quy hoạch")
    MOVED = "MOVED", _("Chuyển công tác, nghỉ việc")
    REVIEW = "REVIEW", _("Không còn đáp ứng yêu cầu qua rà soát")
