"""The dashboard's stored figures (docs/decisions/033-speed-dashboard-snapshot.md)."""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models


class DashboardSnapshot(models.Model):
    """The heavy figures of one user's dashboard (their scope), as computed at `computed_at`.

    Written by canbo.home.snapshot (on a visit finding none fresh, and every few minutes by the task queue for
    the users who opened their dashboard that day); the page always shows `computed_at`."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    computed_at = models.DateTimeField()
    seconds = models.FloatField(default=0)
    data = models.JSONField(encoder=DjangoJSONEncoder)

    class Meta:
        verbose_name = "số liệu tổng quan đã tính"
        verbose_name_plural = "số liệu tổng quan đã tính"

    def __str__(self):
        return f"{self.user} – {self.computed_at:%H:%M %d/%m/%Y}"
