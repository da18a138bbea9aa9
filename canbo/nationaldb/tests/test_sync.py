"""The sync against the stand-in national database: approval recorded, refusals name the field and the fix,
nothing lost while the other side is down, nothing stored twice."""

import json
import urllib.request
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from canbo.core.audit import audit_bulk
from canbo.nationaldb.models import OutboxItem, OutboxState
from canbo.nationaldb.services import batch_approve, outbox_item_resend, outbox_send_due
from canbo.people.models import Person
from canbo.people.services import person_update

pytestmark = pytest.mark.django_db


def _control(standin, **body):
    url = standin.url + "/_dieu-khien"
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST")  # noqa: S310
    urllib.request.urlopen(request, timeout=5).read()  # noqa: S310


def _legacy_value(actor, person, **values):
    Person.objects.filter(pk=person.pk).update(**values)
    audit_bulk(actor=actor, entries=[(person, 1, {k: ("", v) for k, v in values.items()})])


def test_free_text_the_national_database_would_refuse_is_refused_at_entry_with_the_list(alice, anh):
    with pytest.raises(ValidationError) as exc:
        person_update(actor=alice, person=anh, data={"religion": "Đạo lạ"})
    assert "không có trong danh mục tôn giáo" in exc.value.message_dict["religion"][0]
    assert "Phật giáo" in exc.value.message_dict["religion"][0]


def test_an_approved_change_reaches_the_stand_in_and_is_marked_sent(standin, alice, anh):
    person_update(actor=alice, person=anh, data={"phone": "0912345678"})
    batch = batch_approve(user=alice)
    assert batch.approved_by == alice and batch.approved_at is not None

    counts = outbox_send_due()

    assert counts["refused"] == counts["failed"] == 0
    assert not OutboxItem.objects.filter(person=anh).exclude(state=OutboxState.SENT).exists()
    assert standin.dossiers[anh.national_id]["groups"]["1"][f"people.Person:{anh.pk}"]["1.18"] == "0912345678"


def test_nothing_leaves_without_an_approval(standin, alice, anh):
    outbox_send_due()
    assert standin.received == [] and OutboxItem.objects.filter(state=OutboxState.WAITING).exists()


def test_a_value_without_a_national_code_is_held_back_named_and_goes_once_fixed(standin, alice, anh):
    _legacy_value(alice, anh, religion="Đạo lạ")  # free text from before the entry check (an old import)
    batch_approve(user=alice)
    held = OutboxItem.objects.get(state=OutboxState.BLOCKED)
    assert held.refused_field == "1.14" and held.batch is None
    assert "“Đạo lạ”" in held.refusal_reason and "Phật giáo" in held.refusal_reason  # the list offered
    outbox_send_due()
    assert str(held.key) not in standin.received  # never left Canbo

    batch_approve(user=alice)  # checked again: still uncoded, still held back
    held.refresh_from_db()
    assert held.state == OutboxState.BLOCKED
    person_update(actor=alice, person=anh, data={"religion": "Phật giáo"})
    batch_approve(user=alice)
    outbox_send_due()
    assert standin.dossiers[anh.national_id]["groups"]["1"][f"people.Person:{anh.pk}"]["1.14"] == "Phật giáo"


def test_a_place_is_sent_under_todays_province_code(standin, alice, anh):
    person_update(actor=alice, person=anh, data={"place_of_birth": "xã Yên Minh, tỉnh Hà Giang"})
    batch_approve(user=alice)
    outbox_send_due()
    item = next(i for i in OutboxItem.objects.all() if "Hà Giang" in (i.change.get("1.09") or ""))
    assert item.state == OutboxState.SENT
    assert standin.received_codes[str(item.key)]["1.09"] == "08"  # Hà Giang is part of Tuyên Quang since 2025


def test_a_refused_item_names_the_field_and_the_reason_and_can_be_resent_after_the_fix(standin, alice, anh):
    _control(standin, refuse={anh.national_id: "Hồ sơ đang bị khóa để xác minh."})
    person_update(actor=alice, person=anh, data={"phone": "0912345678"})
    batch_approve(user=alice)
    outbox_send_due()
    refused = next(i for i in OutboxItem.objects.filter(state=OutboxState.REFUSED) if "1.18" in i.change)
    assert refused.refusal_reason == "Hồ sơ đang bị khóa để xác minh."

    outbox_item_resend(user=alice, item=refused)
    outbox_send_due()
    refused.refresh_from_db()
    assert refused.state == OutboxState.REFUSED  # still refused on the national side
    _control(standin, refuse={})
    outbox_item_resend(user=alice, item=refused)
    outbox_send_due()
    refused.refresh_from_db()
    assert refused.state == OutboxState.SENT


def test_switching_the_stand_in_off_and_on_loses_nothing(standin, alice, anh):
    person_update(actor=alice, person=anh, data={"phone": "0911111111"})
    batch_approve(user=alice)
    _control(standin, mode="fail")
    now = timezone.now()

    assert outbox_send_due(now=now)["failed"] > 0
    waiting = OutboxItem.objects.filter(state=OutboxState.WAITING)
    assert waiting.exists() and all(i.next_attempt_at > now and i.attempts == 1 for i in waiting)
    assert outbox_send_due(now=now)["failed"] == 0  # backing off: not retried at once

    _control(standin, mode="ok")
    outbox_send_due(now=now + timedelta(minutes=2))
    assert not OutboxItem.objects.exclude(state=OutboxState.SENT).exists()
    assert len(standin.received) == OutboxItem.objects.count()


def test_a_lost_answer_is_resent_under_the_same_key_and_stored_once(standin, alice, anh, settings):
    person_update(actor=alice, person=anh, data={"phone": "0922222222"})
    batch_approve(user=alice)
    _control(standin, mode="timeout", delay=1.5)
    now = timezone.now()
    generous, settings.NATIONAL_DB_TIMEOUT = settings.NATIONAL_DB_TIMEOUT, 0.5  # shorter than the delay
    outbox_send_due(now=now)  # the stand-in stored them, the answer came too late
    settings.NATIONAL_DB_TIMEOUT = generous
    assert OutboxItem.objects.filter(state=OutboxState.WAITING).exists()
    stored = list(standin.received)

    _control(standin, mode="ok")
    outbox_send_due(now=now + timedelta(hours=1))
    assert not OutboxItem.objects.exclude(state=OutboxState.SENT).exists()
    assert standin.received == stored  # nothing stored twice


def test_a_leader_and_an_official_may_not_approve_or_resend(standin, alice, bob, dana, anh):
    with pytest.raises(PermissionDenied):
        batch_approve(user=bob)
    with pytest.raises(PermissionDenied):
        batch_approve(user=dana)
    item = OutboxItem.objects.filter(person=anh).first()
    with pytest.raises(PermissionDenied):
        outbox_item_resend(user=bob, item=item)


def test_an_officer_approves_only_the_items_of_their_units(standin, alice, charlie, anh, outsider_person):
    batch = batch_approve(user=charlie)
    assert set(batch.items.values_list("person", flat=True)) == {outsider_person.pk}
    assert OutboxItem.objects.filter(person=anh, batch__isnull=True).exists()
    item = OutboxItem.objects.filter(person=anh).first()
    with pytest.raises(PermissionDenied):
        outbox_item_resend(user=charlie, item=item)
