"""Overdue feedback: the daily reminders tell those who handle it (the board, the unit's officers, the
assigned handler), never leaders and never the official concerned, whatever role that official holds."""

import datetime

import pytest
from django.core import mail

from canbo.accounts.models import Role
from canbo.accounts.services import user_save_for_seed
from canbo.feedback.models import Channel
from canbo.feedback.services import feedback_assign, feedback_receive
from canbo.notifications.models import Notification, NotificationKind
from canbo.notifications.services import reminders_send
from canbo.people.models import Person
from tests.factories import PersonFactory, UserFactory, grant

D = datetime.date
TODAY = D(2026, 6, 1)


@pytest.fixture
def frank(tree):
    """An official of dept_a's office who is also one of dept_a's personnel officers."""
    user = grant(
        UserFactory(username="frank", email="frank@dienbien.gov.vn"), Role.UNIT_OFFICER, tree["dept_a"]
    )
    PersonFactory(full_name="Lò Văn Phong", current_unit=tree["dept_a_office"], user=user)
    return user


@pytest.fixture
def eve(tree):
    """An official working in dept_a, assigned to verify the feedback."""
    user = grant(UserFactory(username="eve"), Role.OFFICIAL)
    PersonFactory(full_name="Cà Thị Én", current_unit=tree["dept_a"], user=user)
    return user


@pytest.fixture
def about_frank(board, frank, eve):
    feedback = feedback_receive(
        actor=board, channel=Channel.CITIZEN, received_on=D(2026, 3, 2),
        subject_person=Person.objects.get(user=frank), content="Cán bộ chậm giải quyết hồ sơ.", sender="Bà Lò Thị Ơn",
    )  # fmt: skip
    return feedback_assign(actor=board, feedback=feedback, handler=eve)


def told(user):
    return list(Notification.objects.filter(user=user, kind=NotificationKind.FEEDBACK_OVERDUE))


def test_overdue_feedback_is_told_to_its_handlers_only(about_frank, board, alice, bob, charlie, eve, frank):
    for user in (board, alice, bob, charlie, eve, frank):
        user.email = f"{user.username}@dienbien.gov.vn"
        user_save_for_seed(user)  # a role holder's e-mail is set as seed data (decision 035)
    reminders_send(today=TODAY)
    for user in (board, alice, eve):
        (note,) = told(user)
        assert note.due_date == about_frank.deadline
        assert note.link == f"/phan-anh/{about_frank.pk}/"
        assert "Văn phòng Sở A" in note.title and "02/03/2026" in note.title
        assert "Lò Văn Phong" not in note.title + note.body  # the e-mail does not name the official
    assert told(frank) == []  # the official concerned, although an officer of the unit
    assert told(bob) == []  # a leader reads counts only
    assert told(charlie) == []  # another unit's officer
    assert not any("frank" in m.to[0] for m in mail.outbox)
    reminders_send(today=TODAY)  # the next run adds nothing
    assert Notification.objects.filter(kind=NotificationKind.FEEDBACK_OVERDUE).count() == 3


def test_feedback_not_yet_due_or_concluded_is_not_told(about_frank, board, alice):
    reminders_send(today=about_frank.deadline)  # due today: not overdue yet
    assert told(board) == told(alice) == []
    about_frank.status, about_frank.conclusion, about_frank.closed_on = "CLOSED", "SAI", D(2026, 5, 4)
    about_frank.save()
    reminders_send(today=TODAY)
    assert told(board) == told(alice) == []


def test_the_list_shows_unread_first_and_sorts_by_due_date(client, board):
    from django.utils import timezone

    for i in range(55):
        Notification.objects.create(
            user=board, kind=NotificationKind.FEEDBACK_OVERDUE, key=f"k{i}", title=f"Việc {i:02d}",
            due_date=D(2026, 1, 1) + datetime.timedelta(days=i), read_at=timezone.now() if i % 2 else None,
        )  # fmt: skip
    client.force_login(board)
    page = client.get("/thong-bao/").context["page"]
    assert all(n.read_at is None for n in page.object_list[:28]) and page.has_next and page.count is None
    by_due = client.get("/thong-bao/", {"sap_xep": "-han"}).context["page"]
    assert by_due.object_list[0].title == "Việc 54"
    unread = client.get("/thong-bao/", {"chua_doc": "1", "sap_xep": "han"}).context["page"]
    assert [n.title for n in unread.object_list][:2] == ["Việc 00", "Việc 02"] and not unread.has_next
