"""Fixtures of the appointments and movements tests, on top of the root conftest's cast.

Dates are relative to today (the services refuse decisions dated in the future and check the standards on the
day of each step), so the tests hold whatever day they run on.

`standard`: Trưởng phòng (tier 4) needs a university degree, intermediate political theory, 5 years of service,
24 months in a post of tier ≥ 3 (not for a first appointment), 5 years of service left (first or higher) and
the approved plan (not for a reappointment).
`candidate`: a deputy head (tier 3) of dept_a's office for 4 years, who meets all of it.
"""

import datetime

import pytest
from django.utils import timezone

from canbo.core.dates import add_months, add_years
from canbo.movements.choices import AppointmentKind, AppointmentStatus
from canbo.movements.models import Appointment
from canbo.movements.services import term_end_for
from canbo.org.models import AdminLevel, UnitKind
from canbo.people.choices import PersonnelMove
from canbo.people.models import Employment, Position
from canbo.planning.models import PlannedPost, PlanningDecision, PlanningEntry, PlanningTerm
from canbo.standards.choices import CriterionKind
from canbo.standards.models import StandardCriterion, TitleStandard
from tests.factories import OrgUnitFactory, PersonFactory, QualificationFactory

D = datetime.date


def today() -> datetime.date:
    return timezone.localdate()


def position(code: str) -> Position:
    return Position.objects.get(code=code)


def make_standard(code: str = "TRUONG_PHONG") -> TitleStandard:
    post = position(code)
    TitleStandard.objects.filter(position=post).delete()  # the catalogue's own versions, if any
    standard = TitleStandard.objects.create(
        position=post, name=f"Tiêu chuẩn {post.name}", valid_from=D(2000, 1, 1), legal_basis="QĐ thử"
    )
    q = CriterionKind.QUALIFICATION
    for kind, values in [
        (q, {"scale": "PROFESSIONAL", "min_level": "DAI_HOC"}),
        (q, {"scale": "POLITICAL_THEORY", "min_level": "TRUNG_CAP"}),
        (CriterionKind.SERVICE_YEARS, {"years": 5}),
        (CriterionKind.POST_MONTHS, {"months": 24, "lower_tier": 3}),
        (CriterionKind.SERVICE_LEFT, {"years": 5}),
        (CriterionKind.IN_PLAN, {}),
    ]:
        StandardCriterion.objects.create(standard=standard, kind=kind, **values)
    return standard


def born_retiring_in(*, months: int, gender: str = "NAM") -> datetime.date:
    """A birth date whose retirement date (NĐ 135 roadmap) falls about `months` months from today."""
    from canbo.people.retirement import retirement_date

    target = add_months(today(), months)
    born = add_years(target, -62)
    while retirement_date(gender, born) < target:
        born += datetime.timedelta(days=7)
    while retirement_date(gender, born) > target:
        born -= datetime.timedelta(days=7)
    return born


@pytest.fixture
def standard(db):
    return make_standard()


def plan(person, unit, user, *, code="TRUONG_PHONG", start=None, end=None, approved_on=None):
    """An approved plan entry for `code` in `unit`, in a term covering [start, end] (default: today ± years)."""
    start = start or add_years(today(), -2)
    end = end or add_years(today(), 3)
    term, _ = PlanningTerm.objects.get_or_create(
        code=f"{start.year}-{end.year}", defaults={"kind": "PARTY", "start_date": start, "end_date": end}
    )
    post, _ = PlannedPost.objects.get_or_create(
        term=term, unit=unit, position=position(code), defaults={"tier": "PHONG"}
    )
    decision, _ = PlanningDecision.objects.get_or_create(
        term=term,
        number=f"{term.pk}-QĐ/TU",
        defaults={"date": approved_on or start, "approving_body": "Ban Thường vụ Tỉnh ủy"},
    )
    return PlanningEntry.objects.create(
        post=post,
        person=person,
        status="APPROVED",
        approved_by=decision,
        approved_on=decision.date,
        proposed_by=user,
    )


