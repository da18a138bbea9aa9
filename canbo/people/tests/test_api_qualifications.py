"""/api/v1/persons/<uuid>/qualifications/: dated diplomas through qualification_add/update/delete."""

import datetime

import pytest
from auditlog.models import LogEntry
from rest_framework.test import APIClient

from canbo.people.models import Person, Qualification
from tests.factories import QualificationFactory

pytestmark = pytest.mark.django_db

MASTER = {
    "scale": "PROFESSIONAL",
    "level": "THAC_SI",
    "field": "Quản lý công",
    "awarded_on": "30/06/2018",
    "document_number": "TS-0001",
    "issuer": "Học viện Hành chính Quốc gia",
}


def list_url(person):
    return f"/api/v1/persons/{person.uuid}/qualifications/"


def item_url(person, qualification):
    return f"/api/v1/persons/{person.uuid}/qualifications/{qualification.pk}/"


def client_for(user=None):
    client = APIClient()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def degree(anh):
    return QualificationFactory(person=anh, field="Luật")


def test_officer_lists_qualifications_with_labels(alice, anh, degree):
    response = client_for(alice).get(list_url(anh))

    assert response.status_code == 200
    [row] = response.json()
    assert (row["scale_label"], row["level"], row["level_label"], row["awarded_on"]) == (
        "Trình độ chuyên môn",
        "DAI_HOC",
        "Đại học",
        "2008-06-30",
    )


def test_official_reads_her_own_qualifications(dana):
    own = Person.objects.get(user=dana)

    assert client_for(dana).get(list_url(own)).status_code == 200


@pytest.mark.parametrize("user", ["charlie", "sysadmin", "dana"])
def test_qualifications_outside_scope_answer_404(user, request, anh, degree):
    client = client_for(request.getfixturevalue(user))

    assert client.get(list_url(anh)).status_code == 404
    assert client.get(item_url(anh, degree)).status_code == 404
    assert client.delete(item_url(anh, degree)).status_code in (403, 404)
    assert Qualification.objects.filter(pk=degree.pk).exists()


def test_add_a_qualification_with_audit(alice, anh):
    response = client_for(alice).post(list_url(anh), MASTER, format="json")

    assert response.status_code == 201, response.json()
    assert response.json()["rank"] == 7
    qualification = anh.qualifications.get()
    assert qualification.awarded_on == datetime.date(2018, 6, 30)
    assert LogEntry.objects.get_for_object(qualification).get().actor == alice


def test_a_level_of_another_scale_is_refused_in_vietnamese(alice, anh):
    response = client_for(alice).post(list_url(anh), {**MASTER, "scale": "IT"}, format="json")

    assert response.status_code == 400
    assert "không thuộc loại" in response.json()["level"][0]
    assert not anh.qualifications.exists()


def test_bad_shape_is_refused_and_nothing_written(alice, anh):
    response = client_for(alice).post(
        list_url(anh), {"scale": "KHONG_CO", "level": "THAC_SI", "awarded_on": "ngày mai"}, format="json"
    )

    assert response.status_code == 400
    body = response.json()
    assert "không phải là giá trị hợp lệ" in body["scale"][0]
    assert body["awarded_on"][0].startswith("Ngày không hợp lệ")
    assert not anh.qualifications.exists()


def test_a_future_award_date_is_refused(alice, anh):
    response = client_for(alice).post(list_url(anh), {**MASTER, "awarded_on": "2999-01-01"}, format="json")

    assert response.status_code == 400
    assert response.json()["awarded_on"] == ["Ngày cấp không được ở tương lai."]


def test_leader_cannot_add(bob, anh):
    response = client_for(bob).post(list_url(anh), MASTER, format="json")

    assert response.status_code == 403
    assert not anh.qualifications.exists()


def test_officer_of_another_unit_gets_404_on_add(charlie, anh):
    assert client_for(charlie).post(list_url(anh), MASTER, format="json").status_code == 404
    assert not anh.qualifications.exists()


def test_update_with_version(alice, anh, degree):
    response = client_for(alice).patch(
        item_url(anh, degree), {"level": "THAC_SI", "awarded_on": "2012-01-01", "version": 1}, format="json"
    )

    assert response.status_code == 200, response.json()
    degree.refresh_from_db()
    assert (degree.level, degree.rank, degree.version) == ("THAC_SI", 7, 2)


def test_update_with_stale_version_is_409(alice, anh, degree):
    client = client_for(alice)
    client.patch(item_url(anh, degree), {"issuer": "Trường A", "version": 1}, format="json")

    response = client.patch(item_url(anh, degree), {"issuer": "Trường B", "version": 1}, format="json")

    assert response.status_code == 409
    degree.refresh_from_db()
    assert degree.issuer == "Trường A"


def test_update_without_version_is_400(alice, anh, degree):
    response = client_for(alice).patch(item_url(anh, degree), {"issuer": "Trường A"}, format="json")

    assert response.status_code == 400
    assert "version" in response.json()


def test_leader_cannot_update(bob, anh, degree):
    response = client_for(bob).patch(item_url(anh, degree), {"issuer": "X", "version": 1}, format="json")

    assert response.status_code == 403


def test_delete(alice, anh, degree):
    response = client_for(alice).delete(item_url(anh, degree))

    assert response.status_code == 204
    assert not Qualification.objects.filter(pk=degree.pk).exists()
    assert LogEntry.objects.filter(
        object_pk=str(degree.pk), action=LogEntry.Action.DELETE, actor=alice
    ).exists()
