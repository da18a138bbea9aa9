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