def make_person(
    unit,
    *,
    name="Lò Văn Đạt",
    gender="NAM",
    born=None,
    service_since=None,
    deputy_since=None,
    deputy_code="PHO_TRUONG_PHONG",
    qualifications=("DAI_HOC", "TRUNG_CAP"),
):
    """A working person of `unit` since `service_since`, deputy (a post of tier 3) since `deputy_since`."""
    born = born or add_years(today(), -45)
    service_since = service_since or add_years(today(), -20)
    person = PersonFactory(
        full_name=name, gender=gender, current_unit=unit, date_of_birth=born, start_date=service_since
    )
    if deputy_since:
        Employment.objects.filter(person=person).update(end_date=deputy_since - datetime.timedelta(days=1))
        deputy = position(deputy_code)
        Employment.objects.create(
            person=person, unit=unit, category="CC", start_date=deputy_since, position=deputy
        )
        type(person).objects.filter(pk=person.pk).update(position=deputy)
        person.position = deputy
    ranks = {"DAI_HOC": ("PROFESSIONAL", 6), "TRUNG_CAP": ("POLITICAL_THEORY", 2)}
    for level in qualifications:
        scale, rank = ranks[level]
        QualificationFactory(person=person, scale=scale, level=level, rank=rank, awarded_on=D(2010, 6, 1))
    return person


@pytest.fixture
def candidate(tree, board, standard):
    person = make_person(tree["dept_a_office"], deputy_since=add_years(today(), -4))
    plan(person, tree["dept_a_office"], board)
    return person


def decided(
    person, unit, user, *, code="TRUONG_PHONG", term_start, kind=AppointmentKind.FIRST, previous=None
):
    """A decided appointment (as the decision service leaves it), with its open career row."""
    post = position(code)
    Employment.objects.filter(person=person, end_date__isnull=True).update(
        end_date=term_start - datetime.timedelta(days=1)
    )
    employment = Employment.objects.create(
        person=person,
        unit=unit,
        category="CC",
        start_date=term_start,
        position=post,
        move=PersonnelMove.BO_NHIEM,
        decision_number=f"{term_start:%Y}-QĐ",
    )
    type(person).objects.filter(pk=person.pk).update(position=post, current_unit=unit)
    person.position, person.current_unit = post, unit
    return Appointment.objects.create(
        person=person,
        position=post,
        unit=unit,
        kind=kind,
        status=AppointmentStatus.DECIDED,
        previous=previous,
        decision_number=f"{term_start:%Y}-QĐ",
        decision_date=term_start,
        signer="Chủ tịch UBND tỉnh",
        term_start=term_start,
        term_end=term_end_for(term_start),
        employment=employment,
        proposed_by=user,
    )


@pytest.fixture
def head(tree, board, standard):
    """The head of dept_a's office, appointed 5 years ago less 60 days: the term ends in about two months."""
    person = make_person(tree["dept_a_office"], deputy_since=add_years(today(), -9))
    return decided(
        person, tree["dept_a_office"], board, term_start=add_years(today(), -5) + datetime.timedelta(60)
    )


@pytest.fixture
def levels(tree):
    """A district (before the 2025 reform) with an agency, and a commune under it."""
    district = OrgUnitFactory(
        code="H01", name="Huyện Một", parent=tree["province"], level=AdminLevel.HUYEN, kind=UnitKind.AREA
    )
    agency = OrgUnitFactory(code="H01_HU", name="Huyện ủy", parent=district, level=AdminLevel.HUYEN)
    commune = OrgUnitFactory(
        code="X01", name="Xã Một", parent=district, level=AdminLevel.XA, kind=UnitKind.COMMUNE
    )
    return {"district": district, "district_agency": agency, "commune": commune}


__all__ = ["add_months", "add_years", "today"]
