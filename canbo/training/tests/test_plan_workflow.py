"""The annual plan's workflow: each step by the right role, refused for the wrong one, with its log."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from canbo.core.exceptions import ConflictError
from canbo.training import services
from canbo.training.choices import PlanStatus
from canbo.training.models import PlanAllocation, PlanLine, TrainingNeed

from .factories import programme


@pytest.fixture
def plan(tree, alice):
    """A draft plan of Sở A (alice drafts it) with one line."""
    plan = services.plan_create(actor=alice, year=2026, owner_unit=tree["dept_a"])
    services.plan_line_save(
        actor=alice,
        plan=plan,
        data={
            "programme": programme("LLCT_CAO_CAP"),
            "mode": "TAP_TRUNG",
            "responsible_unit": tree["dept_a"],
            "target_count": 55,
            "budget": 1_000_000_000,
        },
    )
    return plan


def walk(plan, *steps):
    for actor, action, extra in steps:
        services.plan_transition(actor=actor, plan=plan, action=action, **extra)
    return plan


ISSUE = {"decision_number": "125/KH-UBND", "decision_date": datetime.date(2026, 1, 20)}


def test_plan_due_31_january_and_overdue_until_issued(plan):
    assert plan.due_date == datetime.date(2026, 1, 31)
    assert services.is_overdue(plan, datetime.date(2026, 2, 1))
    assert not services.is_overdue(plan, datetime.date(2026, 1, 31))


def test_full_workflow_by_the_right_roles(plan, alice, board, standing):
    walk(plan, (alice, "submit", {}), (board, "appraise", {"comment": "Đạt"}), (standing, "approve", {}))
    walk(plan, (alice, "issue", ISSUE))
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ISSUED
    assert plan.decision_number == "125/KH-UBND"
    log = list(plan.transitions.values_list("to_status", "actor__username", "comment"))
    assert log == [
        ("SUBMITTED", "alice", ""),
        ("APPRAISED", "board", "Đạt"),
        ("APPROVED", "standing", ""),
        ("ISSUED", "alice", ""),
    ]
    assert not services.is_overdue(plan, datetime.date(2026, 12, 31))


@pytest.mark.parametrize(
    "who,action,status",
    [
        ("bob", "submit", PlanStatus.DRAFT),  # a leader reads only
        ("charlie", "submit", PlanStatus.DRAFT),  # another unit's officer
        ("standing", "submit", PlanStatus.DRAFT),
        ("alice", "appraise", PlanStatus.SUBMITTED),  # the drafter cannot appraise
        ("standing", "appraise", PlanStatus.SUBMITTED),
        ("board", "approve", PlanStatus.APPRAISED),  # only the Standing Committee approves
        ("alice", "approve", PlanStatus.APPRAISED),
        ("standing", "issue", PlanStatus.APPROVED),
    ],
)
def test_wrong_role_is_refused_with_a_message(plan, request, who, action, status):
    plan.status = status
    plan.save()
    actor = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied) as exc:
        services.plan_transition(
            actor=actor, plan=plan, action=action, **(ISSUE if action == "issue" else {})
        )
    assert "Chỉ" in str(exc.value)
    plan.refresh_from_db()
    assert plan.status == status
    assert not plan.transitions.exists()


def test_steps_cannot_be_skipped(plan, standing, alice):
    with pytest.raises(ValidationError, match="trạng thái “Dự thảo”"):
        services.plan_transition(actor=standing, plan=plan, action="approve")
    with pytest.raises(ValidationError):
        services.plan_transition(actor=alice, plan=plan, action="issue", **ISSUE)


def test_submitter_does_not_appraise_own_plan(tree, board, board2):
    plan = services.plan_create(actor=board, year=2027, owner_unit=tree["province"])
    services.plan_line_save(
        actor=board,
        plan=plan,
        data={"programme": programme("DT_THAC_SI"), "responsible_unit": tree["province"], "target_count": 10},
    )
    services.plan_transition(actor=board, plan=plan, action="submit")
    with pytest.raises(ValidationError, match="không tự thẩm định"):
        services.plan_transition(actor=board, plan=plan, action="appraise")
    services.plan_transition(actor=board2, plan=plan, action="appraise")
    assert plan.status == PlanStatus.APPRAISED


def test_empty_plan_cannot_be_submitted(tree, alice):
    plan = services.plan_create(actor=alice, year=2027, owner_unit=tree["dept_a"])
    with pytest.raises(ValidationError, match="chưa có chỉ tiêu"):
        services.plan_transition(actor=alice, plan=plan, action="submit")


def test_return_needs_a_comment_and_goes_back_to_draft(plan, alice, board):
    walk(plan, (alice, "submit", {}))
    with pytest.raises(ValidationError) as exc:
        services.plan_transition(actor=board, plan=plan, action="return_appraisal", comment="  ")
    assert "comment" in exc.value.message_dict
    services.plan_transition(actor=board, plan=plan, action="return_appraisal", comment="Bổ sung đối tượng")
    assert plan.status == PlanStatus.DRAFT


def test_issue_needs_number_and_a_date_not_in_the_future(plan, alice, board, standing):
    walk(plan, (alice, "submit", {}), (board, "appraise", {}), (standing, "approve", {}))
    with pytest.raises(ValidationError) as exc:
        services.plan_transition(
            actor=alice,
            plan=plan,
            action="issue",
            decision_number="",
            decision_date=datetime.date(2099, 1, 1),
        )
    assert set(exc.value.message_dict) == {"decision_number", "decision_date"}


def test_stale_version_is_a_conflict(plan, alice):
    with pytest.raises(ConflictError):
        services.plan_transition(actor=alice, plan=plan, action="submit", expected_version=plan.version + 3)


def test_only_drafts_are_edited(plan, alice, board):
    walk(plan, (alice, "submit", {}))
    line = plan.lines.get()
    with pytest.raises(ValidationError, match="chỉ sửa được khi là dự thảo"):
        services.plan_line_save(actor=alice, plan=plan, line=line, data={"target_count": 60})
    with pytest.raises(ValidationError, match="chỉ sửa được khi là dự thảo"):
        services.plan_update(actor=board, plan=plan, data={"title": "x"})


def test_leader_and_other_units_do_not_edit_drafts(plan, bob, charlie):
    for actor in (bob, charlie):
        with pytest.raises(PermissionDenied):
            services.plan_update(actor=actor, plan=plan, data={"title": "x"})


def test_allocations_never_exceed_the_line(plan, alice, tree):
    line = plan.lines.get()
    services.plan_allocation_set(
        actor=alice, line=line, unit=tree["dept_a_office"], target_count=50, budget=9
    )
    with pytest.raises(ValidationError, match="vượt chỉ tiêu"):
        services.plan_allocation_set(actor=alice, line=line, unit=tree["dept_a"], target_count=6)
    with pytest.raises(ValidationError, match="nhỏ hơn tổng đã phân bổ"):
        services.plan_line_save(actor=alice, plan=plan, line=line, data={"target_count": 40})
    services.plan_allocation_set(actor=alice, line=line, unit=tree["dept_a_office"], target_count=0)
    assert not PlanAllocation.objects.exists()


def test_needs_become_lines_with_allocations(tree, alice, charlie, board):
    pt = programme("LLCT_TRUNG_CAP")
    services.need_submit(
        actor=alice, unit=tree["dept_a"], year=2027, programme=pt, count=4, mode="KHONG_TAP_TRUNG"
    )
    services.need_submit(
        actor=charlie, unit=tree["dept_b"], year=2027, programme=pt, count=6, mode="KHONG_TAP_TRUNG"
    )
    with pytest.raises(PermissionDenied):
        services.need_submit(actor=charlie, unit=tree["dept_a"], year=2027, programme=pt, count=1)
    plan = services.plan_create(actor=board, year=2027, owner_unit=tree["province"])
    lines = services.plan_lines_from_needs(actor=board, plan=plan)
    assert len(lines) == 1
    line = PlanLine.objects.get()
    assert line.target_count == 10
    assert dict(line.allocations.values_list("unit__code", "target_count")) == {"SO_A": 4, "SO_B": 6}
    assert TrainingNeed.objects.filter(plan_line=line).count() == 2
    assert services.plan_lines_from_needs(actor=board, plan=plan) == []  # needs are taken once


def test_allowed_actions_are_the_buttons(plan, alice, bob, board, standing):
    assert [a.code for a in services.allowed_actions(alice, plan)] == ["submit"]
    assert services.allowed_actions(bob, plan) == []
    walk(plan, (alice, "submit", {}))
    assert [a.code for a in services.allowed_actions(board, plan)] == ["appraise", "return_appraisal"]
    assert services.allowed_actions(standing, plan) == []
