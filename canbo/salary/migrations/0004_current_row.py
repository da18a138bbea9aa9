"""Each person's newest salary row carries `is_current` (one per person, a partial unique index), so the raises due
are read from one row per person; the existing rows are marked in one UPDATE."""

from django.db import migrations, models
from django.db.models import Exists, OuterRef


def mark_current(apps, schema_editor):
    SalaryRecord = apps.get_model("salary", "SalaryRecord")
    newer = SalaryRecord.objects.filter(
        person_id=OuterRef("person_id"), effective_on__gt=OuterRef("effective_on")
    )
    SalaryRecord.objects.exclude(Exists(newer)).update(is_current=True)


class Migration(migrations.Migration):
    dependencies = [
        ("salary", "0003_rules_as_dated_rows"),
    ]

    operations = [
        migrations.AddField(
            model_name="salaryrecord",
            name="is_current",
            field=models.BooleanField(default=False, editable=False, verbose_name="bản ghi hiện hưởng"),
        ),
        migrations.RunPython(mark_current, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="salaryrecord",
            constraint=models.UniqueConstraint(
                condition=models.Q(("is_current", True)),
                fields=("person",),
                name="salary_one_current_row_per_person",
            ),
        ),
    ]
