from django.apps import AppConfig


class DecisionsConfig(AppConfig):
    name = "canbo.decisions"
    verbose_name = "Dự thảo quyết định"

    def ready(self):
        from canbo.core.audit import register_audited

        from . import jobs  # noqa: F401 (registers the batch job; each app registers its kinds of draft)
        from .models import DecisionTemplate

        register_audited(DecisionTemplate, skip=("file",))
