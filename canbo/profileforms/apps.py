from django.apps import AppConfig


class ProfileFormsConfig(AppConfig):
    name = "canbo.profileforms"
    verbose_name = "Mẫu hồ sơ in (SYLL, 2C)"

    def ready(self):
        from . import batch  # noqa: F401 - registers the batch job kind
