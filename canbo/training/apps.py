from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "canbo.training"
    verbose_name = "Đào tạo, bồi dưỡng"

    def ready(self):
        from canbo.core.audit import register_audited
        from canbo.core.rulebook import register_dated_table, register_rules

        from .models import (
            Enrolment,
            PlanAllocation,
            PlanLine,
            SponsorshipRule,
            StudyAssignment,
            TrainingClass,
            TrainingPlan,
            TrainingRule,
        )

        for model in (Enrolment, StudyAssignment, TrainingClass, TrainingPlan, PlanLine, PlanAllocation):
            register_audited(model)
        register_rules(TrainingRule, area="Đào tạo, bồi dưỡng")
        register_dated_table(
            SponsorshipRule,
            area="Đào tạo, bồi dưỡng",
            describe=lambda r: (
                "Điều kiện cử đi đào tạo sau đại học và cam kết phục vụ",
                {
                    "min_service_years": r.min_service_years,
                    "rated_years": r.rated_years,
                    "max_age": r.max_age,
                    "commitment_multiplier": r.commitment_multiplier,
                },
            ),
        )

        from . import bulk, drafts, exports, reports  # noqa: F401 - bulk job, decision draft, exports, reports
        from .excel import results_job  # noqa: F401 - registers the results import job
