from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "canbo.people"
    verbose_name = "Cán bộ, công chức, viên chức"

    def ready(self):
        from canbo.core.audit import register_audited

        from .models import Employment, Person, Qualification

        register_audited(Person, skip=["search_text", "sort_key", "family_name", "middle_name", "given_name"])
        register_audited(Employment)
        register_audited(Qualification)

        from . import exports, reports  # noqa: F401 - the person list's Excel export (a queue job), the reports
