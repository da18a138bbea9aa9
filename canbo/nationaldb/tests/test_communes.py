"""The commune-level units after the 2025 reform: the committed list, its synchronisation, the provinces checked
against it, and the entry of an official's place codes (the list offered, free values refused, history kept)."""

import csv
import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from canbo.nationaldb.codes import national_codes
from canbo.nationaldb.communes import CSV_PATH, communes_of, sync_communes, valid_on
from canbo.nationaldb.models import Commune, CommuneKind, OutboxItem, PersonPlaceCodes
from canbo.nationaldb.places import place_codes_set
from canbo.nationaldb.provinces import PROVINCES

pytestmark = pytest.mark.django_db
REFORM_DAY = datetime.date(2025, 7, 1)


def _csv():
    with CSV_PATH.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_the_list_holds_the_units_of_qd_19_2025_for_the_34_provinces_and_nothing_else():
    rows = _csv()
    on_reform_day = Commune.objects.filter(valid_on(REFORM_DAY))
    # QĐ 19/2025/QĐ-TTg: 3.321 commune-level units from 01/07/2025, each once on any day
    assert on_reform_day.count() == 3321 == len({r["code"] for r in rows})
    assert on_reform_day.values("code").distinct().count() == on_reform_day.count()
    assert Commune.objects.filter(valid_on()).count() == 3321
    assert {r["province"] for r in rows} == {code for code, _name in PROVINCES}
    assert set(on_reform_day.values_list("kind", flat=True)) == set(CommuneKind.values)
    assert all(r["basis"] and r["valid_from"] >= "2025-07-01" for r in rows)


def test_a_unit_that_changed_kind_keeps_its_old_row_closed_the_day_before():
    rows = Commune.objects.filter(code="25270").order_by("valid_from")
    assert [(c.kind, c.valid_from, c.valid_to) for c in rows] == [
        (CommuneKind.XA, REFORM_DAY, datetime.date(2026, 4, 29)),
        (CommuneKind.PHUONG, datetime.date(2026, 4, 30), None),
    ]
    assert [str(c) for c in communes_of("75").filter(code="25270")] == ["Phường Lộc Ninh"]


def test_synchronising_again_changes_nothing_and_restores_a_corrupted_row():
    assert sync_communes() == (0, 0)
    Commune.objects.filter(code="00004").update(name="Sai tên")
    assert sync_communes() == (0, 1)
    assert Commune.objects.get(code="00004").name == "Ba Đình"


def _unit(code):
    return Commune.objects.filter(valid_on(), code=code).get()


def test_an_officer_records_place_codes_and_the_outbox_carries_the_communes_code(alice, anh):
    place_codes_set(user=alice, person=anh, values={"birth_commune": _unit("00004")})
    item = OutboxItem.objects.filter(person=anh, record__startswith="nationaldb.PersonPlaceCodes").get()
    codes, problems = national_codes(item.change)
    assert problems == [] and codes == {"1.10": "00004"}


def test_an_officer_outside_the_persons_unit_is_refused(charlie, anh):
    with pytest.raises(Exception, match="không có quyền"):
        place_codes_set(user=charlie, person=anh, values={"birth_commune": _unit("00004")})
    assert not PersonPlaceCodes.objects.filter(person=anh).exists()


def test_a_unit_no_longer_in_force_is_refused_as_new_but_kept_as_history(alice, anh):
    old = Commune.objects.get(code="25270", valid_to__isnull=False)
    with pytest.raises(ValidationError, match="không còn hiệu lực"):
        place_codes_set(user=alice, person=anh, values={"origin_commune": old})
    assert not PersonPlaceCodes.objects.filter(person=anh).exists()
    # recorded before the change (as the table held it then): saving again keeps it, nothing is rewritten
    PersonPlaceCodes.objects.create(person=anh, origin_commune=old)
    place_codes_set(user=alice, person=anh, values={"origin_commune": old, "birth_commune": _unit("00004")})
    record = PersonPlaceCodes.objects.get(person=anh)
    assert record.origin_commune_id == old.pk and record.birth_commune.code == "00004"


def test_the_page_offers_the_provinces_units_and_refuses_a_commune_of_another_province(client, alice, anh):
    client.force_login(alice)
    url = reverse("nationaldb:person_places", kwargs={"uuid": anh.uuid})
    options = client.get(reverse("nationaldb:commune_options"), {"birth_commune_province": "11"})
    text = options.content.decode()
    assert "Mường Phăng" in text and "Ba Đình" not in text
    assert client.get(url).status_code == 200

    response = client.post(url, {"birth_commune_province": "11", "birth_commune": _unit("00004").pk})
    assert response.status_code == 200
    assert "Chọn xã, phường, đặc khu trong danh sách của tỉnh" in response.content.decode()
    assert not PersonPlaceCodes.objects.filter(person=anh).exists()

    response = client.post(url, {"birth_commune_province": "01", "birth_commune": _unit("00004").pk})
    assert response.status_code == 302
    assert PersonPlaceCodes.objects.get(person=anh).birth_commune.code == "00004"


def test_free_text_in_place_of_a_unit_is_refused(client, alice, anh):
    client.force_login(alice)
    url = reverse("nationaldb:person_places", kwargs={"uuid": anh.uuid})
    response = client.post(url, {"residence_commune_province": "01", "residence_commune": "phường Ba Đình"})
    assert "Chọn xã, phường, đặc khu trong danh sách" in response.content.decode()
    assert not PersonPlaceCodes.objects.filter(person=anh).exists()


def test_another_units_officer_cannot_open_the_page(client, charlie, anh):
    client.force_login(charlie)
    assert client.get(reverse("nationaldb:person_places", kwargs={"uuid": anh.uuid})).status_code == 404


def test_the_persons_page_links_the_place_codes_page_for_an_editor(client, alice, anh):
    client.force_login(alice)
    page = client.get(reverse("people:detail", kwargs={"uuid": anh.uuid})).content.decode()
    assert reverse("nationaldb:person_places", kwargs={"uuid": anh.uuid}) in page
