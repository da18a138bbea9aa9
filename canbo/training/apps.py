from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "canbo.training"
    verbose_name = "Đào tạo, bồi dưỡng"

    def ready(self):
        from canbo.core.audit import register_audited
        from canbo.core.rulebook import register_rules

        from .models import (
            Enrolment,
            PlanAllocation,
            PlanLine,
            StudyAssignment,
            TrainingClass,
            TrainingPlan,
            TrainingRule,
        )

        for model in (Enrolment, StudyAssignment, TrainingClass, TrainingPlan, PlanLine, PlanAllocation):
            register_audited(model)
        register_rules(TrainingRule, area="Đào tạo, bồi dưỡng")

        from . import bulk, drafts, exports, reports  # noqa: F401 - bulk job, decision draft, exports, reports
        from .excel import results_job  # noqa: F401 - registers the results import job
