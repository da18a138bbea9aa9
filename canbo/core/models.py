from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class EffectiveDatedQuerySet(models.QuerySet):
    def active_on(self, on):
        """Rows in force on a date: valid_from <= on and (no valid_to or valid_to >= on)."""
        return self.filter(Q(valid_from__lte=on) & (Q(valid_to__isnull=True) | Q(valid_to__gte=on)))


class EffectiveDated(models.Model):
    """Rules, codes and units are effective-dated data with their legal basis; history is never overwritten."""

    valid_from = models.DateField(_("hiệu lực từ"))
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    legal_basis = models.CharField(_("căn cứ pháp lý"), max_length=300, blank=True)

    objects = EffectiveDatedQuerySet.as_manager()

    class Meta:
        abstract = True


class Versioned(models.Model):
    """Optimistic locking: services bump `version` and refuse a save based on a stale version."""

    version = models.PositiveIntegerField(_("phiên bản"), default=1, editable=False)

    class Meta:
        abstract = True


class Timestamped(models.Model):
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        abstract = True
