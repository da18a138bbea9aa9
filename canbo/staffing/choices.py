"""Enumerations of staffing quotas and streamlining (domain.md §2, §3 rules 18–19), with Vietnamese labels."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from canbo.people.choices import PersonnelCategory


class QuotaKind(models.TextChoices):
    CIVIL_SERVANTS = "CC", _("Biên chế công chức")
    PUBLIC_EMPLOYEES = "VC", _("Số lượng người làm việc hưởng lương NSNN")


# Which personnel categories count against each kind of quota (rule 19: CB/CC vs budget-paid VC).
QUOTA_CATEGORIES = {
    QuotaKind.CIVIL_SERVANTS: [
        PersonnelCategory.CB,
        PersonnelCategory.CC,
        PersonnelCategory.CB_XA,
        PersonnelCategory.CC_XA,
    ],
    QuotaKind.PUBLIC_EMPLOYEES: [PersonnelCategory.VC],
}


def quota_kind_of(category: str) -> str | None:
    for kind, categories in QUOTA_CATEGORIES.items():
        if category in categories:
            return kind
    return None


class DownsizingReason(models.TextChoices):
    """NĐ 29/2023/NĐ-CP, Art. 2(1)."""

    DOI_DU_BO_MAY = "DOI_DU_BO_MAY", _("Dôi dư do sắp xếp tổ chức bộ máy")
    DOI_DU_DVHC = "DOI_DU_DVHC", _("Dôi dư do sắp xếp đơn vị hành chính")
    DOI_DU_VTVL = "DOI_DU_VTVL", _("Dôi dư do cơ cấu lại theo vị trí việc làm")
    CHUA_DAT_CHUAN = (
        "CHUA_DAT_CHUAN",
        _("Chưa đạt chuẩn trình độ, không thể đào tạo lại hoặc bố trí việc khác"),
    )
    XEP_LOAI_THAP = "XEP_LOAI_THAP", _("Hai năm liên tiếp có một năm HT và một năm KHT")


class DownsizingPolicy(models.TextChoices):
    """NĐ 29/2023, Art. 5–7."""

    EARLY_RETIREMENT = "NGHI_HUU_TRUOC_TUOI", _("Nghỉ hưu trước tuổi")
    TRANSFER_OUT = "CHUYEN_NGOAI_NSNN", _("Chuyển sang tổ chức không hưởng lương thường xuyên từ NSNN")
    LEAVE_NOW = "THOI_VIEC_NGAY", _("Thôi việc ngay")
    LEAVE_AFTER_TRAINING = "THOI_VIEC_SAU_HOC_NGHE", _("Thôi việc sau khi đi học nghề")


class CaseStatus(models.TextChoices):
    PROPOSED = "PROPOSED", _("Đề nghị")
    APPROVED = "APPROVED", _("Đã phê duyệt")
    EXITED = "EXITED", _("Đã giải quyết (đã nghỉ)")
    REJECTED = "REJECTED", _("Không phê duyệt")


OPEN_STATUSES = [CaseStatus.PROPOSED, CaseStatus.APPROVED]
