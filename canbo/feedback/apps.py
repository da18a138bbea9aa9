from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "canbo.feedback"
    verbose_name = "Phản ánh, kiến nghị"

    def ready(self):
        from canbo.core.audit import register_audited

        from . import exports, reports  # noqa: F401 (registers the module's reports and Excel export)
        from .models import Feedback

        register_audited(Feedback)
