import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from canbo.accounts.models import Role
from canbo.discipline.models import DisciplineForm
from canbo.feedback.models import Channel, Conclusion, Feedback, FeedbackStatus
from canbo.feedback.services import (
    default_deadline,
    feedback_assign,
    feedback_close,
    feedback_open_case,
    feedback_receive,
    feedback_verify,
)
from tests.factories import UserFactory, grant

D = datetime.date


def test_the_deadline_is_15_working_days_after_receipt():
    assert default_deadline(D(2026, 3, 2)) == D(2026, 3, 23)  # Monday → Monday three weeks on


def test_intake_takes_the_officials_unit_and_the_default_deadline(about_anh, tree):
    assert about_anh.unit == tree["dept_a_office"] and about_anh.deadline == D(2026, 3, 23)
    assert about_anh.status == FeedbackStatus.RECEIVED


def test_an_officer_of_another_unit_cannot_receive_it(charlie, anh):
    with pytest.raises(PermissionDenied):
        feedback_receive(actor=charlie, channel=Channel.CITIZEN, received_on=D(2026, 3, 2), subject_person=anh,
                         content="x")  # fmt: skip
    assert not Feedback.objects.exists()


def test_bad_intake_is_refused_field_by_field(alice, board, anh, tree):
    with pytest.raises(ValidationError) as exc:
        feedback_receive(actor=alice, channel="FAX", received_on=D(2099, 1, 1), subject_person=anh, content=" ",
                         unit=tree["dept_a"])  # fmt: skip
    assert set(exc.value.message_dict) == {"channel", "received_on", "content"}
    with pytest.raises(ValidationError, match="không công tác tại"):
        feedback_receive(actor=board, channel=Channel.HOTLINE, received_on=D(2026, 3, 2), subject_person=anh,
                         content="x", unit=tree["dept_b"])  # fmt: skip
    assert not Feedback.objects.exists()


def test_nobody_receives_feedback_about_themselves(dana, tree):
    from canbo.people.models import Person

    grant(dana, Role.UNIT_OFFICER, tree["dept_a"])
    with pytest.raises(PermissionDenied, match="chính mình"):
        feedback_receive(actor=dana, channel=Channel.CITIZEN, received_on=D(2026, 3, 2),
                         subject_person=Person.objects.get(user=dana), content="x")  # fmt: skip


def test_the_whole_workflow_ends_in_a_discipline_case(alice, about_anh, anh, tree):
    handler = UserFactory(username="thanh_tra")
    from tests.factories import PersonFactory

    PersonFactory(full_name="Thanh Tra Viên", gender="NAM", current_unit=tree["dept_a"], user=handler)
    fb = feedback_assign(actor=alice, feedback=about_anh, handler=handler)
    assert fb.status == FeedbackStatus.ASSIGNED
    fb = feedback_verify(actor=handler, feedback=fb, notes="Đã làm việc với công dân và cán bộ.")
    fb = feedback_close(actor=handler, feedback=fb, conclusion=Conclusion.FOUNDED, closed_on=D(2026, 3, 20))
    assert fb.handled_in_time is True
    case = feedback_open_case(
        actor=alice, feedback=fb, opened_on=D(2026, 3, 25),
        acts=[{"description": "Gây phiền hà", "committed_on": D(2026, 2, 20), "form": DisciplineForm.REPRIMAND}],
    )  # fmt: skip
    fb.refresh_from_db()
    assert fb.discipline_case == case and case.person == anh


def test_a_handler_must_be_entitled_and_not_the_subject(alice, about_anh, charlie):
    with pytest.raises(ValidationError, match="Người xử lý"):
        feedback_assign(actor=alice, feedback=about_anh, handler=charlie)
    about_anh.refresh_from_db()
    assert about_anh.handler is None and about_anh.status == FeedbackStatus.RECEIVED


def test_a_leader_cannot_assign_and_another_user_cannot_conclude(bob, alice, about_anh, charlie):
    with pytest.raises(PermissionDenied):
        feedback_assign(actor=bob, feedback=about_anh, handler=alice)
    fb = feedback_assign(actor=alice, feedback=about_anh, handler=bob)
    with pytest.raises(PermissionDenied):
        feedback_verify(actor=charlie, feedback=fb, notes="x")


def test_concluding_needs_verification_and_a_valid_date(alice, about_anh, bob):
    fb = feedback_assign(actor=alice, feedback=about_anh, handler=bob)
    with pytest.raises(ValidationError) as exc:
        feedback_close(actor=bob, feedback=fb, conclusion="?", closed_on=D(2026, 1, 1))
    assert set(exc.value.message_dict) == {"status", "conclusion", "closed_on"}
    fb.refresh_from_db()
    assert fb.status == FeedbackStatus.ASSIGNED


def test_unfounded_feedback_leads_to_no_case(alice, about_anh, bob):
    fb = feedback_assign(actor=alice, feedback=about_anh, handler=bob)
    fb = feedback_verify(actor=bob, feedback=fb, notes="Không có căn cứ.")
    fb = feedback_close(actor=bob, feedback=fb, conclusion=Conclusion.UNFOUNDED, closed_on=D(2026, 4, 1))
    assert fb.handled_in_time is False
    with pytest.raises(ValidationError, match="đúng hoặc đúng một phần"):
        feedback_open_case(actor=alice, feedback=fb, opened_on=D(2026, 4, 2), acts=[])
