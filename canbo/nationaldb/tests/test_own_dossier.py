"""The official's own e-dossier page: completeness by group, documents, consents, their record's sync — theirs
only."""

import pytest
from django.urls import reverse

from canbo.nationaldb.fields import FIELDS, Group
from canbo.nationaldb.models import Consent
from canbo.nationaldb.selectors import dossier_completeness, has_consent
from canbo.people.models import Person

pytestmark = pytest.mark.django_db
URL = "/dong-bo-csdl-quoc-gia/ho-so-dien-tu-cua-toi/"


def _identity(person):
    return {g["group"]: g for g in dossier_completeness(person=person)}[int(Group.IDENTITY)]


def test_completeness_counts_what_the_persons_records_fill_and_names_the_missing_required(dana):
    person = Person.objects.get(user=dana)
    Person.objects.filter(pk=person.pk).update(religion="Không")
    person.refresh_from_db()
    identity = _identity(person)
    assert identity["fields"] == sum(1 for f in FIELDS if f.group == Group.IDENTITY)
    assert 0 < identity["filled"] <= identity["held"] <= identity["fields"]
    assert not {"1.02", "1.14"} & {f.code for f in identity["missing_required"]}

    Person.objects.filter(pk=person.pk).update(religion="")
    person.refresh_from_db()
    after = _identity(person)
    assert after["filled"] == identity["filled"] - 1
    assert "1.14" in {f.code for f in after["missing_required"]}

    family = {g["group"]: g for g in dossier_completeness(person=person)}[int(Group.FAMILY)]
    assert family["filled"] == 0 and {f.code for f in family["missing_required"]} == {"2.01", "2.03"}


def test_the_official_sees_their_page_and_grants_then_withdraws_a_consent(client, dana):
    client.force_login(dana)
    page = client.get(URL)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Hồ sơ điện tử của tôi" in text and "Tải lên bản quét" in text and "Chia sẻ hồ sơ" in text
    person = Person.objects.get(user=dana)

    client.post(reverse("nationaldb:own_consent"), {"purpose": "RESEARCH", "action": "grant"})
    assert has_consent(person=person, purpose="RESEARCH")
    assert "Đã đồng ý lúc" in client.get(URL).content.decode()
    client.post(reverse("nationaldb:own_consent"), {"purpose": "RESEARCH", "action": "withdraw"})
    assert not has_consent(person=person, purpose="RESEARCH")
    assert Consent.objects.filter(person=person, withdrawn_at__isnull=False).count() == 1  # kept, ended


def test_an_unknown_purpose_records_nothing(client, dana):
    client.force_login(dana)
    client.post(reverse("nationaldb:own_consent"), {"purpose": "SELL", "action": "grant"})
    assert not Consent.objects.exists()


def test_a_user_without_a_record_may_not_open_it(client, alice):
    client.force_login(alice)
    assert client.get(URL).status_code == 403
    assert client.post(reverse("nationaldb:own_consent"), {"purpose": "RESEARCH"}).status_code == 403
    assert not Consent.objects.exists()
