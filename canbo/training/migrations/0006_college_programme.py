"""The college programme (cao đẳng): a degree course like university, granting the professional level Cao đẳng.

Seed 000 counts those "đào tạo sau đại học, đại học, cao đẳng"; without it a college course could be neither
planned, imported nor reported. One programme for every field, as DT_DAI_HOC (the field is on the qualification);
it sorts before the university programme (sort order 5, the catalogue starts at 10).
"""

import datetime

from django.db import migrations

CODE = "DT_CAO_DANG"


def load(apps, schema_editor):
    apps.get_model("training", "Programme").objects.update_or_create(
        code=CODE,
        defaults=dict(
            name="Đào tạo cao đẳng",
            kind="DEGREE",
            form="DAO_TAO",
            grants_scale="PROFESSIONAL",
            grants_level="CAO_DANG",
            typical_months=36,
            sort_order=5,
            valid_from=datetime.date(2000, 1, 1),
            legal_basis="Luật Giáo dục nghề nghiệp 2014; Luật Giáo dục 2019 (cao đẳng sư phạm)",
        ),
    )


def unload(apps, schema_editor):
    Programme = apps.get_model("training", "Programme")
    Enrolment = apps.get_model("training", "Enrolment")
    if not Enrolment.objects.filter(programme__code=CODE).exists():
        Programme.objects.filter(code=CODE).delete()


class Migration(migrations.Migration):
    dependencies = [("training", "0005_seed_training_rules")]
    operations = [migrations.RunPython(load, unload)]
