from django.apps import AppConfig


class PlanningConfig(AppConfig):
    name = "canbo.planning"
    verbose_name = "Quy hoạch cán bộ"

    def ready(self):
        from canbo.core.audit import register_audited
        from canbo.core.rulebook import register_rules

        from . import (
            exports,  # noqa: F401  (registers the Excel exports, run as queue jobs)
            reports,  # noqa: F401  (registers planning-changes, -composition, -gaps)
        )
        from .models import PlannedPost, PlanningDecision, PlanningEntry, PlanningRule, PlanningTerm

        for model in (PlanningEntry, PlannedPost, PlanningDecision, PlanningTerm):
            register_audited(model)
        register_rules(PlanningRule, area="Quy hoạch cán bộ")

        from canbo.standards.engine import read_planned_entries_with

        from .selectors import approved_entries_on

        # the standards' IN_PLAN criterion reads the approved planning through this (standards is below planning)
        read_planned_entries_with(approved_entries_on)
