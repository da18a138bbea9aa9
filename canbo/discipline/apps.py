from django.apps import AppConfig


class DisciplineConfig(AppConfig):
    name = "canbo.discipline"
    verbose_name = "Kỷ luật"

    def ready(self):
        from canbo.core.audit import register_audited

        from . import reports  # noqa: F401 (registers the module's reports)
        from .models import DisciplineAct, DisciplineCase, DisciplineRecord

        for model in (DisciplineRecord, DisciplineCase, DisciplineAct):
            register_audited(model)
