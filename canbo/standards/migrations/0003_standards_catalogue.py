"""The title standards of the main leadership posts (and of commune civil servants), as dated data.

Criteria paraphrase QĐ 89-QĐ/TW (04/8/2017, khung tiêu chuẩn chức danh cán bộ lãnh đạo, quản lý các cấp),
QĐ 214-QĐ/TW (02/01/2020, cán bộ diện Trung ương quản lý), NĐ 138/2020/NĐ-CP (27/11/2020, bổ nhiệm công chức
lãnh đạo: 5 năm công tác còn lại, có trong quy hoạch) and TT 13/2019/TT-BNV (cán bộ, công chức cấp xã). The
exact levels are to be checked against the texts [U]; the system administrator corrects them in the admin by
adding a new version (rows are ended, never overwritten). Frozen here: later changes are new migrations or
admin edits, not edits of this file.
"""

import datetime

from django.db import migrations

from canbo.people.choices import level_rank

D = datetime.date
QD89 = D(2017, 8, 4)
QD214 = D(2020, 1, 2)
ND138 = D(2020, 11, 27)
TT13 = D(2019, 12, 20)


def q(scale, level, note=""):
    return ("QUALIFICATION", {"scale": scale, "min_level": level, "note": note})


def years(n):
    return ("SERVICE_YEARS", {"years": n})


def post(months, lower_tier):
    return ("POST_MONTHS", {"months": months, "lower_tier": lower_tier})


LEFT5 = ("SERVICE_LEFT", {"years": 5, "note": "Bổ nhiệm lần đầu hoặc chức vụ cao hơn (NĐ 138/2020, HD 06-HD/BTCTW)."})
PLAN = ("IN_PLAN", {})
UNI = q("PROFESSIONAL", "DAI_HOC")
PT_HIGH = q("POLITICAL_THEORY", "CAO_CAP", "Cao cấp hoặc cử nhân lý luận chính trị.")
PT_MID = q("POLITICAL_THEORY", "TRUNG_CAP")
IT = q("IT", "CO_BAN")


def provincial(lower_tier):
    return [UNI, PT_HIGH, q("STATE_MGMT", "CHUYEN_VIEN_CAO_CAP"), IT, years(10), post(24, lower_tier), LEFT5, PLAN]


def district(lower_tier):
    return [UNI, PT_HIGH, q("STATE_MGMT", "CHUYEN_VIEN_CHINH"), IT, years(5), post(24, lower_tier), LEFT5, PLAN]


COMMUNE = [
    q("PROFESSIONAL", "TRUNG_CAP", "Trung cấp trở lên (miền núi); đối chiếu TT 13/2019/TT-BNV."),
    PT_MID,
    IT,
    PLAN,
]
BASIS_214 = "QĐ 214-QĐ/TW ngày 02/01/2020; QĐ 89-QĐ/TW ngày 04/8/2017"
BASIS_138 = "QĐ 89-QĐ/TW ngày 04/8/2017; NĐ 138/2020/NĐ-CP ngày 27/11/2020"
BASIS_XA = "QĐ 89-QĐ/TW ngày 04/8/2017; TT 13/2019/TT-BNV ngày 06/11/2019"

