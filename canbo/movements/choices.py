from django.db import models
from django.utils.translation import gettext_lazy as _


class AppointmentKind(models.TextChoices):
    FIRST = "FIRST", _("Bổ nhiệm lần đầu")
    HIGHER = "HIGHER", _("Bổ nhiệm chức vụ cao hơn")
    REAPPOINT = "REAPPOINT", _("Bổ nhiệm lại")


class AppointmentStatus(models.TextChoices):
    PROPOSED = "PROPOSED", _("Đề xuất")
    CHECKED = "CHECKED", _("Đã kiểm tra tiêu chuẩn: đạt")
    BLOCKED = "BLOCKED", _("Chưa đạt tiêu chuẩn")
    APPROVED = "APPROVED", _("Đã được tập thể lãnh đạo thống nhất")
    DECIDED = "DECIDED", _("Đã có quyết định")
    WITHDRAWN = "WITHDRAWN", _("Rút đề xuất")


class MovementKind(models.TextChoices):
    ROTATION = "LUAN_CHUYEN", _("Luân chuyển")
    TRANSFER = "DIEU_DONG", _("Điều động")
    SECONDMENT = "BIET_PHAI", _("Biệt phái")
    DISMISSAL = "MIEN_NHIEM", _("Miễn nhiệm")
    REMOVAL = "CACH_CHUC", _("Cách chức")
    RETIREMENT = "NGHI_HUU", _("Nghỉ hưu")
    RESIGNATION = "TU_CHUC", _("Từ chức")
    LEAVE = "THOI_VIEC", _("Thôi việc")


class Direction(models.TextChoices):
    PROVINCE_TO_DISTRICT = "TINH_HUYEN", _("Tỉnh về huyện")
    DISTRICT_TO_PROVINCE = "HUYEN_TINH", _("Huyện lên tỉnh")
    DISTRICT_TO_COMMUNE = "HUYEN_XA", _("Huyện về xã")
    COMMUNE_TO_DISTRICT = "XA_HUYEN", _("Xã lên huyện")
    PROVINCE_TO_COMMUNE = "TINH_XA", _("Tỉnh về xã")
    COMMUNE_TO_PROVINCE = "XA_TINH", _("Xã lên tỉnh")
    SAME_LEVEL = "NGANG", _("Cùng cấp")
