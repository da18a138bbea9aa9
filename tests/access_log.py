"""A check shared by the export doors' tests: the person whose row left in a file finds the export on their own
page "Ai đã xem hồ sơ của tôi" (NĐ 27/2026), under the exporter's name."""

from django.urls import reverse

from canbo.nationaldb.models import AccessLogEntry
from canbo.people.models import Person
from tests.factories import UserFactory


def assert_the_person_sees_the_export(client, person, exporter) -> None:
    """`person` is given an account if they have none; logs the client in as them."""
    entries = AccessLogEntry.objects.filter(person=person, part="EXPORT", viewer=exporter)
    assert entries.count() == 1, "one export access per person per file"
    if person.user_id is None:
        Person.objects.filter(pk=person.pk).update(user=UserFactory(username=f"own-{person.pk}"))
        person.refresh_from_db()
    client.force_login(person.user)
    page = client.get(reverse("nationaldb:my_access")).content.decode()
    assert "Xuất dữ liệu" in page and exporter.get_username() in page
