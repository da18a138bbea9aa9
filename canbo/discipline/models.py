"""Discipline decisions (NĐ 112/2020 → NĐ 172/2025) and the cases that lead to them.

`DisciplineRecord` is what other rules read (removal from the plan, waiting times for promotion, the rating);
`DisciplineCase` is the workflow opened → reviewed → decided (the record is created) or deferred (rule 25).
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from canbo.core.models import Timestamped, Versioned
from canbo.core.rulebook import DatedRule
from canbo.org.models import OrgUnit
from canbo.people.models import Person


class DisciplineForm(models.TextChoices):
    REPRIMAND = "KHIEN_TRACH", _("Khiển trách")
    WARNING = "CANH_CAO", _("Cảnh cáo")
    PAY_CUT = "HA_BAC_LUONG", _("Hạ bậc lương (trước 2025)")
    DEMOTION = "GIANG_CHUC", _("Giáng chức (trước 2025)")
    REMOVAL = "CACH_CHUC", _("Cách chức")
    DISMISSAL_FROM_OFFICE = "BAI_NHIEM", _("Bãi nhiệm")
    FORCED_RESIGNATION = "BUOC_THOI_VIEC", _("Buộc thôi việc")


# Severity (higher is heavier), to compare a running sanction with a new act's form across ladders. Bãi nhiệm
# (cadres) and buộc thôi việc (civil servants) end the service: both are heavier than cách chức (NĐ 172/2025
# Art 2(3), the cadre ladder khiển trách → cảnh cáo → cách chức → bãi nhiệm). The ladders themselves, the periods
# and the handling time limit are dated rows of `DisciplineRule`.
SEVERITY = {
    DisciplineForm.REPRIMAND: 1,
    DisciplineForm.WARNING: 2,
    DisciplineForm.PAY_CUT: 3,
    DisciplineForm.DEMOTION: 4,
    DisciplineForm.REMOVAL: 5,
    DisciplineForm.DISMISSAL_FROM_OFFICE: 6,
    DisciplineForm.FORCED_RESIGNATION: 6,
}


class DisciplineFormRank(models.Model):
    """How heavy each form stands when a record is printed (Mẫu 2C item 22: the heaviest form, which year): data
    seeded by migration 0007 (docs/decisions/048). Unlike SEVERITY, bãi nhiệm and buộc thôi việc are not equal
    here: a form must name one. A test holds this order in step with SEVERITY."""

    form = models.CharField(
        _("hình thức kỷ luật"), max_length=16, choices=DisciplineForm.choices, unique=True
    )
    rank = models.PositiveSmallIntegerField(_("thứ bậc (cao hơn là nặng hơn)"))
    legal_basis = models.CharField(_("căn cứ"), max_length=300)

    class Meta:
        verbose_name = _("thứ bậc hình thức kỷ luật")
        verbose_name_plural = _("thứ bậc hình thức kỷ luật")
        ordering = ["-rank", "form"]
        constraints = [models.CheckConstraint(condition=Q(rank__gte=1), name="discipline_form_rank_positive")]

    def __str__(self):
        return f"{self.get_form_display()}: {self.rank}"


class DisciplineRule(DatedRule):
    """The discipline rules in force on a date (the forms of each category, sanction periods, the wait before a
    higher post, the time limit for handling a case), seeded with their legal basis."""

    class Meta(DatedRule.Meta):
        verbose_name = _("quy định về kỷ luật")
        verbose_name_plural = _("quy định về kỷ luật")


class CaseStatus(models.TextChoices):
    OPENED = "OPENED", _("Đang xem xét")
    REVIEWED = "REVIEWED", _("Đã kiểm điểm, đề nghị hình thức")
    DEFERRED = "DEFERRED", _("Chưa xem xét xử lý (tạm hoãn)")
    DECIDED = "DECIDED", _("Đã quyết định kỷ luật")


class DeferralReason(models.TextChoices):
    """Rule 25 (NĐ 172/2025): the cases in which discipline is not yet considered."""

    SERIOUS_ILLNESS = "OM_DAU_NANG", _("Đang điều trị bệnh hiểm nghèo, ốm đau nặng")
    PREGNANCY = "MANG_THAI", _("Đang mang thai, nghỉ thai sản")
    CHILD_UNDER_12_MONTHS = "CON_DUOI_12_THANG", _("Đang nuôi con dưới 12 tháng tuổi")
    PROSECUTION = "TRUY_TO", _("Đang bị khởi tố, tạm giam, chờ kết luận của cơ quan tố tụng")


class DisciplineCase(Versioned, Timestamped):
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="discipline_cases")
    unit = models.ForeignKey(
        OrgUnit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+"
    )  # the person's unit when the case was opened (scoping and reports)
    category = models.CharField(_("phân loại"), max_length=8)  # copied from the person at opening
    is_leader = models.BooleanField(_("giữ chức vụ lãnh đạo, quản lý"), default=False)
    opened_on = models.DateField(_("ngày thụ lý"))
    # NĐ 172/2025 (thời hạn xử lý kỷ luật): decided within 90 days, 150 for a complex case (DisciplineRule)
    handling_deadline = models.DateField(_("hạn xử lý kỷ luật"), null=True, blank=True)
    is_complex = models.BooleanField(_("vụ việc phức tạp (gia hạn)"), default=False)
    # rule 16: a decision for an act related to the duty forces "không hoàn thành nhiệm vụ" in that year
    duty_related = models.BooleanField(_("vi phạm liên quan đến thực thi nhiệm vụ, công vụ"), default=True)
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=CaseStatus.choices, default=CaseStatus.OPENED
    )
    proposed_form = models.CharField(
        _("hình thức đề nghị"), max_length=16, choices=DisciplineForm.choices, blank=True
    )
    required_form = models.CharField(
        _("hình thức theo quy định"), max_length=16, choices=DisciplineForm.choices, blank=True
    )
    explanation = models.TextField(_("căn cứ xác định hình thức"), blank=True)
    deferral_reason = models.CharField(
        _("lý do tạm hoãn"), max_length=20, choices=DeferralReason.choices, blank=True
    )
    deferred_until = models.DateField(_("tạm hoãn đến ngày"), null=True, blank=True)
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("vụ việc kỷ luật")
        verbose_name_plural = _("vụ việc kỷ luật")
        ordering = ["-opened_on", "-id"]
        indexes = [
            models.Index(fields=["status", "opened_on"], name="disc_case_status_opened"),
            models.Index(fields=["person", "status"], name="disc_case_person_status"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=CaseStatus.DEFERRED) | ~Q(deferral_reason=""),
                name="disc_case_deferred_has_reason",
                violation_error_message=_("Tạm hoãn xử lý kỷ luật phải có lý do."),
            ),
            models.CheckConstraint(
                condition=Q(status__in=[CaseStatus.OPENED, CaseStatus.DEFERRED])
                | (~Q(proposed_form="") & ~Q(required_form="")),
                name="disc_case_reviewed_has_form",
                violation_error_message=_("Vụ việc đã kiểm điểm phải có hình thức đề nghị."),
            ),
        ]

    def __str__(self):
        return f"{self.person} – {self.get_status_display()} ({self.opened_on:%d/%m/%Y})"


class DisciplineAct(Timestamped):
    """One act of the case with its own form (rule 25: one act, one form; several acts → the heaviest)."""

    case = models.ForeignKey(DisciplineCase, on_delete=models.CASCADE, related_name="acts")
    description = models.CharField(_("hành vi vi phạm"), max_length=500)
    committed_on = models.DateField(_("ngày vi phạm"))
    form = models.CharField(_("hình thức cho hành vi"), max_length=16, choices=DisciplineForm.choices)

    class Meta:
        verbose_name = _("hành vi vi phạm")
        verbose_name_plural = _("hành vi vi phạm")
        ordering = ["case", "committed_on", "id"]

    def __str__(self):
        return f"{self.description} ({self.get_form_display()})"


class DisciplineRecord(Versioned, Timestamped):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="discipline_records")
    form = models.CharField(_("hình thức kỷ luật"), max_length=16, choices=DisciplineForm.choices)
    decision_number = models.CharField(_("số quyết định"), max_length=60)
    decided_on = models.DateField(_("ngày quyết định"))
    effective_until = models.DateField(_("hết hiệu lực ngày"), null=True, blank=True)
    authority = models.CharField(_("cơ quan quyết định"), max_length=200, blank=True)
    reason = models.CharField(_("hành vi vi phạm"), max_length=500, blank=True)
    # copied from the case at the decision (changed only through the case); read by the rating rules
    duty_related = models.BooleanField(
        _("vi phạm liên quan đến thực thi nhiệm vụ, công vụ"), default=True, editable=False
    )
    # issue 5: the unit at the decision (scoping, reports) and the case it closes
    unit = models.ForeignKey(
        OrgUnit, verbose_name=_("đơn vị"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    case = models.OneToOneField(
        DisciplineCase, null=True, blank=True, on_delete=models.PROTECT, related_name="record"
    )

    class Meta:
        verbose_name = _("kỷ luật")
        verbose_name_plural = _("kỷ luật")
        ordering = ["person", "-decided_on"]
        indexes = [
            models.Index(fields=["person", "decided_on"], name="discipline_person_date"),
            models.Index(fields=["form", "decided_on"], name="discipline_form_date"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(effective_until__isnull=True) | Q(effective_until__gte=F("decided_on")),
                name="discipline_dates_ordered",
            )
        ]

    def __str__(self):
        return f"{self.person} – {self.get_form_display()} ({self.decided_on:%d/%m/%Y})"
