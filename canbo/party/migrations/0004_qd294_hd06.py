"""QĐ 232-QĐ/TW was replaced by Quy định 294-QĐ/TW of 26/05/2025 on the Charter's implementation, in force from
01/07/2025 (the Party's system without the district level), and the Secretariat's Hướng dẫn 06-HD/TW of 09/06/2025
guides its points, the age and education of people admitted in special cases among them. The QĐ 232 versions end on
30/06/2025; a vote from 01/07/2025 is judged by QĐ 294 and HD 06.

What the published summaries of QĐ 294 and HD 06 say matches the earlier texts (18 to 60 years in months, over 60 by
a committee directly under the Central Committee with the written consent of its standing committee; lower-secondary
school, primary school in the exception areas); the full texts of their sections 1 could not be read here, so the
new versions say so in their basis."""

from datetime import date

from django.db import migrations

from canbo.core.rulebook import seed_rules, unseed_rules

QD232_END = date(2025, 6, 30)
QD294_FROM = date(2025, 7, 1)
QD294 = (
    "Quy định 294-QĐ/TW ngày 26/05/2025 thi hành Điều lệ Đảng, mục 1 (hiệu lực 01/07/2025, thay QĐ 232-QĐ/TW); "
    "Hướng dẫn 06-HD/TW ngày 09/06/2025 của Ban Bí thư, mục 1 [toàn văn mục 1 chưa đọc được: mức giữ như QĐ 232, "
    "HD 01-HD/TW]"
)
CODES = ("admission_age", "admission_education")


def _successors(PartyRule):
    rows = []
    for code in CODES:
        current = PartyRule.objects.get(code=code, valid_from=date(2025, 1, 20))
        rows.append(
            {
                "code": code,
                "label": current.label,
                "value": current.value,
                "valid_from": QD294_FROM,
                "valid_to": None,
                "legal_basis": QD294,
            }
        )
    return rows


def forward(apps, schema_editor):
    PartyRule = apps.get_model("party", "PartyRule")
    rows = _successors(PartyRule)
    PartyRule.objects.filter(code__in=CODES, valid_from=date(2025, 1, 20), valid_to__isnull=True).update(
        valid_to=QD232_END
    )
    seed_rules(apps, "party.PartyRule", rows)


def backward(apps, schema_editor):
    PartyRule = apps.get_model("party", "PartyRule")
    unseed_rules(apps, "party.PartyRule", [{"code": code, "valid_from": QD294_FROM} for code in CODES])
    PartyRule.objects.filter(code__in=CODES, valid_from=date(2025, 1, 20), valid_to=QD232_END).update(
        valid_to=None
    )


class Migration(migrations.Migration):
    dependencies = [("party", "0003_seed_rules")]
    operations = [migrations.RunPython(forward, backward)]
