from django.apps import AppConfig


class StaffingConfig(AppConfig):
    name = "canbo.staffing"
    verbose_name = "Biên chế"

    def ready(self):
        from canbo.core.audit import register_audited
        from canbo.core.rulebook import register_rules

        from . import drafts, exports, reports  # noqa: F401 (the module's decision draft, reports, Excel exports)
        from .models import StaffingQuota, StaffingRule, StreamliningCase

        for model in (StaffingQuota, StreamliningCase):
            register_audited(model)
        register_rules(StaffingRule, area="Biên chế, tinh giản biên chế")