# (position code, name, legal basis, valid from, valid to, criteria)
STANDARDS = [
    ("BI_THU_TU", "Tiêu chuẩn Bí thư Tỉnh ủy", BASIS_214, QD214, None, provincial(9)),
    ("PHO_BI_THU_TU", "Tiêu chuẩn Phó Bí thư Tỉnh ủy", BASIS_214, QD214, None, provincial(7)),
    ("CT_UBND_TINH", "Tiêu chuẩn Chủ tịch UBND tỉnh", BASIS_214, QD214, None, provincial(8)),
    ("PCT_UBND_TINH", "Tiêu chuẩn Phó Chủ tịch UBND tỉnh", BASIS_214, QD214, None, provincial(7)),
    # Directors: the QĐ 89 version, then the NĐ 138 version (5 years of service left, IT) — a version history.
    (
        "GIAM_DOC_SO",
        "Tiêu chuẩn Giám đốc sở và tương đương",
        "QĐ 89-QĐ/TW ngày 04/8/2017",
        QD89,
        ND138 - datetime.timedelta(days=1),
        [UNI, PT_HIGH, q("STATE_MGMT", "CHUYEN_VIEN_CHINH"), years(5), post(24, 6), PLAN],
    ),
    ("GIAM_DOC_SO", "Tiêu chuẩn Giám đốc sở và tương đương", BASIS_138, ND138, None, district(6)),
    (
        "PHO_GIAM_DOC_SO",
        "Tiêu chuẩn Phó Giám đốc sở và tương đương",
        "QĐ 89-QĐ/TW ngày 04/8/2017",
        QD89,
        ND138 - datetime.timedelta(days=1),
        [UNI, PT_HIGH, q("STATE_MGMT", "CHUYEN_VIEN_CHINH"), years(5), post(24, 4), PLAN],
    ),
    ("PHO_GIAM_DOC_SO", "Tiêu chuẩn Phó Giám đốc sở và tương đương", BASIS_138, ND138, None, district(4)),
    ("BI_THU_HU", "Tiêu chuẩn Bí thư huyện ủy", BASIS_138, ND138, None, district(6)),
    ("PHO_BI_THU_HU", "Tiêu chuẩn Phó Bí thư huyện ủy", BASIS_138, ND138, None, district(5)),
    ("CT_UBND_HUYEN", "Tiêu chuẩn Chủ tịch UBND huyện", BASIS_138, ND138, None, district(5)),
    ("PCT_UBND_HUYEN", "Tiêu chuẩn Phó Chủ tịch UBND huyện", BASIS_138, ND138, None, district(4)),
    (
        "TRUONG_PHONG",
        "Tiêu chuẩn Trưởng phòng và tương đương",
        BASIS_138,
        ND138,
        None,
        [UNI, PT_MID, q("STATE_MGMT", "CHUYEN_VIEN"), IT, years(5), post(24, 3), LEFT5, PLAN],
    ),
    (
        "PHO_TRUONG_PHONG",
        "Tiêu chuẩn Phó Trưởng phòng và tương đương",
        BASIS_138,
        ND138,
        None,
        [UNI, PT_MID, q("STATE_MGMT", "CHUYEN_VIEN"), IT, years(3), LEFT5, PLAN],
    ),
    ("BI_THU_XA", "Tiêu chuẩn Bí thư Đảng ủy xã", BASIS_XA, TT13, None, [*COMMUNE, years(3)]),
    ("CT_UBND_XA", "Tiêu chuẩn Chủ tịch UBND xã", BASIS_XA, TT13, None, [*COMMUNE, years(3)]),
    ("PCT_UBND_XA", "Tiêu chuẩn Phó Chủ tịch UBND xã", BASIS_XA, TT13, None, COMMUNE),
    (
        "CONG_CHUC_XA",
        "Tiêu chuẩn công chức chuyên môn cấp xã",
        "TT 13/2019/TT-BNV ngày 06/11/2019",
        TT13,
        None,
        [q("PROFESSIONAL", "TRUNG_CAP", "Trung cấp trở lên (miền núi); đối chiếu TT 13/2019/TT-BNV."), IT],
    ),
]


def load(apps, schema_editor):
    Position = apps.get_model("people", "Position")
    TitleStandard = apps.get_model("standards", "TitleStandard")
    StandardCriterion = apps.get_model("standards", "StandardCriterion")
    positions = {p.code: p for p in Position.objects.filter(code__in={s[0] for s in STANDARDS})}
    for code, name, basis, start, end, criteria in STANDARDS:
        if code not in positions:
            continue
        standard, created = TitleStandard.objects.get_or_create(
            position=positions[code],
            valid_from=start,
            defaults={"name": name, "legal_basis": basis, "valid_to": end},
        )
        if not created:
            continue
        for kind, values in criteria:
            rank = level_rank(values["scale"], values["min_level"]) if kind == "QUALIFICATION" else None
            StandardCriterion.objects.create(standard=standard, kind=kind, min_rank=rank, **values)


def unload(apps, schema_editor):
    TitleStandard = apps.get_model("standards", "TitleStandard")
    for code, _name, _basis, start, _end, _criteria in STANDARDS:
        TitleStandard.objects.filter(position__code=code, valid_from=start).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("standards", "0002_reviewcampaign_rechecked_on"),
        ("people", "0003_catalogues"),
    ]
    operations = [migrations.RunPython(load, unload)]
