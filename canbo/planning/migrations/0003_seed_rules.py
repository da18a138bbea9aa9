"""The planning rules as dated rows with their legal basis (issue 15)."""

from datetime import date

from django.db import migrations

from canbo.core.rule_migrations import seed_rules_operation

QD50 = "Quy định 50-QĐ/TW ngày 27/12/2021 của Bộ Chính trị về công tác quy hoạch cán bộ"
QD377 = "Quy định 377-QĐ/TW ngày 08/10/2025 của Bộ Chính trị (thay thế QĐ 50-QĐ/TW, QĐ 80-QĐ/TW)"
TWO_LEVEL = "Luật Tổ chức chính quyền địa phương 2025; NQ 202/2025/QH15 (kết thúc cấp huyện từ 01/07/2025)"
DEFAULTS = {"max_per_post": 3, "max_posts_per_person": 3, "min_women_pct": 25, "min_young_pct": 15, "young_age": 40}

ROWS = [
    {
        "code": "tiers",
        "label": "Nhóm chức danh được quy hoạch cho nhiệm kỳ bắt đầu vào ngày này",
        "value": ["TINH", "HUYEN", "PHONG", "XA"],
        "valid_from": date(2000, 1, 1),
        "valid_to": date(2025, 6, 30),
        "legal_basis": QD50,
    },
    {
        "code": "tiers",
        "label": "Nhóm chức danh được quy hoạch cho nhiệm kỳ bắt đầu vào ngày này (không còn cấp huyện)",
        "value": ["TINH", "PHONG", "XA"],
        "valid_from": date(2025, 7, 1),
        "valid_to": None,
        "legal_basis": TWO_LEVEL + "; " + QD377,
    },
    {
        "code": "term_defaults",
        "label": "Giới hạn và tỷ lệ mặc định của nhiệm kỳ quy hoạch (người/chức danh, chức danh/người, % nữ, % trẻ, "
        "tuổi trẻ dưới)",
        "value": DEFAULTS,
        "valid_from": date(2021, 12, 27),
        "valid_to": date(2025, 10, 7),
        "legal_basis": QD50,
    },
    {
        "code": "term_defaults",
        "label": "Giới hạn và tỷ lệ mặc định của nhiệm kỳ quy hoạch (người/chức danh, chức danh/người, % nữ, % trẻ, "
        "tuổi trẻ dưới) [tỷ lệ theo QĐ 377: chưa xác nhận]",
        "value": DEFAULTS,
        "valid_from": date(2025, 10, 8),
        "valid_to": None,
        "legal_basis": QD377,
    },
    {
        "code": "proposal_gates",
        "label": "Điều kiện kiểm tra ngay khi đề xuất quy hoạch: đủ tuổi công tác trọn một nhiệm kỳ; không đang "
        "trong thời hạn thi hành kỷ luật",
        "value": {"full_term": True, "no_sanction": True},
        "valid_from": date(2025, 10, 8),
        "valid_to": None,
        "legal_basis": QD377,
    },
]


class Migration(migrations.Migration):
    dependencies = [("planning", "0002_planning_rule")]
    operations = [seed_rules_operation("planning.PlanningRule", ROWS)]
