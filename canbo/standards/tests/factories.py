import datetime

from canbo.people.models import Position
from canbo.standards.choices import CriterionKind
from canbo.standards.models import StandardCriterion, TitleStandard


def director_standard(valid_from=datetime.date(2020, 1, 1), **extra) -> TitleStandard:
    """Giám đốc sở: university, advanced political theory, principal state management, 5 years of service,
    24 months as deputy (tier ≥ 6), 5 years of service left, in the approved plan."""
    position = Position.objects.get(code="GIAM_DOC_SO")
    # The catalogue (migration 0003) has its own versions of this post: the tests know exactly which apply.
    TitleStandard.objects.filter(position=position).delete()
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


RANKS = {
    ("PROFESSIONAL", "DAI_HOC"): 6,
    ("PROFESSIONAL", "THAC_SI"): 7,
    ("PROFESSIONAL", "TRUNG_CAP"): 4,
    ("POLITICAL_THEORY", "TRUNG_CAP"): 2,
    ("POLITICAL_THEORY", "CAO_CAP"): 3,
    ("STATE_MGMT", "CHUYEN_VIEN"): 2,
    ("STATE_MGMT", "CHUYEN_VIEN_CHINH"): 3,
    ("IT", "CO_BAN"): 1,
}


def qualify(person, awarded_on=datetime.date(2015, 6, 1), **levels):
    """qualify(p, PROFESSIONAL="DAI_HOC", POLITICAL_THEORY="CAO_CAP")."""
    from tests.factories import QualificationFactory

    for scale, level in levels.items():
        QualificationFactory(
            person=person, scale=scale, level=level, rank=RANKS[(scale, level)], awarded_on=awarded_on
        )


def plan_for(person, unit, user, position_code="GIAM_DOC_SO", approved_on=datetime.date(2025, 11, 1)):
    """An approved planning entry of `person` for the post in a 2025–2030 term."""
    from canbo.planning.models import PlannedPost, PlanningDecision, PlanningEntry, PlanningTerm

    term, _ = PlanningTerm.objects.get_or_create(
        code="2025-2030",
        defaults={
            "kind": "PARTY",
            "start_date": datetime.date(2025, 10, 1),
            "end_date": datetime.date(2030, 9, 30),
        },
    )
    post = PlannedPost.objects.create(
        term=term, unit=unit, position=Position.objects.get(code=position_code), tier="TINH"
    )
    decision = PlanningDecision.objects.create(
        term=term, number=f"{post.pk}-QĐ/TU", date=approved_on, approving_body="BTV Tỉnh ủy"
    )
    return PlanningEntry.objects.create(
        post=post,
        person=person,
        status="APPROVED",
        approved_by=decision,
        approved_on=approved_on,
        proposed_by=user,
    )


def deputy_director(unit, user, **person_fields):
    """A deputy director since 2023 (service since 2005) who meets every criterion of director_standard."""
    from canbo.people.models import Employment
    from tests.factories import PersonFactory

    fields = {"full_name": "Lò Văn Đạt", "gender": "NAM", "date_of_birth": datetime.date(1978, 3, 1)}
    fields.update(person_fields)
    person = PersonFactory(current_unit=unit, start_date=datetime.date(2005, 1, 1), **fields)
    Employment.objects.filter(person=person).update(end_date=datetime.date(2022, 12, 31))
    deputy = Position.objects.get(code="PHO_GIAM_DOC_SO")
    Employment.objects.create(
        person=person, unit=unit, category="CC", start_date=datetime.date(2023, 1, 1), position=deputy
    )
    type(person).objects.filter(pk=person.pk).update(position=deputy)
    person.position = deputy
    qualify(person, PROFESSIONAL="THAC_SI", POLITICAL_THEORY="CAO_CAP", STATE_MGMT="CHUYEN_VIEN_CHINH")
    plan_for(person, unit, user)
    return person
