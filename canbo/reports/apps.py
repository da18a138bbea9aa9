from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "canbo.reports"
    verbose_name = "Báo cáo"
