import datetime

from django.db import migrations

from canbo.people.catalogues import POSITIONS, RANKS


def load(apps, schema_editor):
    Rank = apps.get_model("people", "Rank")
    Position = apps.get_model("people", "Position")
    start = datetime.date(2000, 1, 1)
    for code, name, group, basis in RANKS:
        Rank.objects.get_or_create(code=code, defaults={"name": name, "pay_group": group, "legal_basis": basis,
                                                         "valid_from": start})
    for code, name, leadership, tier in POSITIONS:
        Position.objects.get_or_create(
            code=code, defaults={"name": name, "is_leadership": leadership, "tier": tier, "valid_from": start,
                                 "legal_basis": "QĐ 105-QĐ/TW; NĐ 138/2020/NĐ-CP"},
        )


def unload(apps, schema_editor):
    apps.get_model("people", "Rank").objects.filter(code__in=[r[0] for r in RANKS]).delete()
    apps.get_model("people", "Position").objects.filter(code__in=[p[0] for p in POSITIONS]).delete()


class Migration(migrations.Migration):
    dependencies = [("people", "0002_search_trigram_index")]
    operations = [migrations.RunPython(load, unload)]
