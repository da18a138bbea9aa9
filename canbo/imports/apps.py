from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "canbo.imports"
    verbose_name = "Nhập / xuất dữ liệu"

    def ready(self):
        from canbo.core.audit import register_audited

        from . import services  # noqa: F401 - registers the "import" job kind for the worker
        from .models import CatalogueAlias

        register_audited(CatalogueAlias, skip=("key",))
