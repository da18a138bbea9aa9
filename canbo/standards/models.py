"""Title standards: effective-dated criteria of a leadership post or a rank, edited without code changes."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from canbo.core.models import EffectiveDated, Timestamped
from canbo.evaluation.models import RatingLevel
from canbo.org.models import OrgUnit
from canbo.people.choices import ALL_LEVEL_CHOICES, QualificationScale, level_rank
from canbo.people.models import Position, Rank

from .choices import RATING_MAX_YEARS, CriterionKind

# The levels a RATING criterion may ask for, best first ("Không hoàn thành" or "Không xếp loại" is no minimum).
MIN_RATING_CHOICES = [
    (level.value, level.label) for level in (RatingLevel.EXCELLENT, RatingLevel.GOOD, RatingLevel.COMPLETED)
]


class TitleStandard(EffectiveDated):
    """The standards of one post (or rank) in force over a period, with their legal basis."""

    position = models.ForeignKey(
        Position,
        verbose_name=_("chức vụ"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="standards",
    )
    rank = models.ForeignKey(
        Rank,
        verbose_name=_("ngạch"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="standards",
    )
    name = models.CharField(_("tên tiêu chuẩn"), max_length=300)

    class Meta:
        verbose_name = _("tiêu chuẩn chức danh")
        verbose_name_plural = _("tiêu chuẩn chức danh")
        ordering = ["position__tier", "name", "-valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(position__isnull=False, rank__isnull=True)
                | Q(position__isnull=True, rank__isnull=False),
                name="title_standard_position_or_rank",
                violation_error_message=_("Tiêu chuẩn gắn với một chức vụ hoặc một ngạch."),
            ),
            models.UniqueConstraint(fields=["position", "valid_from"], name="title_standard_position_start"),
            models.UniqueConstraint(fields=["rank", "valid_from"], name="title_standard_rank_start"),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="title_standard_dates_ordered",
            ),
        ]

    def __str__(self):
        return self.name


class StandardCriterion(models.Model):
    """One criterion: a minimum qualification level, years of service, months in the lower post (not for a first
    appointment), service left before retirement (first or higher appointment), being in the approved plan
    (not for a reappointment), or the annual ratings of the last `years` years at `min_rating` or better
    (an appointment condition: not checked in the review of sitting holders, see gaps.evaluate_mode)."""

    standard = models.ForeignKey(TitleStandard, on_delete=models.CASCADE, related_name="criteria")
    kind = models.CharField(_("loại tiêu chuẩn"), max_length=16, choices=CriterionKind.choices)
    scale = models.CharField(
        _("loại trình độ"), max_length=20, choices=QualificationScale.choices, blank=True
    )
    min_level = models.CharField(
        _("trình độ tối thiểu"), max_length=20, choices=ALL_LEVEL_CHOICES, blank=True
    )
    min_rank = models.PositiveSmallIntegerField(_("thứ bậc tối thiểu"), null=True, blank=True, editable=False)
    years = models.PositiveSmallIntegerField(_("số năm"), null=True, blank=True)
    months = models.PositiveSmallIntegerField(_("số tháng"), null=True, blank=True)
    lower_tier = models.PositiveSmallIntegerField(
        _("bậc chức vụ thấp hơn tính thời gian"),
        null=True,
        blank=True,
        help_text=_("Tính thời gian giữ các chức vụ có bậc từ mức này trở lên."),
    )
    min_rating = models.CharField(
        _("xếp loại tối thiểu"),
        max_length=16,
        choices=MIN_RATING_CHOICES,
        blank=True,
        help_text=_("Tiêu chí kết quả xếp loại: mức thấp nhất được chấp nhận trong mỗi năm xét."),
    )
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("tiêu chí")
        verbose_name_plural = _("tiêu chí")
        ordering = ["standard", "kind", "scale", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind=CriterionKind.QUALIFICATION) | (~Q(scale="") & ~Q(min_level="")),
                name="criterion_qualification_complete",
                violation_error_message=_("Tiêu chuẩn trình độ cần loại trình độ và mức tối thiểu."),
            ),
            models.CheckConstraint(
                condition=~Q(kind__in=[CriterionKind.SERVICE_YEARS, CriterionKind.SERVICE_LEFT])
                | Q(years__gte=1),
                name="criterion_years_given",
                violation_error_message=_("Cần số năm."),
            ),
            models.CheckConstraint(
                condition=~Q(kind=CriterionKind.POST_MONTHS) | Q(months__gte=1, lower_tier__isnull=False),
                name="criterion_post_months_given",
                violation_error_message=_("Cần số tháng và bậc chức vụ thấp hơn."),
            ),
            models.CheckConstraint(
                condition=~Q(kind=CriterionKind.RATING)
                | Q(
                    years__gte=1,
                    years__lte=RATING_MAX_YEARS,
                    min_rating__in=[code for code, _label in MIN_RATING_CHOICES],
                ),
                name="criterion_rating_complete",
                violation_error_message=_(
                    "Tiêu chí kết quả xếp loại cần số năm (từ 1 đến 5) và mức xếp loại tối thiểu."
                ),
            ),
            models.CheckConstraint(
                condition=Q(kind=CriterionKind.RATING) | Q(min_rating=""),
                name="criterion_min_rating_only_for_rating",
                violation_error_message=_("Chỉ tiêu chí kết quả xếp loại có mức xếp loại tối thiểu."),
            ),
        ]

    def __str__(self):
        value = self.min_level or self.min_rating or self.years or self.months or ""
        return f"{self.get_kind_display()} {value}".strip()

    def save(self, *args, **kwargs):
        self.min_rank = (
            level_rank(self.scale, self.min_level) if self.kind == CriterionKind.QUALIFICATION else None
        )
        super().save(*args, **kwargs)

    def clean(self):
        """Field-level Vietnamese messages for a RATING criterion (the constraints above hold them in the DB)."""
        errors = {}
        if self.kind == CriterionKind.RATING:
            if self.years is None or not 1 <= self.years <= RATING_MAX_YEARS:
                errors["years"] = f"Số năm xét kết quả xếp loại từ 1 đến {RATING_MAX_YEARS}."
            if not self.min_rating:
                errors["min_rating"] = "Cần mức xếp loại tối thiểu (ví dụ: Hoàn thành tốt nhiệm vụ)."
        elif self.min_rating:
            errors["min_rating"] = "Chỉ tiêu chí kết quả xếp loại mới có mức xếp loại tối thiểu."
        if errors:
            raise ValidationError(errors)


class ReviewCampaign(Timestamped):
    """A standards review (seed 003: commune cadres and civil servants, fix by 31/12/2021)."""

    name = models.CharField(_("tên đợt rà soát"), max_length=300)
    unit = models.ForeignKey(
        OrgUnit, verbose_name=_("phạm vi (đơn vị)"), on_delete=models.PROTECT, related_name="+"
    )
    positions = models.ManyToManyField(
        Position, verbose_name=_("chức vụ rà soát"), blank=True, related_name="+"
    )
    categories = models.JSONField(_("phân loại rà soát"), default=list, blank=True)
    review_date = models.DateField(_("ngày rà soát"))
    deadline = models.DateField(_("hạn khắc phục"))
    responsible_unit = models.ForeignKey(
        OrgUnit, verbose_name=_("đơn vị chịu trách nhiệm"), on_delete=models.PROTECT, related_name="+"
    )
    legal_basis = models.CharField(_("căn cứ"), max_length=300, blank=True)
    rechecked_on = models.DateField(
        _("kiểm tra lại ngày"),
        null=True,
        blank=True,
        help_text=_("Ngày kiểm tra lại gần nhất: những người đã đạt được ghi ngày khắc phục."),
    )

    class Meta:
        verbose_name = _("đợt rà soát tiêu chuẩn")
        verbose_name_plural = _("đợt rà soát tiêu chuẩn")
        ordering = ["-review_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(deadline__gte=models.F("review_date")),
                name="review_campaign_deadline_after_review",
                violation_error_message=_("Hạn khắc phục phải sau ngày rà soát."),
            )
        ]

    def __str__(self):
        return self.name


class ReviewFinding(models.Model):
    """Who fell short at the review, of what; `resolved_on` once the gap is closed (checked again later)."""

    campaign = models.ForeignKey(ReviewCampaign, on_delete=models.CASCADE, related_name="findings")
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+")
    position = models.ForeignKey(Position, null=True, on_delete=models.PROTECT, related_name="+")
    gaps = models.JSONField(_("tiêu chuẩn chưa đạt"), default=list)
    resolved_on = models.DateField(_("đã khắc phục ngày"), null=True, blank=True)

    class Meta:
        verbose_name = _("kết quả rà soát")
        verbose_name_plural = _("kết quả rà soát")
        constraints = [models.UniqueConstraint(fields=["campaign", "person"], name="review_finding_once")]

    def __str__(self):
        return f"{self.campaign}: {self.person_id}"
