"""The retirement ages: 60 / 55 until 2020 (Bộ luật Lao động 2012), then the NĐ 135/2020 roadmap."""

import datetime

from django.db import migrations

RULES = [
    # gender, valid_from, valid_to, base months, step per year, cap, legal basis
    ("NAM", datetime.date(1995, 1, 1), datetime.date(2020, 12, 31), 720, 0, 720, "Bộ luật Lao động 2012, Điều 187"),
    ("NU", datetime.date(1995, 1, 1), datetime.date(2020, 12, 31), 660, 0, 660, "Bộ luật Lao động 2012, Điều 187"),
    ("NAM", datetime.date(2021, 1, 1), None, 723, 3, 744, "Bộ luật Lao động 2019, Điều 169; NĐ 135/2020/NĐ-CP"),
    ("NU", datetime.date(2021, 1, 1), None, 664, 4, 720, "Bộ luật Lao động 2019, Điều 169; NĐ 135/2020/NĐ-CP"),
]


def load(apps, schema_editor):
    Rule = apps.get_model("people", "RetirementRule")
    for gender, start, end, base, step, cap, basis in RULES:
        Rule.objects.update_or_create(
            gender=gender,
            valid_from=start,
            defaults=dict(valid_to=end, base_months=base, annual_step_months=step, cap_months=cap, legal_basis=basis),
        )


class Migration(migrations.Migration):
    dependencies = [("people", "0004_retirement_rule")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
