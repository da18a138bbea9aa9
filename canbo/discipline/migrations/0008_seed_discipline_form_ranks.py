"""The ranking of discipline forms for printing the heaviest one (docs/decisions/048): khiển trách < cảnh cáo <
hạ bậc lương < giáng chức < cách chức < bãi nhiệm < buộc thôi việc: the ladders "nhẹ → nặng" of the dated rules
forms.* (migration 0006: Luật CBCC 2008 as amended 2019, Luật CBCC 80/2025/QH15, Luật Viên chức 2010 as amended 2019,
NĐ 112/2020 → NĐ 172/2025, which drops hạ bậc lương and giáng chức from 01/07/2025) merged into one order."""

from django.db import migrations

BASIS = (
    "Luật CBCC 2008 (sửa đổi 2019), Luật CBCC 80/2025/QH15, Luật Viên chức 2010 (sửa đổi 2019); "
    "NĐ 112/2020/NĐ-CP, NĐ 172/2025/NĐ-CP"
)
RANKS = [
    ("KHIEN_TRACH", 1),
    ("CANH_CAO", 2),
    ("HA_BAC_LUONG", 3),
    ("GIANG_CHUC", 4),
    ("CACH_CHUC", 5),
    ("BAI_NHIEM", 6),
    ("BUOC_THOI_VIEC", 7),
]


def seed(apps, schema_editor):
    DisciplineFormRank = apps.get_model("discipline", "DisciplineFormRank")
    DisciplineFormRank.objects.bulk_create(
        [DisciplineFormRank(form=form, rank=rank, legal_basis=BASIS) for form, rank in RANKS]
    )


def unseed(apps, schema_editor):
    apps.get_model("discipline", "DisciplineFormRank").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("discipline", "0007_discipline_form_rank")]
    operations = [migrations.RunPython(seed, unseed)]
