"""/api/v1/persons/ and /api/v1/persons/<uuid>/: scoped reads, writes through the services, JSON errors.

Ranks and posts come from the catalogue data migration (people 0003).
"""

import base64
import datetime

import pytest
from auditlog.models import LogEntry
from rest_framework.test import APIClient

from canbo.people.models import Employment, Person
from tests.factories import PersonFactory, national_id_for

pytestmark = pytest.mark.django_db

LIST = "/api/v1/persons/"


def detail(person):
    return f"/api/v1/persons/{person.uuid}/"


def client_for(user=None):
    client = APIClient()
    if user is not None:
        client.force_login(user)
    return client


def new_person(**extra):
    birth = datetime.date(1990, 3, 2)
    body = {
        "code": "HS900001",
        "full_name": "Lò Văn Páo",
        "gender": "NAM",
        "date_of_birth": "02/03/1990",
        "national_id": national_id_for("NAM", birth, 900001),
        "ethnicity": "03",
        "unit": "SO_A_VP",
        "category": "CC",
        "start_date": "2015-01-01",
        "position": "CHUYEN_VIEN",
        "rank": "01.003",
        "salary_step": 3,
        "salary_coefficient": "3.00",
    }
    body.update(extra)
    return body


# --- list --------------------------------------------------------------------------------------------------


def test_list_shows_the_officers_units_only(alice, anh, dana, outsider_person):
    response = client_for(alice).get(LIST)

    assert response.status_code == 200
    names = [row["full_name"] for row in response.json()["results"]]
    assert sorted(names) == ["Lò Thị Dana", "Nguyễn Văn Ánh"]
    row = next(r for r in response.json()["results"] if r["full_name"] == "Nguyễn Văn Ánh")
    assert row["unit"] == "SO_A_VP" and row["uuid"] == str(anh.uuid)
    assert row["category_label"] == "Công chức"
    assert "id" not in row and "path" not in row


def test_list_searches_without_accents_and_filters_by_unit_subtree(alice, anh, dana):
    client = client_for(alice)

    found = client.get(LIST, {"q": "nguyen van anh"}).json()["results"]
    in_office = client.get(LIST, {"unit": "SO_A_VP"}).json()["results"]

    assert [r["full_name"] for r in found] == ["Nguyễn Văn Ánh"]
    assert [r["full_name"] for r in in_office] == ["Nguyễn Văn Ánh"]


def test_list_rejects_bad_filters_with_vietnamese_messages(alice, anh):
    response = client_for(alice).get(LIST, {"category": "XX", "unit": "SO_B"})

    assert response.status_code == 400
    body = response.json()
    assert "category" in body and "lựa chọn" in body["category"][0].lower()
    assert "Không tìm thấy đơn vị" in body["unit"][0]


def test_list_rejects_a_scale_without_a_level(alice):
    response = client_for(alice).get(LIST, {"qualification_scale": "PROFESSIONAL"})

    assert response.status_code == 400
    assert "cả loại trình độ và mức trình độ" in response.json()["non_field_errors"][0]


def test_official_sees_only_her_own_record(dana, anh):
    rows = client_for(dana).get(LIST).json()["results"]

    assert [r["full_name"] for r in rows] == ["Lò Thị Dana"]


def test_sysadmin_sees_no_persons(sysadmin, anh):
    response = client_for(sysadmin).get(LIST)

    assert response.status_code == 200 and response.json()["results"] == []


def test_list_requires_login_with_a_vietnamese_json_error(anh):
    response = client_for().get(LIST)

    assert response.status_code in (401, 403)
    assert response.json() == {"detail": "Anh/chị chưa đăng nhập.", "code": "not_authenticated"}


@pytest.mark.parametrize("rows", [5, 30])
def test_list_query_count_does_not_grow_with_rows(rows, alice, tree, django_assert_max_num_queries):
    PersonFactory.create_batch(rows, current_unit=tree["dept_a_office"])
    client = client_for(alice)

    with django_assert_max_num_queries(6):
        response = client.get(LIST, {"unit": "SO_A", "page_size": 50})

    assert response.json()["count"] == rows


# --- retrieve ----------------------------------------------------------------------------------------------


def test_officer_reads_a_profile_in_her_unit(alice, anh):
    response = client_for(alice).get(detail(anh))

    assert response.status_code == 200
    body = response.json()
    assert body["national_id"] == anh.national_id and body["version"] == 1
    assert body["date_of_birth"] == "1985-05-17" and body["religion"] == "Không"


