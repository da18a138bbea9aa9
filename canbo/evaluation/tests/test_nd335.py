"""NĐ 335/2025 (issue 15): only civil servants and only from the 2026 rating; the leaders' formula; a leader
whose unit had corruption is KHT; the HTXS cap per agency and per group of similar duties."""

import datetime
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError

from canbo.evaluation import rules, services
from canbo.evaluation.deliverables import deliverable_add
from canbo.evaluation.models import RatingSheet
from canbo.evaluation.selectors import sheet_tasks_score
from canbo.people.models import Position

from .conftest import decided, sheet_of

pytestmark = pytest.mark.django_db


def messages(exc) -> str:
    return " ".join(exc.value.messages)


@pytest.mark.parametrize(
    ("category", "year", "applies"),
    [("CC", 2025, False), ("CC", 2026, True), ("VC", 2026, False), ("CB", 2026, False)],
)
def test_the_points_apply_to_civil_servants_from_2026_only(category, year, applies):
    assert rules.points_apply(category, year) is applies


def test_scores_are_refused_for_a_public_employee_in_2026():
    errors = rules.score_errors(D(20), D(65), "HTT", category="VC", year=2026)
    assert "không chấm điểm theo NĐ 335/2025" in errors["score"][0]
    assert rules.score_errors(D(20), D(65), "HTT", category="CC", year=2026) == {}


def test_scores_are_refused_for_a_civil_servant_in_2025():
    assert (
        "hãy để trống điểm" in rules.score_errors(D(25), D(65), "HTT", category="CC", year=2025)["score"][0]
    )
    assert rules.score_errors(None, None, "HTT", category="CC", year=2025) == {}


def test_a_public_employees_deliverables_give_no_computed_score(alice, anh, anh_sheet):
    deliverable_add(
        actor=alice, sheet=anh_sheet, data={"period_kind": "MONTH", "period": 1, "title": "Báo cáo"}
    )
    assert sheet_tasks_score(sheet=anh_sheet) == D("70.00")
    anh.category = "VC"
    anh.save(update_fields=["category"])
    assert sheet_tasks_score(sheet=RatingSheet.objects.get(pk=anh_sheet.pk)) is None


def test_the_leaders_formula_shares_70_points_among_own_work_unit_results_and_organisation():
    assert rules.leader_tasks_score(D(70), 100, 100) == D("70.00")
    assert rules.leader_tasks_score(D(70), 50, 100) == D("58.33")  # a KHT subordinate: unit results at 50 %
    assert rules.leader_tasks_score(D(35), 100, 40) == D("44.33")  # 70 × (0,5 + 1 + 0,4) / 3
    assert rules.leader_tasks_score(D(70), None, 100) is None


@pytest.fixture
def leader_anh(anh):
    anh.position = Position.objects.create(
        code="TP", name="Trưởng phòng", is_leadership=True, tier=4, valid_from=datetime.date(2000, 1, 1)
    )
    anh.save(update_fields=["position"])
    return anh


def test_a_leaders_computed_score_uses_the_leaders_formula(alice, leader_anh, anh_sheet):
    deliverable_add(
        actor=alice, sheet=anh_sheet, data={"period_kind": "MONTH", "period": 1, "title": "Báo cáo"}
    )
    sheet = RatingSheet.objects.get(pk=anh_sheet.pk)
    assert sheet_tasks_score(sheet=sheet) is None  # the two other parts are not known yet
    sheet = services.sheet_set_facts(
        actor=alice, sheet=sheet, months_worked=12, leave_months=0, maternity=False,
        unit_results_percent=50, organisation_percent=100,
    )  # fmt: skip
    assert sheet_tasks_score(sheet=RatingSheet.objects.get(pk=sheet.pk)) == D("58.33")


def test_corruption_in_the_leaders_unit_forces_kht(alice, leader_anh, anh_sheet):
    sheet = services.sheet_set_facts(
        actor=alice, sheet=anh_sheet, months_worked=12, leave_months=0, maternity=False,
        unit_corruption_note="KL 5/KL-TTr ngày 02/03/2026",
    )  # fmt: skip
    with pytest.raises(ValidationError) as exc:
        services.sheet_propose(actor=alice, sheet=sheet, level="HT")
    assert "để xảy ra tham ô, tham nhũng, lãng phí" in messages(exc)
    assert services.sheet_propose(actor=alice, sheet=sheet, level="KHT").proposed_level == "KHT"


def test_the_corruption_ground_is_for_leaders_only(alice, anh_sheet):
    with pytest.raises(ValidationError) as exc:
        services.sheet_set_facts(
            actor=alice, sheet=anh_sheet, months_worked=12, leave_months=0, maternity=False,
            unit_corruption_note="KL 5", unit_results_percent=80,
        )  # fmt: skip
    assert set(exc.value.message_dict) == {"unit_corruption_note", "unit_results_percent"}


def _group(actor, sheet, group):
    return services.sheet_set_facts(
        actor=actor, sheet=sheet, months_worked=12, leave_months=0, maternity=False, duty_group=group
    )


def test_the_excellent_cap_holds_per_group_of_similar_duties_too(make_people, board, year):
    people = make_people(12)
    services.campaign_open(
        actor=board, year=year, unit=people[0].current_unit.parent, deadline=datetime.date(year, 12, 1)
    )
    sheets = [sheet_of(p) for p in people]
    # group A: 4 HTT; group B: 6 HTT → the unit allows 2 HTXS (10 × 20 %), group A none, group B one
    for sheet in sheets[:4]:
        decided(_group(board, sheet, "Tham mưu tổng hợp"), board, "HTT")
    for sheet in sheets[4:10]:
        decided(_group(board, sheet, "Hành chính một cửa"), board, "HTT")
    with pytest.raises(ValidationError) as exc:
        decided(_group(board, sheets[10], "Tham mưu tổng hợp"), board, "HTXS")
    assert "nhóm nhiệm vụ “Tham mưu tổng hợp”" in messages(exc) and "(tối đa 0 người)" in messages(exc)
    decided(_group(board, sheets[11], "Hành chính một cửa"), board, "HTXS")  # within both caps


def test_the_cap_per_group_does_not_hold_before_2026(make_people, board):
    assert rules.excellent_cap(2025)["duty_group_categories"] == []
    assert rules.excellent_cap(2026)["duty_group_categories"] == ["CC"]
