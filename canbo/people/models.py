"""The personnel register: persons (Mẫu 2C), dated employment history and dated qualifications."""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from canbo.core.models import EffectiveDated, Timestamped, Versioned
from canbo.core.rulebook import DatedRule
from canbo.core.text import search_q
from canbo.org.models import OrgUnit

from .choices import (
    ALL_LEVEL_CHOICES,
    ETHNICITY_CHOICES,
    Gender,
    PersonnelCategory,
    PersonnelMove,
    PersonStatus,
    QualificationScale,
)
from .validators import (
    GENERAL_EDUCATION_RE,
    HEALTH_INSURANCE_RE,
    SOCIAL_INSURANCE_RE,
    validate_general_education,
    validate_health_insurance_number,
    validate_national_id,
    validate_social_insurance_number,
)


class Rank(EffectiveDated):
    """Civil-servant rank (ngạch) or public-employee professional title, with its code."""

    code = models.CharField(_("mã ngạch"), max_length=20, unique=True)
    name = models.CharField(_("tên ngạch / chức danh nghề nghiệp"), max_length=200)
    pay_group = models.CharField(_("nhóm, loại lương"), max_length=10, blank=True)

    class Meta:
        verbose_name = _("ngạch, chức danh nghề nghiệp")
        verbose_name_plural = _("ngạch, chức danh nghề nghiệp")
        ordering = ["code"]

    def __str__(self):
        return f"{self.code} – {self.name}"


class Position(EffectiveDated):
    """A post (chức vụ): leadership posts carry title standards in a later module."""

    code = models.CharField(_("mã chức vụ"), max_length=30, unique=True)
    name = models.CharField(_("tên chức vụ"), max_length=200)
    is_leadership = models.BooleanField(_("là chức vụ lãnh đạo, quản lý"), default=False)
    tier = models.PositiveSmallIntegerField(_("bậc chức vụ"), default=0, help_text=_("0 = không giữ chức vụ"))

    class Meta:
        verbose_name = _("chức vụ")
        verbose_name_plural = _("chức vụ")
        ordering = ["-tier", "name"]

    def __str__(self):
        return self.name


class PersonQuerySet(models.QuerySet):
    def search(self, query: str):
        """Unaccented, word-by-word search in name, other names, personal ID and code (core.text.search_q)."""
        return self.filter(search_q(query))

    def vietnamese_order(self):
        return self.order_by("sort_key", "id")


