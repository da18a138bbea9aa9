"""Annual rating results (NĐ 90/2020, NĐ 335/2025). The rating campaigns themselves come with issue 5;
this table holds the results that other rules read (sending to study, standards)."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from canbo.core.models import Timestamped, Versioned
from canbo.org.models import OrgUnit
from canbo.people.models import Person


class RatingLevel(models.TextChoices):
    EXCELLENT = "HTXS", _("Hoàn thành xuất sắc nhiệm vụ")
    GOOD = "HTT", _("Hoàn thành tốt nhiệm vụ")
    COMPLETED = "HT", _("Hoàn thành nhiệm vụ")
    NOT_COMPLETED = "KHT", _("Không hoàn thành nhiệm vụ")
    NOT_RATED = "KHONG_XEP_LOAI", _("Không xếp loại")


# rank: lower is better (domain.md: HTXS=1 … KHT=4); "not rated" has none.
RATING_RANK = {
    RatingLevel.EXCELLENT: 1,
    RatingLevel.GOOD: 2,
    RatingLevel.COMPLETED: 3,
    RatingLevel.NOT_COMPLETED: 4,
}
GOOD_OR_BETTER = {RatingLevel.EXCELLENT, RatingLevel.GOOD}


class AnnualRating(Versioned, Timestamped):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="ratings")
    year = models.PositiveSmallIntegerField(_("năm"))
    unit = models.ForeignKey(OrgUnit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+")
    level = models.CharField(_("xếp loại"), max_length=16, choices=RatingLevel.choices)
    score = models.DecimalField(_("điểm"), max_digits=5, decimal_places=2, null=True, blank=True)
    decided_on = models.DateField(_("ngày quyết định"), null=True, blank=True)
    decision_number = models.CharField(_("số quyết định"), max_length=60, blank=True)

    class Meta:
        verbose_name = _("kết quả xếp loại")
        verbose_name_plural = _("kết quả xếp loại")
        ordering = ["person", "-year"]
        indexes = [models.Index(fields=["year", "level"], name="rating_year_level")]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "year"],
                name="rating_one_per_person_year",
                violation_error_message=_("Người này đã có kết quả xếp loại năm này."),
            ),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__gte=0, score__lte=100),
                name="rating_score_range",
                violation_error_message=_("Điểm đánh giá từ 0 đến 100."),
            ),
        ]

    def __str__(self):
        return f"{self.person} – {self.year}: {self.get_level_display()}"
