"""The salary rules become rows of SalaryRule (a DatedRule, on the "Căn cứ pháp lý" page): every version of the
former tables is copied with its dates and legal basis (history kept, edits made in the admin included), then
the tables are dropped; their names stay as read-only admin lists (proxies)."""

from django.db import migrations

from canbo.core.rule_migrations import add_rule_table_constraints, create_rule_table

STEP_FIELDS = ("step_months", "seniority_after_months", "seniority_first_percent", "seniority_yearly_percent")
TRAINING = {
    "CAO_DANG_TRO_LEN": "ngạch, chức danh yêu cầu cao đẳng trở lên",
    "TRUNG_CAP_TRO_XUONG": "ngạch, chức danh yêu cầu trung cấp trở xuống, nhân viên",
}
FORMS = {
    "KHIEN_TRACH": "khiển trách",
    "CANH_CAO": "cảnh cáo",
    "HA_BAC_LUONG": "hạ bậc lương",
    "GIANG_CHUC": "giáng chức",
    "CACH_CHUC": "cách chức",
    "BAI_NHIEM": "bãi nhiệm",
    "BUOC_THOI_VIEC": "buộc thôi việc",
}


def _dated(row):
    return {"valid_from": row.valid_from, "valid_to": row.valid_to, "legal_basis": row.legal_basis}


def copy_rules(apps, schema_editor):
    SalaryRule = apps.get_model("salary", "SalaryRule")
    rows = []
    for r in apps.get_model("salary", "BaseSalary").objects.all():
        rows.append(
            SalaryRule(code="base_salary", label="Mức lương cơ sở (đồng/tháng)", value=r.amount, **_dated(r))
        )
    for r in apps.get_model("salary", "EarlyRaiseQuotaRule").objects.all():
        label = (
            "Tỷ lệ tối đa được nâng bậc lương trước thời hạn trong năm (% số người trong danh sách trả lương)"
        )
        rows.append(SalaryRule(code="early_raise_quota", label=label, value=r.share_percent, **_dated(r)))
    for r in apps.get_model("salary", "StepRule").objects.all():
        label = (
            f"Nâng bậc lương thường xuyên và vượt khung: {TRAINING.get(r.training_class, r.training_class)}"
        )
        value = {f: getattr(r, f) for f in STEP_FIELDS}
        rows.append(SalaryRule(code=f"step.{r.training_class}", label=label, value=value, **_dated(r)))
    for r in apps.get_model("salary", "DisciplineDelayRule").objects.all():
        label = f"Kéo dài thời gian nâng bậc lương khi bị kỷ luật {FORMS.get(r.form, r.form)} (tháng)"
        rows.append(SalaryRule(code=f"discipline_delay.{r.form}", label=label, value=r.months, **_dated(r)))
    SalaryRule.objects.bulk_create(rows)


def restore_rules(apps, schema_editor):
    SalaryRule = apps.get_model("salary", "SalaryRule")
    for r in SalaryRule.objects.filter(code="base_salary"):
        apps.get_model("salary", "BaseSalary").objects.create(amount=r.value, **_dated(r))
    for r in SalaryRule.objects.filter(code="early_raise_quota"):
        apps.get_model("salary", "EarlyRaiseQuotaRule").objects.create(share_percent=r.value, **_dated(r))
    for r in SalaryRule.objects.filter(code__startswith="step."):
        apps.get_model("salary", "StepRule").objects.create(
            training_class=r.code.split(".", 1)[1], **{f: r.value[f] for f in STEP_FIELDS}, **_dated(r)
        )
    for r in SalaryRule.objects.filter(code__startswith="discipline_delay."):
        apps.get_model("salary", "DisciplineDelayRule").objects.create(
            form=r.code.split(".", 1)[1], months=r.value, **_dated(r)
        )
    SalaryRule.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("salary", "0002_catalogue"),
    ]

    operations = [
        create_rule_table("salary", "SalaryRule", "quy định về tiền lương", with_constraints=False),
        migrations.RunPython(copy_rules, restore_rules),
        migrations.DeleteModel(
            name="BaseSalary",
        ),
        migrations.DeleteModel(
            name="DisciplineDelayRule",
        ),
        migrations.DeleteModel(
            name="EarlyRaiseQuotaRule",
        ),
        migrations.DeleteModel(
            name="StepRule",
        ),
        *add_rule_table_constraints("salary", "SalaryRule"),
        migrations.CreateModel(
            name="SalaryRuleView",
            fields=[],
            options={
                "proxy": True,
                "indexes": [],
                "constraints": [],
            },
            bases=("salary.salaryrule",),
        ),
        migrations.CreateModel(
            name="BaseSalary",
            fields=[],
            options={
                "verbose_name": "mức lương cơ sở",
                "verbose_name_plural": "mức lương cơ sở",
                "proxy": True,
                "indexes": [],
                "constraints": [],
            },
            bases=("salary.salaryruleview",),
        ),
        migrations.CreateModel(
            name="DisciplineDelayRule",
            fields=[],
            options={
                "verbose_name": "quy định kéo dài thời gian nâng lương do kỷ luật",
                "verbose_name_plural": "quy định kéo dài thời gian nâng lương do kỷ luật",
                "proxy": True,
                "indexes": [],
                "constraints": [],
            },
            bases=("salary.salaryruleview",),
        ),
        migrations.CreateModel(
            name="EarlyRaiseQuotaRule",
            fields=[],
            options={
                "verbose_name": "tỷ lệ nâng bậc lương trước thời hạn",
                "verbose_name_plural": "tỷ lệ nâng bậc lương trước thời hạn",
                "proxy": True,
                "indexes": [],
                "constraints": [],
            },
            bases=("salary.salaryruleview",),
        ),
        migrations.CreateModel(
            name="StepRule",
            fields=[],
            options={
                "verbose_name": "quy định nâng bậc lương thường xuyên, vượt khung",
                "verbose_name_plural": "quy định nâng bậc lương thường xuyên, vượt khung",
                "proxy": True,
                "indexes": [],
                "constraints": [],
            },
            bases=("salary.salaryruleview",),
        ),
    ]
