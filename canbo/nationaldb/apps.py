from django.apps import AppConfig


class NationalDbConfig(AppConfig):
    name = "canbo.nationaldb"
    label = "nationaldb"
    verbose_name = "Đồng bộ CSDL quốc gia về CBCCVC"

    def ready(self):
        from django.db.models.signals import post_migrate

        from canbo.core.audit import register_audited

        from . import receivers  # noqa: F401
        from .models import PersonPlaceCodes

        register_audited(PersonPlaceCodes)
        post_migrate.connect(_sync_communes, sender=self, dispatch_uid="nationaldb_sync_communes")


def _sync_communes(sender, using="default", **kwargs):
    """After every migrate (and the flush of a transactional test), the commune list equals data/communes.csv
    (decision 049): a corrected CSV needs no migration."""
    from django.db import connections

    if "nationaldb_commune" not in connections[using].introspection.table_names():
        return
    from .communes import sync_communes

    sync_communes(using=using)
