"""Discipline decisions (NĐ 112/2020 → NĐ 172/2025). The case workflow comes with issue 5; these rows are what
other rules read (removal from the plan, waiting times for promotion, the rating)."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from canbo.core.models import Timestamped, Versioned
from canbo.people.models import Person


class DisciplineForm(models.TextChoices):
    REPRIMAND = "KHIEN_TRACH", _("Khiển trách")
    WARNING = "CANH_CAO", _("Cảnh cáo")
    PAY_CUT = "HA_BAC_LUONG", _("Hạ bậc lương (trước 2025)")
    DEMOTION = "GIANG_CHUC", _("Giáng chức (trước 2025)")
    REMOVAL = "CACH_CHUC", _("Cách chức")
    DISMISSAL_FROM_OFFICE = "BAI_NHIEM", _("Bãi nhiệm")
    FORCED_RESIGNATION = "BUOC_THOI_VIEC", _("Buộc thôi việc")


# Severity (higher is heavier): rule 25 "one level higher" and rule 26's waiting months read it.
SEVERITY = {
    DisciplineForm.REPRIMAND: 1,
    DisciplineForm.WARNING: 2,
    DisciplineForm.PAY_CUT: 3,
    DisciplineForm.DEMOTION: 4,
    DisciplineForm.REMOVAL: 5,
    DisciplineForm.DISMISSAL_FROM_OFFICE: 5,
    DisciplineForm.FORCED_RESIGNATION: 6,
}


class DisciplineRecord(Versioned, Timestamped):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="discipline_records")
    form = models.CharField(_("hình thức kỷ luật"), max_length=16, choices=DisciplineForm.choices)
    decision_number = models.CharField(_("số quyết định"), max_length=60)
    decided_on = models.DateField(_("ngày quyết định"))
    effective_until = models.DateField(_("hết hiệu lực ngày"), null=True, blank=True)
    authority = models.CharField(_("cơ quan quyết định"), max_length=200, blank=True)
    reason = models.CharField(_("hành vi vi phạm"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("kỷ luật")
        verbose_name_plural = _("kỷ luật")
        ordering = ["person", "-decided_on"]
        indexes = [models.Index(fields=["person", "decided_on"], name="discipline_person_date")]
        constraints = [
            models.CheckConstraint(
                condition=Q(effective_until__isnull=True) | Q(effective_until__gte=F("decided_on")),
                name="discipline_dates_ordered",
            )
        ]

    def __str__(self):
        return f"{self.person} – {self.get_form_display()} ({self.decided_on:%d/%m/%Y})"
