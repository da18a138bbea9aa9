from django.apps import AppConfig


class SalaryConfig(AppConfig):
    name = "canbo.salary"
    verbose_name = "Lương"

    def ready(self):
        from canbo.core.audit import register_audited

        from . import drafts, jobs, reports  # noqa: F401 (register the report, the decisions' kinds, the job)
        from .models import Allowance, SalaryRecord, UnpaidLeave

        for model in (SalaryRecord, Allowance, UnpaidLeave):
            register_audited(model)
