from django.apps import AppConfig


class LegalConfig(AppConfig):
    name = "canbo.legal"
    verbose_name = "Căn cứ pháp lý"
