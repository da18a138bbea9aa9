from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "canbo.jobs"
    verbose_name = "Tác vụ nền"
