"""Doors beyond the profile that show a person's data: the training tab, the dossier tab and the printed forms'
copies are logged for the person to see; the person's own looks are not."""

import datetime

import pytest
from django.urls import reverse

from canbo.nationaldb.models import AccessLogEntry
from canbo.people.models import Person
from canbo.profileforms.services import form_copies_log

pytestmark = pytest.mark.django_db


def test_the_training_tab_of_someone_else_is_logged_and_ones_own_is_not(client, alice, dana, anh):
    client.force_login(alice)
    assert client.get(reverse("training:person", args=[anh.uuid])).status_code == 200
    entry = AccessLogEntry.objects.get()
    assert (entry.person, entry.viewer, entry.part) == (anh, alice, "TRAINING")

    client.force_login(dana)
    own = Person.objects.get(user=dana)
    assert client.get(reverse("training:person", args=[own.uuid])).status_code == 200
    assert AccessLogEntry.objects.count() == 1


def test_a_training_tab_outside_the_scope_is_404_and_logs_nothing(client, charlie, anh):
    client.force_login(charlie)
    assert client.get(reverse("training:person", args=[anh.uuid])).status_code == 404
    assert not AccessLogEntry.objects.exists()


def test_copies_of_printed_forms_reach_the_persons_log_with_the_address(alice, dana, anh):
    own = Person.objects.get(user=dana)
    written = form_copies_log(
        user=alice, persons=[anh, own], form_key="syll", fmt="pdf", on=datetime.date(2026, 12, 1),
        remote_addr="10.0.0.7",
    )  # fmt: skip
    assert written == 2  # both are someone else's for alice
    assert {(e.person, e.part, e.remote_addr) for e in AccessLogEntry.objects.all()} == {
        (anh, "EXPORT", "10.0.0.7"),
        (own, "EXPORT", "10.0.0.7"),
    }
    form_copies_log(user=dana, persons=[own], form_key="syll", fmt="pdf", on=datetime.date(2026, 12, 1))
    assert AccessLogEntry.objects.count() == 2  # the official's own copy is not logged


def test_the_official_sees_the_training_look_on_their_page(client, alice, dana):
    own = Person.objects.get(user=dana)
    client.force_login(alice)
    client.get(reverse("training:person", args=[own.uuid]))
    client.force_login(dana)
    page = client.get(reverse("nationaldb:my_access")).content.decode()
    assert "Đào tạo, bồi dưỡng" in page and "alice" in page


def test_a_person_list_exported_to_excel_logs_each_person_in_it_but_the_exporter(
    client, export_via_job, alice, dana, anh
):
    dana_person = Person.objects.get(user=dana)
    client.force_login(alice)
    response = export_via_job(reverse("people:export"), {})
    assert response.status_code == 200
    logged = {e.person_id: e for e in AccessLogEntry.objects.filter(part="EXPORT")}
    assert anh.pk in logged and dana_person.pk in logged and logged[anh.pk].viewer == alice

    AccessLogEntry.objects.all().delete()
    client.force_login(dana)  # an official exports nothing of others; nothing is logged
    export_via_job(reverse("people:export"), {})
    assert not AccessLogEntry.objects.exclude(person=dana_person).exists()
