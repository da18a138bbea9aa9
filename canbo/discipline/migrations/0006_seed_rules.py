"""The discipline rules as dated rows with their legal basis (they were Python tuples until issue 15), and the
handling deadline of the cases already open (90 days from opening)."""

from datetime import date, timedelta

from django.db import migrations

from canbo.core.rule_migrations import seed_rules_operation

OLD = date(2000, 1, 1)  # the texts before 2025 (Luật CBCC 2008, Luật Viên chức 2010, NĐ 34/2011 → NĐ 112/2020)
LAST_OLD = date(2025, 6, 30)
REFORM = date(2025, 7, 1)
LEGACY = "Luật CBCC 2008 (sửa đổi 2019), NĐ 112/2020/NĐ-CP"
NEW = "Luật CBCC 80/2025/QH15; NĐ 172/2025/NĐ-CP (từ 01/07/2025)"
VC = "Luật Viên chức 2010 (sửa đổi 2019), NĐ 112/2020/NĐ-CP"

CC_OLD = {
    "forms": ["KHIEN_TRACH", "CANH_CAO", "HA_BAC_LUONG", "GIANG_CHUC", "CACH_CHUC", "BUOC_THOI_VIEC"],
    "leaders_only": ["GIANG_CHUC", "CACH_CHUC"],
    "non_leaders_only": ["HA_BAC_LUONG"],
}
CB = {"forms": ["KHIEN_TRACH", "CANH_CAO", "CACH_CHUC", "BAI_NHIEM"], "leaders_only": [], "non_leaders_only": []}
CC_NEW = {
    "forms": ["KHIEN_TRACH", "CANH_CAO", "CACH_CHUC", "BUOC_THOI_VIEC"],
    "leaders_only": ["CACH_CHUC"],
    "non_leaders_only": [],
}
EFFECT = {"KHIEN_TRACH": 6, "CANH_CAO": 12, "HA_BAC_LUONG": 12, "GIANG_CHUC": 12, "CACH_CHUC": 12}
WAIT = {"KHIEN_TRACH": 24, "CANH_CAO": 36, "HA_BAC_LUONG": 36, "GIANG_CHUC": 60, "CACH_CHUC": 60, "BAI_NHIEM": 60}


def _row(code, label, value, valid_from, valid_to, legal_basis):
    return {
        "code": code,
        "label": label,
        "value": value,
        "valid_from": valid_from,
        "valid_to": valid_to,
        "legal_basis": legal_basis,
    }


ROWS = [
    _row("forms.CC", "Hình thức kỷ luật công chức (nhẹ → nặng)", CC_OLD, OLD, LAST_OLD, LEGACY),
    _row("forms.CC", "Hình thức kỷ luật công chức (nhẹ → nặng)", CC_NEW, REFORM, None, NEW),
    _row("forms.CC_XA", "Hình thức kỷ luật công chức cấp xã (nhẹ → nặng)", CC_OLD, OLD, LAST_OLD, LEGACY),
    _row("forms.CB", "Hình thức kỷ luật cán bộ (nhẹ → nặng; bãi nhiệm nặng hơn cách chức)", CB, OLD, LAST_OLD, LEGACY),
    _row("forms.CB", "Hình thức kỷ luật cán bộ (nhẹ → nặng; bãi nhiệm nặng hơn cách chức)", CB, REFORM, None, NEW),
    _row("forms.CB_XA", "Hình thức kỷ luật cán bộ cấp xã (nhẹ → nặng)", CB, OLD, LAST_OLD, LEGACY),
    _row("forms.VC", "Hình thức kỷ luật viên chức (nhẹ → nặng)", CC_NEW, OLD, None, VC),
    _row(
        "effect_months",
        "Thời hạn thi hành kỷ luật (tháng, từ ngày quyết định) [chưa xác nhận]",
        EFFECT,
        OLD,
        None,
        "Luật CBCC 2008 sửa đổi 2019 Điều 82; Luật Viên chức sửa đổi 2019 Điều 56",
    ),
    _row(
        "promotion_wait_months",
        "Thời gian không được bổ nhiệm vào vị trí cao hơn sau kỷ luật (tháng)",
        WAIT,
        OLD,
        None,
        "QĐ 377-QĐ/TW 2025 (khiển trách 24, cảnh cáo 36, cách chức 60 tháng); hình thức cũ [chưa xác nhận]",
    ),
    _row(
        "handling_days",
        "Thời hạn xử lý kỷ luật (ngày; vụ việc phức tạp được kéo dài)",
        {"normal": 90, "complex": 150},
        date(2020, 7, 1),
        LAST_OLD,
        "Luật sửa đổi Luật CBCC và Luật Viên chức 2019 (Điều 80)",
    ),
    _row(
        "handling_days",
        "Thời hạn xử lý kỷ luật (ngày; vụ việc phức tạp được kéo dài)",
        {"normal": 90, "complex": 150},
        REFORM,
        None,
        "NĐ 172/2025/NĐ-CP (thời hạn xử lý kỷ luật)",
    ),
]


def set_handling_deadlines(apps, schema_editor):
    """Cases opened before the rule have the ordinary 90-day limit from their opening."""
    Case = apps.get_model("discipline", "DisciplineCase")
    for case in Case.objects.filter(handling_deadline__isnull=True).only("id", "opened_on"):
        Case.objects.filter(pk=case.pk).update(handling_deadline=case.opened_on + timedelta(days=90))


class Migration(migrations.Migration):
    dependencies = [("discipline", "0005_rules_and_handling_deadline")]
    operations = [
        seed_rules_operation("discipline.DisciplineRule", ROWS),
        migrations.RunPython(set_handling_deadlines, migrations.RunPython.noop),
    ]
