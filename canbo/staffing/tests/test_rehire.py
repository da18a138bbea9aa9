"""Rule 18: a person streamlined and employed again in the public sector within 60 months of the exit repays the
allowance. The list is computed from Employment rows (re-employment is never blocked); the repayment is recorded
once, by the board or an officer of the case's or the person's unit."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from canbo.accounts.models import Role
from canbo.core.dates import add_months
from canbo.people.models import Employment
from canbo.people.services import employment_add
from canbo.staffing import services
from canbo.staffing.models import StreamliningCase
from canbo.staffing.selectors import case_rehire, rehire_list
from tests.factories import PersonFactory, UserFactory, grant

from .conftest import today

D = datetime.date


def exited_case(alice, board, person, allowance=Decimal("120000000")):
    """Proposed and approved 6 years ago; left a month later with the allowance paid."""
    proposed = add_months(today(), -72)
    case = services.case_propose(
        actor=alice,
        person=person,
        reason="DOI_DU_BO_MAY",
        reason_detail="Sáp nhập phòng",
        policy="THOI_VIEC_NGAY",
        proposed_on=proposed,
    )
    return services.case_approve(
        actor=board,
        case=case,
        decision_number="12/QĐ-BTC",
        decision_date=proposed,
        exit_date=add_months(proposed, 1),
        allowance_amount=allowance,
    )


def rehire(board, person, unit, start):
    person.refresh_from_db()
    return employment_add(
        actor=board, person=person, unit=unit, category="CC", start_date=start, move="TUYEN_DUNG"
    )


@pytest.fixture
def case(alice, board, anh):
    return exited_case(alice, board, anh)


def test_rehired_after_59_months_must_repay(case, board, anh, tree):
    # Given a person streamlined, when a unit employs them again 59 months after the exit
    rehire(board, anh, tree["dept_b"], add_months(case.exit_date, 59))
    # then they are on the list with the allowance to repay
    rows = rehire_list(user=board)
    assert [r.case.pk for r in rows] == [case.pk]
    assert rows[0].amount == Decimal("120000000") and not rows[0].repaid
    assert rows[0].rehire_unit == "Sở B" and rows[0].deadline == add_months(case.exit_date, 60)


def test_rehired_after_61_months_need_not_repay(case, board, anh, tree):
    rehire(board, anh, tree["dept_b"], add_months(case.exit_date, 61))
    assert rehire_list(user=board) == []
    assert case_rehire(case) is None


def test_rehired_exactly_60_months_later_is_outside_the_window(case, board, anh, tree):
    rehire(board, anh, tree["dept_b"], add_months(case.exit_date, 60))
    assert rehire_list(user=board) == []


def test_the_day_before_the_deadline_counts(case, board, anh, tree):
    rehire(board, anh, tree["dept_b"], add_months(case.exit_date, 60) - datetime.timedelta(days=1))
    assert len(rehire_list(user=board)) == 1


def test_cases_not_exited_or_not_rehired_are_not_listed(alice, board, anh, tree):
    services.case_propose(
        actor=alice, person=anh, reason="DOI_DU_BO_MAY", reason_detail="x", policy="THOI_VIEC_NGAY"
    )
    assert rehire_list(user=board) == []


def test_the_list_is_scoped_to_the_case_or_the_new_unit(case, board, anh, tree, alice, charlie, bob):
    rehire(board, anh, tree["dept_b"], add_months(case.exit_date, 10))
    assert len(rehire_list(user=alice)) == 1  # the unit that streamlined them
    assert len(rehire_list(user=charlie)) == 1  # the unit that employs them now
    assert len(rehire_list(user=bob)) == 1
    anh.refresh_from_db()
    assert anh.current_unit == tree["dept_b"]


def test_the_list_is_empty_outside_both_units(alice, board, tree):
    person = PersonFactory(current_unit=tree["dept_a"])
    case = exited_case(alice, board, person)
    rehire(board, person, tree["dept_a_office"], add_months(case.exit_date, 3))
    other = grant(UserFactory(username="dave"), Role.UNIT_OFFICER, tree["dept_b"])
    assert rehire_list(user=other) == []


def test_officer_records_the_repayment_once(case, board, anh, tree, alice):
    rehire(board, anh, tree["dept_b"], add_months(case.exit_date, 20))
    saved = services.case_repayment_record(
        actor=alice, case=case, repaid_on=today(), repaid_amount=Decimal("120000000"), note="Biên lai 5"
    )
    assert saved.repaid_on == today() and saved.repayment_recorded_by == alice
    assert rehire_list(user=board, filters={"repaid": "no"}) == []
    assert len(rehire_list(user=board, filters={"repaid": "yes"})) == 1
    with pytest.raises(ValidationError, match="Đã ghi nhận hoàn trả"):
        services.case_repayment_record(actor=alice, case=case, repaid_on=today(), repaid_amount=Decimal(1))


def test_repayment_refused_without_a_rehire(case, alice):
    with pytest.raises(ValidationError, match="không phải hoàn trả"):
        services.case_repayment_record(actor=alice, case=case, repaid_on=today(), repaid_amount=Decimal(1))


def test_repayment_bad_input_is_refused(case, board, anh, tree, alice):
    rehire(board, anh, tree["dept_b"], add_months(case.exit_date, 20))
    with pytest.raises(ValidationError) as err:
        services.case_repayment_record(
            actor=alice, case=case, repaid_on=today() + datetime.timedelta(days=1), repaid_amount=Decimal(0)
        )
    assert "tương lai" in err.value.message_dict["repaid_on"][0]
    assert "số dương" in err.value.message_dict["repaid_amount"][0]
    with pytest.raises(ValidationError) as err:
        services.case_repayment_record(
            actor=alice, case=case, repaid_on=today(), repaid_amount=Decimal("130000000")
        )
    assert "120.000.000 đồng" in err.value.message_dict["repaid_amount"][0]
    assert StreamliningCase.objects.get().repaid_on is None


def test_repayment_outside_the_units_is_refused(alice, board, tree):
    person = PersonFactory(current_unit=tree["dept_a"])
    case = exited_case(alice, board, person)
    rehire(board, person, tree["dept_a_office"], add_months(case.exit_date, 3))
    other = grant(UserFactory(username="dave"), Role.UNIT_OFFICER, tree["dept_b"])
    with pytest.raises(PermissionDenied):
        services.case_repayment_record(actor=other, case=case, repaid_on=today(), repaid_amount=Decimal(1))


def test_the_database_refuses_a_repayment_without_an_exit(alice, anh):
    case = services.case_propose(
        actor=alice, person=anh, reason="DOI_DU_BO_MAY", reason_detail="x", policy="THOI_VIEC_NGAY"
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        StreamliningCase.objects.filter(pk=case.pk).update(repaid_on=today(), repaid_amount=5)


def test_re_employment_is_not_blocked(case, board, anh, tree):
    row = rehire(board, anh, tree["dept_b"], add_months(case.exit_date, 2))
    assert Employment.objects.filter(pk=row.pk).exists()


def test_exit_refuses_a_negative_allowance(alice, board, anh):
    case = services.case_propose(
        actor=alice, person=anh, reason="DOI_DU_BO_MAY", reason_detail="x", policy="THOI_VIEC_NGAY"
    )
    case = services.case_approve(actor=board, case=case, decision_number="1", decision_date=today())
    with pytest.raises(ValidationError) as err:
        services.case_exit(actor=board, case=case, exit_date=today(), allowance_amount=Decimal(-1))
    assert "không được âm" in err.value.message_dict["allowance_amount"][0]
