from django.apps import AppConfig


class EvaluationConfig(AppConfig):
    name = "canbo.evaluation"
    verbose_name = "Đánh giá, xếp loại"

    def ready(self):
        from canbo.core.audit import register_audited

        from .models import AnnualRating

        register_audited(AnnualRating)