@pytest.mark.parametrize("user", ["charlie", "sysadmin", "dana"])
def test_a_profile_outside_the_users_scope_answers_404(user, request, anh):
    response = client_for(request.getfixturevalue(user)).get(detail(anh))

    assert response.status_code == 404
    assert response.json()["detail"] == "Không tìm thấy bản ghi."


def test_official_reads_her_own_profile(dana):
    own = Person.objects.get(user=dana)

    assert client_for(dana).get(detail(own)).status_code == 200


# --- create ------------------------------------------------------------------------------------------------


def test_officer_creates_a_person_with_first_employment_and_audit(alice):
    response = client_for(alice).post(LIST, new_person(), format="json")

    assert response.status_code == 201, response.json()
    person = Person.objects.get(code="HS900001")
    assert response.json()["uuid"] == str(person.uuid)
    assert person.date_of_birth == datetime.date(1990, 3, 2) and person.rank.code == "01.003"
    employment = Employment.objects.get(person=person)
    assert (employment.unit.code, employment.position.code) == ("SO_A_VP", "CHUYEN_VIEN")
    assert LogEntry.objects.get_for_object(person).get().actor == alice


def test_create_with_bad_shape_answers_400_in_vietnamese_and_writes_nothing(alice):
    body = new_person(date_of_birth="31-02-1990", gender="X", rank="99.999")
    del body["full_name"]

    response = client_for(alice).post(LIST, body, format="json")

    assert response.status_code == 400
    errors = response.json()
    assert errors["full_name"] == ["Trường này là bắt buộc."]
    assert errors["date_of_birth"][0].startswith("Ngày không hợp lệ")
    assert "không phải là giá trị hợp lệ" in errors["gender"][0]
    assert errors["rank"] == ["Không tìm thấy mã “99.999”."]
    assert not Person.objects.exists()


def test_create_breaking_a_service_rule_answers_400_and_writes_nothing(alice):
    response = client_for(alice).post(LIST, new_person(national_id="011190900001"), format="json")

    assert response.status_code == 400
    assert "không khớp" in " ".join(response.json()["national_id"])
    assert not Person.objects.exists()


def test_leader_cannot_create(bob):
    response = client_for(bob).post(LIST, new_person(), format="json")

    assert response.status_code == 403
    assert response.json()["detail"] == "Lãnh đạo chỉ được xem hồ sơ, không được cập nhật."
    assert not Person.objects.exists()


def test_officer_of_another_unit_cannot_name_a_unit_outside_her_scope(charlie):
    response = client_for(charlie).post(LIST, new_person(), format="json")

    assert response.status_code == 400
    assert response.json()["unit"] == ["Không tìm thấy mã “SO_A_VP”."]
    assert not Person.objects.exists()


def test_create_with_basic_auth_records_the_actor(alice):
    client = APIClient()
    token = base64.b64encode(b"alice:mat-khau-thu-nghiem").decode()
    client.credentials(HTTP_AUTHORIZATION=f"Basic {token}")

    response = client.post(LIST, new_person(), format="json")

    assert response.status_code == 201, response.json()
    person = Person.objects.get(code="HS900001")
    assert LogEntry.objects.get_for_object(person).get().actor == alice


def test_malformed_json_answers_400_in_vietnamese(alice):
    response = client_for(alice).post(LIST, "{not json", content_type="application/json")

    assert response.status_code == 400
    assert response.json()["detail"] == "Dữ liệu gửi lên không đúng định dạng JSON."


# --- update ------------------------------------------------------------------------------------------------


def test_officer_updates_with_the_version_she_read(alice, anh):
    response = client_for(alice).patch(
        detail(anh),
        {"phone": "0912345678", "party_admission_date": "19/05/2010", "version": 1},
        format="json",
    )

    assert response.status_code == 200, response.json()
    assert response.json()["version"] == 2
    anh.refresh_from_db()
    assert anh.phone == "0912345678" and anh.party_admission_date == datetime.date(2010, 5, 19)
    entry = LogEntry.objects.get_for_object(anh).filter(action=LogEntry.Action.UPDATE).get()
    assert entry.actor == alice and "phone" in entry.changes_dict


def test_a_stale_version_answers_409_and_changes_nothing(alice, anh):
    client = client_for(alice)
    client.patch(detail(anh), {"phone": "0911111111", "version": 1}, format="json")

    response = client.patch(detail(anh), {"phone": "0922222222", "version": 1}, format="json")

    assert response.status_code == 409
    assert response.json()["code"] == "conflict" and "người khác cập nhật" in response.json()["detail"]
    anh.refresh_from_db()
    assert anh.phone == "0911111111"


