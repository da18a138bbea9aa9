"""send_reminders: each kind of reminder, once per user and key, e-mailed once, each user only their units."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError

from canbo.accounts.models import Role
from canbo.accounts.services import user_save_for_seed
from canbo.movements.models import Appointment, Movement
from canbo.notifications.models import Notification
from canbo.notifications.services import reminders_send
from canbo.people.models import Position
from canbo.people.retirement import retirement_date
from canbo.standards import services as standards
from canbo.training.models import TrainingPlan
from tests.factories import PersonFactory, UserFactory, grant

D = datetime.date
TODAY = D(2026, 6, 1)


@pytest.fixture
def due(tree, board):
    """One event of each kind: three in dept_a's subtree, two in dept_b."""
    head = Position.objects.get(code="TRUONG_PHONG")
    holder = PersonFactory(full_name="Lò Văn Đạt", current_unit=tree["dept_a_office"], position=head)
    Appointment.objects.create(
        person=holder,
        position=head,
        unit=tree["dept_a_office"],
        kind="FIRST",
        status="DECIDED",
        decision_number="12/QĐ-UBND",
        decision_date=D(2021, 8, 1),
        signer="Chủ tịch",
        term_start=D(2021, 8, 1),
        term_end=D(2026, 7, 31),
        proposed_by=board,
    )
    retiring = PersonFactory(
        full_name="Quàng Văn Hoa", gender="NAM", current_unit=tree["dept_b"], date_of_birth=D(1965, 1, 15)
    )
    rotated = PersonFactory(full_name="Giàng A Páo", current_unit=tree["dept_b"])
    Movement.objects.create(
        person=rotated,
        kind="LUAN_CHUYEN",
        from_unit=tree["dept_a"],
        to_unit=tree["dept_b"],
        start_date=D(2023, 7, 1),
        end_date=D(2026, 7, 1),
        decision_number="5/QĐ-TU",
        decision_date=D(2023, 6, 20),
        recorded_by=board,
    )
    TrainingPlan.objects.create(
        year=2027, owner_unit=tree["dept_a"], title="Kế hoạch ĐTBD 2027", due_date=D(2026, 6, 20)
    )
    return {"retiring": retiring, "rotated": rotated}


def keys(user):
    return set(Notification.objects.filter(user=user).values_list("kind", flat=True))


def test_each_user_gets_the_reminders_of_their_own_units(
    due, alice, bob, charlie, board, dana, sysadmin, standing
):
    for user in (alice, bob, charlie, board, dana, sysadmin):
        user.email = f"{user.username}@dienbien.gov.vn"
        user_save_for_seed(user)
    result = reminders_send(today=TODAY)
    assert result.reminders == 4
    everything = {"REAPPOINTMENT_DUE", "RETIREMENT_SOON", "ROTATION_ENDING", "TRAINING_PLAN_DUE"}
    assert keys(board) == everything
    assert keys(alice) == keys(bob) == {"REAPPOINTMENT_DUE", "ROTATION_ENDING", "TRAINING_PLAN_DUE"}
    assert keys(charlie) == {"RETIREMENT_SOON", "ROTATION_ENDING"}  # the rotation is to dept_b, from dept_a
    assert keys(dana) == keys(sysadmin) == keys(standing) == set()
    retiring = Notification.objects.get(user=charlie, kind="RETIREMENT_SOON")
    assert retiring.due_date == retirement_date("NAM", D(1965, 1, 15)) == D(2026, 7, 31)  # 61 years 6 months
    assert "Quàng Văn Hoa" in retiring.title and retiring.link.startswith("/can-bo/")


def test_running_twice_creates_and_mails_each_reminder_once(due, alice, board):
    alice.email = "alice@dienbien.gov.vn"
    user_save_for_seed(alice)
    call_command("send_reminders", "--today", "01/06/2026")
    first = Notification.objects.count()
    assert first == 3 + 4  # alice 3, board 4 (no address: created, not mailed)
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["alice@dienbien.gov.vn"]
    assert "3 nhắc việc mới" in mail.outbox[0].subject
    assert "Lò Văn Đạt" in mail.outbox[0].body and "31/07/2026" in mail.outbox[0].body
    call_command("send_reminders", "--today", "01/06/2026")
    call_command("send_reminders", "--today", "02/06/2026")
    assert Notification.objects.count() == first
    assert len(mail.outbox) == 1
    assert Notification.objects.filter(user=alice, emailed_at__isnull=False).count() == 3


