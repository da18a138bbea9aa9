import datetime

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from canbo.people.models import Employment, Person, Qualification
from canbo.people.services import PERSON_EDITABLE_FIELDS, person_update
from tests.factories import QualificationFactory, national_id_for

pytestmark = pytest.mark.django_db


def _edit_data(person, **changes):
    data = {}
    for field in PERSON_EDITABLE_FIELDS:
        value = getattr(person, "rank_id" if field == "rank" else field)
        if isinstance(value, datetime.date):
            value = value.strftime("%d/%m/%Y")
        data[field] = "" if value is None else value
    data["version"] = person.version
    data.update(changes)
    return data


def _create_data(unit, **changes):
    birth = datetime.date(1990, 3, 2)
    data = {
        "code": "HS900001",
        "full_name": "Lò Văn Páo",
        "gender": "NAM",
        "date_of_birth": "02/03/1990",
        "national_id": national_id_for("NAM", birth, 900001),
        "ethnicity": "03",
        "religion": "Không",
        "unit": unit.pk,
        "category": "CC",
        "start_date": "01/01/2015",
        "move": "TUYEN_DUNG",
    }
    data.update(changes)
    return data


# --- create -------------------------------------------------------------------------------------------------


def test_officer_creates_a_record_with_its_first_employment_row(client, alice, tree):
    client.force_login(alice)
    assert client.get(reverse("people:create")).status_code == 200
    response = client.post(reverse("people:create"), _create_data(tree["dept_a_office"]))
    person = Person.objects.get(code="HS900001")
    assert response.status_code == 302 and response.url == reverse("people:detail", args=[person.uuid])
    assert person.date_of_birth == datetime.date(1990, 3, 2)
    row = person.employments.get()
    assert (row.unit, row.start_date) == (tree["dept_a_office"], datetime.date(2015, 1, 1))
    assert LogEntry.objects.get_for_object(person).get().actor == alice


def test_create_form_offers_only_the_officers_units(client, alice, tree):
    client.force_login(alice)
    units = set(client.get(reverse("people:create")).context["form"].fields["unit"].queryset)
    assert units == {tree["dept_a"], tree["dept_a_office"]}
    response = client.post(reverse("people:create"), _create_data(tree["dept_b"]))
    assert response.status_code == 200
    assert "Lựa chọn không hợp lệ." in response.content.decode()
    assert not Person.objects.filter(code="HS900001").exists()


def test_create_bad_input_shows_vietnamese_field_errors_and_writes_nothing(client, alice, tree):
    client.force_login(alice)
    response = client.post(
        reverse("people:create"),
        _create_data(tree["dept_a"], national_id="12345", date_of_birth="1990-31-31", full_name=""),
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "12 chữ số" in str(errors["national_id"])
    assert "dd/mm/yyyy" in str(errors["date_of_birth"])
    assert "bắt buộc" in str(errors["full_name"])
    assert not Person.objects.filter(code="HS900001").exists()


def test_service_errors_show_next_to_the_fields(client, alice, tree):
    client.force_login(alice)
    response = client.post(
        reverse("people:create"),
        _create_data(tree["dept_a"], national_id=national_id_for("NU", datetime.date(1990, 3, 2), 900001)),
    )
    assert "giới tính" in str(response.context["form"].errors["national_id"])
    response = client.post(
        reverse("people:create"),
        _create_data(tree["dept_a"], code="HS900002", start_date="01/08/2025", category="CC_XA"),
    )
    assert "01/07/2025" in str(response.context["form"].errors["category"])
    assert not Person.objects.filter(code="HS900002").exists()


@pytest.mark.parametrize("who", ["bob", "dana", "sysadmin"])
def test_readers_may_not_create(client, request, who, tree):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("people:create")).status_code == 403
    assert client.post(reverse("people:create"), _create_data(tree["dept_a"])).status_code == 403
    assert not Person.objects.filter(code="HS900001").exists()


# --- edit ---------------------------------------------------------------------------------------------------


def test_officer_edits_a_record(client, alice, anh):
    client.force_login(alice)
    response = client.get(reverse("people:edit", args=[anh.uuid]))
    assert response.status_code == 200
    assert 'name="version"' in response.content.decode()
    assert 'value="17/05/1985"' in response.content.decode()
    response = client.post(
        reverse("people:edit", args=[anh.uuid]), _edit_data(anh, phone="0912345678", religion="Phật giáo")
    )
    assert response.status_code == 302
    anh.refresh_from_db()
    assert (anh.phone, anh.religion, anh.version) == ("0912345678", "Phật giáo", 2)


