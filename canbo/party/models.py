"""Party admissions against the target of a congress resolution: admission → 12 months' probation → full
membership, or removal (xóa tên, khai trừ). One Admission row = one person admitted (the counted row)."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from canbo.core.models import Timestamped, Versioned
from canbo.core.rulebook import DatedRule
from canbo.org.models import OrgUnit
from canbo.people.models import Person

from .choices import EducationException, GeneralEducation, PartyStatus


class PartyRule(DatedRule):
    """The admission rules in force on the chi bộ's vote (ages, education and its exceptions, probation), seeded
    with the Party texts they come from (QĐ 29-QĐ/TW 2016 → QĐ 24-QĐ/TW 2021 → QĐ 232-QĐ/TW 2025 → QĐ 294-QĐ/TW from 01/07/2025)."""

    class Meta(DatedRule.Meta):
        verbose_name = _("quy định về kết nạp đảng viên")
        verbose_name_plural = _("quy định về kết nạp đảng viên")


class AdmissionTarget(Timestamped):
    """Chỉ tiêu kết nạp đảng viên của nghị quyết đại hội một Đảng bộ cho một nhiệm kỳ (ví dụ 2020–2025)."""

    party_org = models.ForeignKey(
        OrgUnit, verbose_name=_("tổ chức đảng"), on_delete=models.PROTECT, related_name="+"
    )
    start_year = models.PositiveSmallIntegerField(_("nhiệm kỳ từ năm"))
    end_year = models.PositiveSmallIntegerField(_("nhiệm kỳ đến năm"))
    target = models.PositiveIntegerField(_("chỉ tiêu kết nạp"))
    resolution_number = models.CharField(_("số nghị quyết"), max_length=60)
    resolution_date = models.DateField(_("ngày nghị quyết"), null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("chỉ tiêu kết nạp đảng viên")
        verbose_name_plural = _("chỉ tiêu kết nạp đảng viên")
        ordering = ["-start_year", "party_org__path"]
        constraints = [
            models.UniqueConstraint(fields=["party_org", "start_year"], name="admission_target_unique"),
            models.CheckConstraint(condition=Q(end_year__gt=F("start_year")), name="admission_target_years"),
            models.CheckConstraint(condition=Q(target__gt=0), name="admission_target_positive"),
        ]

    @property
    def period(self) -> str:
        return f"{self.start_year}-{self.end_year}"

    def __str__(self):
        return f"{self.party_org} {self.period}: {self.target}"


class Admission(Versioned, Timestamped):
    """Kết nạp một người vào Đảng: biểu quyết của chi bộ, quyết định, dự bị 12 tháng, công nhận chính thức."""

    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="party_admissions"
    )
    # A candidate outside the register (e.g. a student, a worker): name, ID and birth date kept here.
    candidate_name = models.CharField(_("họ và tên (ngoài danh sách cán bộ)"), max_length=120, blank=True)
    candidate_national_id = models.CharField(_("số định danh cá nhân"), max_length=12, blank=True)
    birth_date = models.DateField(_("ngày sinh"))
    education = models.CharField(_("trình độ giáo dục phổ thông"), max_length=8, choices=GeneralEducation)
    education_exception = models.CharField(
        _("nơi sinh sống được áp dụng ngoại lệ về học vấn"),
        max_length=10,
        choices=EducationException,
        blank=True,
    )
    over_age_approval = models.CharField(
        _("văn bản đồng ý của cấp ủy trực thuộc Trung ương (người trên 60 tuổi)"), max_length=120, blank=True
    )
    party_org = models.ForeignKey(
        OrgUnit, verbose_name=_("tổ chức đảng"), on_delete=models.PROTECT, related_name="+"
    )
    cell = models.CharField(_("chi bộ"), max_length=200)
    cell_vote_date = models.DateField(_("ngày chi bộ biểu quyết"))
    decision_number = models.CharField(_("số quyết định kết nạp"), max_length=60)
    decision_date = models.DateField(_("ngày quyết định"))
    admitted_on = models.DateField(_("ngày kết nạp"))
    status = models.CharField(_("trạng thái"), max_length=10, choices=PartyStatus, default=PartyStatus.DU_BI)
    full_vote_date = models.DateField(_("ngày chi bộ xét chính thức"), null=True, blank=True)
    full_decision_number = models.CharField(
        _("số quyết định công nhận chính thức"), max_length=60, blank=True
    )
    full_member_on = models.DateField(_("ngày chính thức"), null=True, blank=True)
    removed_on = models.DateField(_("ngày xóa tên, khai trừ"), null=True, blank=True)
    removal_decision_number = models.CharField(
        _("số quyết định xóa tên, khai trừ"), max_length=60, blank=True
    )
    removal_reason = models.CharField(_("lý do"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("kết nạp đảng viên")
        verbose_name_plural = _("kết nạp đảng viên")
        ordering = ["-admitted_on", "-id"]
        indexes = [models.Index(fields=["admitted_on"], name="admission_admitted_on")]
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=False) | ~Q(candidate_name=""),
                name="admission_has_someone",
                violation_error_message=_(
                    "Cần chọn người trong danh sách hoặc nhập họ tên người được kết nạp."
                ),
            ),
            models.UniqueConstraint(
                fields=["person"],
                condition=Q(status__in=[PartyStatus.DU_BI, PartyStatus.CHINH_THUC]),
                name="admission_one_live_per_person",
                violation_error_message=_("Người này đang là đảng viên."),
            ),
            models.CheckConstraint(
                condition=Q(admitted_on__gte=F("cell_vote_date")), name="admission_after_vote"
            ),
            models.CheckConstraint(
                condition=~Q(status=PartyStatus.CHINH_THUC) | Q(full_member_on__isnull=False),
                name="admission_full_has_date",
            ),
            models.CheckConstraint(
                condition=Q(full_member_on__isnull=True) | Q(full_member_on__gt=F("admitted_on")),
                name="admission_full_after_admission",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=[PartyStatus.XOA_TEN, PartyStatus.KHAI_TRU])
                | (Q(removed_on__isnull=False) & ~Q(removal_reason="")),
                name="admission_removal_has_reason",
            ),
        ]

    @property
    def name(self) -> str:
        return self.person.full_name if self.person_id else self.candidate_name

    def __str__(self):
        return f"{self.name} ({self.admitted_on:%d/%m/%Y})"
