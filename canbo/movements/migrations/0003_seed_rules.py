"""The term, extension and rotation rules as dated rows with their legal basis (issue 15)."""

from datetime import date

from django.db import migrations

from canbo.core.rule_migrations import seed_rules_operation

ROWS = [
    {
        "code": "terms",
        "label": "Thời hạn giữ chức vụ (năm); giới hạn nhiệm kỳ liên tiếp chỉ áp dụng với cấp trưởng (chức vụ bắt "
        "đầu bằng các tiền tố cấp phó thì không)",
        "value": {"years": 5, "max_consecutive_head_terms": 2, "deputy_prefixes": ["Phó "]},
        "valid_from": date(2000, 1, 1),
        "valid_to": None,
        "legal_basis": "NĐ 138/2020/NĐ-CP Điều 41; Quy định 98-QĐ/TW 2017 (cấp trưởng không quá 2 nhiệm kỳ liên tiếp)",
    },
    {
        "code": "extension",
        "label": "Kéo dài thời hạn giữ chức vụ đến tuổi nghỉ hưu: còn dưới (năm) công tác; tập thể biểu quyết "
        "đồng ý trên tỷ lệ",
        "value": {"below_years": 2, "vote_share_above": "0.5"},
        "valid_from": date(2000, 1, 1),
        "valid_to": None,
        "legal_basis": "QĐ 727/QĐ-BNV 2025 (bỏ phiếu kín, trên 50 %); QĐ 377-QĐ/TW 2025",
    },
    {
        "code": "rotation",
        "label": "Luân chuyển: thời gian tối thiểu (tháng); số năm công tác còn lại tối thiểu",
        "value": {"min_months": 36, "min_service_years": 10},
        "valid_from": date(2000, 1, 1),
        "valid_to": None,
        "legal_basis": "QĐ 65-QĐ/TW 2022; NĐ 138/2020/NĐ-CP Điều 48, 56",
    },
]


class Migration(migrations.Migration):
    dependencies = [("movements", "0002_terms_rules")]
    operations = [seed_rules_operation("movements.MovementRule", ROWS)]
