from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "canbo.jobs"
    verbose_name = "Tác vụ nền"

    def ready(self):
        from . import exports  # noqa: F401 - registers the "export" job kind
