from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "canbo.people"
    verbose_name = "Cán bộ, công chức, viên chức"

    def ready(self):
        from auditlog.registry import auditlog

        from .models import Employment, Person, Qualification

        derived = [
            "search_text",
            "sort_key",
            "family_name",
            "middle_name",
            "given_name",
            "version",
            "updated_at",
            "created_at",
        ]
        auditlog.register(Person, exclude_fields=derived)
        auditlog.register(Employment, exclude_fields=["version", "updated_at", "created_at"])
        auditlog.register(Qualification, exclude_fields=["version", "updated_at", "created_at"])
