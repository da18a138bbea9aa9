"""The parts of a person's dossier beyond Mẫu 2C's register: family relations, the personal history statements and
the photo (Mẫu 2C-BNV/2008, the SYLL of TT 06/2023/TT-BNV; groups 2 and 3 of NĐ 27/2026)."""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from canbo.core.models import Timestamped, Versioned
from canbo.people.models import Person

from .choices import (
    ArmedForce,
    BloodGroup,
    DeclarationKind,
    DocumentKind,
    FamilyRelation,
    FamilySide,
    HealthStatus,
    OrganisationKind,
)


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


class OrganisationMembership(Versioned, Timestamped):
    """Group 7: membership of a political or socio-political organisation (joined, left, the role held)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.CharField(_("tổ chức"), max_length=20, choices=OrganisationKind.choices)
    organisation_name = models.CharField(_("tên tổ chức (khi là tổ chức khác)"), max_length=200, blank=True)
    joined_on = models.DateField(_("ngày tham gia"))
    left_on = models.DateField(_("ngày thôi tham gia"), null=True, blank=True)
    role = models.CharField(_("chức vụ trong tổ chức"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("tham gia tổ chức chính trị, chính trị - xã hội")
        verbose_name_plural = _("tham gia tổ chức chính trị, chính trị - xã hội")
        ordering = ["person", "joined_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(left_on__isnull=True) | Q(left_on__gte=models.F("joined_on")),
                name="membership_dates_ordered",
                violation_error_message=_("Ngày thôi tham gia phải sau ngày tham gia."),
            ),
        ]

    def __str__(self):
        return f"{self.get_organisation_display()} ({self.joined_on:%d/%m/%Y})"


class MilitaryService(Versioned, Timestamped):
    """Group 8: service in the armed forces (enlisted, discharged, highest rank, branch)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="military_services")
    force = models.CharField(_("lực lượng"), max_length=20, choices=ArmedForce.choices)
    enlisted_on = models.DateField(_("ngày nhập ngũ"))
    discharged_on = models.DateField(_("ngày xuất ngũ"), null=True, blank=True)
    highest_rank = models.CharField(_("quân hàm cao nhất"), max_length=100, blank=True)
    branch = models.CharField(_("quân chủng, binh chủng, đơn vị"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("tham gia lực lượng vũ trang")
        verbose_name_plural = _("tham gia lực lượng vũ trang")
        ordering = ["person", "enlisted_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(discharged_on__isnull=True) | Q(discharged_on__gte=models.F("enlisted_on")),
                name="military_dates_ordered",
                violation_error_message=_("Ngày xuất ngũ phải sau ngày nhập ngũ."),
            ),
        ]

    def __str__(self):
        return f"{self.get_force_display()} ({self.enlisted_on:%d/%m/%Y})"


class AssetDeclaration(Timestamped):
    """Group 9: a reference to an asset and income declaration — year, kind, number, where it is kept. Never its
    contents (NĐ 27/2026 keeps the reference; the declaration itself stays with the body that receives it)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="asset_declarations")
    year = models.PositiveSmallIntegerField(_("năm kê khai"), validators=[MinValueValidator(2005)])
    kind = models.CharField(_("loại kê khai"), max_length=20, choices=DeclarationKind.choices)
    reference_number = models.CharField(_("số, ký hiệu bản kê khai"), max_length=100)
    kept_at = models.CharField(_("nơi lưu giữ bản kê khai"), max_length=200)

    class Meta:
        verbose_name = _("bản kê khai tài sản, thu nhập")
        verbose_name_plural = _("bản kê khai tài sản, thu nhập")
        ordering = ["person", "-year", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "year", "kind", "reference_number"],
                name="asset_declaration_unique",
                violation_error_message=_("Bản kê khai này đã có trong hồ sơ."),
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.year}"


class HealthRecord(Timestamped):
    """Group 10: health as of a date (status, height, weight, blood group, disability / war-invalid class)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="health_records")
    as_of = models.DateField(_("tính đến ngày"))
    status = models.CharField(_("tình trạng sức khỏe"), max_length=10, choices=HealthStatus.choices)
    height_cm = models.PositiveSmallIntegerField(
        _("chiều cao (cm)"), null=True, blank=True, validators=[MinValueValidator(50), MaxValueValidator(250)]
    )
    weight_kg = models.PositiveSmallIntegerField(
        _("cân nặng (kg)"), null=True, blank=True, validators=[MinValueValidator(20), MaxValueValidator(250)]
    )
    blood_group = models.CharField(_("nhóm máu"), max_length=2, choices=BloodGroup.choices, blank=True)
    disability_class = models.CharField(
        _("hạng thương binh, bệnh binh / mức độ khuyết tật"), max_length=100, blank=True
    )

    class Meta:
        verbose_name = _("tình trạng sức khỏe")
        verbose_name_plural = _("tình trạng sức khỏe")
        ordering = ["person", "-as_of", "id"]
        constraints = [
            models.UniqueConstraint(fields=["person", "as_of"], name="health_one_per_date"),
        ]

    def __str__(self):
        return f"Sức khỏe {self.as_of:%d/%m/%Y}"


def document_path(instance, filename):
    return f"dossier/documents/{instance.person.uuid}/{instance.uuid}/{filename}"


class DossierDocument(Timestamped):
    """A scanned component of the e-dossier (signed SYLL, diploma, decision …), stored through Django's storage;
    its type is read from the content (PDF, JPEG, PNG) and its size checked on upload."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("loại giấy tờ"), max_length=20, choices=DocumentKind.choices)
    number = models.CharField(_("số, ký hiệu"), max_length=100, blank=True)
    issued_on = models.DateField(_("ngày ban hành, ngày cấp"), null=True, blank=True)
    issuer = models.CharField(_("cơ quan ban hành, nơi cấp"), max_length=200, blank=True)
    file = models.FileField(_("tệp"), upload_to=document_path, max_length=255)
    content_type = models.CharField(max_length=40)
    size = models.PositiveIntegerField(_("dung lượng (byte)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("thành phần hồ sơ điện tử")
        verbose_name_plural = _("thành phần hồ sơ điện tử")
        ordering = ["person", "kind", "-issued_on", "id"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.number}".strip()
