"""The working age of each category as dated rows with their legal basis (issue 15: the table MINIMUM_AGE of people.rules
was cited in the code but undated). The values are those the code applied; what changes is that each career row is
judged by the version in force on its start date, and the source is shown on the "Căn cứ pháp lý" page."""

from datetime import date

from django.db import migrations

from canbo.core.rule_migrations import seed_rules_operation

START = date(1900, 1, 1)  # careers recorded from any year: the earliest version covers them
REFORM = date(2025, 7, 1)  # Luật Cán bộ, công chức 80/2025/QH15; no commune-level categories from then
LABEL = "Tuổi tối thiểu khi bắt đầu công tác (tính theo ngày sinh, tại ngày bắt đầu): "

CBCC_1998 = (
    "Pháp lệnh Cán bộ, công chức 1998 (sửa đổi 2000, 2003) [điều khoản về tuổi chưa xác nhận; áp dụng mức 18 tuổi "
    "của Luật Cán bộ, công chức 2008]"
)
CBCC_2008 = (
    "Luật Cán bộ, công chức 22/2008/QH12 (hiệu lực 01/01/2010), Điều 36 khoản 1 điểm b (đủ 18 tuổi trở lên)"
)
CBCC_2025 = (
    "Luật Cán bộ, công chức 80/2025/QH15 (hiệu lực 01/07/2025) [điều khoản về tuổi chưa xác nhận; mức 18 tuổi giữ "
    "như Luật 2008]"
)
VC_BEFORE = (
    "Trước Luật Viên chức 2010: Pháp lệnh Cán bộ, công chức 1998 [chưa xác nhận; áp dụng mức của Luật Viên chức "
    "2010]"
)
VC_2010 = (
    "Luật Viên chức 58/2010/QH12 (hiệu lực 01/01/2012), Điều 22 khoản 1 điểm b; NĐ 29/2012/NĐ-CP [ngoại lệ 15 tuổi "
    "theo NĐ 29/2012: chưa xác nhận]"
)
VC_2020 = (
    "Luật Viên chức 58/2010/QH12 (sửa đổi 2019) Điều 22 khoản 1 điểm b; NĐ 115/2020/NĐ-CP (hiệu lực 25/09/2020) "
    "Điều 5: từ đủ 15 tuổi ở lĩnh vực văn hóa, nghệ thuật, thể dục, thể thao, có văn bản đồng ý của người đại diện"
)
LD_1994 = (
    "Bộ luật Lao động 1994, Điều 6 (người lao động ít nhất đủ 15 tuổi) [trước 01/01/1995: chưa xác nhận]"
)
LD_2012 = "Bộ luật Lao động 10/2012/QH13 (hiệu lực 01/05/2013), Điều 3 khoản 1"
LD_2019 = "Bộ luật Lao động 45/2019/QH14 (hiệu lực 01/01/2021), Điều 3 khoản 1, Điều 143"

CB = {"min_age_years": 18, "rule": "cán bộ phải từ đủ 18 tuổi (Luật Cán bộ, công chức)"}
CC = {"min_age_years": 18, "rule": "công chức phải từ đủ 18 tuổi (Luật Cán bộ, công chức)"}
CB_XA = {"min_age_years": 18, "rule": "cán bộ cấp xã phải từ đủ 18 tuổi (Luật Cán bộ, công chức)"}
CC_XA = {"min_age_years": 18, "rule": "công chức cấp xã phải từ đủ 18 tuổi (Luật Cán bộ, công chức)"}
VC = {
    "min_age_years": 15,
    "rule": (
        "viên chức phải từ đủ 18 tuổi, hoặc từ đủ 15 tuổi ở đơn vị văn hóa, nghệ thuật, thể dục, thể thao có "
        "đồng ý bằng văn bản của người đại diện theo pháp luật (Luật Viên chức Điều 22, NĐ 115/2020 Điều 5)"
    ),
}
LD_HD = {"min_age_years": 15, "rule": "người lao động phải từ đủ 15 tuổi (Bộ luật Lao động 2019 Điều 143)"}


def _versions(category, label, value, spans):
    return [
        {
            "code": f"working_age.{category}",
            "label": LABEL + label,
            "value": value,
            "valid_from": start,
            "valid_to": end,
            "legal_basis": basis,
        }
        for start, end, basis in spans
    ]


CBCC_SPANS = [
    (START, date(2009, 12, 31), CBCC_1998),
    (date(2010, 1, 1), date(2025, 6, 30), CBCC_2008),
    (REFORM, None, CBCC_2025),
]
# the commune-level categories end with the two-tier local government (Luật Tổ chức chính quyền địa phương 2025)
COMMUNE_SPANS = CBCC_SPANS[:2]

ROWS = [
    *_versions("CB", "cán bộ", CB, CBCC_SPANS),
    *_versions("CC", "công chức", CC, CBCC_SPANS),
    *_versions("CB_XA", "cán bộ cấp xã (đến 30/06/2025)", CB_XA, COMMUNE_SPANS),
    *_versions("CC_XA", "công chức cấp xã (đến 30/06/2025)", CC_XA, COMMUNE_SPANS),
    *_versions(
        "VC",
        "viên chức",
        VC,
        [
            (START, date(2011, 12, 31), VC_BEFORE),
            (date(2012, 1, 1), date(2020, 9, 24), VC_2010),
            (date(2020, 9, 25), None, VC_2020),
        ],
    ),
    *_versions(
        "LD_HD",
        "người lao động theo hợp đồng",
        LD_HD,
        [
            (START, date(2013, 4, 30), LD_1994),
            (date(2013, 5, 1), date(2020, 12, 31), LD_2012),
            (date(2021, 1, 1), None, LD_2019),
        ],
    ),
]


class Migration(migrations.Migration):
    dependencies = [("people", "0008_people_rule")]
    operations = [seed_rules_operation("people.PeopleRule", ROWS)]