def test_a_new_event_the_next_day_is_mailed_alone(due, alice, tree):
    alice.email = "alice@dienbien.gov.vn"
    user_save_for_seed(alice)
    reminders_send(today=TODAY)
    TrainingPlan.objects.create(
        year=2028, owner_unit=tree["dept_a_office"], title="Kế hoạch văn phòng", due_date=D(2026, 6, 30)
    )
    reminders_send(today=D(2026, 6, 2))
    assert len(mail.outbox) == 2
    assert mail.outbox[1].subject == "[Canbo] Sắp đến hạn ban hành: Kế hoạch văn phòng"


def test_an_overdue_plan_is_a_new_reminder(due, alice):
    reminders_send(today=TODAY, email=False)
    reminders_send(today=D(2026, 6, 22), email=False)
    titles = sorted(
        Notification.objects.filter(user=alice, kind="TRAINING_PLAN_DUE").values_list("title", flat=True)
    )
    assert titles == ["Quá hạn ban hành: Kế hoạch ĐTBD 2027", "Sắp đến hạn ban hành: Kế hoạch ĐTBD 2027"]


def test_a_failed_mail_is_released_and_does_not_stop_the_others(due, alice, board, monkeypatch):
    alice.email, board.email = "alice@dienbien.gov.vn", "board@dienbien.gov.vn"
    user_save_for_seed(alice)
    user_save_for_seed(board)
    from canbo.notifications import services

    real = services.send_mail

    def flaky(subject, body, sender, to):
        if to == ["alice@dienbien.gov.vn"]:
            raise OSError("máy chủ thư không trả lời")
        return real(subject, body, sender, to)

    monkeypatch.setattr(services, "send_mail", flaky)
    result = reminders_send(today=TODAY)
    assert result.failed == ["alice"] and result.emailed == 1
    assert not Notification.objects.filter(user=alice, emailed_at__isnull=False).exists()
    assert Notification.objects.filter(user=board, emailed_at__isnull=True).count() == 0


def test_review_campaign_deadlines_go_to_the_units_with_people_still_short(tree, board, alice, charlie):
    from canbo.org.models import AdminLevel
    from tests.factories import OrgUnitFactory

    commune = OrgUnitFactory(code="XA_A", parent=tree["dept_a"], level=AdminLevel.XA)
    PersonFactory(current_unit=commune, category="CC_XA", position=Position.objects.get(code="CONG_CHUC_XA"))
    campaign = standards.review_campaign_create(
        actor=board,
        name="Rà soát công chức xã",
        unit=tree["province"],
        categories=["CC_XA"],
        review_date=D(2021, 8, 1),
        deadline=D(2021, 12, 31),
    )
    reminders_send(today=D(2021, 12, 10), email=False)
    reminders_send(today=D(2022, 1, 3), email=False)
    titles = set(Notification.objects.filter(user=alice).values_list("title", flat=True))
    assert titles == {f"Sắp đến hạn khắc phục: {campaign.name}", f"Đã quá hạn khắc phục: {campaign.name}"}
    assert keys(board) == {"REVIEW_DEADLINE"} and not Notification.objects.filter(user=charlie).exists()


def test_inactive_users_get_nothing(due, tree):
    gone = grant(UserFactory(username="gone", is_active=False), Role.UNIT_OFFICER, tree["dept_a"])
    reminders_send(today=TODAY, email=False)
    assert not Notification.objects.filter(user=gone).exists()


def test_a_bad_date_is_a_clear_error(db):
    with pytest.raises(CommandError, match="dd/mm/yyyy"):
        call_command("send_reminders", "--today", "2026-06-01")


def test_the_run_is_a_fixed_number_of_queries(due, tree, django_assert_max_num_queries):
    for i in range(20):
        grant(UserFactory(username=f"officer{i}", email=f"o{i}@x.vn"), Role.UNIT_OFFICER, tree["dept_a"])
        PersonFactory(current_unit=tree["dept_b"], gender="NAM", date_of_birth=D(1964, 10, 1 + i))
    with django_assert_max_num_queries(60):
        result = reminders_send(today=TODAY)
    assert result.emailed == 20
