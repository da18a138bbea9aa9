"""Appointments (gated by the standards engine) and movements (rotation, transfer, secondment, exits)."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from canbo.core.models import Timestamped, Versioned
from canbo.core.rulebook import DatedRule
from canbo.org.models import OrgUnit
from canbo.people.models import Employment, Person, Position

from .choices import AppointmentKind, AppointmentStatus, Direction, MovementKind


class MovementRule(DatedRule):
    """The term, extension and rotation rules in force on a date, seeded with their legal basis."""

    class Meta(DatedRule.Meta):
        verbose_name = _("quy định về bổ nhiệm, luân chuyển")
        verbose_name_plural = _("quy định về bổ nhiệm, luân chuyển")


class Appointment(Versioned, Timestamped):
    """Proposal → standards check → collective approval → decision (number, date, signer); a 5-year term."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="appointments")
    position = models.ForeignKey(
        Position, verbose_name=_("chức vụ"), on_delete=models.PROTECT, related_name="+"
    )
    unit = models.ForeignKey(OrgUnit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("hình thức"), max_length=10, choices=AppointmentKind.choices)
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=AppointmentStatus.choices, default=AppointmentStatus.PROPOSED
    )
    previous = models.ForeignKey(
        "self",
        verbose_name=_("nhiệm kỳ trước"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    check_date = models.DateField(_("ngày kiểm tra tiêu chuẩn"), null=True, blank=True)
    check_gaps = models.JSONField(_("tiêu chuẩn chưa đạt khi kiểm tra"), default=list, blank=True)
    decision_number = models.CharField(_("số quyết định"), max_length=60, blank=True)
    decision_date = models.DateField(_("ngày quyết định"), null=True, blank=True)
    signer = models.CharField(_("người ký"), max_length=200, blank=True)
    term_start = models.DateField(_("thời hạn từ"), null=True, blank=True)
    term_end = models.DateField(_("thời hạn đến"), null=True, blank=True)
    employment = models.OneToOneField(
        Employment, null=True, blank=True, on_delete=models.SET_NULL, related_name="appointment"
    )
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)
    # the collective secret vote on extending the term to retirement (QĐ 727/QĐ-BNV 2025: more than 50 %)
    extension_votes_for = models.PositiveSmallIntegerField(
        _("số phiếu đồng ý kéo dài"), null=True, blank=True
    )
    extension_votes_total = models.PositiveSmallIntegerField(
        _("tổng số người biểu quyết"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("bổ nhiệm")
        verbose_name_plural = _("bổ nhiệm")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["status", "term_end"], name="appointment_status_term_end"),
            models.Index(fields=["person", "status"], name="appointment_person_status"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(extension_votes_for__isnull=True, extension_votes_total__isnull=True)
                | Q(extension_votes_total__gt=0, extension_votes_for__lte=F("extension_votes_total")),
                name="appointment_extension_votes_valid",
                violation_error_message=_("Số phiếu đồng ý không vượt quá tổng số người biểu quyết."),
            ),
            models.CheckConstraint(
                condition=~Q(status=AppointmentStatus.DECIDED)
                | (
                    ~Q(decision_number="")
                    & Q(decision_date__isnull=False, term_start__isnull=False, term_end__isnull=False)
                ),
                name="appointment_decided_has_decision",
                violation_error_message=_(
                    "Bổ nhiệm đã có quyết định phải có số, ngày quyết định và thời hạn."
                ),
            ),
            models.CheckConstraint(
                condition=Q(term_end__isnull=True) | Q(term_end__gt=F("term_start")),
                name="appointment_term_ordered",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.person} – {self.position} ({self.unit})"


class Movement(Versioned, Timestamped):
    """A dated event with its decision that changes the career timeline in the same transaction."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="movements")
    kind = models.CharField(_("hình thức"), max_length=12, choices=MovementKind.choices)
    from_unit = models.ForeignKey(
        OrgUnit, verbose_name=_("từ đơn vị"), on_delete=models.PROTECT, related_name="+"
    )
    to_unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("đến đơn vị"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    to_position = models.ForeignKey(
        Position,
        verbose_name=_("chức vụ mới"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    direction = models.CharField(_("hướng"), max_length=12, choices=Direction.choices, blank=True)
    start_date = models.DateField(_("từ ngày"))
    end_date = models.DateField(_("đến ngày (thời hạn)"), null=True, blank=True)
    decision_number = models.CharField(_("số quyết định"), max_length=60)
    decision_date = models.DateField(_("ngày quyết định"))
    reason = models.CharField(_("lý do"), max_length=300, blank=True)
    employment = models.ForeignKey(
        Employment, null=True, blank=True, on_delete=models.SET_NULL, related_name="movements"
    )
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("điều động, luân chuyển, thôi giữ chức vụ")
        verbose_name_plural = _("điều động, luân chuyển, thôi giữ chức vụ")
        ordering = ["-start_date", "id"]
        indexes = [
            models.Index(fields=["kind", "start_date"], name="movement_kind_start"),
            models.Index(fields=["kind", "end_date"], name="movement_kind_end"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gt=F("start_date")),
                name="movement_dates_ordered",
                violation_error_message=_("Ngày kết thúc phải sau ngày bắt đầu."),
            ),
            models.CheckConstraint(
                condition=~Q(kind__in=[MovementKind.ROTATION, MovementKind.TRANSFER, MovementKind.SECONDMENT])
                | Q(to_unit__isnull=False),
                name="movement_needs_destination",
                violation_error_message=_("Luân chuyển, điều động, biệt phái cần đơn vị đến."),
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.person} ({self.start_date:%d/%m/%Y})"
