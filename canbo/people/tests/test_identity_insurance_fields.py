"""The CCCD issue date and place, the BHXH and BHYT numbers, general education and the family's economic situation
(issue 16): edited by the unit's officers, proposed by the official, refused in Vietnamese when malformed, audited,
guarded by the database, shown in the API's detail."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from canbo.people.models import ChangeRequest, Person
from canbo.people.services import change_request_create, change_request_decide, person_update

from .test_views_edit import _edit_data

pytestmark = pytest.mark.django_db

GOOD = {
    "id_card_issued_on": datetime.date(2021, 4, 12),
    "id_card_issued_by": "Cục Cảnh sát quản lý hành chính về trật tự xã hội",
    "social_insurance_number": "1122334455",
    "health_insurance_number": "GD4111122334455",
    "general_education": "12/12",
    "family_other_income": "Vợ buôn bán nhỏ",
    "family_housing": "Nhà tự xây cấp 4, 80 m2, có giấy chứng nhận",
    "family_land": "Đất ở 120 m2, có giấy chứng nhận quyền sử dụng",
}


def test_an_officer_saves_every_new_field_and_each_change_is_audited(alice, anh):
    person_update(actor=alice, person=anh, data=dict(GOOD), expected_version=anh.version)

    stored = Person.objects.get(pk=anh.pk)
    assert {name: getattr(stored, name) for name in GOOD} == GOOD
    changes = LogEntry.objects.get_for_object(stored).latest("timestamp").changes_dict
    assert set(GOOD) <= set(changes)
    assert changes["social_insurance_number"][1] == "1122334455"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("social_insurance_number", "12345", "Số sổ bảo hiểm xã hội phải gồm đúng 10 chữ số."),
        ("social_insurance_number", "12345678AB", "Số sổ bảo hiểm xã hội phải gồm đúng 10 chữ số."),
        ("health_insurance_number", "GD41111", "Số thẻ bảo hiểm y tế gồm 10 chữ số"),
        ("general_education", "13/12", "Trình độ giáo dục phổ thông ghi dạng lớp/hệ"),
        ("general_education", "11/10", "Trình độ giáo dục phổ thông ghi dạng lớp/hệ"),
        ("id_card_issued_by", "Công an\x00tỉnh", "Nơi cấp thẻ căn cước không được chứa ký tự điều khiển."),
    ],
)
def test_a_malformed_value_is_refused_in_vietnamese_and_nothing_is_written(alice, anh, field, value, message):
    before = anh.version

    with pytest.raises(ValidationError) as caught:
        person_update(actor=alice, person=Person.objects.get(pk=anh.pk), data={field: value})

    assert any(message in m for m in caught.value.message_dict[field])
    stored = Person.objects.get(pk=anh.pk)
    assert (getattr(stored, field), stored.version) == ("", before)


def test_a_cccd_issued_in_the_future_or_before_birth_is_refused(alice, anh):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    for day, message in (
        (tomorrow, "Ngày cấp thẻ căn cước không được ở tương lai."),
        (anh.date_of_birth - datetime.timedelta(days=1), "Ngày cấp thẻ căn cước không được trước ngày sinh."),
    ):
        with pytest.raises(ValidationError) as caught:
            person_update(actor=alice, person=Person.objects.get(pk=anh.pk), data={"id_card_issued_on": day})
        assert message in caught.value.message_dict["id_card_issued_on"]
    assert Person.objects.get(pk=anh.pk).id_card_issued_on is None


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("social_insurance_number", "123"),
        ("health_insurance_number", "gd4111122334455"),
        ("general_education", "12"),
        ("id_card_issued_on", datetime.date(1900, 1, 1)),
    ],
)
def test_the_database_refuses_what_the_services_refuse(anh, field, value):
    with pytest.raises(IntegrityError), transaction.atomic():
        Person.objects.filter(pk=anh.pk).update(**{field: value})


def test_the_edit_form_shows_the_error_next_to_the_field(client, alice, anh):
    client.force_login(alice)
    url = reverse("people:edit", args=[anh.uuid])
    response = client.post(url, _edit_data(anh, social_insurance_number="12", general_education="12/12"))

    assert response.status_code == 200
    assert "Số sổ bảo hiểm xã hội phải gồm đúng 10 chữ số." in response.content.decode()
    assert Person.objects.get(pk=anh.pk).general_education == ""  # nothing half-written


def test_the_edit_form_saves_them_and_the_profile_shows_them(client, alice, anh):
    client.force_login(alice)
    data = _edit_data(anh, **{**GOOD, "id_card_issued_on": "12/04/2021"})
    response = client.post(reverse("people:edit", args=[anh.uuid]), data)

    assert response.status_code == 302
    page = client.get(reverse("people:detail", args=[anh.uuid])).content.decode()
    assert "12/04/2021" in page and "1122334455" in page and "GD4111122334455" in page
    assert "Nhà tự xây cấp 4" in page


def test_an_officer_outside_the_unit_cannot_edit_them(client, charlie, anh):
    with pytest.raises(PermissionDenied):
        person_update(actor=charlie, person=anh, data={"social_insurance_number": "1122334455"})
    client.force_login(charlie)
    response = client.post(
        reverse("people:edit", args=[anh.uuid]), _edit_data(anh, **{"general_education": "9/12"})
    )
    assert response.status_code == 404
    assert Person.objects.get(pk=anh.pk).general_education == ""


def test_a_leader_sees_the_numbers_but_not_the_familys_economy(client, alice, bob, anh):
    person_update(actor=alice, person=anh, data=dict(GOOD))
    client.force_login(bob)

    page = client.get(reverse("people:detail", args=[anh.uuid])).content.decode()
    body = client.get(f"/api/v1/persons/{anh.uuid}/").json()

    assert "1122334455" in page and "Nhà tự xây cấp 4" not in page
    assert body["social_insurance_number"] == "1122334455" and body["id_card_issued_on"] == "2021-04-12"
    assert "family_housing" not in body and "family_land" not in body


def test_the_api_detail_gives_an_officer_every_new_field(client, alice, anh):
    person_update(actor=alice, person=anh, data=dict(GOOD))
    client.force_login(alice)

    body = client.get(f"/api/v1/persons/{anh.uuid}/").json()

    assert body["general_education"] == "12/12" and body["family_land"] == GOOD["family_land"]
    assert body["health_insurance_number"] == "GD4111122334455"


def test_the_official_proposes_them_and_the_officer_approves(client, alice, dana):
    person = dana.person
    client.force_login(dana)
    url = reverse("people:propose", args=[person.uuid])
    data = {"reason": "Bổ sung", "id_card_issued_on": "12/04/2021", "social_insurance_number": "1122334455"}
    for name in ("other_names", "place_of_birth", "place_of_origin", "religion", "phone", "email", "address"):
        data[name] = getattr(person, name)

    assert client.post(url, data).status_code == 302
    request = ChangeRequest.objects.get()
    assert request.changes == {"id_card_issued_on": "2021-04-12", "social_insurance_number": "1122334455"}
    change_request_decide(actor=alice, request=request, approve=True)

    person.refresh_from_db()
    assert (person.id_card_issued_on, person.social_insurance_number) == (
        datetime.date(2021, 4, 12),
        "1122334455",
    )
    assert LogEntry.objects.get_for_object(person).latest("timestamp").actor == alice


def test_the_officials_bad_proposal_is_refused(dana):
    with pytest.raises(ValidationError) as caught:
        change_request_create(actor=dana, person=dana.person, changes={"health_insurance_number": "123"})
    assert "health_insurance_number" in caught.value.message_dict
    assert not ChangeRequest.objects.exists()


def test_the_api_refuses_a_bad_number_in_vietnamese_and_saves_a_good_one(alice, charlie, anh):
    from .test_api_persons import client_for

    url = f"/api/v1/persons/{anh.uuid}/"
    bad = client_for(alice).patch(
        url, {"social_insurance_number": "12", "version": anh.version}, format="json"
    )
    assert bad.status_code == 400
    assert "10 chữ số" in str(bad.json())
    outside = client_for(charlie).patch(
        url, {"social_insurance_number": "1122334455", "version": 1}, format="json"
    )
    assert outside.status_code == 404

    good = client_for(alice).patch(
        url,
        {"general_education": "10/10", "id_card_issued_on": "12/04/2021", "version": anh.version},
        format="json",
    )

    assert good.status_code == 200 and good.json()["general_education"] == "10/10"
    assert Person.objects.get(pk=anh.pk).id_card_issued_on == datetime.date(2021, 4, 12)
