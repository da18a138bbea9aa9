from django.apps import AppConfig


class OrgConfig(AppConfig):
    name = "canbo.org"
    verbose_name = "Tổ chức"

    def ready(self):
        from canbo.core.audit import register_audited

        from .models import OrgUnit

        register_audited(OrgUnit)

        from . import reports  # noqa: F401 - registers the org-units report
