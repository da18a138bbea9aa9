from django.apps import AppConfig


class NationalDbConfig(AppConfig):
    name = "canbo.nationaldb"
    label = "nationaldb"
    verbose_name = "Đồng bộ CSDL quốc gia về CBCCVC"

    def ready(self):
        from . import receivers  # noqa: F401
