from django.apps import AppConfig


class DisciplineConfig(AppConfig):
    name = "canbo.discipline"
    verbose_name = "Kỷ luật"

    def ready(self):
        from canbo.core.audit import register_audited
        from canbo.core.rulebook import register_rules

        from . import drafts, exports, reports  # noqa: F401 (the module's decision drafts, reports, Excel export)
        from .models import DisciplineAct, DisciplineCase, DisciplineRecord, DisciplineRule

        for model in (DisciplineRecord, DisciplineCase, DisciplineAct):
            register_audited(model)
        register_rules(DisciplineRule, area="Kỷ luật")
