from django.apps import AppConfig


class EvaluationConfig(AppConfig):
    name = "canbo.evaluation"
    verbose_name = "Đánh giá, xếp loại"

    def ready(self):
        from canbo.core.audit import register_audited
        from canbo.core.rulebook import register_rules

        from . import exports, reports  # noqa: F401 (registers the module's reports and Excel export)
        from .models import (
            AnnualRating,
            EvaluationRule,
            PartyMemberRating,
            RatingCampaign,
            RatingDeliverable,
            RatingSheet,
        )

        for model in (AnnualRating, RatingCampaign, RatingSheet, RatingDeliverable, PartyMemberRating):
            register_audited(model)
        register_rules(EvaluationRule, area="Đánh giá, xếp loại")
