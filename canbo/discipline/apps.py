from django.apps import AppConfig


class DisciplineConfig(AppConfig):
    name = "canbo.discipline"
    verbose_name = "Kỷ luật"

    def ready(self):
        from canbo.core.audit import register_audited

        from .models import DisciplineRecord

        register_audited(DisciplineRecord)
