import datetime

from canbo.people.models import Position
from canbo.standards.choices import CriterionKind
from canbo.standards.models import StandardCriterion, TitleStandard


def director_standard(valid_from=datetime.date(2020, 1, 1), **extra) -> TitleStandard:
    """Giám đốc sở: university, advanced political theory, principal state management, 5 years of service,
    24 months as deputy (tier ≥ 6), 5 years of service left, in the approved plan."""
    position = Position.objects.get(code="GIAM_DOC_SO")
    standard = TitleStandard.objects.create(
        position=position,
        name="Tiêu chuẩn Giám đốc sở",
        valid_from=valid_from,
        legal_basis="QĐ 89-QĐ/TW",
        **extra,
    )
    Q = CriterionKind.QUALIFICATION
    for kind, values in [
        (Q, {"scale": "PROFESSIONAL", "min_level": "DAI_HOC"}),
        (Q, {"scale": "POLITICAL_THEORY", "min_level": "CAO_CAP"}),
        (Q, {"scale": "STATE_MGMT", "min_level": "CHUYEN_VIEN_CHINH"}),
        (CriterionKind.SERVICE_YEARS, {"years": 5}),
        (CriterionKind.POST_MONTHS, {"months": 24, "lower_tier": 6}),
        (CriterionKind.SERVICE_LEFT, {"years": 5}),
        (CriterionKind.IN_PLAN, {}),
    ]:
        StandardCriterion.objects.create(standard=standard, kind=kind, **values)
    return standard
