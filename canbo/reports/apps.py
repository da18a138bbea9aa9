from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "canbo.reports"
    verbose_name = "Báo cáo"

    def ready(self):
        from . import reports  # noqa: F401  (registers the reports)
