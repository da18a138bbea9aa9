"""Every change to a field the national database holds puts an item in the outbox, in the same transaction."""

import datetime

import pytest
from django.db import transaction

from canbo.core.audit import audit_bulk
from canbo.dossier.models import HealthRecord
from canbo.dossier.services import dossier_record_add
from canbo.nationaldb.models import ChangeSource, OutboxItem
from canbo.nationaldb.outbox import sync_deadline
from canbo.people.services import person_update

pytestmark = pytest.mark.django_db


def _only_what_follows():
    """The fixtures' own creation was audited and enqueued: start from an empty outbox."""
    OutboxItem.objects.all().delete()


def test_a_change_to_a_held_field_enqueues_the_group_the_value_and_a_one_day_deadline(alice, anh):
    _only_what_follows()
    person_update(actor=alice, person=anh, data={"phone": "0912345678"})
    item = OutboxItem.objects.get()
    assert (item.person, item.national_id, item.group, item.action) == (anh, anh.national_id, 1, "update")
    assert item.change == {"1.18": "0912345678"} and item.source == ChangeSource.CANBO
    assert item.unit == anh.current_unit and item.state == "WAITING"
    assert item.deadline == sync_deadline(datetime.date.today(), ChangeSource.CANBO)


def test_the_deadline_counts_working_days_over_weekends_and_holidays(settings):
    settings.CANBO_PUBLIC_HOLIDAYS = ["2026-09-02"]
    friday, tuesday_holiday_eve = datetime.date(2026, 12, 4), datetime.date(2026, 9, 1)
    assert sync_deadline(friday, ChangeSource.CANBO) == datetime.date(2026, 12, 7)
    assert sync_deadline(friday, ChangeSource.OTHER) == datetime.date(2026, 12, 9)
    assert sync_deadline(tuesday_holiday_eve, ChangeSource.CANBO) == datetime.date(2026, 9, 3)


def test_a_change_rolled_back_leaves_no_item(alice, anh):
    _only_what_follows()
    with pytest.raises(RuntimeError), transaction.atomic():
        person_update(actor=alice, person=anh, data={"phone": "0912345678"})
        raise RuntimeError
    assert not OutboxItem.objects.exists()


def test_a_sensitive_group_record_goes_to_its_own_group(alice, anh):
    _only_what_follows()
    dossier_record_add(user=alice, person=anh, model=HealthRecord,
                       data={"as_of": datetime.date(2026, 11, 2), "status": "GOOD", "blood_group": "O"})  # fmt: skip
    item = OutboxItem.objects.get()
    assert item.group == 10 and item.action == "create"
    assert item.change["10.05"] == "O" and item.change["10.02"] == "GOOD"


def test_a_bulk_write_enqueues_in_bulk_with_the_three_day_deadline(alice, anh, dana):
    _only_what_follows()
    people = [anh, dana.person]
    for person in people:
        person.phone = "0200000000"
    audit_bulk(actor=alice, entries=[(p, 1, {"phone": ("", "0200000000")}) for p in people])
    items = OutboxItem.objects.order_by("id")
    assert [i.person for i in items] == people
    assert {i.source for i in items} == {ChangeSource.OTHER}
    assert items[0].deadline == sync_deadline(datetime.date.today(), ChangeSource.OTHER)


def test_a_change_to_a_field_the_national_database_does_not_hold_enqueues_nothing(alice, anh):
    _only_what_follows()
    person_update(actor=alice, person=anh, data={"code": anh.code})  # no change at all
    audit_bulk(actor=alice, entries=[(anh, 1, {"sort_key": ("a", "b")})])
    assert not OutboxItem.objects.exists()


def test_creating_a_person_enqueues_group_one_with_the_required_fields(anh):
    item = OutboxItem.objects.get(person=anh, group=1)
    assert item.action == "create"
    assert item.change["1.01"] == anh.national_id and item.change["1.13"] == anh.ethnicity


def test_deleting_a_person_keeps_their_items_by_national_id_and_enqueues_the_deletion(board, anh):
    from canbo.people.services import person_delete

    national_id = anh.national_id
    person_delete(actor=board, person=anh)
    items = OutboxItem.objects.filter(national_id=national_id)
    assert items.exists() and not items.filter(person__isnull=False).exists()
    assert items.filter(group=1, action="delete").count() == 1
