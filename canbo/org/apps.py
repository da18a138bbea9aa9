from django.apps import AppConfig


class OrgConfig(AppConfig):
    name = "canbo.org"
    verbose_name = "Tổ chức"

    def ready(self):
        from auditlog.registry import auditlog

        from .models import OrgUnit

        auditlog.register(OrgUnit, exclude_fields=["updated_at", "created_at"])
