"""The 2022–2026 roadmap for the whole province: −5 % civil servants, −10 % budget-paid public employees
against the 2021 quota (KL 40-KL/TW of 18/07/2022; seed 002)."""

from decimal import Decimal

from django.db import migrations

BASIS = "Kết luận 40-KL/TW ngày 18/07/2022 của Bộ Chính trị (giai đoạn 2022–2026)"
TARGETS = [("CC", Decimal("5.0")), ("VC", Decimal("10.0"))]


def add(apps, schema_editor):
    target = apps.get_model("staffing", "ReductionTarget")
    for kind, percent in TARGETS:
        target.objects.get_or_create(
            unit=None,
            kind=kind,
            first_year=2022,
            defaults={"base_year": 2021, "last_year": 2026, "percent": percent, "legal_basis": BASIS},
        )


def remove(apps, schema_editor):
    apps.get_model("staffing", "ReductionTarget").objects.filter(unit=None, first_year=2022).delete()


class Migration(migrations.Migration):
    dependencies = [("staffing", "0001_initial")]
    operations = [migrations.RunPython(add, remove)]