def test_update_without_version_is_refused(alice, anh):
    response = client_for(alice).patch(detail(anh), {"phone": "0911111111"}, format="json")

    assert response.status_code == 400
    assert "version" in response.json()
    anh.refresh_from_db()
    assert anh.phone == ""


def test_update_refuses_unit_changes_and_bad_values(alice, anh):
    response = client_for(alice).patch(
        detail(anh),
        {"unit": "SO_B", "email": "khong-phai-email", "salary_step": 40, "version": 1},
        format="json",
    )

    assert response.status_code == 400
    errors = response.json()
    assert "quá trình công tác" in errors["unit"][0]
    assert errors["email"] == ["Địa chỉ thư điện tử không hợp lệ."]
    assert errors["salary_step"] == ["Giá trị không được lớn hơn 16."]
    anh.refresh_from_db()
    assert anh.version == 1


def test_service_rule_errors_on_update_are_400(alice, anh):
    response = client_for(alice).patch(
        detail(anh), {"date_of_birth": "2090-01-01", "version": 1}, format="json"
    )

    assert response.status_code == 400
    assert "Ngày sinh không được ở tương lai." in response.json()["date_of_birth"]


def test_leader_cannot_update(bob, anh):
    response = client_for(bob).patch(detail(anh), {"phone": "0911111111", "version": 1}, format="json")

    assert response.status_code == 403
    anh.refresh_from_db()
    assert anh.phone == ""


def test_official_cannot_update_her_own_record_directly(dana):
    own = Person.objects.get(user=dana)

    response = client_for(dana).patch(detail(own), {"phone": "0911111111", "version": 1}, format="json")

    assert response.status_code == 403
    assert "cán bộ tổ chức duyệt" in response.json()["detail"]


def test_officer_of_another_unit_gets_404_on_update(charlie, anh):
    response = client_for(charlie).patch(detail(anh), {"phone": "0911111111", "version": 1}, format="json")

    assert response.status_code == 404


# --- delete ------------------------------------------------------------------------------------------------


def test_board_deletes_a_record_entered_by_mistake(board, anh):
    response = client_for(board).delete(detail(anh))

    assert response.status_code == 204
    assert not Person.objects.filter(pk=anh.pk).exists()
    assert LogEntry.objects.filter(object_pk=str(anh.pk), action=LogEntry.Action.DELETE, actor=board).exists()


def test_unit_officer_cannot_delete(alice, anh):
    response = client_for(alice).delete(detail(anh))

    assert response.status_code == 403
    assert "Chỉ Ban Tổ chức" in response.json()["detail"]
    assert Person.objects.filter(pk=anh.pk).exists()


def test_delete_outside_scope_answers_404(charlie, anh):
    assert client_for(charlie).delete(detail(anh)).status_code == 404
    assert Person.objects.filter(pk=anh.pk).exists()


def test_a_name_with_control_characters_answers_400_and_writes_nothing(alice, anh):
    response = client_for(alice).post(LIST, new_person(full_name="Lò Văn\x1b Páo"), format="json")

    assert response.status_code == 400
    assert response.json()["full_name"] == ["Họ và tên không được chứa ký tự điều khiển."]
    assert not Person.objects.filter(code="HS900001").exists()
    response = client_for(alice).patch(
        detail(anh), {"other_names": "Ánh\u202e", "version": anh.version}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["other_names"] == ["Tên gọi khác không được chứa ký tự điều khiển."]


def test_list_pages_by_cursor_sorted_and_scoped(alice, board, tree, anh, outsider_person):
    PersonFactory.create_batch(4, current_unit=tree["dept_a_office"])
    client = client_for(alice)
    first = client.get(LIST, {"page_size": 3, "sap_xep": "-ngay_sinh"}).json()
    assert first["count"] == 5 and not first["count_capped"] and len(first["results"]) == 3
    assert first["previous"] is None and "sau=" in first["next"] and "sap_xep=-ngay_sinh" in first["next"]
    second = client.get(first["next"]).json()
    assert len(second["results"]) == 2 and second["next"] is None and "truoc=" in second["previous"]
    rows = first["results"] + second["results"]
    assert len({r["uuid"] for r in rows}) == 5 and "Trần Thị Bích" not in {r["full_name"] for r in rows}
    # the officer of Sở A cannot page into Sở B with a cursor
    assert all(r["full_name"] != "Trần Thị Bích" for r in client.get(first["next"]).json()["results"])
    # bad cursor or sort: the first page, not an error; the old page= paging still answers
    assert client.get(LIST, {"sau": "xx", "sap_xep": "zz"}).status_code == 200
    assert client.get(LIST, {"page": 1})["Content-Type"].startswith("application/json")
    assert client_for(board).get(LIST).json()["count"] == 6
