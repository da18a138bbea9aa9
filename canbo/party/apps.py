from django.apps import AppConfig


class PartyConfig(AppConfig):
    name = "canbo.party"
    verbose_name = "Đảng viên"
