"""The 2025 reform in the catalogue (issue 15, point 8): the district level ended on 30/06/2025 (NQ 202/2025/QH15,
Luật Tổ chức chính quyền địa phương 2025), and with it the district posts and their title standards; the commune
cadres and civil servants became cadres and civil servants under Luật CBCC 80/2025/QH15 (01/07/2025), which ends
the TT 13/2019/TT-BNV commune standards.

History is kept: the versions in force are closed on 30/06/2025, nothing is deleted or rewritten. The posts of the
new communes (Bí thư Đảng ủy, Chủ tịch, Phó Chủ tịch UBND xã, phường, đặc khu) get a version from 01/07/2025 that
carries the former criteria over, marked unconfirmed, until the detailed standards (QĐ 377-QĐ/TW; NĐ 170/2025/NĐ-CP)
are read and entered as a further version. Commune civil servants ("Công chức chuyên môn cấp xã") get no successor:
from 01/07/2025 they are civil servants judged by the standard of their rank.
"""

import datetime

from django.db import migrations

END = datetime.date(2025, 6, 30)
START = datetime.date(2025, 7, 1)
REFORM = "NQ 202/2025/QH15; Luật Tổ chức chính quyền địa phương 2025 (kết thúc cấp huyện từ 01/07/2025)"
DISTRICT = ["BI_THU_HU", "PHO_BI_THU_HU", "CT_UBND_HUYEN", "PCT_UBND_HUYEN"]
COMMUNE_LEADERS = ["BI_THU_XA", "CT_UBND_XA", "PCT_UBND_XA"]
COMMUNE_CIVIL = ["CONG_CHUC_XA"]
NEW_BASIS = (
    "Luật CBCC 80/2025/QH15; NĐ 170/2025/NĐ-CP; QĐ 377-QĐ/TW (xã, phường, đặc khu từ 01/07/2025) "
    "[tiêu chuẩn chi tiết chưa xác nhận: giữ mức của TT 13/2019/TT-BNV đến khi có văn bản]"
)
CARRIED_NOTE = "Mức của TT 13/2019/TT-BNV giữ tạm cho xã mới [chưa xác nhận với văn bản 2025]."
CRITERION_FIELDS = (
    "kind",
    "scale",
    "min_level",
    "min_rank",
    "years",
    "months",
    "lower_tier",
    "min_rating",
    "note",
)


def forward(apps, schema_editor):
    Position = apps.get_model("people", "Position")
    TitleStandard = apps.get_model("standards", "TitleStandard")
    StandardCriterion = apps.get_model("standards", "StandardCriterion")

    # The district posts close with the district level; the text that ends them is added to their basis.
    for post in Position.objects.filter(code__in=DISTRICT, valid_to__isnull=True, valid_from__lte=END):
        post.valid_to = END
        post.legal_basis = f"{post.legal_basis}; hết hiệu lực: {REFORM}" if post.legal_basis else REFORM
        post.legal_basis = post.legal_basis[:300]
        post.save(update_fields=["valid_to", "legal_basis"])

    open_standards = TitleStandard.objects.filter(valid_to__isnull=True, valid_from__lte=END)
    open_standards.filter(position__code__in=DISTRICT).update(valid_to=END)
    open_standards.filter(position__code__in=COMMUNE_CIVIL, legal_basis__contains="13/2019").update(
        valid_to=END
    )

    for old in open_standards.filter(position__code__in=COMMUNE_LEADERS, legal_basis__contains="13/2019"):
        old.valid_to = END
        old.save(update_fields=["valid_to"])
        if TitleStandard.objects.filter(position=old.position, valid_from=START).exists():
            continue
        new = TitleStandard.objects.create(
            position=old.position, name=old.name, legal_basis=NEW_BASIS, valid_from=START, valid_to=None
        )
        for c in StandardCriterion.objects.filter(standard=old):
            values = {f: getattr(c, f) for f in CRITERION_FIELDS}
            if "13/2019" in (values["note"] or ""):
                values["note"] = CARRIED_NOTE
            StandardCriterion.objects.create(standard=new, **values)


def backward(apps, schema_editor):
    Position = apps.get_model("people", "Position")
    TitleStandard = apps.get_model("standards", "TitleStandard")
    TitleStandard.objects.filter(
        position__code__in=COMMUNE_LEADERS, valid_from=START, legal_basis=NEW_BASIS
    ).delete()
    TitleStandard.objects.filter(
        position__code__in=DISTRICT + COMMUNE_LEADERS + COMMUNE_CIVIL, valid_to=END
    ).update(valid_to=None)
    for post in Position.objects.filter(code__in=DISTRICT, valid_to=END):
        post.valid_to = None
        post.legal_basis = post.legal_basis.split("; hết hiệu lực: ")[0].removeprefix(REFORM[:300])
        post.save(update_fields=["valid_to", "legal_basis"])


class Migration(migrations.Migration):
    dependencies = [
        ("standards", "0004_criterion_rating"),
        ("people", "0007_qualification_source_granted"),
    ]
    operations = [migrations.RunPython(forward, backward)]
