"""Anonymous aggregation: response rates per unit, k-anonymity merges, scoping and the report."""

import pytest

from canbo.reports.registry import get_report
from canbo.surveys.results import survey_results
from tests.factories import OrgUnitFactory

from .conftest import answer, invite, official


def respond(survey, board, unit, n, prefix, *, extra_invited=0, **kw):
    users = [official(unit, f"{prefix}{i}") for i in range(n + extra_invited)]
    invitations = invite(survey, board, *users)
    for user, invitation in list(zip(users, invitations, strict=True))[:n]:
        answer(survey, user, invitation, **kw)


@pytest.fixture
def answered(tree, board, survey):
    """SO_A: 2 answered (+1 invited), SO_A_VP: 3 answered, SO_B: 5 answered (+5 invited)."""
    respond(survey, board, tree["dept_a"], 2, "a", extra_invited=1)
    respond(survey, board, tree["dept_a_office"], 3, "v", choice_index=1, score=2)
    respond(survey, board, tree["dept_b"], 5, "b", extra_invited=5, score=5)
    return survey


def by_code(data):
    return {g.unit.code: g for g in data["groups"]}


def test_small_units_merge_into_their_parent(tree, board, answered):
    data = survey_results(user=board, survey=answered)
    groups = by_code(data)
    assert set(groups) == {"SO_A", "SO_B"}  # SO_A_VP (3) merged into SO_A (2 + 3 = 5)
    assert [u.code for u in groups["SO_A"].merged] == ["SO_A_VP"]
    assert (groups["SO_A"].invited, groups["SO_A"].responses, str(groups["SO_A"].rate)) == (6, 5, "83.3")
    assert (groups["SO_B"].invited, groups["SO_B"].responses, str(groups["SO_B"].rate)) == (10, 5, "50.0")
    assert (data["invited"], data["responses"]) == (16, 10)
    assert data["per_group_allowed"]


def test_distribution_counts_the_answers(board, answered):
    data = survey_results(user=board, survey=answered)
    single, scale, multiple, text = data["distribution"]
    assert [(o["label"], o["count"], str(o["share"])) for o in single["options"]] == [
        ("Có", 7, "70.0"),
        ("Không", 3, "30.0"),
    ]
    assert [o["count"] for o in scale["options"]] == [0, 3, 0, 2, 5] and str(scale["mean"]) == "3.9"
    assert multiple["respondents"] == 10 and [o["count"] for o in multiple["options"]] == [10, 10, 0]
    assert text["options"] == []
    groups = data["group_distributions"]
    so_b = next(g for g in data["groups"] if g.unit.code == "SO_B")
    assert [o["count"] for o in groups[so_b.unit.pk][1]["options"]] == [0, 0, 0, 0, 5]


def test_a_root_under_five_hides_per_group_figures(tree, board, survey):
    respond(survey, board, tree["dept_a"], 5, "a")
    respond(survey, board, tree["dept_b"], 2, "b")  # SO_B merges into the province, which stays under 5
    data = survey_results(user=board, survey=survey)
    groups = by_code(data)
    assert set(groups) == {"SO_A", "T11"} and groups["T11"].responses == 2
    assert not data["per_group_allowed"] and data["group_distributions"] == {}
    assert data["distribution"] is not None  # 7 in all


def test_under_five_in_scope_shows_no_distribution(tree, board, survey):
    respond(survey, board, tree["dept_a"], 4, "a")
    data = survey_results(user=board, survey=survey)
    assert data["distribution"] is None and data["responses"] == 4


def test_an_officer_sees_only_their_units(tree, alice, charlie, answered):
    data = survey_results(user=alice, survey=answered)
    assert set(by_code(data)) == {"SO_A"} and data["responses"] == 5 and data["invited"] == 6
    data = survey_results(user=charlie, survey=answered)
    assert set(by_code(data)) == {"SO_B"} and data["responses"] == 5


def test_within_a_unit(tree, board, answered):
    data = survey_results(user=board, survey=answered, within=tree["dept_a_office"])
    assert data["responses"] == 3 and data["distribution"] is None


def test_a_deep_tree_merges_step_by_step(tree, board, survey):
    team = OrgUnitFactory(code="SO_A_VP_T1", name="Tổ 1", parent=tree["dept_a_office"])
    respond(survey, board, team, 2, "t")
    respond(survey, board, tree["dept_a_office"], 4, "v")
    data = survey_results(user=board, survey=survey)
    groups = by_code(data)
    assert set(groups) == {"SO_A_VP"} and groups["SO_A_VP"].responses == 6
    assert [u.code for u in groups["SO_A_VP"].merged] == ["SO_A_VP_T1"]


def test_results_take_a_fixed_number_of_queries(board, answered, django_assert_max_num_queries):
    # roles, invitations, responses, unit paths, units, questions, choices, answers, ticked options
    with django_assert_max_num_queries(9):
        survey_results(user=board, survey=answered)


def test_the_report(alice, answered):
    report = get_report("survey-responses")
    result = report.execute(user=alice, data={"survey": str(answered.pk)})
    assert [r.values["responses"] for r in result.rows] == [5]
    assert "gộp 1 đơn vị" in result.rows[0].values["unit"]
    result = report.execute(user=alice, data={"survey": str(answered.pk), "view": "questions"})
    assert result.rows[0].values["count"] == 2  # SO_A's 2 "Có" (its office answered "Không")


def test_the_report_refuses_a_missing_survey_number(db):
    from canbo.reports.base import ReportParameterError

    with pytest.raises(ReportParameterError, match="Cần chọn phiếu khảo sát"):
        get_report("survey-responses").parse({}, user=None)
