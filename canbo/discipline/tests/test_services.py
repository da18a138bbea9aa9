import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from canbo.discipline.models import CaseStatus, DeferralReason, DisciplineCase, DisciplineRecord
from canbo.discipline.models import DisciplineForm as F
from canbo.discipline.selectors import overdue_cases, promotion_blocked_until
from canbo.discipline.services import (
    case_decide,
    case_defer,
    case_extend,
    case_open,
    case_resume,
    case_review,
)
from canbo.people.choices import PersonStatus

from .conftest import act

D = datetime.date


def test_an_officer_opens_a_case_with_the_persons_unit_and_category(alice, anh, tree):
    case = case_open(actor=alice, person=anh, opened_on=D(2026, 2, 1), acts=[act()])
    assert case.unit == tree["dept_a_office"] and case.category == "CC" and not case.is_leader
    assert case.status == CaseStatus.OPENED and case.acts.count() == 1


def test_an_officer_of_another_unit_cannot_open_a_case(charlie, anh):
    with pytest.raises(PermissionDenied):
        case_open(actor=charlie, person=anh, opened_on=D(2026, 2, 1), acts=[act()])
    assert not DisciplineCase.objects.exists()


@pytest.mark.parametrize("who", ["bob", "standing", "dana"])
def test_readers_and_officials_cannot_open_a_case(who, request, anh):
    with pytest.raises(PermissionDenied):
        case_open(actor=request.getfixturevalue(who), person=anh, opened_on=D(2026, 2, 1), acts=[act()])


def test_bad_acts_are_refused_with_each_reason_and_nothing_written(alice, anh):
    acts = [
        act(form=F.REMOVAL),
        act(on=D(2026, 3, 1)),
        {"description": "", "committed_on": None, "form": "X"},
    ]
    with pytest.raises(ValidationError) as exc:
        case_open(actor=alice, person=anh, opened_on=D(2026, 2, 1), acts=acts)
    messages = exc.value.message_dict["acts"]
    assert any("lãnh đạo, quản lý" in m for m in messages)
    assert any("sau ngày thụ lý" in m for m in messages)
    assert any("cần mô tả" in m for m in messages)
    assert not DisciplineCase.objects.exists()


def test_a_case_without_acts_is_refused(alice, anh):
    with pytest.raises(ValidationError, match="ít nhất một hành vi"):
        case_open(actor=alice, person=anh, opened_on=D(2026, 2, 1), acts=[])


def test_one_act_one_form_is_accepted_at_review(alice, opened):
    case = case_review(actor=alice, case=opened, proposed_form=F.REPRIMAND)
    assert case.status == CaseStatus.REVIEWED and case.required_form == F.REPRIMAND
    assert "Một hành vi" in case.explanation


def test_several_acts_need_the_heaviest_form(alice, anh):
    case = case_open(
        actor=alice,
        person=anh,
        opened_on=D(2026, 2, 1),
        acts=[act(), act(form=F.WARNING, text="Gây phiền hà")],
    )
    with pytest.raises(ValidationError, match="nặng nhất") as exc:
        case_review(actor=alice, case=case, proposed_form=F.REPRIMAND)
    assert "Cảnh cáo" in exc.value.message_dict["proposed_form"][0]
    assert case_review(actor=alice, case=case, proposed_form=F.WARNING).required_form == F.WARNING


def test_a_new_act_during_a_running_sanction_is_one_level_higher(alice, anh, tree):
    DisciplineRecord.objects.create(
        person=anh, unit=tree["dept_a_office"], form=F.REPRIMAND, decision_number="1/QĐ",
        decided_on=D(2025, 10, 1), effective_until=D(2026, 3, 31),
    )  # fmt: skip
    case = case_open(actor=alice, person=anh, opened_on=D(2026, 2, 1), acts=[act(on=D(2026, 1, 5))])
    with pytest.raises(ValidationError, match="nặng hơn một mức"):
        case_review(actor=alice, case=case, proposed_form=F.REPRIMAND)
    assert case_review(actor=alice, case=case, proposed_form=F.WARNING).required_form == F.WARNING


