from django.apps import AppConfig


class PlanningConfig(AppConfig):
    name = "canbo.planning"
    verbose_name = "Quy hoạch cán bộ"

    def ready(self):
        from canbo.core.audit import register_audited

        from .models import PlannedPost, PlanningEntry

        for model in (
            PlanningEntry,
            PlannedPost,
        ):
            register_audited(model)
