"""The Party admission rules as dated rows with their legal basis (issue 15, point 7). The versions before
QĐ 232-QĐ/TW stay for history: an admission is judged by the text in force on the chi bộ's vote."""

from datetime import date

from django.db import migrations

from canbo.core.rule_migrations import seed_rules_operation

QD29 = "Quy định 29-QĐ/TW ngày 25/07/2016 thi hành Điều lệ Đảng, mục 1 (Điều 1 khoản 2 Điều lệ)"
QD24 = "Quy định 24-QĐ/TW ngày 30/07/2021 thi hành Điều lệ Đảng, mục 1 (Điều 1 khoản 2 Điều lệ)"
QD232 = "Quy định 232-QĐ/TW ngày 20/01/2025 thi hành Điều lệ Đảng, mục 1 (thay thế QĐ 24-QĐ/TW)"
HD01 = "Hướng dẫn 01-HD/TW ngày 28/09/2021 của Ban Bí thư, mục 1"
CHARTER = "Điều lệ Đảng Cộng sản Việt Nam (Đại hội XI, 19/01/2011), Điều 5 khoản 1"

AGE = {
    "min_months": 18 * 12,
    "max_months": 60 * 12,
    "over_max_by": "có văn bản đồng ý của ban thường vụ cấp ủy trực thuộc Trung ương",
}
AGE_LABEL = "Tuổi người vào Đảng tại ngày chi bộ xét kết nạp (tính theo tháng); người trên 60 tuổi"
AREAS = ["MIEN_NUI", "HAI_DAO", "DTTS", "DBKK"]
EDU_LABEL = "Trình độ học vấn tối thiểu của người vào Đảng; ngoại lệ ở miền núi, hải đảo, vùng dân tộc thiểu số"

ROWS = [
    {
        "code": "admission_age",
        "label": AGE_LABEL,
        "value": AGE,
        "valid_from": date(2016, 7, 25),
        "valid_to": date(2021, 7, 29),
        "legal_basis": QD29 + "; hướng dẫn của Ban Bí thư thi hành QĐ 29 [số, ngày chưa xác nhận]",
    },
    {
        "code": "admission_age",
        "label": AGE_LABEL,
        "value": AGE,
        "valid_from": date(2021, 7, 30),
        "valid_to": date(2025, 1, 19),
        "legal_basis": QD24 + "; " + HD01,
    },
    {
        "code": "admission_age",
        "label": AGE_LABEL,
        "value": AGE,
        "valid_from": date(2025, 1, 20),
        "valid_to": None,
        "legal_basis": QD232 + "; " + HD01 + " [hướng dẫn mới theo QĐ 232: chưa xác nhận]",
    },
    {
        "code": "admission_education",
        "label": EDU_LABEL + " (trung học cơ sở hoặc tương đương)",
        "value": {"minimum": "THCS", "exception_minimum": "TIEU_HOC", "exception_areas": AREAS},
        "valid_from": date(2016, 7, 25),
        "valid_to": date(2021, 7, 29),
        "legal_basis": QD29 + " [mức tiểu học cho vùng ngoại lệ: chưa xác nhận với hướng dẫn 2016]",
    },
    {
        "code": "admission_education",
        "label": EDU_LABEL,
        "value": {"minimum": "THCS", "exception_minimum": "TIEU_HOC", "exception_areas": AREAS},
        "valid_from": date(2021, 7, 30),
        "valid_to": date(2025, 1, 19),
        "legal_basis": QD24 + "; " + HD01,
    },
    {
        "code": "admission_education",
        "label": EDU_LABEL,
        "value": {"minimum": "THCS", "exception_minimum": "TIEU_HOC", "exception_areas": AREAS},
        "valid_from": date(2025, 1, 20),
        "valid_to": None,
        "legal_basis": QD232 + "; " + HD01 + " [hướng dẫn mới theo QĐ 232: chưa xác nhận]",
    },
    {
        "code": "probation_months",
        "label": "Thời kỳ dự bị (tháng), tính từ ngày chi bộ tổ chức lễ kết nạp; xét lại khi công nhận chính thức",
        "value": 12,
        "valid_from": date(2011, 1, 19),
        "valid_to": None,
        "legal_basis": CHARTER,
    },
]


class Migration(migrations.Migration):
    dependencies = [("party", "0002_party_rule_and_exceptions")]
    operations = [seed_rules_operation("party.PartyRule", ROWS)]