def test_an_act_after_the_sanction_expired_is_not_a_repeat(alice, anh, tree):
    DisciplineRecord.objects.create(
        person=anh, unit=tree["dept_a_office"], form=F.REPRIMAND, decision_number="1/QĐ",
        decided_on=D(2025, 1, 1), effective_until=D(2025, 6, 30),
    )  # fmt: skip
    case = case_open(actor=alice, person=anh, opened_on=D(2026, 2, 1), acts=[act()])
    assert case_review(actor=alice, case=case, proposed_form=F.REPRIMAND).required_form == F.REPRIMAND


def test_deciding_creates_the_record_with_its_period(alice, reviewed, anh):
    record = case_decide(actor=alice, case=reviewed, decision_number="12/QĐ-SNV", decided_on=D(2026, 3, 2))
    reviewed.refresh_from_db()
    assert reviewed.status == CaseStatus.DECIDED and record.case == reviewed
    assert record.form == F.REPRIMAND and record.effective_until == D(2026, 9, 1)
    assert record.unit == anh.current_unit and "Chậm giải quyết" in record.reason


def test_rule_26_blocks_promotion_for_24_months_after_a_reprimand(alice, reviewed, anh):
    case_decide(actor=alice, case=reviewed, decision_number="12/QĐ", decided_on=D(2026, 3, 2))
    assert promotion_blocked_until(anh, on=D(2026, 4, 1)) == D(2028, 3, 2)
    assert promotion_blocked_until(anh, on=D(2028, 3, 2)) is None
    assert promotion_blocked_until(anh, on=D(2026, 3, 1)) is None  # before the decision


def test_deciding_before_review_or_without_a_number_is_refused(alice, opened, reviewed):
    with pytest.raises(ValidationError) as exc:
        case_decide(
            actor=alice,
            case=reviewed,
            decision_number=" ",
            decided_on=timezone.localdate() + datetime.timedelta(days=1),
        )
    assert set(exc.value.message_dict) == {"decision_number", "decided_on"}
    assert not DisciplineRecord.objects.exists()


def test_deciding_an_opened_case_is_refused(alice, opened):
    with pytest.raises(ValidationError, match="cần đề nghị hình thức"):
        case_decide(actor=alice, case=opened, decision_number="1", decided_on=D(2026, 3, 2))


def test_a_deferred_case_cannot_be_decided_until_resumed(alice, reviewed):
    until = timezone.localdate() + datetime.timedelta(days=60)
    case = case_defer(actor=alice, case=reviewed, reason=DeferralReason.SERIOUS_ILLNESS, until=until)
    with pytest.raises(ValidationError, match="tạm hoãn"):
        case_decide(actor=alice, case=case, decision_number="1", decided_on=D(2026, 3, 2))
    case = case_resume(actor=alice, case=case)
    assert case.status == CaseStatus.OPENED and case.deferral_reason == ""


def test_child_under_12_months_defers_until_the_first_birthday(alice, opened):
    born = timezone.localdate() - datetime.timedelta(days=100)
    case = case_defer(
        actor=alice, case=opened, reason=DeferralReason.CHILD_UNDER_12_MONTHS, child_born_on=born
    )
    assert case.deferred_until.year == born.year + 1 and case.status == CaseStatus.DEFERRED


def test_a_child_over_12_months_is_no_reason_to_defer(alice, opened):
    with pytest.raises(ValidationError, match="đủ 12 tháng"):
        case_defer(
            actor=alice, case=opened, reason=DeferralReason.CHILD_UNDER_12_MONTHS, child_born_on=D(2024, 1, 1)
        )
    opened.refresh_from_db()
    assert opened.status == CaseStatus.OPENED


def test_a_deferral_needs_a_known_reason(alice, opened):
    with pytest.raises(ValidationError, match="lý do"):
        case_defer(actor=alice, case=opened, reason="KHAC")


def test_a_stale_version_is_refused(alice, opened):
    case_review(actor=alice, case=opened, proposed_form=F.REPRIMAND, expected_version=1)
    with pytest.raises(ValidationError, match="người khác cập nhật"):
        case_defer(actor=alice, case=opened, reason=DeferralReason.PROSECUTION, expected_version=1)


