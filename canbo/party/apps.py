from django.apps import AppConfig


class PartyConfig(AppConfig):
    name = "canbo.party"
    verbose_name = "Đảng viên"

    def ready(self):
        from canbo.core.audit import register_audited
        from canbo.core.rulebook import register_rules

        from . import exports, reports  # noqa: F401 (registers the module's reports and Excel export)
        from .models import Admission, AdmissionTarget, PartyRule

        for model in (Admission, AdmissionTarget):
            register_audited(model)
        register_rules(PartyRule, area="Kết nạp đảng viên")
