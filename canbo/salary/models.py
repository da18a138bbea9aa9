"""Salary history (lương): pay scales and their steps, the dated history of each person's salary with its
allowances, unpaid leave, and the dated rules of regular and early raises and of vượt khung.

NĐ 204/2004/NĐ-CP (scales, allowances), NĐ 17/2013/NĐ-CP, TT 08/2013/TT-BNV as amended by TT 03/2021/TT-BNV
(raises), the base salary decrees (NĐ 38/2019, NĐ 24/2023, NĐ 73/2024). A `SalaryRecord` is never overwritten:
every change is a new row with its date and decision; the person's current step and coefficient are kept in
step with the newest row by the services.
"""

from django.conf import settings
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from canbo.core.models import EffectiveDated, Timestamped
from canbo.core.rulebook import DatedRule
from canbo.org.models import OrgUnit
from canbo.people.models import Person, Rank


class TrainingClass(models.TextChoices):
    """TT 08/2013 Art 2: the interval of a regular raise depends on the training the rank requires."""

    HIGHER = "CAO_DANG_TRO_LEN", _("Ngạch, chức danh yêu cầu trình độ cao đẳng trở lên")
    LOWER = "TRUNG_CAP_TRO_XUONG", _("Ngạch, chức danh yêu cầu trình độ trung cấp trở xuống, nhân viên")


class SalaryScale(EffectiveDated):
    """A pay group of a salary table (e.g. NĐ 204 Bảng 2, công chức loại A1), keyed by the code that
    `people.Rank.pay_group` carries."""

    code = models.CharField(_("mã nhóm, loại lương"), max_length=10)
    name = models.CharField(_("tên"), max_length=200)
    table = models.CharField(_("bảng lương"), max_length=200)
    training_class = models.CharField(_("trình độ yêu cầu"), max_length=20, choices=TrainingClass.choices)

    class Meta:
        verbose_name = _("nhóm, loại lương")
        verbose_name_plural = _("nhóm, loại lương")
        ordering = ["code", "-valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["code", "valid_from"], name="salary_scale_code_from_unique"),
        ]

    def __str__(self):
        return f"{self.code} – {self.name}"


class SalaryGrade(models.Model):
    """One step of a scale with its coefficient (hệ số lương)."""

    scale = models.ForeignKey(SalaryScale, on_delete=models.CASCADE, related_name="grades")
    step = models.PositiveSmallIntegerField(_("bậc"))
    coefficient = models.DecimalField(_("hệ số lương"), max_digits=4, decimal_places=2)

    class Meta:
        verbose_name = _("bậc lương")
        verbose_name_plural = _("bậc lương")
        ordering = ["scale", "step"]
        constraints = [
            models.UniqueConstraint(fields=["scale", "step"], name="salary_grade_scale_step_unique"),
            models.CheckConstraint(condition=Q(step__gte=1), name="salary_grade_step_positive"),
            models.CheckConstraint(condition=Q(coefficient__gt=0), name="salary_grade_coefficient_positive"),
        ]

    def __str__(self):
        return f"{self.scale.code} bậc {self.step}: {self.coefficient}"


# --- Rules as dated data (SalaryRule; listed in canbo.salary.rules.RULE_MODELS) ----------------------------


class SalaryRule(DatedRule):
    """The raise rules and the base salary as dated rows with their legal basis, read by the date they judge
    (canbo.salary.rules) and corrected on the "Căn cứ pháp lý" page (a new version, never an overwrite):
    `base_salary` (đồng/tháng), `early_raise_quota` (% of the payroll a year), `step.<training class>` (months per
    step, months at the top step before vượt khung, its first and yearly %), `discipline_delay.<form>` (months)."""

    class Meta(DatedRule.Meta):
        verbose_name = _("quy định về tiền lương")
        verbose_name_plural = _("quy định về tiền lương")


class SalaryRuleView(SalaryRule):
    """A read-only admin list of one kind of salary rule (the rows are SalaryRule rows)."""

    code_prefix = ""

    class Meta:
        proxy = True


class StepRule(SalaryRuleView):
    code_prefix = "step."

    class Meta:
        proxy = True
        verbose_name = _("quy định nâng bậc lương thường xuyên, vượt khung")
        verbose_name_plural = _("quy định nâng bậc lương thường xuyên, vượt khung")


class DisciplineDelayRule(SalaryRuleView):
    code_prefix = "discipline_delay."

    class Meta:
        proxy = True
        verbose_name = _("quy định kéo dài thời gian nâng lương do kỷ luật")
        verbose_name_plural = _("quy định kéo dài thời gian nâng lương do kỷ luật")


class EarlyRaiseQuotaRule(SalaryRuleView):
    code_prefix = "early_raise_quota"

    class Meta:
        proxy = True
        verbose_name = _("tỷ lệ nâng bậc lương trước thời hạn")
        verbose_name_plural = _("tỷ lệ nâng bậc lương trước thời hạn")


class BaseSalary(SalaryRuleView):
    code_prefix = "base_salary"

    class Meta:
        proxy = True
        verbose_name = _("mức lương cơ sở")
        verbose_name_plural = _("mức lương cơ sở")


