"""Emulation movements, registrations of exemplary collectives and individuals, and awards (with revocation)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from canbo.core.models import Timestamped, Versioned
from canbo.org.models import OrgUnit
from canbo.people.models import Person

from .choices import AwardForm, RecipientKind

INDIVIDUAL = Q(kind=RecipientKind.CA_NHAN, person__isnull=False) | Q(
    kind=RecipientKind.TAP_THE, person__isnull=True
)


class EmulationMovement(Timestamped):
    """Phong trào thi đua, ví dụ “Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh”."""

    code = models.CharField(_("mã"), max_length=30, unique=True)
    name = models.CharField(_("tên phong trào"), max_length=300)
    start_year = models.PositiveSmallIntegerField(_("từ năm"))
    end_year = models.PositiveSmallIntegerField(_("đến năm"), null=True, blank=True)
    launched_by = models.CharField(_("cơ quan phát động"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("phong trào thi đua")
        verbose_name_plural = _("phong trào thi đua")
        ordering = ["-start_year", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_year__isnull=True) | Q(end_year__gte=models.F("start_year")),
                name="emulation_movement_years",
            )
        ]

    def __str__(self):
        return self.name


class Registration(Timestamped):
    """Đăng ký điển hình tiên tiến của một tập thể (đơn vị) hoặc một cá nhân trong một phong trào, một năm."""

    movement = models.ForeignKey(
        EmulationMovement,
        verbose_name=_("phong trào"),
        on_delete=models.PROTECT,
        related_name="registrations",
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    kind = models.CharField(_("đối tượng"), max_length=8, choices=RecipientKind)
    unit = models.ForeignKey(OrgUnit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="emulation_registrations"
    )
    registered_on = models.DateField(_("ngày đăng ký"))
    note = models.CharField(_("nội dung đăng ký"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("đăng ký điển hình tiên tiến")
        verbose_name_plural = _("đăng ký điển hình tiên tiến")
        ordering = ["-year", "unit__path", "id"]
        indexes = [models.Index(fields=["movement", "year", "kind"], name="emulation_reg_movement_year")]
        constraints = [
            models.CheckConstraint(condition=INDIVIDUAL, name="emulation_reg_kind_person"),
            models.UniqueConstraint(
                fields=["movement", "year", "unit"],
                condition=Q(kind=RecipientKind.TAP_THE),
                name="emulation_reg_one_collective",
            ),
            models.UniqueConstraint(
                fields=["movement", "year", "person"],
                condition=Q(person__isnull=False),
                name="emulation_reg_one_individual",
            ),
        ]

    @property
    def recipient(self) -> str:
        return self.person.full_name if self.person_id else self.unit.name


class Award(Versioned, Timestamped):
    """Danh hiệu thi đua hoặc hình thức khen thưởng của một tập thể hoặc cá nhân, theo quyết định; có thể bị
    hủy (thu hồi) khi hồ sơ khai man (Luật TĐKT 06/2022)."""

    form = models.CharField(_("danh hiệu, hình thức"), max_length=16, choices=AwardForm)
    kind = models.CharField(_("đối tượng"), max_length=8, choices=RecipientKind)
    unit = models.ForeignKey(OrgUnit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="awards")
    year = models.PositiveSmallIntegerField(_("năm"))
    movement = models.ForeignKey(
        EmulationMovement, null=True, blank=True, on_delete=models.PROTECT, related_name="awards"
    )
    decision_number = models.CharField(_("số quyết định"), max_length=60)
    decision_date = models.DateField(_("ngày quyết định"))
    issuing_body = models.CharField(_("cấp khen"), max_length=200)
    revoked_on = models.DateField(_("ngày hủy"), null=True, blank=True)
    revocation_decision_number = models.CharField(_("số quyết định hủy"), max_length=60, blank=True)
    revocation_reason = models.CharField(_("lý do hủy"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("khen thưởng")
        verbose_name_plural = _("khen thưởng")
        ordering = ["-year", "-decision_date", "-id"]
        indexes = [models.Index(fields=["year", "form"], name="award_year_form")]
        constraints = [
            models.CheckConstraint(condition=INDIVIDUAL, name="award_kind_person"),
            models.CheckConstraint(
                condition=Q(revoked_on__isnull=True) | ~Q(revocation_reason=""),
                name="award_revoked_has_reason",
            ),
            models.UniqueConstraint(
                fields=["form", "year", "person"],
                condition=Q(person__isnull=False, revoked_on__isnull=True)
                & ~Q(form__in=[AwardForm.BANG_KHEN, AwardForm.GIAY_KHEN]),
                name="award_one_title_per_person_year",
            ),
            models.UniqueConstraint(
                fields=["form", "year", "unit"],
                condition=Q(kind=RecipientKind.TAP_THE, revoked_on__isnull=True)
                & ~Q(form__in=[AwardForm.BANG_KHEN, AwardForm.GIAY_KHEN]),
                name="award_one_title_per_unit_year",
            ),
        ]

    @property
    def recipient(self) -> str:
        return self.person.full_name if self.person_id else self.unit.name

    def __str__(self):
        return f"{self.get_form_display()} {self.year}: {self.recipient}"


class AwardFormRank(models.Model):
    """How high each form of award stands, to print the highest one (Mẫu 2C item 21) as of a date: data seeded by
    migration 0002 from Luật Thi đua, khen thưởng 2022 and NĐ 98/2023 (docs/decisions/048), never a list in
    the renderer. A higher `rank` is a higher award; equal ranks are broken by the later decision."""

    form = models.CharField(_("danh hiệu, hình thức"), max_length=16, choices=AwardForm, unique=True)
    rank = models.PositiveSmallIntegerField(_("thứ bậc (cao hơn là cao hơn)"))
    legal_basis = models.CharField(_("căn cứ"), max_length=300)

    class Meta:
        verbose_name = _("thứ bậc hình thức khen thưởng")
        verbose_name_plural = _("thứ bậc hình thức khen thưởng")
        ordering = ["-rank", "form"]
        constraints = [models.CheckConstraint(condition=Q(rank__gte=1), name="award_form_rank_positive")]

    def __str__(self):
        return f"{self.get_form_display()}: {self.rank}"
