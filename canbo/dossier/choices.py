from django.db import models
from django.utils.translation import gettext_lazy as _


class FamilySide(models.TextChoices):
    """Mẫu 2C / SYLL: relatives on one's own side, then on the spouse's side."""

    OWN = "OWN", _("Về bản thân")
    SPOUSE = "SPOUSE", _("Về bên vợ (hoặc chồng)")


class FamilyRelation(models.TextChoices):
    FATHER = "FATHER", _("Bố đẻ")
    MOTHER = "MOTHER", _("Mẹ đẻ")
    WIFE = "WIFE", _("Vợ")
    HUSBAND = "HUSBAND", _("Chồng")
    CHILD = "CHILD", _("Con")
    ADOPTED_CHILD = "ADOPTED_CHILD", _("Con nuôi")
    ELDER_BROTHER = "ELDER_BROTHER", _("Anh ruột")
    ELDER_SISTER = "ELDER_SISTER", _("Chị ruột")
    YOUNGER_SIBLING = "YOUNGER_SIBLING", _("Em ruột")
    FATHER_IN_LAW = "FATHER_IN_LAW", _("Bố vợ (chồng)")
    MOTHER_IN_LAW = "MOTHER_IN_LAW", _("Mẹ vợ (chồng)")
    SIBLING_IN_LAW = "SIBLING_IN_LAW", _("Anh, chị, em ruột của vợ (chồng)")
    GUARDIAN = "GUARDIAN", _("Người nuôi dưỡng")


# Which side each relation belongs to: the forms list the spouse's parents and siblings apart.
SPOUSE_SIDE_RELATIONS = frozenset(
    {FamilyRelation.FATHER_IN_LAW, FamilyRelation.MOTHER_IN_LAW, FamilyRelation.SIBLING_IN_LAW}
)


def side_of(relation: str) -> str:
    return FamilySide.SPOUSE if relation in SPOUSE_SIDE_RELATIONS else FamilySide.OWN


class OrganisationKind(models.TextChoices):
    """Political and socio-political organisations (NĐ 27/2026 group 7)."""

    PARTY = "PARTY", _("Đảng Cộng sản Việt Nam")
    FATHERLAND_FRONT = "FATHERLAND_FRONT", _("Mặt trận Tổ quốc Việt Nam")
    TRADE_UNION = "TRADE_UNION", _("Công đoàn Việt Nam")
    YOUTH_UNION = "YOUTH_UNION", _("Đoàn Thanh niên Cộng sản Hồ Chí Minh")
    WOMEN_UNION = "WOMEN_UNION", _("Hội Liên hiệp Phụ nữ Việt Nam")
    VETERANS = "VETERANS", _("Hội Cựu chiến binh Việt Nam")
    FARMERS = "FARMERS", _("Hội Nông dân Việt Nam")
    OTHER = "OTHER", _("Tổ chức chính trị - xã hội khác")


class ArmedForce(models.TextChoices):
    """Where the person served (NĐ 27/2026 group 8)."""

    ARMY = "ARMY", _("Quân đội nhân dân")
    POLICE = "POLICE", _("Công an nhân dân")
    MILITIA = "MILITIA", _("Dân quân tự vệ")
    YOUTH_VOLUNTEER = "YOUTH_VOLUNTEER", _("Thanh niên xung phong")


class DeclarationKind(models.TextChoices):
    """Asset and income declarations (Luật PCTN 2018 Art 36; NĐ 130/2020): only the reference is kept."""

    FIRST = "FIRST", _("Kê khai lần đầu")
    ANNUAL = "ANNUAL", _("Kê khai hằng năm")
    SUPPLEMENTARY = "SUPPLEMENTARY", _("Kê khai bổ sung")
    APPOINTMENT = "APPOINTMENT", _("Kê khai phục vụ công tác cán bộ")


class HealthStatus(models.TextChoices):
    GOOD = "GOOD", _("Tốt")
    FAIR = "FAIR", _("Khá")
    AVERAGE = "AVERAGE", _("Trung bình")
    WEAK = "WEAK", _("Yếu")


class BloodGroup(models.TextChoices):
    O = "O", "O"  # noqa: E741 (the blood group)
    A = "A", "A"
    B = "B", "B"
    AB = "AB", "AB"


class DocumentKind(models.TextChoices):
    """Scanned components of the electronic dossier (NĐ 27/2026: the e-dossier replaces the paper one)."""

    SIGNED_SYLL = "SIGNED_SYLL", _("Sơ yếu lý lịch đã ký")
    DIPLOMA = "DIPLOMA", _("Văn bằng, chứng chỉ")
    DECISION = "DECISION", _("Quyết định (tuyển dụng, bổ nhiệm, nâng lương, …)")
    HEALTH_CERTIFICATE = "HEALTH_CERTIFICATE", _("Giấy chứng nhận sức khỏe")
    BIRTH_CERTIFICATE = "BIRTH_CERTIFICATE", _("Giấy khai sinh")
    OTHER = "OTHER", _("Thành phần hồ sơ khác")
