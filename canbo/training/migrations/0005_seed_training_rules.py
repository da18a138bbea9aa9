"""The training plan's due date as a dated rule with its source (issue 15: "the plan due date")."""

from datetime import date

from django.db import migrations

from canbo.core.rule_migrations import seed_rules_operation

ROWS = [
    {
        "code": "plan_due",
        "label": "Hạn ban hành kế hoạch đào tạo, bồi dưỡng hằng năm (ngày, tháng của năm kế hoạch)",
        "value": {"day": 31, "month": 1},
        "valid_from": date(2000, 1, 1),
        "valid_to": None,
        "legal_basis": (
            "Kế hoạch đào tạo, bồi dưỡng hằng năm của tỉnh (domain.md quy tắc 23; bài 003, 000); NĐ 101/2017/NĐ-CP → "
            "NĐ 171/2025/NĐ-CP [hạn 31/01 chưa xác nhận với văn bản trung ương]"
        ),
    },
]


class Migration(migrations.Migration):
    dependencies = [("training", "0004_training_rule")]
    operations = [seed_rules_operation("training.TrainingRule", ROWS)]
