from django.apps import AppConfig


class SurveysConfig(AppConfig):
    name = "canbo.surveys"
    verbose_name = "Khảo sát"

    def ready(self):
        from canbo.core.audit import register_audited

        from . import exports, reports  # noqa: F401 (registers the module's reports and Excel exports)
        from .models import Choice, Question, Survey

        # Invitations are audited by services (audit_bulk); Response and Answer never (anonymity).
        for model in (Survey, Question, Choice):
            register_audited(model)
