from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "canbo.reports"
    verbose_name = "Báo cáo"

    def ready(self):
        from . import exports, reports  # noqa: F401  (registers the reports and their Excel export)
