from django.apps import AppConfig


class EmulationConfig(AppConfig):
    name = "canbo.emulation"
    verbose_name = "Thi đua, khen thưởng"

    def ready(self):
        from canbo.core.audit import register_audited

        from . import exports, reports  # noqa: F401 (registers the module's reports and Excel exports)
        from .models import Award, EmulationMovement, Registration

        for model in (EmulationMovement, Registration, Award):
            register_audited(model)
