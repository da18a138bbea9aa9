"""The programme catalogue with stable codes, and the sponsorship rules before and after NĐ 171/2025."""

import datetime

from django.db import migrations

TRAINING_KINDS = {"DEGREE", "POLITICAL_THEORY"}
# code, name, kind, grants (scale, level) or None, typical months, legal basis
PROGRAMMES = [
    ("DT_DAI_HOC", "Đào tạo đại học", "DEGREE", ("PROFESSIONAL", "DAI_HOC"), 48, "Luật Giáo dục đại học"),
    ("DT_THAC_SI", "Đào tạo thạc sĩ", "DEGREE", ("PROFESSIONAL", "THAC_SI"), 24, "Luật Giáo dục đại học"),
    ("DT_TIEN_SI", "Đào tạo tiến sĩ", "DEGREE", ("PROFESSIONAL", "TIEN_SI"), 48, "Luật Giáo dục đại học"),
    ("LLCT_SO_CAP", "Sơ cấp lý luận chính trị", "POLITICAL_THEORY", ("POLITICAL_THEORY", "SO_CAP"), 3, "QĐ 1891-QĐ/BTGTW"),
    ("LLCT_TRUNG_CAP", "Trung cấp lý luận chính trị", "POLITICAL_THEORY", ("POLITICAL_THEORY", "TRUNG_CAP"), 8, "QĐ 1891-QĐ/BTGTW"),
    ("LLCT_CAO_CAP", "Cao cấp lý luận chính trị", "POLITICAL_THEORY", ("POLITICAL_THEORY", "CAO_CAP"), 8, "HD 01-HD/HVCTQG"),
    ("QLNN_CHUYEN_VIEN", "Bồi dưỡng quản lý nhà nước ngạch chuyên viên", "STATE_MGMT", ("STATE_MGMT", "CHUYEN_VIEN"), 2, "NĐ 101/2017/NĐ-CP"),
    ("QLNN_CHUYEN_VIEN_CHINH", "Bồi dưỡng quản lý nhà nước ngạch chuyên viên chính", "STATE_MGMT", ("STATE_MGMT", "CHUYEN_VIEN_CHINH"), 2, "NĐ 101/2017/NĐ-CP"),
    ("QLNN_CHUYEN_VIEN_CAO_CAP", "Bồi dưỡng quản lý nhà nước ngạch chuyên viên cao cấp", "STATE_MGMT", ("STATE_MGMT", "CHUYEN_VIEN_CAO_CAP"), 2, "NĐ 101/2017/NĐ-CP"),
    ("BD_BI_THU_HUYEN", "Bồi dưỡng bí thư cấp ủy cấp huyện", "LEADERSHIP", None, 1, "QĐ 89-QĐ/TW"),
    ("BD_PHO_BI_THU_HUYEN", "Bồi dưỡng phó bí thư cấp ủy cấp huyện", "LEADERSHIP", None, 1, "QĐ 89-QĐ/TW"),
    ("BD_LANH_DAO_SO", "Bồi dưỡng lãnh đạo cấp sở và tương đương", "LEADERSHIP", None, 1, "NĐ 101/2017/NĐ-CP"),
    ("BD_LANH_DAO_PHONG", "Bồi dưỡng lãnh đạo cấp phòng và tương đương", "LEADERSHIP", None, 1, "NĐ 101/2017/NĐ-CP"),
    ("NV_TO_CHUC", "Bồi dưỡng nghiệp vụ công tác tổ chức", "PROFESSIONAL_SKILLS", None, 1, ""),
    ("NV_KIEM_TRA", "Bồi dưỡng nghiệp vụ công tác kiểm tra", "PROFESSIONAL_SKILLS", None, 1, ""),
    ("NV_TUYEN_GIAO", "Bồi dưỡng nghiệp vụ công tác tuyên giáo", "PROFESSIONAL_SKILLS", None, 1, ""),
    ("NV_DAN_VAN", "Bồi dưỡng nghiệp vụ công tác dân vận", "PROFESSIONAL_SKILLS", None, 1, ""),
    ("NV_VAN_PHONG", "Bồi dưỡng nghiệp vụ công tác văn phòng", "PROFESSIONAL_SKILLS", None, 1, ""),
    ("NV_CHUYEN_NGANH", "Bồi dưỡng nghiệp vụ chuyên ngành", "PROFESSIONAL_SKILLS", None, 1, ""),
    ("QLKT", "Bồi dưỡng kiến thức quản lý kinh tế", "ECONOMIC_MGMT", None, 1, ""),
    ("QPAN_DOI_TUONG_3", "Bồi dưỡng kiến thức quốc phòng, an ninh đối tượng 3", "DEFENCE_SECURITY", None, 1, "NĐ 13/2014/NĐ-CP"),
    ("QPAN_DOI_TUONG_4", "Bồi dưỡng kiến thức quốc phòng, an ninh đối tượng 4", "DEFENCE_SECURITY", None, 1, "NĐ 13/2014/NĐ-CP"),
    ("NN_TIENG_ANH_B1", "Tiếng Anh bậc 3 (B1)", "FOREIGN_LANGUAGE", ("FOREIGN_LANGUAGE", "B1"), 6, "TT 01/2014/TT-BGDĐT"),
    ("NN_TIENG_ANH_B2", "Tiếng Anh bậc 4 (B2)", "FOREIGN_LANGUAGE", ("FOREIGN_LANGUAGE", "B2"), 6, "TT 01/2014/TT-BGDĐT"),
    ("TH_CO_BAN", "Ứng dụng công nghệ thông tin cơ bản", "IT_DIGITAL", ("IT", "CO_BAN"), 2, "TT 03/2014/TT-BTTTT"),
    ("TH_NANG_CAO", "Ứng dụng công nghệ thông tin nâng cao", "IT_DIGITAL", ("IT", "NANG_CAO"), 3, "TT 03/2014/TT-BTTTT"),
    ("KY_NANG_SO", "Bồi dưỡng kỹ năng số, chuyển đổi số", "IT_DIGITAL", None, 1, ""),
    ("TDT_HMONG", "Tiếng dân tộc thiểu số: tiếng Mông", "ETHNIC_LANGUAGE", ("ETHNIC_LANGUAGE", "CHUNG_CHI"), 4, "TT 32/2021/TT-BGDĐT"),
    ("TDT_THAI", "Tiếng dân tộc thiểu số: tiếng Thái", "ETHNIC_LANGUAGE", ("ETHNIC_LANGUAGE", "CHUNG_CHI"), 4, "TT 32/2021/TT-BGDĐT"),
]
RULES = [
    (datetime.date(2010, 5, 1), datetime.date(2025, 6, 30), 3, 2, 40, 2, "NĐ 18/2010/NĐ-CP; NĐ 101/2017/NĐ-CP, Điều 37"),
    (datetime.date(2025, 7, 1), None, 3, 2, 45, 3, "NĐ 171/2025/NĐ-CP"),
]


def load(apps, schema_editor):
    Programme = apps.get_model("training", "Programme")
    SponsorshipRule = apps.get_model("training", "SponsorshipRule")
    for order, (code, name, kind, grants, months, basis) in enumerate(PROGRAMMES, start=1):
        scale, level = grants or ("", "")
        Programme.objects.update_or_create(
            code=code,
            defaults=dict(
                name=name,
                kind=kind,
                form="DAO_TAO" if kind in TRAINING_KINDS else "BOI_DUONG",
                grants_scale=scale,
                grants_level=level,
                typical_months=months,
                sort_order=order * 10,
                valid_from=datetime.date(2000, 1, 1),
                legal_basis=basis,
            ),
        )
    for start, end, service, rated, age, multiplier, basis in RULES:
        SponsorshipRule.objects.update_or_create(
            valid_from=start,
            defaults=dict(
                valid_to=end,
                min_service_years=service,
                rated_years=rated,
                max_age=age,
                commitment_multiplier=multiplier,
                legal_basis=basis,
            ),
        )


class Migration(migrations.Migration):
    dependencies = [("training", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