class EarlyRaiseReason(EffectiveDated):
    """Why a step is granted early and by at most how many months (TT 08/2013 Art 3)."""

    code = models.CharField(_("mã"), max_length=30)
    name = models.CharField(_("lý do"), max_length=300)
    max_months = models.PositiveSmallIntegerField(_("trước thời hạn tối đa (tháng)"))
    counts_in_quota = models.BooleanField(_("tính trong tỷ lệ hằng năm"), default=True)

    class Meta:
        verbose_name = _("lý do nâng bậc lương trước thời hạn")
        verbose_name_plural = _("lý do nâng bậc lương trước thời hạn")
        ordering = ["-max_months", "code"]
        constraints = [
            models.UniqueConstraint(fields=["code", "valid_from"], name="salary_early_reason_unique"),
        ]

    def __str__(self):
        return self.name


# --- The history ---------------------------------------------------------------------------------------------


class ChangeKind(models.TextChoices):
    INITIAL = "XEP_LUONG", _("Xếp lương (lần đầu, khi tuyển dụng, tiếp nhận)")
    REGULAR = "THUONG_XUYEN", _("Nâng bậc lương thường xuyên")
    EARLY = "TRUOC_THOI_HAN", _("Nâng bậc lương trước thời hạn")
    SENIORITY = "VUOT_KHUNG", _("Phụ cấp thâm niên vượt khung")
    PROMOTION = "NANG_NGACH", _("Nâng ngạch, thăng hạng chức danh nghề nghiệp")
    TRANSFER = "CHUYEN_NGACH", _("Chuyển ngạch, chuyển xếp lương")
    ALLOWANCE = "PHU_CAP", _("Thay đổi phụ cấp")
    DEMOTION = "HA_BAC", _("Hạ bậc lương (kỷ luật)")


RAISE_KINDS = (ChangeKind.REGULAR, ChangeKind.EARLY, ChangeKind.SENIORITY)
CURRENT_CHUNK = 5000  # persons per UPDATE when marking the current rows


class SalaryRecordQuerySet(models.QuerySet):
    def mark_current(self, person_ids) -> None:
        """Flag each person's newest row (latest `effective_on`; one row per person and day) as `is_current` and
        clear the flag on their other rows: two set-based UPDATEs per 5.000 persons, inside the caller's
        transaction. Every writer of salary rows calls it (services, the Excel import, the demo sets it itself)."""
        ids = sorted(set(person_ids))
        newer = self.model.objects.filter(
            person_id=OuterRef("person_id"), effective_on__gt=OuterRef("effective_on")
        )
        for start in range(0, len(ids), CURRENT_CHUNK):
            rows = self.model.objects.filter(person_id__in=ids[start : start + CURRENT_CHUNK])
            rows.filter(is_current=True).filter(Exists(newer)).update(is_current=False)
            rows.filter(is_current=False).exclude(Exists(newer)).update(is_current=True)


