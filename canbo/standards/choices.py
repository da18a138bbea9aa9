from django.db import models
from django.utils.translation import gettext_lazy as _


class CriterionKind(models.TextChoices):
    QUALIFICATION = "QUALIFICATION", _("Trình độ tối thiểu")
    SERVICE_YEARS = "SERVICE_YEARS", _("Thời gian công tác tối thiểu")
    POST_MONTHS = "POST_MONTHS", _("Thời gian giữ chức vụ thấp hơn liền kề")
    SERVICE_LEFT = "SERVICE_LEFT", _("Thời gian công tác còn lại đến tuổi nghỉ hưu")
    IN_PLAN = "IN_PLAN", _("Có trong quy hoạch được phê duyệt")
    RATING = "RATING", _("Kết quả đánh giá, xếp loại")


# A RATING criterion looks back over 1–5 whole years before the year of the check date.
RATING_MAX_YEARS = 5