def test_second_save_on_a_stale_version_gets_a_conflict_and_writes_nothing(client, alice, board, anh):
    stale = _edit_data(anh, phone="0911111111")
    person_update(actor=board, person=anh, data={"phone": "0922222222"})  # someone else saved first
    client.force_login(alice)
    response = client.post(reverse("people:edit", args=[anh.uuid]), stale)
    assert response.status_code == 409
    assert "người khác cập nhật" in response.content.decode()
    anh.refresh_from_db()
    assert (anh.phone, anh.version) == ("0922222222", 2)


def test_edit_bad_input_shows_errors_and_writes_nothing(client, alice, anh):
    client.force_login(alice)
    url = reverse("people:edit", args=[anh.uuid])
    response = client.post(url, _edit_data(anh, email="khong-phai-email", phone="0912345678"))
    assert response.status_code == 200
    assert "email" in response.context["form"].errors
    # a rule checked by the service: Party admission at 18 or older
    response = client.post(url, _edit_data(anh, party_admission_date="01/01/1990", phone="0912345678"))
    assert response.status_code == 200
    assert "18 tuổi" in str(response.context["form"].errors["party_admission_date"])
    anh.refresh_from_db()
    assert anh.phone == ""
    assert anh.email == "" and anh.party_admission_date is None and anh.version == 1


def test_edit_without_version_is_refused(client, alice, anh):
    client.force_login(alice)
    data = _edit_data(anh, phone="0912345678")
    del data["version"]
    response = client.post(reverse("people:edit", args=[anh.uuid]), data)
    assert response.status_code == 200
    anh.refresh_from_db()
    assert anh.phone == ""


def test_leader_may_not_edit(client, bob, anh):
    client.force_login(bob)
    assert client.get(reverse("people:edit", args=[anh.uuid])).status_code == 403
    response = client.post(reverse("people:edit", args=[anh.uuid]), _edit_data(anh, phone="0912345678"))
    assert response.status_code == 403
    anh.refresh_from_db()
    assert anh.phone == ""


def test_edit_of_a_record_outside_the_users_units_is_404(client, charlie, anh):
    client.force_login(charlie)
    assert client.get(reverse("people:edit", args=[anh.uuid])).status_code == 404
    assert client.post(reverse("people:edit", args=[anh.uuid]), _edit_data(anh)).status_code == 404


# --- the profile's small forms ------------------------------------------------------------------------------


def test_transfer_adds_a_row_and_closes_the_current_one(client, alice, tree, anh):
    client.force_login(alice)
    response = client.post(
        reverse("people:employment_add", args=[anh.uuid]),
        {
            "emp-unit": tree["dept_a"].pk,
            "emp-category": "CC",
            "emp-start_date": "01/03/2021",
            "emp-move": "DIEU_DONG",
            "emp-decision_number": "15/QĐ",
        },
    )
    assert response.status_code == 302
    anh.refresh_from_db()
    assert anh.current_unit == tree["dept_a"]
    first = anh.employments.get(unit=tree["dept_a_office"])
    assert first.end_date == datetime.date(2021, 2, 28)


def test_employment_row_overlapping_the_current_one_is_refused(client, alice, tree, anh):
    client.force_login(alice)
    response = client.post(
        reverse("people:employment_add", args=[anh.uuid]),
        {
            "emp-unit": tree["dept_a"].pk,
            "emp-category": "CC",
            "emp-start_date": "01/01/2005",
            "emp-move": "DIEU_DONG",
        },
    )
    assert response.status_code == 200
    assert "trùng" in response.content.decode()
    assert anh.employments.count() == 1


def test_end_of_service_sets_the_status_and_ends_the_row(client, alice, anh):
    client.force_login(alice)
    response = client.post(
        reverse("people:end_service", args=[anh.uuid]),
        {"end-status": "RETIRED", "end-on": "31/05/2045", "end-move": "NGHI_HUU"},
    )
    assert response.status_code == 302
    anh.refresh_from_db()
    assert anh.status == "RETIRED" and anh.status_date == datetime.date(2045, 5, 31)
    assert anh.employments.get().end_date == datetime.date(2045, 5, 31)


