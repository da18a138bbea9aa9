"""Enumerations of the personnel register (domain.md §2), with Vietnamese labels."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Gender(models.TextChoices):
    NAM = "NAM", _("Nam")
    NU = "NU", _("Nữ")


class PersonnelCategory(models.TextChoices):
    CB = "CB", _("Cán bộ")
    CC = "CC", _("Công chức")
    VC = "VC", _("Viên chức")
    LD_HD = "LD_HD", _("Người lao động hợp đồng")
    # legacy, valid to 30/06/2025 (merged into CB / CC by Law 80/2025)
    CB_XA = "CB_XA", _("Cán bộ cấp xã (trước 01/07/2025)")
    CC_XA = "CC_XA", _("Công chức cấp xã (trước 01/07/2025)")


LEGACY_CATEGORIES = {PersonnelCategory.CB_XA, PersonnelCategory.CC_XA}


class PersonStatus(models.TextChoices):
    WORKING = "WORKING", _("Đang công tác")
    RETIRED = "RETIRED", _("Đã nghỉ hưu")
    MOVED_OUT = "MOVED_OUT", _("Đã chuyển công tác ra ngoài tỉnh / thôi việc")
    DECEASED = "DECEASED", _("Đã từ trần")


class PersonnelMove(models.TextChoices):
    TUYEN_DUNG = "TUYEN_DUNG", _("Tuyển dụng")
    BO_NHIEM = "BO_NHIEM", _("Bổ nhiệm")
    BO_NHIEM_LAI = "BO_NHIEM_LAI", _("Bổ nhiệm lại")
    DIEU_DONG = "DIEU_DONG", _("Điều động")
    LUAN_CHUYEN = "LUAN_CHUYEN", _("Luân chuyển")
    BIET_PHAI = "BIET_PHAI", _("Biệt phái")
    SAP_XEP = "SAP_XEP", _("Sắp xếp tổ chức bộ máy")
    TAM_DINH_CHI = "TAM_DINH_CHI", _("Tạm đình chỉ")
    TU_CHUC = "TU_CHUC", _("Từ chức")
    MIEN_NHIEM = "MIEN_NHIEM", _("Miễn nhiệm")
    CACH_CHUC = "CACH_CHUC", _("Cách chức")
    NGHI_HUU = "NGHI_HUU", _("Nghỉ hưu")
    THOI_VIEC = "THOI_VIEC", _("Thôi việc")
    TINH_GIAN = "TINH_GIAN", _("Tinh giản biên chế")


class QualificationScale(models.TextChoices):
    PROFESSIONAL = "PROFESSIONAL", _("Trình độ chuyên môn")
    POLITICAL_THEORY = "POLITICAL_THEORY", _("Lý luận chính trị")
    STATE_MGMT = "STATE_MGMT", _("Quản lý nhà nước")
    FOREIGN_LANGUAGE = "FOREIGN_LANGUAGE", _("Ngoại ngữ")
    IT = "IT", _("Tin học")
    ETHNIC_LANGUAGE = "ETHNIC_LANGUAGE", _("Tiếng dân tộc thiểu số")
    ACADEMIC_TITLE = "ACADEMIC_TITLE", _("Học hàm")


# scale -> [(level code, Vietnamese label, rank)]; rank orders levels within a scale ("at or above").
QUALIFICATION_LEVELS: dict[str, list[tuple[str, str, int]]] = {
    QualificationScale.PROFESSIONAL: [
        ("SO_CAP", "Sơ cấp", 2),
        ("TRUNG_CAP", "Trung cấp", 4),
        ("CAO_DANG", "Cao đẳng", 5),
        ("DAI_HOC", "Đại học", 6),
        ("THAC_SI", "Thạc sĩ", 7),
        ("TIEN_SI", "Tiến sĩ", 8),
    ],
    QualificationScale.POLITICAL_THEORY: [
        ("SO_CAP", "Sơ cấp", 1),
        ("TRUNG_CAP", "Trung cấp", 2),
        ("CAO_CAP", "Cao cấp", 3),
        ("CU_NHAN", "Cử nhân chính trị (tương đương cao cấp)", 3),
    ],
    QualificationScale.STATE_MGMT: [
        ("CAN_SU", "Cán sự", 1),
        ("CHUYEN_VIEN", "Chuyên viên", 2),
        ("CHUYEN_VIEN_CHINH", "Chuyên viên chính", 3),
        ("CHUYEN_VIEN_CAO_CAP", "Chuyên viên cao cấp", 4),
    ],
    QualificationScale.FOREIGN_LANGUAGE: [
        ("A1", "Bậc 1 (A1)", 1),
        ("A2", "Bậc 2 (A2)", 2),
        ("B1", "Bậc 3 (B1)", 3),
        ("B2", "Bậc 4 (B2)", 4),
        ("C1", "Bậc 5 (C1)", 5),
        ("C2", "Bậc 6 (C2)", 6),
    ],
    QualificationScale.IT: [
        ("CO_BAN", "Ứng dụng CNTT cơ bản", 1),
        ("NANG_CAO", "Ứng dụng CNTT nâng cao", 2),
        ("CAO_DANG_CNTT", "Cao đẳng CNTT trở lên", 3),
    ],
    QualificationScale.ETHNIC_LANGUAGE: [
        ("CHUNG_CHI", "Chứng chỉ tiếng dân tộc", 1),
        ("THANH_THAO", "Thành thạo (sử dụng thông thạo)", 2),
    ],
    QualificationScale.ACADEMIC_TITLE: [
        ("PHO_GIAO_SU", "Phó Giáo sư", 1),
        ("GIAO_SU", "Giáo sư", 2),
    ],
}


def level_choices(scale: str) -> list[tuple[str, str]]:
    return [(code, label) for code, label, _rank in QUALIFICATION_LEVELS.get(scale, [])]


def level_rank(scale: str, level: str) -> int | None:
    for code, _label, rank in QUALIFICATION_LEVELS.get(scale, []):
        if code == level:
            return rank
    return None


def level_label(scale: str, level: str) -> str:
    for code, label, _rank in QUALIFICATION_LEVELS.get(scale, []):
        if code == level:
            return label
    return level


ALL_LEVEL_CHOICES = sorted(
    {(code, label) for levels in QUALIFICATION_LEVELS.values() for code, label, _ in levels}
)

# The 54 ethnic groups with the codes of the General Statistics Office list (QĐ 121-TCTK/PPCĐ).
ETHNICITIES = [
    "Kinh",
    "Tày",
    "Thái",
    "Hoa",
    "Khơ-me",
    "Mường",
    "Nùng",
    "HMông",
    "Dao",
    "Gia-rai",
    "Ngái",
    "Ê-đê",
    "Ba-na",
    "Xơ-đăng",
    "Sán Chay",
    "Cơ-ho",
    "Chăm",
    "Sán Dìu",
    "Hrê",
    "Mnông",
    "Ra-glai",
    "Xtiêng",
    "Bru-Vân Kiều",
    "Thổ",
    "Giáy",
    "Cơ-tu",
    "Gié-Triêng",
    "Mạ",
    "Khơ-mú",
    "Co",
    "Tà-ôi",
    "Chơ-ro",
    "Kháng",
    "Xinh-mun",
    "Hà Nhì",
    "Chu-ru",
    "Lào",
    "La Chí",
    "La Ha",
    "Phù Lá",
    "La Hủ",
    "Lự",
    "Lô Lô",
    "Chứt",
    "Mảng",
    "Pà Thẻn",
    "Cơ Lao",
    "Cống",
    "Bố Y",
    "Si La",
    "Pu Péo",
    "Brâu",
    "Ơ-đu",
    "Rơ-măm",
]
ETHNICITY_CHOICES = [(f"{i:02d}", name) for i, name in enumerate(ETHNICITIES, start=1)]
assert len(ETHNICITY_CHOICES) == 54

# Province codes of the 12-digit personal ID (Thông tư 59/2021/TT-BCA, before the 2025 mergers).
ID_PROVINCE_CODES = {
    "001",
    "002",
    "004",
    "006",
    "008",
    "010",
    "011",
    "012",
    "014",
    "015",
    "017",
    "019",
    "020",
    "022",
    "024",
    "025",
    "026",
    "027",
    "030",
    "031",
    "033",
    "034",
    "035",
    "036",
    "037",
    "038",
    "040",
    "042",
    "044",
    "045",
    "046",
    "048",
    "049",
    "051",
    "052",
    "054",
    "056",
    "058",
    "060",
    "062",
    "064",
    "066",
    "067",
    "068",
    "070",
    "072",
    "074",
    "075",
    "077",
    "079",
    "080",
    "082",
    "083",
    "084",
    "086",
    "087",
    "089",
    "091",
    "092",
    "093",
    "094",
    "095",
    "096",
}
