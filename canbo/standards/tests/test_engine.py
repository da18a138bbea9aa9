"""The standards engine: each kind of criterion met and unmet, one person and in bulk, in one query."""

import datetime

import pytest

from canbo.people.models import Employment, Person, Position
from canbo.planning.models import PlannedPost, PlanningDecision, PlanningEntry, PlanningTerm
from canbo.standards.engine import check_person, evaluate, gaps_of, unmet_q
from tests.factories import PersonFactory, QualificationFactory

from .factories import director_standard

D = datetime.date
ON = D(2026, 6, 1)


@pytest.fixture
def standard(db):
    return director_standard()


def qualify(person, **levels):
    scales = {"prof": "PROFESSIONAL", "pt": "POLITICAL_THEORY", "sm": "STATE_MGMT"}
    ranks = {
        "DAI_HOC": 6,
        "THAC_SI": 7,
        "TRUNG_CAP": 2,
        "CAO_CAP": 3,
        "CHUYEN_VIEN": 2,
        "CHUYEN_VIEN_CHINH": 3,
    }
    for key, level in levels.items():
        QualificationFactory(
            person=person, scale=scales[key], level=level, rank=ranks[level], awarded_on=D(2015, 6, 1)
        )


def plan(person, tree, user):
    term = PlanningTerm.objects.create(
        code="2025-2030", kind="PARTY", start_date=D(2025, 10, 1), end_date=D(2030, 9, 30)
    )
    post = PlannedPost.objects.create(
        term=term, unit=tree["dept_a"], position=Position.objects.get(code="GIAM_DOC_SO"), tier="TINH"
    )
    decision = PlanningDecision.objects.create(
        term=term, number="01-QĐ/TU", date=D(2025, 11, 1), approving_body="BTV Tỉnh ủy"
    )
    return PlanningEntry.objects.create(
        post=post,
        person=person,
        status="APPROVED",
        approved_by=decision,
        approved_on=D(2025, 11, 1),
        proposed_by=user,
    )


@pytest.fixture
def ready(tree, board):
    """A deputy director who meets everything."""
    person = PersonFactory(
        full_name="Lò Văn Đạt",
        gender="NAM",
        current_unit=tree["dept_a"],
        date_of_birth=D(1978, 3, 1),
        start_date=D(2005, 1, 1),
    )
    Employment.objects.filter(person=person).update(end_date=D(2022, 12, 31))
    Employment.objects.create(
        person=person,
        unit=tree["dept_a"],
        category="CC",
        start_date=D(2023, 1, 1),
        position=Position.objects.get(code="PHO_GIAM_DOC_SO"),
    )
    qualify(person, prof="THAC_SI", pt="CAO_CAP", sm="CHUYEN_VIEN_CHINH")
    plan(person, tree, board)
    return person


def test_a_person_meeting_every_criterion(standard, ready):
    check = check_person(ready, standard.position, ON, "HIGHER")
    assert check.met, check.messages


def test_each_criterion_unmet_says_what_is_missing(standard, tree):
    young = PersonFactory(
        full_name="Giàng A Páo",
        gender="NAM",
        current_unit=tree["dept_a"],
        date_of_birth=D(1966, 5, 1),
        start_date=D(2024, 1, 1),
    )
    qualify(young, prof="DAI_HOC", pt="TRUNG_CAP")
    check = check_person(young, standard.position, ON, "HIGHER")
    assert not check.met
    text = "\n".join(check.messages)
    assert "Cần lý luận chính trị Cao cấp; hiện có: trung cấp." in text
    assert "Cần quản lý nhà nước Chuyên viên chính; hiện có: chưa có." in text
    assert "Cần ít nhất 5 năm công tác; công tác từ 01/01/2024." in text
    assert "Cần ít nhất 24 tháng giữ chức vụ thấp hơn liền kề; chưa giữ chức vụ tương đương." in text
    assert "Cần còn ít nhất 5 năm công tác tính đến 01/06/2026; nghỉ hưu ngày 31/05/2028." in text
    assert "Chưa có trong quy hoạch" in text
    assert len(check.gaps) == 6  # the university degree is met


def test_first_appointment_skips_lower_post_and_reappointment_skips_plan_and_age(standard, ready):
    Employment.objects.filter(person=ready, end_date__isnull=True).update(start_date=D(2026, 1, 1))
    kinds = {
        k: {g.kind for g in check_person(ready, standard.position, ON, k).gaps} for k in ("FIRST", "HIGHER")
    }
    assert kinds == {"FIRST": set(), "HIGHER": {"POST_MONTHS"}}
    old = PersonFactory(
        current_unit=ready.current_unit, date_of_birth=D(1966, 5, 1), start_date=D(2000, 1, 1)
    )
    qualify(old, prof="DAI_HOC", pt="CAO_CAP", sm="CHUYEN_VIEN_CHINH")
    Employment.objects.filter(person=old).update(position=Position.objects.get(code="GIAM_DOC_SO"))
    assert check_person(old, standard.position, ON, "REAPPOINT").met
    assert {g.kind for g in check_person(old, standard.position, ON, "HIGHER").gaps} == {
        "SERVICE_LEFT",
        "IN_PLAN",
    }


def test_qualifications_count_as_of_the_date(standard, ready):
    from canbo.people.models import Qualification

    Qualification.objects.filter(person=ready, scale="POLITICAL_THEORY").update(awarded_on=D(2026, 9, 1))
    assert [g.scale for g in check_person(ready, standard.position, ON, "HIGHER").gaps] == [
        "POLITICAL_THEORY"
    ]
    assert check_person(ready, standard.position, D(2026, 9, 1), "HIGHER").met


def test_no_standard_in_force_is_not_met(ready):
    check = check_person(ready, Position.objects.get(code="CHUYEN_VIEN"), ON)  # not in the catalogue
    assert not check.met and "chưa có tiêu chuẩn" in check.messages[0]


def test_bulk_is_one_query_and_agrees_with_the_single_check(standard, ready, tree, django_assert_num_queries):
    for i in range(30):
        p = PersonFactory(
            full_name=f"Người {i}", current_unit=tree["dept_a"], date_of_birth=D(1970 + i % 20, 1, 1)
        )
        if i % 3:
            qualify(p, prof="DAI_HOC", pt="CAO_CAP" if i % 2 else "TRUNG_CAP")
    rows, criteria = evaluate(Person.objects.all(), standard, ON, "HIGHER")
    with django_assert_num_queries(1):
        rows = list(rows)
    assert len(rows) == 31
    by_pk = {r["pk"]: gaps_of(r, criteria, ON) for r in rows}
    for person in Person.objects.all():
        assert [g.message for g in by_pk[person.pk]] == check_person(
            person, standard.position, ON, "HIGHER"
        ).messages
    unmet, _ = evaluate(Person.objects.all(), standard, ON, "HIGHER")
    assert unmet.filter(unmet_q(criteria)).count() == 30
