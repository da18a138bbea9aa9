from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "canbo.reports"
    verbose_name = "Báo cáo"

    def ready(self):
        from . import exports  # noqa: F401  (registers the reports' Excel export; each app registers its reports)