class Person(Versioned, Timestamped):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    code = models.CharField(_("mã hồ sơ"), max_length=20, unique=True)
    # Identity (Mẫu 2C, section 1)
    full_name = models.CharField(_("họ và tên khai sinh"), max_length=120)
    family_name = models.CharField(_("họ"), max_length=40, editable=False, default="")
    middle_name = models.CharField(_("tên đệm"), max_length=60, editable=False, default="", blank=True)
    given_name = models.CharField(_("tên"), max_length=40, editable=False, default="")
    other_names = models.CharField(_("tên gọi khác"), max_length=120, blank=True)
    gender = models.CharField(_("giới tính"), max_length=3, choices=Gender.choices)
    date_of_birth = models.DateField(_("ngày sinh"))
    place_of_birth = models.CharField(_("nơi sinh"), max_length=200, blank=True)
    place_of_origin = models.CharField(_("quê quán"), max_length=200, blank=True)
    ethnicity = models.CharField(_("dân tộc"), max_length=2, choices=ETHNICITY_CHOICES, default="01")
    religion = models.CharField(_("tôn giáo"), max_length=60, default="Không")
    national_id = models.CharField(
        _("số định danh cá nhân"), max_length=12, unique=True, validators=[validate_national_id]
    )
    # Identity papers and insurance (SYLL item 8, 9; Mẫu 2C item 26)
    id_card_issued_on = models.DateField(_("ngày cấp thẻ căn cước"), null=True, blank=True)
    id_card_issued_by = models.CharField(_("nơi cấp thẻ căn cước"), max_length=200, blank=True)
    social_insurance_number = models.CharField(
        _("số sổ bảo hiểm xã hội"), max_length=10, blank=True, validators=[validate_social_insurance_number]
    )
    health_insurance_number = models.CharField(
        _("số thẻ bảo hiểm y tế"), max_length=15, blank=True, validators=[validate_health_insurance_number]
    )
    # Education (SYLL item 19, Mẫu 2C item 15.1): "12/12", "10/10", "9/12"
    general_education = models.CharField(
        _("trình độ giáo dục phổ thông"),
        max_length=5,
        blank=True,
        validators=[validate_general_education],
        help_text=_("Lớp đã tốt nghiệp / hệ, ví dụ 12/12 hoặc 10/10."),
    )
    # The family's economic situation (SYLL item 37.3: income other than salary, housing, land)
    family_other_income = models.CharField(_("nguồn thu nhập khác của gia đình"), max_length=300, blank=True)
    family_housing = models.CharField(
        _("nhà ở (được cấp, thuê, tự mua, tự xây; loại nhà, diện tích, giấy chứng nhận)"),
        max_length=300,
        blank=True,
    )
    family_land = models.CharField(
        _("đất ở, đất sản xuất kinh doanh (diện tích, giấy chứng nhận)"), max_length=300, blank=True
    )
    # Contact
    phone = models.CharField(_("điện thoại"), max_length=20, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    address = models.CharField(_("nơi ở hiện nay"), max_length=255, blank=True)
    # Employment (current values are kept in step with the open Employment row by the services)
    category = models.CharField(_("phân loại"), max_length=8, choices=PersonnelCategory.choices)
    current_unit = models.ForeignKey(
        OrgUnit, verbose_name=_("đơn vị công tác"), on_delete=models.PROTECT, related_name="current_staff"
    )
    position = models.ForeignKey(
        Position, verbose_name=_("chức vụ"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    rank = models.ForeignKey(
        Rank,
        verbose_name=_("ngạch / chức danh nghề nghiệp"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    salary_step = models.PositiveSmallIntegerField(
        _("bậc lương"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(16)]
    )
    salary_coefficient = models.DecimalField(
        _("hệ số lương"),
        max_digits=4,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
    )
    recruited_on = models.DateField(_("ngày tuyển dụng"), null=True, blank=True)
    # Party membership
    party_admission_date = models.DateField(_("ngày vào Đảng"), null=True, blank=True)
    party_full_member_date = models.DateField(_("ngày chính thức"), null=True, blank=True)
    # Status
    status = models.CharField(
        _("tình trạng"), max_length=10, choices=PersonStatus.choices, default=PersonStatus.WORKING
    )
    status_date = models.DateField(_("ngày thay đổi tình trạng"), null=True, blank=True)
    # Derived columns for search and the Vietnamese sort (see canbo.core.text)
    search_text = models.CharField(max_length=400, editable=False, default="")
    sort_key = models.CharField(max_length=250, editable=False, default="", db_index=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
    )

    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name = _("cán bộ, công chức, viên chức")
        verbose_name_plural = _("cán bộ, công chức, viên chức")
        ordering = ["sort_key", "id"]
        indexes = [
            models.Index(fields=["current_unit", "status"], name="person_unit_status"),
            models.Index(fields=["category"], name="person_category"),
            models.Index(fields=["date_of_birth"], name="person_birth"),
            models.Index(fields=["gender", "ethnicity"], name="person_gender_ethnicity"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(party_full_member_date__isnull=True)
                | Q(
                    party_admission_date__isnull=False, party_full_member_date__gte=F("party_admission_date")
                ),
                name="person_party_dates_ordered",
                violation_error_message=_("Ngày chính thức phải sau ngày vào Đảng."),
            ),
            models.CheckConstraint(
                condition=Q(national_id__regex=r"^[0-9]{12}$"),
                name="person_national_id_12_digits",
                violation_error_message=_("Số định danh cá nhân phải gồm đúng 12 chữ số."),
            ),
            models.CheckConstraint(
                condition=Q(social_insurance_number="")
                | Q(social_insurance_number__regex=SOCIAL_INSURANCE_RE),
                name="person_social_insurance_10_digits",
                violation_error_message=_("Số sổ bảo hiểm xã hội phải gồm đúng 10 chữ số."),
            ),
            models.CheckConstraint(
                condition=Q(health_insurance_number="")
                | Q(health_insurance_number__regex=HEALTH_INSURANCE_RE),
                name="person_health_insurance_format",
                violation_error_message=_(
                    "Số thẻ bảo hiểm y tế gồm 10 chữ số (mã số bảo hiểm xã hội) hoặc 15 ký tự: 2 chữ cái in "
                    "hoa rồi 13 chữ số."
                ),
            ),
            models.CheckConstraint(
                condition=Q(general_education="") | Q(general_education__regex=GENERAL_EDUCATION_RE),
                name="person_general_education_format",
                violation_error_message=_(
                    "Trình độ giáo dục phổ thông ghi dạng lớp/hệ, ví dụ 12/12 hoặc 9/10."
                ),
            ),
            models.CheckConstraint(
                condition=Q(id_card_issued_on__isnull=True) | Q(id_card_issued_on__gte=F("date_of_birth")),
                name="person_id_card_issued_after_birth",
                violation_error_message=_("Ngày cấp thẻ căn cước không được trước ngày sinh."),
            ),
            models.CheckConstraint(
                condition=Q(status="WORKING") | Q(status_date__isnull=False),
                name="person_status_has_date",
                violation_error_message=_("Cần ngày thay đổi tình trạng khi cán bộ không còn công tác."),
            ),
        ]

    def __str__(self):
        return self.full_name


class EmploymentQuerySet(models.QuerySet):
    def active_on(self, on):
        return self.filter(Q(start_date__lte=on) & (Q(end_date__isnull=True) | Q(end_date__gte=on)))

    def overlapping(self, start, end):
        condition = Q(end_date__isnull=True) | Q(end_date__gte=start)
        if end is not None:
            condition &= Q(start_date__lte=end)
        return self.filter(condition)


class Employment(Versioned, Timestamped):
    """One dated row of the career timeline: who worked where, in which post and category."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="employments")
    unit = models.ForeignKey(
        OrgUnit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="employments"
    )
    position = models.ForeignKey(
        Position, verbose_name=_("chức vụ"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    category = models.CharField(_("phân loại"), max_length=8, choices=PersonnelCategory.choices)
    start_date = models.DateField(_("từ ngày"))
    end_date = models.DateField(_("đến ngày"), null=True, blank=True)
    move = models.CharField(
        _("hình thức"), max_length=16, choices=PersonnelMove.choices, default=PersonnelMove.TUYEN_DUNG
    )
    decision_number = models.CharField(_("số quyết định"), max_length=100, blank=True)
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)

    objects = EmploymentQuerySet.as_manager()

    class Meta:
        verbose_name = _("quá trình công tác")
        verbose_name_plural = _("quá trình công tác")
        ordering = ["person", "-start_date"]
        indexes = [
            models.Index(fields=["unit", "start_date", "end_date"], name="employment_unit_period"),
            models.Index(fields=["start_date", "end_date"], name="employment_period"),
            models.Index(fields=["person", "start_date"], name="employment_person_start"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="employment_dates_ordered",
                violation_error_message=_("Ngày kết thúc phải sau ngày bắt đầu."),
            ),
            models.UniqueConstraint(
                fields=["person"],
                condition=Q(end_date__isnull=True),
                name="employment_one_open_row",
                violation_error_message=_("Mỗi người chỉ có một quá trình công tác đang diễn ra."),
            ),
        ]

    def __str__(self):
        return f"{self.person} – {self.unit} ({self.start_date:%d/%m/%Y})"


class QualificationSource(models.TextChoices):
    """Where a qualification came from: entered or imported, or granted by a completed course (issue 14.5)."""

    RECORDED = "RECORDED", _("Nhập vào hồ sơ (biểu mẫu, tệp)")
    COURSE = "COURSE", _("Cấp khi hoàn thành khóa học")


class QualificationQuerySet(models.QuerySet):
    def held_on(self, on):
        return self.filter(awarded_on__lte=on)


class Qualification(Versioned, Timestamped):
    """A dated diploma or certificate on one scale; the highest level as of a date is derived from these."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="qualifications")
    scale = models.CharField(_("loại trình độ"), max_length=20, choices=QualificationScale.choices)
    level = models.CharField(_("trình độ"), max_length=20, choices=ALL_LEVEL_CHOICES)
    rank = models.PositiveSmallIntegerField(_("thứ bậc"), editable=False)
    field = models.CharField(_("chuyên ngành / ngôn ngữ"), max_length=200, blank=True)
    awarded_on = models.DateField(_("ngày cấp"))
    document_number = models.CharField(_("số văn bằng, chứng chỉ"), max_length=60, blank=True)
    issuer = models.CharField(_("cơ sở cấp"), max_length=200, blank=True)
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)
    source = models.CharField(
        _("nguồn"), max_length=8, choices=QualificationSource.choices, default=QualificationSource.RECORDED
    )

    objects = QualificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("văn bằng, chứng chỉ")
        verbose_name_plural = _("văn bằng, chứng chỉ")
        ordering = ["person", "scale", "-awarded_on"]
        indexes = [
            models.Index(fields=["scale", "rank", "awarded_on"], name="qualification_scale_rank"),
            models.Index(fields=["person", "scale", "rank"], name="qualification_person_scale"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(rank__gte=1, rank__lte=8),
                name="qualification_rank_in_range",
                violation_error_message=_("Thứ bậc trình độ không hợp lệ."),
            ),
            models.UniqueConstraint(
                fields=["person", "scale", "level", "field", "awarded_on"],
                name="qualification_unique_per_person",
                violation_error_message=_("Văn bằng, chứng chỉ này đã có trong hồ sơ."),
            ),
        ]

    def __str__(self):
        return f"{self.get_scale_display()}: {self.get_level_display()}"


class ChangeRequestStatus(models.TextChoices):
    PENDING = "PENDING", _("Chờ duyệt")
    APPROVED = "APPROVED", _("Đã duyệt")
    REJECTED = "REJECTED", _("Từ chối")


class ChangeRequest(Timestamped):
    """A change an official proposes to their own record; applied only when a personnel officer approves."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="change_requests")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    changes = models.JSONField(_("nội dung đề nghị"))
    reason = models.CharField(_("lý do"), max_length=255, blank=True)
    status = models.CharField(
        _("trạng thái"),
        max_length=10,
        choices=ChangeRequestStatus.choices,
        default=ChangeRequestStatus.PENDING,
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.CharField(_("ý kiến xử lý"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("đề nghị cập nhật hồ sơ")
        verbose_name_plural = _("đề nghị cập nhật hồ sơ")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "person"], name="change_request_status")]


class RetirementRule(EffectiveDated):
    """The retirement age in force for a calendar year of retirement (BLLĐ 2012; NĐ 135/2020 roadmap).

    Age in year Y = min(base_months + annual_step_months × (Y − first_year), cap_months), where first_year is
    the year of valid_from. Read by canbo.people.retirement (cached: no query per person).
    """

    gender = models.CharField(_("giới tính"), max_length=3, choices=Gender.choices)
    base_months = models.PositiveSmallIntegerField(_("tuổi nghỉ hưu năm đầu (tháng)"))
    annual_step_months = models.PositiveSmallIntegerField(_("tăng mỗi năm (tháng)"), default=0)
    cap_months = models.PositiveSmallIntegerField(_("tuổi nghỉ hưu tối đa (tháng)"))

    class Meta:
        verbose_name = _("lộ trình tuổi nghỉ hưu")
        verbose_name_plural = _("lộ trình tuổi nghỉ hưu")
        ordering = ["gender", "valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["gender", "valid_from"], name="retirement_rule_unique_start"),
            models.CheckConstraint(
                condition=Q(cap_months__gte=F("base_months")), name="retirement_rule_cap_above_base"
            ),
        ]

    def __str__(self):
        return f"{self.get_gender_display()} từ {self.valid_from:%d/%m/%Y}: {self.legal_basis}"


class PeopleRule(DatedRule):
    """The register's legal rules as dated rows (canbo.core.rulebook), seeded with the texts they come from: the
    working age of each category (`working_age.<category>`), read by the start date of the career row it judges."""

    class Meta(DatedRule.Meta):
        verbose_name = _("quy định về hồ sơ cán bộ, công chức, viên chức")
        verbose_name_plural = _("quy định về hồ sơ cán bộ, công chức, viên chức")
