from django.apps import AppConfig


class StandardsConfig(AppConfig):
    name = "canbo.standards"
    verbose_name = "Tiêu chuẩn chức danh"

    def ready(self):
        from canbo.core.audit import register_audited

        from .models import ReviewCampaign, StandardCriterion, TitleStandard

        for model in (
            TitleStandard,
            StandardCriterion,
            ReviewCampaign,
        ):
            register_audited(model)

        from . import exports, jobs  # noqa: F401 - registers the Excel exports and the campaigns' jobs
