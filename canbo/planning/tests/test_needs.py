"""Training needs of the plan: gaps per person, counts by tier and criterion, and next year's plan lines."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from canbo.planning import services
from canbo.planning.needs import training_needs
from canbo.standards.models import StandardCriterion, TitleStandard
from canbo.standards.tests.factories import director_standard
from canbo.training.choices import PlanStatus
from canbo.training.models import PlanLine
from canbo.training.tests.factories import TrainingPlanFactory
from tests.factories import PersonFactory, QualificationFactory

from .factories import DecisionFactory, PostFactory, TermFactory, approved, position

D = datetime.date
LONG_AGO = D(2015, 1, 1)
ON = D(2026, 6, 1)
RANKS = {"DAI_HOC": 6, "TRUNG_CAP": 2, "CAO_CAP": 3, "CU_NHAN": 3, "CHUYEN_VIEN_CHINH": 3}


def holds(person, scale, level, on=LONG_AGO):
    QualificationFactory(person=person, scale=scale, level=level, rank=RANKS[level], awarded_on=on)


@pytest.fixture
def needs_plan(tree, db):
    """Director posts (TINH) in SO_A and SO_B, a district vice-chair post (HUYEN) in SO_B; standards for both
    (the catalogue's own are set aside: the tests know exactly which criteria apply)."""
    TitleStandard.objects.all().delete()
    director_standard()
    vice = TitleStandard.objects.create(
        position=position("PCT_UBND_HUYEN"), name="Tiêu chuẩn PCT UBND huyện", valid_from=D(2020, 1, 1)
    )
    StandardCriterion.objects.create(
        standard=vice, kind="QUALIFICATION", scale="POLITICAL_THEORY", min_level="CAO_CAP"
    )
    StandardCriterion.objects.create(standard=vice, kind="SERVICE_YEARS", years=5)
    term = TermFactory()
    decision = DecisionFactory(term=term, date=D(2025, 11, 1))
    dir_a = PostFactory(term=term, unit=tree["dept_a"])
    dir_b = PostFactory(term=term, unit=tree["dept_b"])
    vice_b = PostFactory(term=term, unit=tree["dept_b"], position=position("PCT_UBND_HUYEN"), tier="HUYEN")
    q1 = PersonFactory(current_unit=tree["dept_a"])  # lacks advanced political theory only
    holds(q1, "PROFESSIONAL", "DAI_HOC")
    holds(q1, "POLITICAL_THEORY", "TRUNG_CAP")
    holds(q1, "STATE_MGMT", "CHUYEN_VIEN_CHINH")
    q2 = PersonFactory(current_unit=tree["dept_b"])  # lacks all three
    q3 = PersonFactory(current_unit=tree["dept_b"])  # a bachelor of politics: nothing lacking for vice-chair
    holds(q3, "POLITICAL_THEORY", "CU_NHAN")
    for post, p in [(dir_a, q1), (vice_b, q1), (dir_b, q2), (vice_b, q3)]:
        approved(post, p, decision=decision)
    return {"term": term, "q1": q1, "q2": q2, "q3": q3, "posts": (dir_a, dir_b, vice_b)}


def test_gaps_are_listed_per_person_and_post_with_what_is_missing(board, needs_plan):
    needs = training_needs(user=board, term=needs_plan["term"], on=ON)

    items = {(i.person.pk, i.tier): [g.label for g in i.gaps] for i in needs.items}
    assert items == {
        (needs_plan["q1"].pk, "TINH"): ["thiếu cao cấp LLCT"],
        (needs_plan["q1"].pk, "HUYEN"): ["thiếu cao cấp LLCT"],
        (needs_plan["q2"].pk, "TINH"): [
            "thiếu cao cấp LLCT",
            "thiếu trình độ đại học",
            "thiếu QLNN chuyên viên chính",
        ],
    }
    assert needs.planned == 3 and needs.persons == 2
    assert "hiện có: trung cấp" in needs.items[0].gaps[0].message


def test_counts_by_tier_and_by_criterion_count_each_person_once(board, needs_plan):
    needs = training_needs(user=board, term=needs_plan["term"], on=ON)

    assert needs.by_tier == {
        "TINH": {
            ("POLITICAL_THEORY", "CAO_CAP"): 2,
            ("PROFESSIONAL", "DAI_HOC"): 1,
            ("STATE_MGMT", "CHUYEN_VIEN_CHINH"): 1,
        },
        "HUYEN": {("POLITICAL_THEORY", "CAO_CAP"): 1},
    }
    assert needs.by_criterion[("POLITICAL_THEORY", "CAO_CAP")] == 2  # q1 counted once across tiers
    lines = {(line.programme.code, line.count) for line in needs.lines}
    assert lines == {("LLCT_CAO_CAP", 2), ("DT_DAI_HOC", 1), ("QLNN_CHUYEN_VIEN_CHINH", 1)}


def test_a_qualification_awarded_after_the_date_is_still_a_need(board, needs_plan):
    holds(needs_plan["q1"], "POLITICAL_THEORY", "CAO_CAP", on=D(2026, 7, 1))

    before = training_needs(user=board, term=needs_plan["term"], on=ON)
    after = training_needs(user=board, term=needs_plan["term"], on=D(2026, 7, 1))

    assert before.by_criterion[("POLITICAL_THEORY", "CAO_CAP")] == 2
    assert after.by_criterion[("POLITICAL_THEORY", "CAO_CAP")] == 1


def test_needs_are_scoped_to_the_users_units(alice, charlie, needs_plan):
    assert {i.person.pk for i in training_needs(user=alice, term=needs_plan["term"], on=ON).items} == {
        needs_plan["q1"].pk
    }
    charlies = training_needs(user=charlie, term=needs_plan["term"], on=ON)
    assert charlies.by_tier["HUYEN"] == {("POLITICAL_THEORY", "CAO_CAP"): 1} and charlies.planned == 3


def test_needs_take_one_query_per_position_not_per_person(board, needs_plan, tree, django_assert_num_queries):
    training_needs(user=board, term=needs_plan["term"], on=ON)  # roles cached
    decision = DecisionFactory(term=needs_plan["term"])
    for _ in range(6):
        approved(needs_plan["posts"][1], PersonFactory(current_unit=tree["dept_b"]), decision=decision)
    # entries, standards, criteria, one evaluation per position (2), the programmes
    with django_assert_num_queries(6):
        needs = training_needs(user=board, term=needs_plan["term"], on=ON)
    assert needs.by_criterion[("POLITICAL_THEORY", "CAO_CAP")] == 8


def test_a_position_without_a_standard_is_reported(board, needs_plan, tree):
    post = PostFactory(
        term=needs_plan["term"], unit=tree["dept_a"], position=position("TRUONG_PHONG"), tier="PHONG"
    )
    approved(
        post, PersonFactory(current_unit=tree["dept_a"]), decision=DecisionFactory(term=needs_plan["term"])
    )

    needs = training_needs(user=board, term=needs_plan["term"], on=ON)

    assert [p.code for p in needs.no_standard] == ["TRUONG_PHONG"]


# --- one click: lines of next year's training plan -----------------------------------------------------------


def test_the_needs_become_lines_of_next_years_draft_plan_and_a_second_click_updates_them(
    board, needs_plan, tree
):
    plan = TrainingPlanFactory(year=2027, owner_unit=tree["province"])

    services.training_lines_propose(actor=board, term=needs_plan["term"], plan=plan, on=ON)
    services.training_lines_propose(actor=board, term=needs_plan["term"], plan=plan, on=ON)

    lines = {(line.programme.code, line.target_count) for line in PlanLine.objects.filter(plan=plan)}
    assert lines == {("LLCT_CAO_CAP", 2), ("DT_DAI_HOC", 1), ("QLNN_CHUYEN_VIEN_CHINH", 1)}
    line = PlanLine.objects.get(plan=plan, programme__code="LLCT_CAO_CAP")
    assert line.responsible_unit == tree["province"] and "2025-2030" in line.audience


def test_an_officer_fills_her_units_plan_with_her_units_needs(alice, needs_plan, tree):
    plan = TrainingPlanFactory(year=2027, owner_unit=tree["dept_a"])

    services.training_lines_propose(actor=alice, term=needs_plan["term"], plan=plan, on=ON)

    assert [(li.programme.code, li.target_count) for li in plan.lines.all()] == [("LLCT_CAO_CAP", 1)]


def test_the_plan_must_be_next_years_draft_of_a_unit_the_user_edits(alice, board, needs_plan, tree):
    with pytest.raises(ValidationError, match="kế hoạch năm 2027"):
        services.training_lines_propose(
            actor=board,
            term=needs_plan["term"],
            plan=TrainingPlanFactory(year=2026, owner_unit=tree["province"]),
            on=ON,
        )
    issued = TrainingPlanFactory(year=2027, owner_unit=tree["dept_b"], status=PlanStatus.SUBMITTED)
    with pytest.raises(ValidationError, match="dự thảo"):
        services.training_lines_propose(actor=board, term=needs_plan["term"], plan=issued, on=ON)
    with pytest.raises(PermissionDenied):
        services.training_lines_propose(
            actor=alice,
            term=needs_plan["term"],
            plan=TrainingPlanFactory(year=2027, owner_unit=tree["province"]),
            on=ON,
        )
    assert not PlanLine.objects.exists()
