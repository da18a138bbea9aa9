from django.apps import AppConfig


class EmulationConfig(AppConfig):
    name = "canbo.emulation"
    verbose_name = "Thi đua, khen thưởng"