def test_forced_resignation_ends_the_service(alice, board, anh):
    case = case_open(actor=alice, person=anh, opened_on=D(2026, 2, 1), acts=[act(form=F.FORCED_RESIGNATION)])
    case = case_review(actor=alice, case=case, proposed_form=F.FORCED_RESIGNATION)
    record = case_decide(actor=board, case=case, decision_number="9/QĐ", decided_on=D(2026, 3, 2))
    anh.refresh_from_db()
    assert record.effective_until is None
    assert anh.status == PersonStatus.MOVED_OUT and anh.status_date == D(2026, 3, 2)


def test_removal_needs_a_leadership_post(alice, anh, leader_post):
    anh.position = leader_post
    anh.save(update_fields=["position"])
    case = case_open(actor=alice, person=anh, opened_on=D(2026, 2, 1), acts=[act(form=F.REMOVAL)])
    assert case.is_leader
    assert case_review(actor=alice, case=case, proposed_form=F.REMOVAL).required_form == F.REMOVAL


def test_a_heavier_new_act_during_a_sanction_is_refused_at_its_own_form(alice, anh, tree):
    DisciplineRecord.objects.create(
        person=anh, unit=tree["dept_a_office"], form=F.REPRIMAND, decision_number="1/QĐ",
        decided_on=D(2025, 10, 1), effective_until=D(2026, 3, 31),
    )  # fmt: skip
    case = case_open(
        actor=alice, person=anh, opened_on=D(2026, 2, 1), acts=[act(F.WARNING, on=D(2026, 1, 5))]
    )
    with pytest.raises(ValidationError, match="nặng hơn một mức"):
        case_review(actor=alice, case=case, proposed_form=F.WARNING)
    # a non-leader civil servant: the level above cảnh cáo is buộc thôi việc
    assert case_review(actor=alice, case=case, proposed_form=F.FORCED_RESIGNATION).required_form == (
        F.FORCED_RESIGNATION
    )


def test_a_case_carries_its_90_day_handling_deadline(alice, opened):
    assert opened.handling_deadline == D(2026, 5, 2) and not opened.is_complex


def test_a_complex_case_is_extended_to_150_days_once(alice, anh, monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda: D(2026, 3, 1))
    case = case_open(actor=alice, person=anh, opened_on=D(2026, 2, 1), acts=[act()])
    with pytest.raises(ValidationError, match="lý do"):
        case_extend(actor=alice, case=case, reason=" ")
    case = case_extend(actor=alice, case=case, reason="Cần thanh tra xác minh")
    assert case.is_complex and case.handling_deadline == D(2026, 7, 1)
    with pytest.raises(ValidationError, match="đã được gia hạn"):
        case_extend(actor=alice, case=case, reason="Lần nữa")


def test_a_case_cannot_be_extended_after_its_deadline(alice, anh, monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda: D(2026, 5, 2))
    case = case_open(actor=alice, person=anh, opened_on=D(2026, 2, 1), acts=[act()])
    assert case_extend(
        actor=alice, case=case, reason="Phức tạp"
    ).is_complex  # on the last day: still possible
    monkeypatch.setattr(timezone, "localdate", lambda: D(2026, 5, 3))
    other = case_open(actor=alice, person=anh, opened_on=D(2026, 2, 1), acts=[act()])
    with pytest.raises(ValidationError, match="đã hết"):
        case_extend(actor=alice, case=other, reason="Phức tạp")


def test_an_officer_of_another_unit_cannot_extend_a_case(charlie, opened):
    with pytest.raises(PermissionDenied):
        case_extend(actor=charlie, case=opened, reason="Phức tạp")


def test_undecided_cases_past_their_deadline_are_listed_as_overdue(alice, charlie, opened):
    assert list(overdue_cases(user=alice, on=D(2026, 5, 2))) == []
    assert list(overdue_cases(user=alice, on=D(2026, 5, 3))) == [opened]
    assert list(overdue_cases(user=charlie, on=D(2026, 5, 3))) == []
