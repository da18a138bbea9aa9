"""Admission targets' pages (create, correct) and the admission entry with the shared person picker."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from canbo.org.models import OrgSector
from canbo.party import services
from canbo.party.models import Admission, AdmissionTarget
from tests.factories import OrgUnitFactory

from .conftest import admit_data, today


def login(client, user):
    client.force_login(user)
    return client


def target_data(party_org, **extra):
    data = {
        "party_org": party_org.pk,
        "start_year": "2020",
        "end_year": "2025",
        "target": "40",
        "resolution_number": "01-NQ/ĐH",
        "resolution_date": "15/07/2020",
    }
    data.update(extra)
    return data


def create(actor, party_org, start_year=2020, target=40):
    return services.target_create(
        actor=actor,
        party_org=party_org,
        start_year=start_year,
        end_year=start_year + 5,
        target=target,
        resolution_number="01-NQ/ĐH",
    )


@pytest.fixture
def province_party(tree):
    return OrgUnitFactory(code="DB_TINH", name="Đảng bộ tỉnh", parent=tree["province"], sector=OrgSector.DANG)


# --- pages -------------------------------------------------------------------------------------------------


def test_officer_records_a_target_of_her_party_organisation(client, alice, party_a):
    response = login(client, alice).post("/dang-vien/chi-tieu/them/", target_data(party_a))
    assert response.status_code == 302
    item = AdmissionTarget.objects.get()
    assert (item.party_org, item.period, item.target, item.recorded_by) == (party_a, "2020-2025", 40, alice)
    assert "Sửa" in client.get("/dang-vien/").content.decode()


def test_the_same_term_twice_is_refused_in_vietnamese(client, alice, party_a):
    login(client, alice).post("/dang-vien/chi-tieu/them/", target_data(party_a))
    body = client.post("/dang-vien/chi-tieu/them/", target_data(party_a, target="50")).content.decode()
    assert "Đảng bộ Sở A đã có chỉ tiêu nhiệm kỳ bắt đầu năm 2020." in body
    assert AdmissionTarget.objects.get().target == 40


def test_bad_years_are_refused(client, alice, party_a):
    body = (
        login(client, alice)
        .post("/dang-vien/chi-tieu/them/", target_data(party_a, end_year="2019"))
        .content.decode()
    )
    assert "năm kết thúc sau năm bắt đầu" in body and not AdmissionTarget.objects.exists()


def test_an_officer_cannot_pick_another_units_party_organisation(client, alice, party_b, province_party):
    for org in (party_b, province_party):
        body = login(client, alice).post("/dang-vien/chi-tieu/them/", target_data(org)).content.decode()
        assert "Chọn một tổ chức đảng trong danh sách." in body
    assert not AdmissionTarget.objects.exists()


def test_only_the_board_records_the_provinces_target(client, board, province_party):
    assert (
        login(client, board).post("/dang-vien/chi-tieu/them/", target_data(province_party)).status_code == 302
    )
    assert AdmissionTarget.objects.get().party_org == province_party


def test_officer_corrects_a_target(client, alice, party_a):
    item = create(alice, party_a)
    url = f"/dang-vien/chi-tieu/{item.pk}/"
    assert 'value="40"' in login(client, alice).get(url).content.decode()
    assert client.post(url, target_data(party_a, target="45")).status_code == 302
    item.refresh_from_db()
    assert item.target == 45


def test_a_target_outside_the_units_answers_404(client, charlie, alice, party_a):
    item = create(alice, party_a)
    assert login(client, charlie).get(f"/dang-vien/chi-tieu/{item.pk}/").status_code == 404


@pytest.mark.parametrize("who", ["bob", "standing"])
def test_readers_cannot_open_the_target_pages(request, client, alice, party_a, who):
    item = create(alice, party_a)
    login(client, request.getfixturevalue(who))
    assert client.get("/dang-vien/chi-tieu/them/").status_code == 403
    assert client.post(f"/dang-vien/chi-tieu/{item.pk}/", target_data(party_a, target="1")).status_code == 403
    item.refresh_from_db()
    assert item.target == 40


@pytest.mark.parametrize("who", ["dana", "sysadmin"])
def test_officials_have_no_party_pages(request, client, who):
    assert login(client, request.getfixturevalue(who)).get("/dang-vien/chi-tieu/them/").status_code == 403


# --- the update service ----------------------------------------------------------------------------------------


def test_update_keeps_one_target_per_term(alice, party_a):
    first, second = create(alice, party_a, 2015), create(alice, party_a, 2020)
    with pytest.raises(ValidationError) as err:
        services.target_update(
            actor=alice,
            item=second,
            party_org=party_a,
            start_year=2015,
            end_year=2020,
            target=10,
            resolution_number="x",
        )
    assert "đã có chỉ tiêu nhiệm kỳ bắt đầu năm 2015" in err.value.message_dict["start_year"][0]
    assert first.start_year == 2015


def test_update_outside_the_units_is_refused(alice, charlie, party_a, party_b):
    item = create(alice, party_a)
    with pytest.raises(PermissionDenied):
        services.target_update(
            actor=charlie,
            item=item,
            party_org=party_b,
            start_year=2020,
            end_year=2025,
            target=1,
            resolution_number="x",
        )


# --- admission with the shared person picker -----------------------------------------------------------------


def admission_post(party_org, person_value, **extra):
    data = {
        k: (v.strftime("%d/%m/%Y") if hasattr(v, "strftime") else v) for k, v in admit_data(party_org).items()
    }
    data["party_org"] = party_org.code
    data["person"] = person_value
    data.update(extra)
    return data


def test_admission_of_a_picked_register_person(client, alice, anh, party_a):
    response = login(client, alice).post("/dang-vien/ket-nap/", admission_post(party_a, str(anh.uuid)))
    assert response.status_code == 302
    assert Admission.objects.get().person == anh
    anh.refresh_from_db()
    assert anh.party_admission_date is not None and anh.party_admission_date <= today()


def test_admission_refuses_a_code_or_a_person_outside_the_units(client, alice, anh, outsider_person, party_a):
    login(client, alice)
    body = client.post("/dang-vien/ket-nap/", admission_post(party_a, anh.code)).content.decode()
    assert "Chọn một người trong danh sách tìm được." in body
    body = client.post(
        "/dang-vien/ket-nap/", admission_post(party_a, str(outsider_person.uuid))
    ).content.decode()
    assert "Không tìm thấy người này trong đơn vị bạn quản lý." in body
    assert not Admission.objects.exists()


def test_the_admission_form_shows_the_picker(client, alice):
    body = login(client, alice).get("/dang-vien/ket-nap/").content.decode()
    assert 'name="person_q"' in body and "/can-bo/tim-nguoi/?field=person" in body
