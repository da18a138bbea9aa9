"""The pay scales of NĐ 204/2004 and the dated rules of raises and base salary (canbo/salary/catalogue.py)."""

import datetime
from decimal import Decimal

from django.db import migrations

from canbo.salary import catalogue as C


def load(apps, schema_editor):
    SalaryScale = apps.get_model("salary", "SalaryScale")
    SalaryGrade = apps.get_model("salary", "SalaryGrade")
    StepRule = apps.get_model("salary", "StepRule")
    DisciplineDelayRule = apps.get_model("salary", "DisciplineDelayRule")
    EarlyRaiseQuotaRule = apps.get_model("salary", "EarlyRaiseQuotaRule")
    EarlyRaiseReason = apps.get_model("salary", "EarlyRaiseReason")
    BaseSalary = apps.get_model("salary", "BaseSalary")
    for code, name, training, first, increment, steps in C.SCALES:
        scale, _ = SalaryScale.objects.get_or_create(
            code=code,
            valid_from=C.SCALES_FROM,
            defaults=dict(name=name, table=C.ND204, training_class=training, legal_basis=C.ND204),
        )
        for step in range(1, steps + 1):
            SalaryGrade.objects.get_or_create(
                scale=scale, step=step, defaults={"coefficient": Decimal(first) + Decimal(increment) * (step - 1)}
            )
    for training, months, top_months, first, yearly in C.STEP_RULES:
        StepRule.objects.get_or_create(
            training_class=training,
            valid_from=C.TT08,
            defaults=dict(
                step_months=months,
                seniority_after_months=top_months,
                seniority_first_percent=first,
                seniority_yearly_percent=yearly,
                legal_basis=C.STEP_BASIS,
            ),
        )
    for form, months, basis in C.DISCIPLINE_DELAYS:
        DisciplineDelayRule.objects.get_or_create(
            form=form, valid_from=C.TT08, defaults={"months": months, "legal_basis": basis}
        )
    for share, start, end, basis in C.QUOTA_RULES:
        EarlyRaiseQuotaRule.objects.get_or_create(
            valid_from=start, defaults={"share_percent": share, "valid_to": end, "legal_basis": basis}
        )
    for code, name, months, in_quota in C.EARLY_REASONS:
        EarlyRaiseReason.objects.get_or_create(
            code=code,
            valid_from=C.TT08,
            defaults=dict(name=name, max_months=months, counts_in_quota=in_quota, legal_basis=C.EARLY_BASIS),
        )
    for n, (amount, start, basis) in enumerate(C.BASE_SALARIES):
        following = C.BASE_SALARIES[n + 1][1] if n + 1 < len(C.BASE_SALARIES) else None
        BaseSalary.objects.get_or_create(
            valid_from=start,
            defaults=dict(
                amount=amount,
                valid_to=following - datetime.timedelta(days=1) if following else None,
                legal_basis=basis,
            ),
        )


def unload(apps, schema_editor):
    for name in ("SalaryGrade", "SalaryScale", "StepRule", "DisciplineDelayRule", "EarlyRaiseQuotaRule",
                 "EarlyRaiseReason", "BaseSalary"):
        apps.get_model("salary", name).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("salary", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
