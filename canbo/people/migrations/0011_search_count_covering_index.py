"""On PostgreSQL, a narrow covering index for the search's exact count (decision 044).

A short, common token ("th", "ng": tens of thousands of persons) matches too many rows for the trigram index to
help: its bitmap then visits most of the table's pages. This index holds the status, the unaccented search text
and the current unit of every person (~8 MB at 119.000 records against a 58 MB table): the count is an index-only
scan evaluating the LIKE on index tuples, with no heap visit once VACUUM has marked the pages visible. Rare tokens
still go through the trigram index, as the planner chooses.
"""

from django.db import migrations


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS person_status_search ON people_person "
        "(status, search_text text_pattern_ops) INCLUDE (current_unit_id)"
    )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS person_status_search")


class Migration(migrations.Migration):
    dependencies = [("people", "0010_person_identity_insurance_education_economy")]
    operations = [migrations.RunPython(forwards, backwards)]
