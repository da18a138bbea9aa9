from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "canbo.imports"
    verbose_name = "Nhập / xuất dữ liệu"

    def ready(self):
        from . import services  # noqa: F401 - registers the "import" job kind for the worker
