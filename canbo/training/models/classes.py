"""Classes, enrolments (one row = one lượt) and people sent to study at outside institutions."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from canbo.core.models import Timestamped, Versioned
from canbo.org.models import OrgUnit
from canbo.people.models import Person, Qualification

from ..choices import EnrolmentResult, Funding, StudyStatus, TrainingMode, Venue
from .catalogue import Programme, SponsorshipRule
from .plans import PlanLine


class TrainingClass(Versioned, Timestamped):
    """A class (lớp) of a programme, opened against a plan line by an organising unit."""

    code = models.CharField(_("mã lớp"), max_length=40, unique=True)
    name = models.CharField(_("tên lớp"), max_length=300)
    programme = models.ForeignKey(Programme, verbose_name=_("chương trình"), on_delete=models.PROTECT)
    plan_line = models.ForeignKey(
        PlanLine,
        verbose_name=_("dòng kế hoạch"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="classes",
    )
    organiser_unit = models.ForeignKey(
        OrgUnit, verbose_name=_("đơn vị quản lý lớp"), on_delete=models.PROTECT, related_name="+"
    )
    organiser_name = models.CharField(_("cơ sở đào tạo"), max_length=200, blank=True)
    location = models.CharField(_("địa điểm"), max_length=200, blank=True)
    venue = models.CharField(
        _("trong nước / nước ngoài"), max_length=10, choices=Venue.choices, default=Venue.DOMESTIC
    )
    mode = models.CharField(
        _("hệ"), max_length=20, choices=TrainingMode.choices, default=TrainingMode.FULL_TIME
    )
    start_date = models.DateField(_("ngày khai giảng"))
    end_date = models.DateField(_("ngày bế giảng"))
    capacity = models.PositiveIntegerField(_("số học viên tối đa"))
    cost_per_trainee = models.PositiveBigIntegerField(_("kinh phí mỗi học viên (đồng)"), default=0)

    class Meta:
        verbose_name = _("lớp đào tạo, bồi dưỡng")
        verbose_name_plural = _("lớp đào tạo, bồi dưỡng")
        ordering = ["-start_date", "code"]
        indexes = [models.Index(fields=["start_date", "programme"], name="training_class_start")]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")),
                name="training_class_dates_ordered",
                violation_error_message=_("Ngày bế giảng phải sau ngày khai giảng."),
            ),
            models.CheckConstraint(
                condition=Q(capacity__gte=1),
                name="training_class_capacity_positive",
                violation_error_message=_("Số học viên tối đa phải lớn hơn 0."),
            ),
        ]

    def __str__(self):
        return f"{self.code} – {self.name}"


class Enrolment(Versioned, Timestamped):
    """One attendance (lượt): a person in a class, or a person sent to study; counted by the reports.

    Programme, mode, venue and dates are copied from the class (the class services keep them in step) so that
    the reports aggregate this table alone.
    """

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="enrolments")
    training_class = models.ForeignKey(
        TrainingClass,
        verbose_name=_("lớp"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="enrolments",
    )
    programme = models.ForeignKey(Programme, verbose_name=_("chương trình"), on_delete=models.PROTECT)
    plan_line = models.ForeignKey(
        PlanLine,
        verbose_name=_("dòng kế hoạch"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="enrolments",
    )
    unit = models.ForeignKey(
        OrgUnit, verbose_name=_("đơn vị khi cử đi học"), on_delete=models.PROTECT, related_name="+"
    )
    mode = models.CharField(_("hệ"), max_length=20, choices=TrainingMode.choices)
    venue = models.CharField(_("trong nước / nước ngoài"), max_length=10, choices=Venue.choices)
    start_date = models.DateField(_("ngày bắt đầu"))
    end_date = models.DateField(_("ngày kết thúc"), null=True, blank=True)
    result = models.CharField(
        _("kết quả"), max_length=14, choices=EnrolmentResult.choices, default=EnrolmentResult.PENDING
    )
    result_date = models.DateField(_("ngày có kết quả"), null=True, blank=True)
    attendance_pct = models.PositiveSmallIntegerField(_("tỷ lệ chuyên cần (%)"), null=True, blank=True)
    certificate_number = models.CharField(_("số văn bằng, chứng chỉ"), max_length=60, blank=True)
    certificate_date = models.DateField(_("ngày cấp văn bằng, chứng chỉ"), null=True, blank=True)
    cost = models.PositiveBigIntegerField(_("kinh phí (đồng)"), default=0)
    qualification = models.ForeignKey(
        Qualification, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("lượt đào tạo, bồi dưỡng")
        verbose_name_plural = _("lượt đào tạo, bồi dưỡng")
        ordering = ["-start_date", "id"]
        indexes = [
            models.Index(fields=["start_date", "programme"], name="enrolment_start_programme"),
            models.Index(fields=["unit", "start_date"], name="enrolment_unit_start"),
            models.Index(fields=["person", "start_date"], name="enrolment_person_start"),
            models.Index(fields=["result", "result_date"], name="enrolment_result_date"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["training_class", "person"],
                condition=Q(training_class__isnull=False),
                name="enrolment_once_per_class",
                violation_error_message=_("Người này đã có trong danh sách lớp."),
            ),
            models.CheckConstraint(
                condition=(Q(result=EnrolmentResult.PENDING) & Q(result_date__isnull=True))
                | (~Q(result=EnrolmentResult.PENDING) & Q(result_date__gte=F("start_date"))),
                name="enrolment_result_dated_after_start",
                violation_error_message=_("Ngày có kết quả phải từ ngày bắt đầu học trở đi."),
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="enrolment_dates_ordered",
            ),
            models.CheckConstraint(
                condition=Q(attendance_pct__isnull=True) | Q(attendance_pct__lte=100),
                name="enrolment_attendance_pct",
                violation_error_message=_("Tỷ lệ chuyên cần từ 0 đến 100."),
            ),
            models.CheckConstraint(
                condition=Q(certificate_number="") | Q(result=EnrolmentResult.COMPLETED),
                name="enrolment_certificate_only_completed",
                violation_error_message=_("Chỉ người hoàn thành mới có văn bằng, chứng chỉ."),
            ),
        ]

    def __str__(self):
        return f"{self.person} – {self.programme} ({self.start_date:%d/%m/%Y})"


class StudyAssignment(Versioned, Timestamped):
    """A person sent to a long course at an outside institution (cử đi đào tạo), with the service commitment.

    Proposed → studying (the sending decision creates the counted Enrolment) → completed / dropped; breached when
    the person leaves before the commitment ends (refund due).
    """

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="study_assignments")
    unit = models.ForeignKey(
        OrgUnit, verbose_name=_("đơn vị cử đi học"), on_delete=models.PROTECT, related_name="+"
    )
    programme = models.ForeignKey(Programme, verbose_name=_("chương trình"), on_delete=models.PROTECT)
    plan_line = models.ForeignKey(
        PlanLine,
        verbose_name=_("dòng kế hoạch"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    institution = models.CharField(_("cơ sở đào tạo"), max_length=200)
    field_of_study = models.CharField(_("chuyên ngành"), max_length=200, blank=True)
    mode = models.CharField(_("hệ"), max_length=20, choices=TrainingMode.choices)
    venue = models.CharField(
        _("trong nước / nước ngoài"), max_length=10, choices=Venue.choices, default=Venue.DOMESTIC
    )
    start_date = models.DateField(_("ngày nhập học"))
    expected_end = models.DateField(_("dự kiến kết thúc"))
    funding = models.CharField(
        _("nguồn kinh phí"), max_length=10, choices=Funding.choices, default=Funding.STATE_BUDGET
    )
    cost = models.PositiveBigIntegerField(_("kinh phí (đồng)"), default=0)
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=StudyStatus.choices, default=StudyStatus.PROPOSED
    )
    rule = models.ForeignKey(
        SponsorshipRule,
        verbose_name=_("căn cứ"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    commitment_months = models.PositiveSmallIntegerField(_("thời gian cam kết công tác (tháng)"), default=0)
    decision_number = models.CharField(_("số quyết định cử đi học"), max_length=60, blank=True)
    decision_date = models.DateField(_("ngày quyết định"), null=True, blank=True)
    end_date = models.DateField(_("ngày kết thúc thực tế"), null=True, blank=True)
    commitment_end = models.DateField(_("hết thời gian cam kết"), null=True, blank=True)
    refund_amount = models.PositiveBigIntegerField(_("số tiền phải bồi hoàn (đồng)"), default=0)
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)
    enrolment = models.OneToOneField(
        Enrolment, null=True, blank=True, on_delete=models.RESTRICT, related_name="study_assignment"
    )
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("cử đi đào tạo")
        verbose_name_plural = _("cử đi đào tạo")
        ordering = ["-start_date", "id"]
        indexes = [models.Index(fields=["status", "start_date"], name="study_status_start")]
        constraints = [
            models.CheckConstraint(
                condition=Q(expected_end__gt=F("start_date")),
                name="study_expected_end_after_start",
                violation_error_message=_("Ngày dự kiến kết thúc phải sau ngày nhập học."),
            ),
            models.CheckConstraint(
                condition=Q(status=StudyStatus.PROPOSED)
                | (~Q(decision_number="") & Q(enrolment__isnull=False)),
                name="study_sent_has_decision",
                violation_error_message=_("Người đã được cử đi học phải có quyết định cử đi học."),
            ),
        ]

    def __str__(self):
        return f"{self.person} – {self.programme} ({self.institution})"


class EnrolmentBatch(Timestamped):
    """The result page of a bulk enrolment: who enrolled how many people into which class, and who was refused."""

    training_class = models.ForeignKey(TrainingClass, on_delete=models.CASCADE, related_name="batches")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    enrolled = models.PositiveIntegerField(_("số người ghi danh"), default=0)
    criteria = models.JSONField(_("điều kiện lọc"), default=dict, blank=True)

    class Meta:
        verbose_name = _("đợt ghi danh")
        verbose_name_plural = _("đợt ghi danh")
        ordering = ["-created_at"]
