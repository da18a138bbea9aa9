from django.db import models
from django.utils.translation import gettext_lazy as _


class RecipientKind(models.TextChoices):
    TAP_THE = "TAP_THE", _("Tập thể")
    CA_NHAN = "CA_NHAN", _("Cá nhân")


class AwardForm(models.TextChoices):
    """Danh hiệu thi đua (domain EmulationTitle) and forms of commendation."""

    LD_TIEN_TIEN = "LD_TIEN_TIEN", _("Lao động tiên tiến")
    CSTD_CO_SO = "CSTD_CO_SO", _("Chiến sĩ thi đua cơ sở")
    CSTD_CAP_TINH = "CSTD_CAP_TINH", _("Chiến sĩ thi đua cấp tỉnh")
    CSTD_TOAN_QUOC = "CSTD_TOAN_QUOC", _("Chiến sĩ thi đua toàn quốc")
    TT_LD_XUAT_SAC = "TT_LD_XUAT_SAC", _("Tập thể lao động xuất sắc")
    CO_THI_DUA = "CO_THI_DUA", _("Cờ thi đua")
    BANG_KHEN = "BANG_KHEN", _("Bằng khen")
    GIAY_KHEN = "GIAY_KHEN", _("Giấy khen")
    # the State's forms of Luật Thi đua, khen thưởng 2022 (issue 16: printed as the highest award on Mẫu 2C)
    HUAN_CHUONG = "HUAN_CHUONG", _("Huân chương")
    HUY_CHUONG = "HUY_CHUONG", _("Huy chương")
    VINH_DU_NHA_NUOC = "VINH_DU_NHA_NUOC", _("Danh hiệu vinh dự nhà nước")
    BANG_KHEN_TTG = "BANG_KHEN_TTG", _("Bằng khen của Thủ tướng Chính phủ")


INDIVIDUAL_TITLES = {
    AwardForm.LD_TIEN_TIEN,
    AwardForm.CSTD_CO_SO,
    AwardForm.CSTD_CAP_TINH,
    AwardForm.CSTD_TOAN_QUOC,
}
COLLECTIVE_TITLES = {AwardForm.TT_LD_XUAT_SAC, AwardForm.CO_THI_DUA}
