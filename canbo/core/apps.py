from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "canbo.core"
    verbose_name = "Dùng chung"
