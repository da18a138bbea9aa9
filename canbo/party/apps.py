from django.apps import AppConfig


class PartyConfig(AppConfig):
    name = "canbo.party"
    verbose_name = "Đảng viên"

    def ready(self):
        from canbo.core.audit import register_audited

        from . import reports  # noqa: F401 (registers the module's reports)
        from .models import Admission, AdmissionTarget

        for model in (Admission, AdmissionTarget):
            register_audited(model)
