"""/api/v1/persons/<uuid>/employments/: the career timeline through employment_add/update/delete."""

import datetime

import pytest
from auditlog.models import LogEntry
from rest_framework.test import APIClient

from canbo.accounts.models import Role
from canbo.people.models import Employment, Person
from tests.factories import grant

pytestmark = pytest.mark.django_db


def rows_url(person):
    return f"/api/v1/persons/{person.uuid}/employments/"


def row_url(person, employment):
    return f"/api/v1/persons/{person.uuid}/employments/{employment.pk}/"


def client_for(user=None):
    client = APIClient()
    if user is not None:
        client.force_login(user)
    return client


TRANSFER = {"unit": "SO_A", "category": "CC", "start_date": "01/01/2020", "position": "TRUONG_PHONG"}


def test_officer_lists_the_timeline(alice, anh):
    response = client_for(alice).get(rows_url(anh))

    assert response.status_code == 200
    [row] = response.json()
    assert (row["unit"], row["start_date"], row["end_date"], row["version"]) == (
        "SO_A_VP",
        "2010-01-01",
        None,
        1,
    )


def test_official_reads_her_own_timeline(dana):
    own = Person.objects.get(user=dana)

    assert client_for(dana).get(rows_url(own)).status_code == 200


@pytest.mark.parametrize("user", ["charlie", "sysadmin", "dana"])
def test_timeline_outside_scope_answers_404(user, request, anh):
    client = client_for(request.getfixturevalue(user))
    row = anh.employments.get()

    assert client.get(rows_url(anh)).status_code == 404
    assert client.get(row_url(anh, row)).status_code == 404


def test_a_row_of_another_person_answers_404(alice, anh, dana):
    other_row = Person.objects.get(user=dana).employments.get()

    assert client_for(alice).get(row_url(anh, other_row)).status_code == 404


def test_transfer_closes_the_open_row_and_moves_the_person(alice, anh):
    response = client_for(alice).post(rows_url(anh), TRANSFER, format="json")

    assert response.status_code == 201, response.json()
    assert response.json()["move"] == "DIEU_DONG"
    first, second = anh.employments.order_by("start_date")
    assert first.end_date == datetime.date(2019, 12, 31)
    assert (second.unit.code, second.position.code) == ("SO_A", "TRUONG_PHONG")
    anh.refresh_from_db()
    assert anh.current_unit.code == "SO_A"
    assert LogEntry.objects.get_for_object(second).get().actor == alice


def test_add_with_bad_input_answers_400_and_writes_nothing(alice, anh):
    response = client_for(alice).post(
        rows_url(anh), {"unit": "KHONG_CO", "category": "CC", "start_date": "2020-13-01"}, format="json"
    )

    assert response.status_code == 400
    assert response.json()["unit"] == ["Không tìm thấy mã “KHONG_CO”."]
    assert response.json()["start_date"][0].startswith("Ngày không hợp lệ")
    assert anh.employments.count() == 1


def test_add_breaking_a_rule_answers_400_and_writes_nothing(board, anh, tree):
    response = client_for(board).post(
        rows_url(anh), {**TRANSFER, "unit": "T11", "start_date": "2005-01-01", "end_date": "2012-01-01"}
    )

    assert response.status_code == 400
    body = response.json()
    assert "không chọn địa bàn" in " ".join(body["unit"])
    assert "trùng" in " ".join(body["start_date"])
    assert anh.employments.count() == 1


def test_moving_someone_into_a_unit_the_user_only_leads_is_403(alice, anh, tree):
    grant(alice, Role.LEADER, tree["dept_b"])  # she may see dept_b, not change it

    response = client_for(alice).post(rows_url(anh), {**TRANSFER, "unit": "SO_B"}, format="json")

    assert response.status_code == 403
    assert "không có quyền cập nhật hồ sơ của đơn vị này" in response.json()["detail"]
    assert anh.employments.count() == 1


def test_leader_cannot_add(bob, anh):
    response = client_for(bob).post(rows_url(anh), TRANSFER, format="json")

    assert response.status_code == 403
    assert anh.employments.count() == 1


def test_officer_of_another_unit_gets_404_on_add(charlie, anh):
    response = client_for(charlie).post(rows_url(anh), {**TRANSFER, "unit": "SO_B"}, format="json")

    assert response.status_code == 404
    assert anh.employments.count() == 1


def test_update_with_version_changes_the_row(alice, anh):
    row = anh.employments.get()

    response = client_for(alice).patch(
        row_url(anh, row), {"decision_number": "15/QĐ-UBND", "version": 1}, format="json"
    )

    assert response.status_code == 200, response.json()
    row.refresh_from_db()
    assert (row.decision_number, row.version) == ("15/QĐ-UBND", 2)


def test_update_with_stale_version_is_409(alice, anh):
    row = anh.employments.get()
    client = client_for(alice)
    client.patch(row_url(anh, row), {"note": "lần 1", "version": 1}, format="json")

    response = client.patch(row_url(anh, row), {"note": "lần 2", "version": 1}, format="json")

    assert response.status_code == 409
    row.refresh_from_db()
    assert row.note == "lần 1"


def test_update_without_version_or_with_bad_dates_is_400(alice, anh):
    row = anh.employments.get()
    client = client_for(alice)

    no_version = client.patch(row_url(anh, row), {"note": "x"}, format="json")
    bad_end = client.patch(row_url(anh, row), {"end_date": "01/01/2000", "version": 1}, format="json")

    assert no_version.status_code == 400 and "version" in no_version.json()
    assert bad_end.status_code == 400
    assert "Ngày kết thúc phải sau ngày bắt đầu." in bad_end.json()["end_date"]
    row.refresh_from_db()
    assert (row.note, row.end_date, row.version) == ("", None, 1)


def test_leader_cannot_update_or_delete(bob, anh):
    row = anh.employments.get()
    client = client_for(bob)

    assert client.patch(row_url(anh, row), {"note": "x", "version": 1}, format="json").status_code == 403
    assert client.delete(row_url(anh, row)).status_code == 403
    assert Employment.objects.filter(pk=row.pk, note="").exists()


def test_the_only_row_cannot_be_deleted(alice, anh):
    row = anh.employments.get()

    response = client_for(alice).delete(row_url(anh, row))

    assert response.status_code == 400
    assert "duy nhất" in response.json()["non_field_errors"][0]
    assert Employment.objects.filter(pk=row.pk).exists()


def test_delete_a_row_entered_by_mistake(alice, anh):
    client = client_for(alice)
    client.post(rows_url(anh), TRANSFER, format="json")
    latest = anh.employments.order_by("-start_date").first()

    response = client.delete(row_url(anh, latest))

    assert response.status_code == 204
    assert not Employment.objects.filter(pk=latest.pk).exists()
    anh.refresh_from_db()
    assert anh.current_unit.code == "SO_A_VP"


def test_delete_outside_scope_is_404(charlie, anh):
    row = anh.employments.get()

    assert client_for(charlie).delete(row_url(anh, row)).status_code == 404
    assert Employment.objects.filter(pk=row.pk).exists()
