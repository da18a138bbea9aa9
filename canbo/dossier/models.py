"""The parts of a person's dossier beyond Mẫu 2C's register: family relations, the personal history statements and
the photo (Mẫu 2C-BNV/2008, the SYLL of TT 06/2023/TT-BNV; groups 2 and 3 of NĐ 27/2026)."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from canbo.core.models import Timestamped, Versioned
from canbo.people.models import Person

from .choices import FamilyRelation, FamilySide


class FamilyMember(Versioned, Timestamped):
    """One relative, as the forms list them: relation, name, birth year, hometown, occupation and workplace, residence."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="family_members")
    side = models.CharField(_("bên"), max_length=8, choices=FamilySide.choices, editable=False)
    relation = models.CharField(_("quan hệ"), max_length=20, choices=FamilyRelation.choices)
    full_name = models.CharField(_("họ và tên"), max_length=120)
    birth_year = models.PositiveSmallIntegerField(
        _("năm sinh"), null=True, blank=True, validators=[MinValueValidator(1880), MaxValueValidator(2100)]
    )
    deceased_year = models.PositiveSmallIntegerField(
        _("năm mất"), null=True, blank=True, validators=[MinValueValidator(1880), MaxValueValidator(2100)]
    )
    hometown = models.CharField(_("quê quán"), max_length=200, blank=True)
    occupation = models.CharField(
        _("nghề nghiệp, chức danh, chức vụ, đơn vị công tác, học tập"), max_length=300, blank=True
    )
    residence = models.CharField(_("nơi ở"), max_length=255, blank=True)
    lives_abroad = models.BooleanField(_("ở nước ngoài"), default=False)
    political_memberships = models.CharField(
        _("thành viên các tổ chức chính trị - xã hội"), max_length=255, blank=True
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("quan hệ gia đình")
        verbose_name_plural = _("quan hệ gia đình")
        ordering = ["person", "side", "order", "birth_year", "id"]
        indexes = [models.Index(fields=["person", "side", "order"], name="family_person_side")]
        constraints = [
            models.CheckConstraint(
                condition=Q(deceased_year__isnull=True)
                | Q(birth_year__isnull=True)
                | Q(deceased_year__gte=models.F("birth_year")),
                name="family_deceased_after_birth",
                violation_error_message=_("Năm mất phải sau năm sinh."),
            ),
            models.CheckConstraint(
                condition=~Q(full_name=""),
                name="family_name_required",
                violation_error_message=_("Cần họ và tên người thân."),
            ),
        ]

    def __str__(self):
        return f"{self.get_relation_display()}: {self.full_name}"


class PersonalHistory(Versioned, Timestamped):
    """Mẫu 2C section "Đặc điểm lịch sử bản thân" and the SYLL's statements (one row per person)."""

    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="personal_history")
    detention = models.TextField(
        _(
            "khai rõ: bị bắt, bị tù (từ ngày tháng năm nào đến ngày tháng năm nào, ở đâu), đã khai báo cho ai, những vấn đề gì"
        ),
        blank=True,
    )
    former_regime_service = models.TextField(
        _(
            "bản thân có làm việc trong chế độ cũ (cơ quan, đơn vị nào, địa điểm, chức danh, chức vụ, thời gian làm việc)"
        ),
        blank=True,
    )
    foreign_organisations = models.TextField(
        _("tham gia hoặc có quan hệ với các tổ chức chính trị, kinh tế, xã hội nào ở nước ngoài"), blank=True
    )
    relatives_abroad = models.TextField(
        _("có thân nhân (bố, mẹ, vợ, chồng, con, anh chị em ruột) ở nước ngoài (làm gì, địa chỉ)"), blank=True
    )

    class Meta:
        verbose_name = _("lịch sử bản thân")
        verbose_name_plural = _("lịch sử bản thân")

    def __str__(self):
        return f"Lịch sử bản thân: {self.person_id}"


def photo_path(instance, filename):
    return f"dossier/photos/{instance.person.uuid}/{filename}"


class PersonPhoto(Timestamped):
    """The person's photo (4×6) for the forms; stored through Django's storage, type and size checked on upload."""

    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="photo")
    image = models.ImageField(_("ảnh"), upload_to=photo_path, max_length=255)
    content_type = models.CharField(max_length=40)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("ảnh hồ sơ")
        verbose_name_plural = _("ảnh hồ sơ")

    def __str__(self):
        return f"Ảnh: {self.person_id}"