def test_end_of_service_before_the_current_row_is_an_error_next_to_the_date(client, alice, anh):
    client.force_login(alice)
    response = client.post(
        reverse("people:end_service", args=[anh.uuid]),
        {"end-status": "RETIRED", "end-on": "01/01/2000", "end-move": "NGHI_HUU"},
    )
    assert response.status_code == 200
    assert "on" in response.context["end_form"].errors
    anh.refresh_from_db()
    assert anh.status == "WORKING"


def test_qualification_add_and_delete(client, alice, anh):
    client.force_login(alice)
    response = client.post(
        reverse("people:qualification_add", args=[anh.uuid]),
        {
            "qual-scale": "POLITICAL_THEORY",
            "qual-level": "CAO_CAP",
            "qual-awarded_on": "15/06/2018",
            "qual-document_number": "CC-123",
            "qual-issuer": "Học viện Chính trị quốc gia Hồ Chí Minh",
        },
    )
    assert response.status_code == 302
    qual = anh.qualifications.get()
    assert (qual.level, qual.rank) == ("CAO_CAP", 3)
    response = client.post(reverse("people:qualification_delete", args=[anh.uuid, qual.pk]))
    assert response.status_code == 302
    assert not anh.qualifications.exists()


def test_qualification_with_a_level_of_another_scale_or_a_duplicate_is_refused(client, alice, anh):
    QualificationFactory(
        person=anh, scale="PROFESSIONAL", level="DAI_HOC", rank=6, awarded_on=datetime.date(2008, 6, 30)
    )
    client.force_login(alice)
    url = reverse("people:qualification_add", args=[anh.uuid])
    response = client.post(
        url, {"qual-scale": "IT", "qual-level": "THAC_SI", "qual-awarded_on": "01/01/2019"}
    )
    assert response.status_code == 200
    assert "level" in response.context["qualification_form"].errors
    response = client.post(
        url, {"qual-scale": "PROFESSIONAL", "qual-level": "DAI_HOC", "qual-awarded_on": "30/06/2008"}
    )
    assert response.status_code == 200
    assert "đã có trong hồ sơ" in response.content.decode()
    assert anh.qualifications.count() == 1


def test_leader_posts_to_the_small_forms_are_403(client, bob, tree, anh):
    qual = QualificationFactory(person=anh)
    client.force_login(bob)
    urls = [
        reverse("people:employment_add", args=[anh.uuid]),
        reverse("people:end_service", args=[anh.uuid]),
        reverse("people:qualification_add", args=[anh.uuid]),
        reverse("people:qualification_delete", args=[anh.uuid, qual.pk]),
    ]
    for url in urls:
        assert client.post(url, {}).status_code == 403
    assert Qualification.objects.filter(pk=qual.pk).exists()
    assert Employment.objects.filter(person=anh).count() == 1


def test_small_forms_of_a_record_outside_the_users_units_are_404(client, charlie, anh):
    qual = QualificationFactory(person=anh)
    client.force_login(charlie)
    assert client.post(reverse("people:qualification_delete", args=[anh.uuid, qual.pk])).status_code == 404
    assert client.post(reverse("people:end_service", args=[anh.uuid]), {}).status_code == 404
    assert Qualification.objects.filter(pk=qual.pk).exists()


def test_qualification_of_another_person_cannot_be_deleted_through_this_profile(client, alice, tree, anh):
    from tests.factories import PersonFactory

    other = QualificationFactory(person=PersonFactory(current_unit=tree["dept_a"]))
    client.force_login(alice)
    response = client.post(reverse("people:qualification_delete", args=[anh.uuid, other.pk]))
    assert response.status_code == 404
    assert Qualification.objects.filter(pk=other.pk).exists()


def test_level_options_follow_the_scale(client, alice):
    client.force_login(alice)
    response = client.get(
        reverse("people:qualification_levels"), {"qual-scale": "POLITICAL_THEORY", "blank": "—"}
    )
    html = response.content.decode()
    assert "Cao cấp" in html and "Thạc sĩ" not in html
    response = client.get(reverse("people:qualification_levels"), {"scale": "NOPE"})
    assert response.status_code == 200 and "option" in response.content.decode()


def test_salary_coefficient_is_read_and_shown_with_a_decimal_comma(client, alice, anh):
    client.force_login(alice)
    url = reverse("people:edit", args=[anh.uuid])
    response = client.post(url, _edit_data(anh, salary_coefficient="4,32", salary_step="5"))
    assert response.status_code == 302
    anh.refresh_from_db()
    assert str(anh.salary_coefficient) == "4.32"
    assert 'value="4,32"' in client.get(url).content.decode()
