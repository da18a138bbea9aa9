"""The ranking of award forms (docs/decisions/048): the State's forms in the order of Luật Thi đua, khen thưởng
2022 (huân chương, huy chương, danh hiệu vinh dự nhà nước, then bằng khen of the Prime Minister above those of a
ministry or province, then giấy khen); the emulation titles placed between them by their reward under NĐ 98/2023
Art. 54 (CSTĐ toàn quốc 4,5, CSTĐ cấp bộ/tỉnh 3,0, CSTĐ cơ sở 1,0, Lao động tiên tiến 0,3 times the base salary)."""

from django.db import migrations

LAW = "Luật Thi đua, khen thưởng số 06/2022/QH15"
ND98 = "NĐ 98/2023/NĐ-CP Điều 54 (mức thưởng)"
RANKS = [
    ("HUAN_CHUONG", 100, LAW),
    ("HUY_CHUONG", 90, LAW),
    ("VINH_DU_NHA_NUOC", 80, LAW),
    ("CSTD_TOAN_QUOC", 70, f"{LAW}; {ND98}"),
    ("CSTD_CAP_TINH", 60, f"{LAW}; {ND98}"),
    ("BANG_KHEN_TTG", 50, LAW),
    ("CO_THI_DUA", 45, LAW),
    ("CSTD_CO_SO", 40, f"{LAW}; {ND98}"),
    ("BANG_KHEN", 35, LAW),
    ("TT_LD_XUAT_SAC", 30, LAW),
    ("GIAY_KHEN", 20, LAW),
    ("LD_TIEN_TIEN", 10, f"{LAW}; {ND98}"),
]


def seed(apps, schema_editor):
    AwardFormRank = apps.get_model("emulation", "AwardFormRank")
    AwardFormRank.objects.bulk_create(
        [AwardFormRank(form=form, rank=rank, legal_basis=basis) for form, rank, basis in RANKS]
    )


def unseed(apps, schema_editor):
    apps.get_model("emulation", "AwardFormRank").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("emulation", "0002_award_form_rank")]
    operations = [migrations.RunPython(seed, unseed)]
