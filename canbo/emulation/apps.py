from django.apps import AppConfig


class EmulationConfig(AppConfig):
    name = "canbo.emulation"
    verbose_name = "Thi đua, khen thưởng"

    def ready(self):
        from canbo.core.audit import register_audited

        from . import reports  # noqa: F401 (registers the module's reports)
        from .models import Award, EmulationMovement, Registration

        for model in (EmulationMovement, Registration, Award):
            register_audited(model)
