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


class EducationException(models.TextChoices):
    """Where the lower-secondary minimum gives way (QĐ 232-QĐ/TW, then QĐ 294-QĐ/TW, mục 1.2.2; the Secretariat's Hướng dẫn 01-HD/TW, then 06-HD/TW)."""

    MIEN_NUI = "MIEN_NUI", _("Miền núi, biên giới")
    HAI_DAO = "HAI_DAO", _("Hải đảo; ngư dân thường xuyên làm việc trên biển, đảo")
    DTTS = "DTTS", _("Vùng đồng bào dân tộc thiểu số")
    DBKK = "DBKK", _("Vùng có điều kiện kinh tế - xã hội đặc biệt khó khăn")


REMOVALS = (PartyStatus.XOA_TEN, PartyStatus.KHAI_TRU)
