from django.apps import AppConfig


class StatformsConfig(AppConfig):
    name = "canbo.statforms"
    verbose_name = "Biểu mẫu thống kê của Bộ Nội vụ"

    def ready(self):
        from . import reports  # noqa: F401 (registers one framework report per statistical form)
