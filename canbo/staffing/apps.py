from django.apps import AppConfig


class StaffingConfig(AppConfig):
    name = "canbo.staffing"
    verbose_name = "Biên chế"
