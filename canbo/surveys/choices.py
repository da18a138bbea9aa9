"""Choices of the surveys app (Vietnamese labels from the glossary)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# A unit with fewer responses than this is merged into its parent for display (k-anonymity).
MIN_GROUP = 5


class SurveyPurpose(models.TextChoices):
    PAR_INDEX = "PAR_INDEX", _("Chỉ số cải cách hành chính (PAR Index)")
    SIPAS = "SIPAS", _("Chỉ số hài lòng về sự phục vụ hành chính (SIPAS)")
    OTHER = "KHAC", _("Khảo sát khác")


class SurveyStatus(models.TextChoices):
    DRAFT = "DU_THAO", _("Dự thảo")
    OPEN = "DANG_MO", _("Đang mở")
    CLOSED = "DA_DONG", _("Đã đóng")


class QuestionKind(models.TextChoices):
    SINGLE = "MOT_LUA_CHON", _("Chọn một phương án")
    MULTIPLE = "NHIEU_LUA_CHON", _("Chọn nhiều phương án")
    SCALE = "THANG_DIEM", _("Thang điểm 1–5")
    TEXT = "TU_LUAN", _("Trả lời tự do")


CHOICE_KINDS = {QuestionKind.SINGLE, QuestionKind.MULTIPLE}
SCALE_MIN, SCALE_MAX = 1, 5
