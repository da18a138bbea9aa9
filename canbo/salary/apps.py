from django.apps import AppConfig


class SalaryConfig(AppConfig):
    name = "canbo.salary"
    verbose_name = "Lương"

    def ready(self):
        from canbo.core.audit import register_audited
        from canbo.core.rulebook import register_rules

        from . import drafts, jobs, reports  # noqa: F401 (register the report, the decisions' kinds, the job)
        from .models import Allowance, SalaryRecord, SalaryRule, UnpaidLeave

        for model in (SalaryRecord, Allowance, UnpaidLeave):
            register_audited(model)
        register_rules(SalaryRule, area="Tiền lương")
