from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "canbo.imports"
    verbose_name = "Nhập / xuất dữ liệu"
