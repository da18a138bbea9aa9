"""The board's replacement templates: one row per uploaded version of a kind's .docx, never overwritten."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from canbo.core.models import Timestamped


class DecisionTemplate(Timestamped):
    """A version of a kind's template. The newest active one is used; none active → the default shipped with
    the app. Withdrawing one (is_active=False) goes back to the one before; the file is kept."""

    kind = models.CharField(_("loại quyết định"), max_length=40)
    number = models.PositiveIntegerField(_("phiên bản"))
    file = models.FileField(_("tệp mẫu"), upload_to="decision-templates/%Y/", max_length=300)
    original_name = models.CharField(_("tên tệp tải lên"), max_length=200)
    size = models.PositiveIntegerField(_("dung lượng (byte)"))
    sha256 = models.CharField(_("mã băm SHA-256"), max_length=64)
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)
    is_active = models.BooleanField(_("đang dùng"), default=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("mẫu quyết định")
        verbose_name_plural = _("mẫu quyết định")
        ordering = ["kind", "-number"]
        indexes = [models.Index(fields=["kind", "is_active", "number"], name="decision_tpl_kind_active")]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "number"],
                name="decision_tpl_one_number_per_kind",
                violation_error_message=_("Loại quyết định này đã có phiên bản mẫu số này."),
            ),
            models.CheckConstraint(condition=Q(number__gte=1), name="decision_tpl_number_positive"),
        ]

    def __str__(self):
        return f"{self.kind} – phiên bản {self.number}"
