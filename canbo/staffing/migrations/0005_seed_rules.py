"""The streamlining rules as dated rows with their legal basis (issue 15): which text governs which reason on a
date, the policies, the exemptions. A case is judged by the row of its date (a 2023 case by NĐ 29/2023, a 2026
case by NĐ 154/2025, a restructuring redundancy from 2025 by NĐ 178/2024 as amended by NĐ 67/2025)."""

from datetime import date

from django.db import migrations

from canbo.core.rule_migrations import seed_rules_operation

ND108 = "NĐ 108/2014/NĐ-CP (sửa đổi bởi NĐ 113/2018/NĐ-CP, NĐ 143/2020/NĐ-CP)"
ND29 = "NĐ 29/2023/NĐ-CP"
ND178 = "NĐ 178/2024/NĐ-CP, sửa đổi bởi NĐ 67/2025/NĐ-CP (dôi dư do sắp xếp tổ chức bộ máy, đơn vị hành chính)"
ND154 = "NĐ 154/2025/NĐ-CP (từ 15/06/2025)"

REASONS = ["DOI_DU_BO_MAY", "DOI_DU_DVHC", "DOI_DU_VTVL", "CHUA_DAT_CHUAN", "XEP_LOAI_THAP"]
RESTRUCTURING = {"DOI_DU_BO_MAY", "DOI_DU_DVHC"}
POLICIES = ["NGHI_HUU_TRUOC_TUOI", "CHUYEN_NGOAI_NSNN", "THOI_VIEC_NGAY", "THOI_VIEC_SAU_HOC_NGHE"]
PERIODS = [  # (from, to, basis of the ordinary reasons, basis of the restructuring reasons)
    (date(2015, 1, 10), date(2023, 7, 19), ND108, ND108),
    (date(2023, 7, 20), date(2024, 12, 31), ND29, ND29),
    (date(2025, 1, 1), date(2025, 6, 14), ND29, ND178),
    (date(2025, 6, 15), None, ND154, ND178),
]


def _rows():
    rows = []
    for start, end, ordinary, restructuring in PERIODS:
        basis = ordinary if ordinary == restructuring else f"{ordinary}; {restructuring}"
        rows.append(
            {
                "code": "reasons",
                "label": "Trường hợp tinh giản biên chế và văn bản áp dụng cho từng trường hợp",
                "value": {r: (restructuring if r in RESTRUCTURING else ordinary) for r in REASONS},
                "valid_from": start,
                "valid_to": end,
                "legal_basis": basis,
            }
        )
        rows.append(
            {
                "code": "policies",
                "label": "Chính sách tinh giản biên chế và văn bản áp dụng",
                "value": {p: ordinary for p in POLICIES},
                "valid_from": start,
                "valid_to": end,
                "legal_basis": ordinary,
            }
        )
        rows.append(
            {
                "code": "exemptions",
                "label": (
                    "Chưa thực hiện tinh giản: mang thai, nghỉ thai sản, nuôi con dưới (tháng) tuổi, trừ khi tự "
                    "nguyện; đang xem xét kỷ luật, truy cứu trách nhiệm hình sự, bị thanh tra, kiểm tra"
                ),
                "value": {"child_months": 36, "voluntary_waives_family": True},
                "valid_from": start,
                "valid_to": end,
                "legal_basis": ordinary,
            }
        )
    return rows


class Migration(migrations.Migration):
    dependencies = [("staffing", "0004_rules_and_exemptions")]
    operations = [seed_rules_operation("staffing.StaffingRule", _rows)]
