from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "canbo.feedback"
    verbose_name = "Phản ánh, kiến nghị"

    def ready(self):
        from canbo.core.audit import register_audited

        from . import reports  # noqa: F401 (registers the module's reports)
        from .models import Feedback

        register_audited(Feedback)
