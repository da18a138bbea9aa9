"""Quota entry and the streamlining workflow: who may act, the rules, and the register's employment ending."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from canbo.core.exceptions import ConflictError
from canbo.discipline.models import DisciplineCase
from canbo.people.models import Employment
from canbo.staffing import services
from canbo.staffing.models import StaffingQuota, StreamliningCase

from .conftest import today

D = datetime.date


def propose(actor, person, **extra):
    data = {"reason": "DOI_DU_BO_MAY", "reason_detail": "Sáp nhập phòng", "policy": "THOI_VIEC_NGAY"}
    data.update(extra)
    return services.case_propose(actor=actor, person=person, **data)


def approve(actor, case, **extra):
    data = {"decision_number": "55/QĐ-BTC", "decision_date": today()}
    data.update(extra)
    return services.case_approve(actor=actor, case=case, **data)


# --- quotas ----------------------------------------------------------------------------------------------------


def quota_data(unit, **extra):
    data = {"unit": unit, "year": 2024, "kind": "CC", "approved_count": 96, "decision_number": "QĐ 9"}
    data["decision_date"] = D(2024, 1, 5)
    data.update(extra)
    return data


def test_board_records_a_quota_once_per_unit_year_kind(tree, board):
    quota = services.quota_save(actor=board, **quota_data(tree["dept_a"]))
    assert quota.approved_count == 96 and quota.version == 1
    with pytest.raises(ValidationError) as err:
        services.quota_save(actor=board, **quota_data(tree["dept_a"], approved_count=90))
    assert "đã có biên chế công chức năm 2024" in err.value.message_dict["year"][0]
    services.quota_save(actor=board, **quota_data(tree["dept_a"], kind="VC"))
    assert StaffingQuota.objects.count() == 2


def test_quota_correction_checks_the_version(tree, board):
    quota = services.quota_save(actor=board, **quota_data(tree["dept_a"]))
    services.quota_save(
        actor=board, quota=quota, expected_version=1, **quota_data(tree["dept_a"], approved_count=95)
    )
    assert StaffingQuota.objects.get().approved_count == 95
    with pytest.raises(ConflictError):
        services.quota_save(actor=board, quota=quota, expected_version=1, **quota_data(tree["dept_a"]))


@pytest.mark.parametrize("who", ["alice", "bob", "standing", "charlie"])
def test_only_the_board_records_quotas(request, tree, who):
    with pytest.raises(PermissionDenied, match="Chỉ Ban Tổ chức"):
        services.quota_save(actor=request.getfixturevalue(who), **quota_data(tree["dept_a"]))
    assert not StaffingQuota.objects.exists()


def test_quota_bad_input(tree, board):
    with pytest.raises(ValidationError) as err:
        services.quota_save(
            actor=board, **quota_data(tree["dept_a"], approved_count=-1, decision_number=" ", kind="XX")
        )
    assert set(err.value.message_dict) == {"approved_count", "decision_number", "kind"}
    with pytest.raises(ValidationError) as err:
        services.quota_save(
            actor=board, **quota_data(tree["dept_a"], decision_date=today() + datetime.timedelta(1))
        )
    assert err.value.message_dict["decision_date"] == ["Ngày quyết định không được ở tương lai."]


# --- cases ---------------------------------------------------------------------------------------------------


def test_officer_proposes_for_own_unit_copying_unit_and_category(anh, alice):
    case = propose(alice, anh)
    assert (case.status, case.unit, case.category, case.proposed_by) == (
        "PROPOSED",
        anh.current_unit,
        "CC",
        alice,
    )


@pytest.mark.parametrize("who", ["charlie", "bob", "standing"])
def test_others_cannot_propose(request, anh, who):
    with pytest.raises(PermissionDenied):
        propose(request.getfixturevalue(who), anh)
    assert not StreamliningCase.objects.exists()


def test_proposal_bad_input(anh, alice):
    with pytest.raises(ValidationError) as err:
        propose(alice, anh, reason="NGHI_VIEC", policy="X", reason_detail="")
    assert set(err.value.message_dict) == {"reason", "policy", "reason_detail"}
    assert "không thuộc danh mục" in err.value.message_dict["reason"][0]


def test_exemptions_refused_with_a_message(anh, alice):
    with pytest.raises(ValidationError) as err:
        propose(alice, anh, is_pregnant=True)
    assert "đang mang thai" in err.value.message_dict["is_pregnant"][0]
    DisciplineCase.objects.create(
        person=anh, unit=anh.current_unit, category=anh.category, opened_on=D(2020, 1, 1), opened_by=alice
    )
    with pytest.raises(ValidationError) as err:
        propose(alice, anh)
    assert "đang trong thời gian xem xét kỷ luật" in err.value.messages[0]
    assert not StreamliningCase.objects.exists()


def test_one_open_case_per_person(anh, alice):
    propose(alice, anh)
    with pytest.raises(ValidationError) as err:
        propose(alice, anh, reason="DOI_DU_VTVL")
    assert "đang xử lý" in err.value.message_dict["person"][0]


def test_board_approves_then_exit_ends_the_employment(anh, alice, board):
    case = approve(board, propose(alice, anh), planned_exit_date=today())
    assert case.status == "APPROVED" and case.decided_by == board
    assert anh.employments.get().end_date is None
    case = services.case_exit(actor=alice, case=case, exit_date=today())
    anh.refresh_from_db()
    assert (case.status, case.exit_date) == ("EXITED", today())
    assert (anh.status, anh.status_date) == ("MOVED_OUT", today())
    row = Employment.objects.get(person=anh)
    assert row.end_date == today() and "Tinh giản biên chế 55/QĐ-BTC" in row.note


def test_approval_with_exit_date_ends_at_once_early_retirement_retires(anh, alice, board):
    case = approve(board, propose(alice, anh, policy="NGHI_HUU_TRUOC_TUOI"), exit_date=today())
    anh.refresh_from_db()
    assert case.status == "EXITED" and anh.status == "RETIRED"
    assert anh.employments.get().end_date == today()


@pytest.mark.parametrize("who", ["alice", "bob", "standing", "charlie"])
def test_only_the_board_approves(request, anh, alice, who):
    case = propose(alice, anh)
    with pytest.raises(PermissionDenied, match="Chỉ Ban Tổ chức"):
        approve(request.getfixturevalue(who), case)
    case.refresh_from_db()
    assert case.status == "PROPOSED"


def test_approval_rechecks_exemptions_on_the_decision_day(anh, alice, board):
    case = propose(alice, anh)
    DisciplineCase.objects.create(
        person=anh, unit=anh.current_unit, category=anh.category, opened_on=today(), opened_by=alice
    )
    with pytest.raises(ValidationError, match="xem xét kỷ luật"):
        approve(board, case)
    case.refresh_from_db()
    assert case.status == "PROPOSED"


def test_failed_exit_writes_nothing(anh, alice, board):
    """The employment started after the exit date: the register refuses, the case stays approved."""
    case = approve(board, propose(alice, anh))
    anh.employments.update(start_date=today())
    case.decision_date = today() - datetime.timedelta(days=3)
    case.save()
    with pytest.raises(ValidationError):
        services.case_exit(actor=board, case=case, exit_date=today() - datetime.timedelta(days=1))
    case.refresh_from_db()
    anh.refresh_from_db()
    assert case.status == "APPROVED" and anh.status == "WORKING"
    assert anh.employments.get().end_date is None


def test_exit_bad_dates_and_wrong_status(anh, alice, bob, charlie, board):
    case = propose(alice, anh)
    with pytest.raises(ValidationError, match="đã phê duyệt"):
        services.case_exit(actor=board, case=case, exit_date=today())
    case = approve(board, case)
    with pytest.raises(ValidationError) as err:
        services.case_exit(actor=board, case=case, exit_date=today() + datetime.timedelta(days=1))
    assert "tương lai" in err.value.message_dict["exit_date"][0]
    for reader in (bob, charlie):
        with pytest.raises(PermissionDenied):
            services.case_exit(actor=reader, case=case, exit_date=today())


def test_reject_needs_a_reason_and_closes_the_case(anh, alice, board):
    case = propose(alice, anh)
    with pytest.raises(ValidationError):
        services.case_reject(actor=board, case=case, reason=" ")
    case = services.case_reject(actor=board, case=case, reason="Còn bố trí được việc làm")
    assert case.status == "REJECTED"
    propose(alice, anh, reason="DOI_DU_VTVL")  # a new proposal is possible again
    with pytest.raises(ValidationError, match="đang chờ"):
        approve(board, case)


def test_stale_version_conflicts(anh, alice, board):
    case = propose(alice, anh)
    with pytest.raises(ConflictError):
        approve(board, case, expected_version=case.version + 1)
