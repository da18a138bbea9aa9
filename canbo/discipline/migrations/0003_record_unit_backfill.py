"""Data: records written before issue 5 take the person's current unit as their unit (scoping, reports)."""

from django.db import migrations
from django.db.models import OuterRef, Subquery


def forwards(apps, schema_editor):
    DisciplineRecord = apps.get_model("discipline", "DisciplineRecord")
    Person = apps.get_model("people", "Person")
    DisciplineRecord.objects.filter(unit__isnull=True).update(
        unit_id=Subquery(Person.objects.filter(pk=OuterRef("person_id")).values("current_unit_id")[:1])
    )


class Migration(migrations.Migration):
    dependencies = [("discipline", "0002_discipline_cases")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
