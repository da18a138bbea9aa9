"""The appointment workflow: proposal, the standards check that blocks, approval, decision, reappointment."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError

from canbo.core.exceptions import ConflictError
from canbo.movements.choices import AppointmentKind, AppointmentStatus
from canbo.movements.models import Appointment
from canbo.movements.services import (
    appointment_actions,
    appointment_approve,
    appointment_check,
    appointment_decide,
    appointment_extend_to_retirement,
    appointment_propose,
    appointment_withdraw,
    term_end_for,
)
from canbo.movements.services.terms import head_term_limit
from canbo.people.choices import PersonnelMove, PersonStatus
from canbo.people.models import Employment
from canbo.people.retirement import retirement_date
from canbo.planning.models import PlanningEntry

from .conftest import add_years, decided, make_person, plan, position, today

D = datetime.date
HIGHER = AppointmentKind.HIGHER


def propose(actor, person, unit, code="TRUONG_PHONG", kind=HIGHER):
    return appointment_propose(actor=actor, person=person, position=position(code), unit=unit, kind=kind)


def decide(actor, appointment, **extra):
    data = {"decision_number": "125/QĐ-UBND", "decision_date": today(), "signer": "Lò Văn Mừng"}
    data.update(extra)
    return appointment_decide(actor=actor, appointment=appointment, **data)


# --- the happy path ----------------------------------------------------------------------------------------


def test_the_full_path_ends_with_the_career_row_and_a_five_year_term(tree, alice, board, candidate):
    office = tree["dept_a_office"]
    appointment = propose(alice, candidate, office)
    assert appointment.status == AppointmentStatus.PROPOSED

    appointment_check(actor=alice, appointment=appointment)
    assert (appointment.status, appointment.check_gaps, appointment.check_date) == (
        AppointmentStatus.CHECKED,
        [],
        today(),
    )
    appointment_approve(actor=board, appointment=appointment)
    assert appointment.status == AppointmentStatus.APPROVED
    decide(alice, appointment)

    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.DECIDED
    assert appointment.term_start == today()
    assert appointment.term_end == add_years(today(), 5) - datetime.timedelta(days=1)
    row = appointment.employment
    assert (row.unit, row.position.code, row.move, row.decision_number, row.end_date) == (
        office,
        "TRUONG_PHONG",
        PersonnelMove.BO_NHIEM,
        "125/QĐ-UBND",
        None,
    )
    before = Employment.objects.get(person=candidate, position__code="PHO_TRUONG_PHONG")
    assert before.end_date == today() - datetime.timedelta(days=1)
    candidate.refresh_from_db()
    assert candidate.position.code == "TRUONG_PHONG"
    assert LogEntry.objects.get_for_object(appointment).count() >= 4  # propose, check, approve, decide


def test_the_effective_date_starts_the_term(tree, alice, board, candidate):
    appointment = propose(alice, candidate, tree["dept_a_office"])
    appointment_check(actor=alice, appointment=appointment)
    appointment_approve(actor=board, appointment=appointment)
    start = today() + datetime.timedelta(days=10)

    decide(alice, appointment, effective_date=start)

    assert (appointment.term_start, appointment.term_end) == (start, term_end_for(start))
    assert appointment.employment.start_date == start


def test_term_end_is_five_years_less_a_day():
    assert term_end_for(D(2020, 7, 1)) == D(2025, 6, 30)
    assert term_end_for(D(2020, 2, 29)) == D(2025, 2, 27)


# --- the block: every gap kind, and no way around it -------------------------------------------------------


def _blocked_by(alice, person, unit, expected_fragment, kind=HIGHER):
    appointment = propose(alice, person, unit, kind=kind)
    appointment_check(actor=alice, appointment=appointment)
    assert appointment.status == AppointmentStatus.BLOCKED
    assert any(expected_fragment in gap for gap in appointment.check_gaps), appointment.check_gaps
    return appointment


def test_a_missing_qualification_blocks(tree, alice, board, standard):
    office = tree["dept_a_office"]
    person = make_person(office, deputy_since=add_years(today(), -4), qualifications=("DAI_HOC",))
    plan(person, office, board)

    appointment = _blocked_by(alice, person, office, "Cần lý luận chính trị Trung cấp; hiện có: chưa có.")
    assert len(appointment.check_gaps) == 1


def test_too_few_years_of_service_block(tree, alice, board, standard):
    office = tree["dept_a_office"]
    person = make_person(office, service_since=add_years(today(), -3), deputy_since=add_years(today(), -2))
    plan(person, office, board)

    appointment = _blocked_by(alice, person, office, "Cần ít nhất 5 năm công tác")
    assert len(appointment.check_gaps) == 1


def test_too_short_a_time_in_the_lower_post_blocks(tree, alice, board, standard):
    office = tree["dept_a_office"]
    person = make_person(office, deputy_since=add_years(today(), -1))
    plan(person, office, board)

    appointment = _blocked_by(alice, person, office, "Cần ít nhất 24 tháng giữ chức vụ thấp hơn liền kề")
    assert len(appointment.check_gaps) == 1


def test_too_little_service_left_blocks(tree, alice, board, standard):
    office = tree["dept_a_office"]
    person = make_person(office, born=add_years(today(), -59), deputy_since=add_years(today(), -4))
    plan(person, office, board)

    appointment = _blocked_by(alice, person, office, "Cần còn ít nhất 5 năm công tác")
    assert len(appointment.check_gaps) == 1


def test_not_being_in_the_plan_blocks(tree, alice, standard):
    office = tree["dept_a_office"]
    person = make_person(office, deputy_since=add_years(today(), -4))

    appointment = _blocked_by(alice, person, office, "Chưa có trong quy hoạch")
    assert len(appointment.check_gaps) == 1


def test_a_post_without_a_standard_blocks(tree, alice, board, candidate):
    from canbo.standards.models import TitleStandard

    TitleStandard.objects.filter(position__code="PHO_GIAM_DOC_SO").delete()
    appointment = propose(alice, candidate, tree["dept_a_office"], code="PHO_GIAM_DOC_SO")

    appointment_check(actor=alice, appointment=appointment)

    assert appointment.status == AppointmentStatus.BLOCKED
    assert appointment.check_gaps == ["Chức vụ này chưa có tiêu chuẩn chức danh đang có hiệu lực."]


def test_a_blocked_appointment_cannot_be_approved_nor_decided(tree, alice, board, standard):
    office = tree["dept_a_office"]
    person = make_person(office, deputy_since=add_years(today(), -4))
    appointment = _blocked_by(alice, person, office, "Chưa có trong quy hoạch")

    with pytest.raises(ValidationError) as refused:
        appointment_approve(actor=board, appointment=appointment)
    assert "chưa đạt tiêu chuẩn" in refused.value.messages[0]
    assert any("quy hoạch" in m for m in refused.value.messages[1:])
    with pytest.raises(ValidationError):
        decide(board, appointment)
    # Not even by forcing the status in memory: approval checks the standards again.
    appointment.status = AppointmentStatus.CHECKED
    with pytest.raises(ValidationError):
        appointment_approve(actor=board, appointment=appointment)
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.BLOCKED
    assert not Employment.objects.filter(person=person, position__code="TRUONG_PHONG").exists()


def test_a_gap_that_opens_after_the_check_blocks_the_decision(tree, alice, board, candidate):
    appointment = propose(alice, candidate, tree["dept_a_office"])
    appointment_check(actor=alice, appointment=appointment)
    appointment_approve(actor=board, appointment=appointment)
    PlanningEntry.objects.filter(person=candidate).update(
        status="REMOVED", removed_on=today(), removal_reason="REVIEW"
    )

    with pytest.raises(ValidationError) as refused:
        decide(alice, appointment)

    assert any("quy hoạch" in m for m in refused.value.messages)
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.BLOCKED
    assert appointment.employment is None


def test_closing_the_gap_and_checking_again_unblocks(tree, alice, board, standard):
    office = tree["dept_a_office"]
    person = make_person(office, deputy_since=add_years(today(), -4))
    appointment = _blocked_by(alice, person, office, "Chưa có trong quy hoạch")
    plan(person, office, board)

    appointment_check(actor=alice, appointment=appointment)

    assert (appointment.status, appointment.check_gaps) == (AppointmentStatus.CHECKED, [])


def test_choosing_first_appointment_to_skip_the_lower_post_time_is_refused(tree, alice, board, standard):
    office = tree["dept_a_office"]
    person = make_person(office, deputy_since=add_years(today(), -1))

    with pytest.raises(ValidationError) as refused:
        propose(alice, person, office, kind=AppointmentKind.FIRST)

    assert "đã từng giữ chức vụ lãnh đạo" in refused.value.message_dict["kind"][0]


def test_a_higher_appointment_needs_a_leadership_past(tree, alice, standard):
    person = make_person(tree["dept_a_office"])

    with pytest.raises(ValidationError) as refused:
        propose(alice, person, tree["dept_a_office"])

    assert "bổ nhiệm lần đầu" in refused.value.message_dict["kind"][0]


# --- proposal refusals and permissions ---------------------------------------------------------------------


def test_a_second_open_proposal_for_the_same_post_is_refused(tree, alice, candidate):
    propose(alice, candidate, tree["dept_a_office"])

    with pytest.raises(ValidationError) as refused:
        propose(alice, candidate, tree["dept_a_office"])

    assert "đã có đề xuất bổ nhiệm" in refused.value.message_dict["person"][0]
    assert Appointment.objects.count() == 1


def test_a_person_no_longer_working_cannot_be_proposed(tree, alice, candidate):
    type(candidate).objects.filter(pk=candidate.pk).update(status=PersonStatus.RETIRED, status_date=today())
    candidate.refresh_from_db()

    with pytest.raises(ValidationError, match="không còn công tác"):
        propose(alice, candidate, tree["dept_a_office"])


def test_a_non_leadership_post_is_refused(tree, alice, candidate):
    with pytest.raises(ValidationError) as refused:
        propose(alice, candidate, tree["dept_a_office"], code="CHUYEN_VIEN")

    assert "position" in refused.value.message_dict


@pytest.mark.parametrize("who", ["bob", "charlie", "dana", "standing"])
def test_only_officers_of_the_unit_and_the_board_propose(request, tree, candidate, who):
    user = request.getfixturevalue(who)

    with pytest.raises(PermissionDenied):
        propose(user, candidate, tree["dept_a_office"])


def test_an_officer_cannot_propose_someone_from_another_unit(tree, alice, outsider_person, standard):
    with pytest.raises(PermissionDenied, match="không thuộc đơn vị"):
        propose(alice, outsider_person, tree["dept_a_office"])


def test_only_the_board_approves(tree, alice, bob, standing, candidate):
    appointment = propose(alice, candidate, tree["dept_a_office"])
    appointment_check(actor=alice, appointment=appointment)

    for user in (alice, bob, standing):
        with pytest.raises(PermissionDenied):
            appointment_approve(actor=user, appointment=appointment)
    assert appointment_actions(alice, appointment) == ["check", "withdraw"]


def test_charlie_cannot_check_or_decide_in_dept_a(tree, alice, board, charlie, candidate):
    appointment = propose(alice, candidate, tree["dept_a_office"])

    with pytest.raises(PermissionDenied):
        appointment_check(actor=charlie, appointment=appointment)
    appointment_check(actor=alice, appointment=appointment)
    appointment_approve(actor=board, appointment=appointment)
    with pytest.raises(PermissionDenied):
        decide(charlie, appointment)


def test_a_decision_needs_its_number_signer_and_a_past_date(tree, alice, board, candidate):
    appointment = propose(alice, candidate, tree["dept_a_office"])
    appointment_check(actor=alice, appointment=appointment)
    appointment_approve(actor=board, appointment=appointment)

    with pytest.raises(ValidationError) as refused:
        decide(
            alice, appointment, decision_number=" ", signer="", decision_date=today() + datetime.timedelta(1)
        )

    assert set(refused.value.message_dict) == {"decision_number", "signer", "decision_date"}
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.APPROVED
    assert not Employment.objects.filter(person=candidate, position__code="TRUONG_PHONG").exists()


def test_a_stale_version_is_a_conflict(tree, alice, candidate):
    appointment = propose(alice, candidate, tree["dept_a_office"])

    with pytest.raises(ConflictError):
        appointment_check(actor=alice, appointment=appointment, expected_version=appointment.version + 3)


def test_withdrawing_ends_the_proposal_and_frees_the_post(tree, alice, candidate):
    appointment = propose(alice, candidate, tree["dept_a_office"])

    appointment_withdraw(actor=alice, appointment=appointment, reason="Đổi nhân sự")

    assert appointment.status == AppointmentStatus.WITHDRAWN
    assert "Đổi nhân sự" in appointment.note
    with pytest.raises(ValidationError):
        appointment_check(actor=alice, appointment=appointment)
    propose(alice, candidate, tree["dept_a_office"])  # a new proposal is possible again


# --- reappointment: two terms at most, extension near retirement ------------------------------------------


def test_reappointment_renews_the_term_with_a_bo_nhiem_lai_row(tree, alice, board, head):
    person = head.person
    appointment = propose(alice, person, tree["dept_a_office"], kind=AppointmentKind.REAPPOINT)
    assert appointment.previous == head
    appointment_check(actor=alice, appointment=appointment)
    assert appointment.status == AppointmentStatus.CHECKED  # the plan is not required for a reappointment
    appointment_approve(actor=board, appointment=appointment)
    start = head.term_end + datetime.timedelta(days=1)

    decide(alice, appointment, effective_date=start)

    assert (appointment.term_start, appointment.term_end) == (start, term_end_for(start))
    assert appointment.employment.move == PersonnelMove.BO_NHIEM_LAI
    head.employment.refresh_from_db()
    assert head.employment.end_date == head.term_end


def test_a_third_consecutive_term_is_refused(tree, alice, board, standard):
    office = tree["dept_a_office"]
    person = make_person(office, deputy_since=add_years(today(), -15))
    first = decided(person, office, board, term_start=add_years(today(), -10) + datetime.timedelta(60))
    second = decided(
        person,
        office,
        board,
        term_start=first.term_end + datetime.timedelta(1),
        kind=AppointmentKind.REAPPOINT,
        previous=first,
    )

    with pytest.raises(ValidationError) as refused:
        propose(alice, person, office, kind=AppointmentKind.REAPPOINT)

    assert "2 nhiệm kỳ liên tiếp" in refused.value.message_dict["kind"][0]
    assert second.term_end > today()


def test_reappointment_needs_a_previous_decided_term(tree, alice, candidate):
    with pytest.raises(ValidationError) as refused:
        propose(alice, candidate, tree["dept_a_office"], kind=AppointmentKind.REAPPOINT)

    assert "Chưa có quyết định bổ nhiệm trước" in refused.value.message_dict["kind"][0]


def test_under_two_years_to_retirement_the_term_is_extended_instead(tree, alice, board, standard):
    office = tree["dept_a_office"]
    # A man born 61 years ago retires at 62 within about a year: less than 2 years after the term ends.
    person = make_person(office, born=add_years(today(), -61), deputy_since=add_years(today(), -15))
    head = decided(person, office, board, term_start=add_years(today(), -5) + datetime.timedelta(30))
    retire = retirement_date(person.gender, person.date_of_birth)
    assert head.term_end < retire

    with pytest.raises(ValidationError) as refused:
        propose(alice, person, office, kind=AppointmentKind.REAPPOINT)
    assert "kéo dài thời hạn" in refused.value.message_dict["kind"][0]
    assert "extend" in appointment_actions(alice, head)

    appointment_extend_to_retirement(actor=alice, appointment=head, votes_for=3, votes_total=5)

    head.refresh_from_db()
    assert head.term_end == retire
    assert head.note.startswith("Kéo dài thời hạn giữ chức vụ đến ngày nghỉ hưu")
    with pytest.raises(ValidationError):
        appointment_extend_to_retirement(actor=alice, appointment=head, votes_for=3, votes_total=5)


def test_extension_is_refused_with_two_years_or_more_left(alice, head):
    with pytest.raises(ValidationError, match="dưới 2 năm"):
        appointment_extend_to_retirement(actor=alice, appointment=head, votes_for=3, votes_total=5)


def test_a_deputy_may_be_reappointed_for_a_third_consecutive_term(tree, alice, board, standard):
    # NĐ 138 Art 41, QĐ 98/2017: the two-consecutive-terms limit is for heads, not deputies
    office = tree["dept_a_office"]
    person = make_person(office, deputy_since=add_years(today(), -16))
    first = decided(
        person,
        office,
        board,
        code="PHO_TRUONG_PHONG",
        term_start=add_years(today(), -10) + datetime.timedelta(60),
    )
    decided(
        person, office, board, code="PHO_TRUONG_PHONG", term_start=first.term_end + datetime.timedelta(1),
        kind=AppointmentKind.REAPPOINT, previous=first,
    )  # fmt: skip
    third = propose(alice, person, office, code="PHO_TRUONG_PHONG", kind=AppointmentKind.REAPPOINT)
    assert third.pk and third.kind == AppointmentKind.REAPPOINT


def test_the_term_limit_reads_the_head_or_deputy_post(db):
    on = today()
    assert head_term_limit(position("TRUONG_PHONG"), on) == 2
    assert head_term_limit(position("PHO_TRUONG_PHONG"), on) is None


def _extendable(tree, board):
    office = tree["dept_a_office"]
    person = make_person(office, born=add_years(today(), -61), deputy_since=add_years(today(), -15))
    return decided(person, office, board, term_start=add_years(today(), -5) + datetime.timedelta(30))


def test_an_extension_needs_more_than_half_of_the_collective_vote(tree, alice, board, standard):
    head = _extendable(tree, board)
    with pytest.raises(ValidationError, match="kết quả biểu quyết"):
        appointment_extend_to_retirement(actor=alice, appointment=head)
    with pytest.raises(ValidationError, match="3/6 phiếu đồng ý, không quá 50 %"):
        appointment_extend_to_retirement(actor=alice, appointment=head, votes_for=3, votes_total=6)
    with pytest.raises(ValidationError, match="Số phiếu đồng ý"):
        appointment_extend_to_retirement(actor=alice, appointment=head, votes_for=7, votes_total=6)
    head.refresh_from_db()
    assert head.extension_votes_total is None and not head.note.startswith("Kéo dài")
    appointment_extend_to_retirement(actor=alice, appointment=head, votes_for=4, votes_total=7)
    head.refresh_from_db()
    assert (head.extension_votes_for, head.extension_votes_total) == (4, 7)
