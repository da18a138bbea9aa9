from django.db import models
from django.utils.translation import gettext_lazy as _


class PartyStatus(models.TextChoices):
    DU_BI = "DU_BI", _("Đảng viên dự bị")
    CHINH_THUC = "CHINH_THUC", _("Đảng viên chính thức")
    XOA_TEN = "XOA_TEN", _("Xóa tên")
    KHAI_TRU = "KHAI_TRU", _("Khai trừ")


class GeneralEducation(models.TextChoices):
    """Trình độ giáo dục phổ thông khai trong hồ sơ xin vào Đảng."""

    TIEU_HOC = "TIEU_HOC", _("Tiểu học")
    THCS = "THCS", _("Trung học cơ sở")
    THPT = "THPT", _("Trung học phổ thông")


REMOVALS = (PartyStatus.XOA_TEN, PartyStatus.KHAI_TRU)
