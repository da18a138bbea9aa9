from django.apps import AppConfig


class MovementsConfig(AppConfig):
    name = "canbo.movements"
    verbose_name = "Bổ nhiệm, điều động, luân chuyển"

    def ready(self):
        from canbo.core.audit import register_audited
        from canbo.core.rulebook import register_rules

        from . import drafts, reports  # noqa: F401 (registers the module's decision drafts and reports)
        from .models import Appointment, Movement, MovementRule

        for model in (
            Appointment,
            Movement,
        ):
            register_audited(model)
        register_rules(MovementRule, area="Bổ nhiệm, luân chuyển")

        from canbo.planning.services import read_appointments_with

        from .selectors import appointment_under_way

        read_appointments_with(appointment_under_way)  # planning's rule 10 (planning is below movements)
