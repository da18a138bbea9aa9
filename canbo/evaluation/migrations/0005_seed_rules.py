"""The rating rules as dated rows with their legal basis (issue 15). A year is judged by the rows in force on its
1 January: NĐ 335/2025's points, bands and deliverables only from the 2026 rating and only for civil servants;
the other rules from NĐ 90/2020 (as amended by NĐ 48/2023) for every year before and for viên chức."""

from datetime import date

from django.db import migrations

from canbo.core.rule_migrations import seed_rules_operation

OLD = date(2000, 1, 1)
ND335_FROM = date(2026, 1, 1)
ND90 = "NĐ 90/2020/NĐ-CP, sửa đổi bởi NĐ 48/2023/NĐ-CP"
ND335 = "NĐ 335/2025/NĐ-CP (công chức, từ 01/01/2026)"

ROWS = [
    {
        "code": "points",
        "label": "Chấm điểm 100: tiêu chí chung 30, kết quả nhiệm vụ 70; mỗi lần không đạt trừ 25 % điểm chất "
        "lượng (tiến độ) của sản phẩm đó; đối tượng áp dụng",
        "value": {"categories": ["CC"], "general": 30, "tasks": 70, "miss_cost": "0.25"},
        "valid_from": ND335_FROM,
        "valid_to": None,
        "legal_basis": ND335,
    },
    {
        "code": "bands",
        "label": "Khung điểm xếp loại (từ điểm, mức)",
        "value": [[90, "HTXS"], [70, "HTT"], [50, "HT"], [0, "KHT"]],
        "valid_from": ND335_FROM,
        "valid_to": None,
        "legal_basis": ND335 + "; QĐ 366-QĐ/TW 2025 (đảng viên)",
    },
    {
        "code": "leader_parts",
        "label": "Kết quả nhiệm vụ của người lãnh đạo, quản lý: trọng số của sản phẩm bản thân, kết quả hoạt động "
        "của đơn vị, năng lực tổ chức thực hiện [trọng số bằng nhau: chưa xác nhận]",
        "value": {"own": 1, "unit_results": 1, "organisation": 1},
        "valid_from": ND335_FROM,
        "valid_to": None,
        "legal_basis": ND335,
    },
    {
        "code": "excellent_cap",
        "label": "Tỷ lệ “Hoàn thành xuất sắc” tối đa so với số “Hoàn thành tốt” (trong đơn vị)",
        "value": {"share_of_good": "0.20", "duty_group_categories": []},
        "valid_from": OLD,
        "valid_to": date(2025, 12, 31),
        "legal_basis": ND90,
    },
    {
        "code": "excellent_cap",
        "label": "Tỷ lệ “Hoàn thành xuất sắc” tối đa so với số “Hoàn thành tốt” (trong đơn vị và, với công chức, "
        "trong từng nhóm nhiệm vụ tương đồng)",
        "value": {"share_of_good": "0.20", "duty_group_categories": ["CC"]},
        "valid_from": ND335_FROM,
        "valid_to": None,
        "legal_basis": ND335 + "; " + ND90 + " (viên chức)",
    },
    {
        "code": "months",
        "label": "Thời gian công tác: dưới (tháng) không xếp loại, trừ nghỉ thai sản; nghỉ từ (tháng) đến dưới "
        "mức đó: tối đa “Hoàn thành nhiệm vụ” [NĐ 335: chưa xác nhận]",
        "value": {"min_months": 6, "leave_cap_from": 3},
        "valid_from": OLD,
        "valid_to": None,
        "legal_basis": ND90,
    },
    {
        "code": "deadline",
        "label": "Hạn hoàn thành đánh giá, xếp loại trong năm (ngày/tháng)",
        "value": {"month": 12, "day": 15},
        "valid_from": OLD,
        "valid_to": None,
        "legal_basis": ND90,
    },
]


class Migration(migrations.Migration):
    dependencies = [("evaluation", "0004_nd335_rules")]
    operations = [seed_rules_operation("evaluation.EvaluationRule", ROWS)]