class SalaryRecord(Timestamped):
    """One row of a person's salary history (Mẫu 2C: diễn biến quá trình lương), never overwritten."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="salary_records")
    unit = models.ForeignKey(
        OrgUnit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+"
    )  # the person's unit at the decision (scoping, reports)
    kind = models.CharField(_("hình thức"), max_length=16, choices=ChangeKind.choices)
    effective_on = models.DateField(_("ngày hưởng"))
    # TT 08/2013: "thời điểm tính nâng bậc lương lần sau" (usually the date of the step; kept on promotions)
    counted_from = models.DateField(_("thời điểm tính nâng bậc lần sau"))
    rank = models.ForeignKey(
        Rank,
        verbose_name=_("ngạch / chức danh"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    scale = models.ForeignKey(
        SalaryScale, verbose_name=_("nhóm, loại lương"), on_delete=models.PROTECT, related_name="+"
    )
    step = models.PositiveSmallIntegerField(_("bậc"))
    coefficient = models.DecimalField(_("hệ số lương"), max_digits=4, decimal_places=2)
    seniority_percent = models.PositiveSmallIntegerField(_("phụ cấp thâm niên vượt khung (%)"), default=0)
    decision_number = models.CharField(_("số quyết định"), max_length=60, blank=True)
    decision_date = models.DateField(_("ngày quyết định"), null=True, blank=True)
    early_reason = models.ForeignKey(
        EarlyRaiseReason,
        verbose_name=_("lý do nâng trước thời hạn"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    early_months = models.PositiveSmallIntegerField(_("số tháng trước thời hạn"), default=0)
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # The person's newest row (what they are paid now): kept by `mark_current` whenever rows are written, so the
    # raises due are read from one row per person, not searched for among every person's history.
    is_current = models.BooleanField(_("bản ghi hiện hưởng"), default=False, editable=False)

    objects = SalaryRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("quá trình lương")
        verbose_name_plural = _("quá trình lương")
        ordering = ["person", "-effective_on"]
        indexes = [
            models.Index(fields=["unit", "kind", "effective_on"], name="salary_unit_kind_date"),
            models.Index(fields=["kind", "effective_on"], name="salary_kind_date"),
            # The raises due read only the current rows and only these columns: an index-only scan.
            models.Index(
                fields=["counted_from", "scale", "step", "seniority_percent", "person", "coefficient", "id"],
                condition=Q(is_current=True),
                name="salary_current_due",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "effective_on"],
                name="salary_one_row_per_person_and_day",
                violation_error_message=_("Đã có một bản ghi lương của người này vào ngày này."),
            ),
            models.UniqueConstraint(
                fields=["person"], condition=Q(is_current=True), name="salary_one_current_row_per_person"
            ),
            models.CheckConstraint(condition=Q(step__gte=1), name="salary_record_step_positive"),
            models.CheckConstraint(condition=Q(coefficient__gt=0), name="salary_record_coefficient_positive"),
            models.CheckConstraint(
                condition=Q(seniority_percent__lte=100), name="salary_record_seniority_in_range"
            ),
            models.CheckConstraint(
                condition=Q(counted_from__lte=F("effective_on")),
                name="salary_record_counted_before_effective",
            ),
            models.CheckConstraint(
                condition=~Q(kind="TRUOC_THOI_HAN")
                | (Q(early_reason__isnull=False) & Q(early_months__gte=1)),
                name="salary_record_early_has_reason",
                violation_error_message=_("Nâng bậc lương trước thời hạn phải có lý do và số tháng."),
            ),
            models.CheckConstraint(
                condition=~Q(kind="VUOT_KHUNG") | Q(seniority_percent__gte=1),
                name="salary_record_seniority_has_percent",
            ),
        ]

    def __str__(self):
        return f"{self.person} – bậc {self.step}, hệ số {self.coefficient} ({self.effective_on:%d/%m/%Y})"


class AllowanceKind(models.TextChoices):
    LEADERSHIP = "CHUC_VU", _("Phụ cấp chức vụ lãnh đạo")
    REGIONAL = "KHU_VUC", _("Phụ cấp khu vực")
    RESPONSIBILITY = "TRACH_NHIEM", _("Phụ cấp trách nhiệm theo nghề, công việc")
    PROFESSION = "UU_DAI_NGHE", _("Phụ cấp ưu đãi theo nghề")
    SPECIAL_AREA = "DAC_BIET", _("Phụ cấp đặc biệt")
    ATTRACTION = "THU_HUT", _("Phụ cấp thu hút")
    PROFESSION_SENIORITY = "THAM_NIEN_NGHE", _("Phụ cấp thâm niên nghề")
    OTHER = "KHAC", _("Phụ cấp khác")


class Allowance(models.Model):
    """An allowance carried by a salary row: a coefficient (× base salary) or a percentage (of the salary)."""

    record = models.ForeignKey(SalaryRecord, on_delete=models.CASCADE, related_name="allowances")
    kind = models.CharField(_("loại phụ cấp"), max_length=16, choices=AllowanceKind.choices)
    coefficient = models.DecimalField(_("hệ số"), max_digits=4, decimal_places=2, null=True, blank=True)
    percent = models.DecimalField(_("tỷ lệ (%)"), max_digits=5, decimal_places=2, null=True, blank=True)

    class Meta:
        verbose_name = _("phụ cấp")
        verbose_name_plural = _("phụ cấp")
        ordering = ["record", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["record", "kind"], name="salary_allowance_once_per_record"),
            models.CheckConstraint(
                condition=(Q(coefficient__isnull=False, coefficient__gt=0) & Q(percent__isnull=True))
                | (Q(coefficient__isnull=True) & Q(percent__isnull=False, percent__gt=0, percent__lte=100)),
                name="salary_allowance_coefficient_or_percent",
                violation_error_message=_("Phụ cấp có hệ số hoặc tỷ lệ %, không cả hai."),
            ),
        ]

    def __str__(self):
        value = f"{self.coefficient}" if self.coefficient is not None else f"{self.percent} %"
        return f"{self.get_kind_display()}: {value}"


class UnpaidLeave(Timestamped):
    """Nghỉ việc riêng không hưởng lương: not counted towards the next raise (TT 08/2013 Art 2)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="unpaid_leaves")
    unit = models.ForeignKey(OrgUnit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+")
    start_date = models.DateField(_("từ ngày"))
    end_date = models.DateField(_("đến ngày"))
    counted_months = models.DecimalField(  # whole months, and half a month for 11-21 odd working days
        _("số tháng không tính nâng lương"), max_digits=4, decimal_places=1, editable=False
    )
    decision_number = models.CharField(_("số quyết định"), max_length=60, blank=True)
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("nghỉ không hưởng lương")
        verbose_name_plural = _("nghỉ không hưởng lương")
        ordering = ["person", "-start_date"]
        indexes = [models.Index(fields=["person", "start_date"], name="salary_leave_person_start")]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")), name="salary_leave_dates_ordered"
            ),
        ]

    def __str__(self):
        return f"{self.person}: {self.start_date:%d/%m/%Y}–{self.end_date:%d/%m/%Y}"
