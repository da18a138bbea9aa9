"""The emulation movements' pages (list for every reader; create and correct for the board only), the movement
service's rules, and the registration entry with the shared person picker."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from canbo.emulation import services
from canbo.emulation.models import EmulationMovement, Registration


def login(client, user):
    client.force_login(user)
    return client


def data(**extra):
    values = {"code": "DAN_VAN_KHEO", "name": "Dân vận khéo", "start_year": "2020", "end_year": "2025"}
    values.update(extra)
    return values


@pytest.fixture
def hcm(db):
    return EmulationMovement.objects.create(
        code="HOC_TAP_BAC", name="Học tập và làm theo Bác", start_year=2016
    )


# --- pages -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["alice", "bob", "charlie", "standing", "board"])
def test_readers_see_the_movements(request, client, hcm, who):
    body = login(client, request.getfixturevalue(who)).get("/thi-dua/phong-trao/").content.decode()
    assert "Học tập và làm theo Bác" in body and "2016–nay" in body
    assert ("Thêm phong trào" in body) == (who == "board")


@pytest.mark.parametrize("who", ["dana", "sysadmin"])
def test_officials_have_no_movement_pages(request, client, who):
    assert login(client, request.getfixturevalue(who)).get("/thi-dua/phong-trao/").status_code == 403


def test_board_declares_a_movement(client, board):
    response = login(client, board).post("/thi-dua/phong-trao/them/", data())
    assert response.status_code == 302
    item = EmulationMovement.objects.get()
    assert (item.code, item.start_year, item.end_year) == ("DAN_VAN_KHEO", 2020, 2025)


def test_duplicate_code_and_unordered_years_are_refused(client, board, hcm):
    body = login(client, board).post("/thi-dua/phong-trao/them/", data(code="HOC_TAP_BAC")).content.decode()
    assert "Mã HOC_TAP_BAC đã có." in body
    body = client.post("/thi-dua/phong-trao/them/", data(end_year="2019")).content.decode()
    assert "Năm kết thúc không được trước năm bắt đầu." in body
    assert EmulationMovement.objects.count() == 1


def test_board_corrects_a_movement(client, board, hcm):
    url = f"/thi-dua/phong-trao/{hcm.pk}/"
    assert "HOC_TAP_BAC" in login(client, board).get(url).content.decode()
    assert (
        client.post(url, data(code="HOC_TAP_BAC", name="Học tập Bác", start_year="2016")).status_code == 302
    )
    hcm.refresh_from_db()
    assert hcm.name == "Học tập Bác" and hcm.end_year == 2025


@pytest.mark.parametrize("who", ["alice", "bob", "standing"])
def test_only_the_board_opens_the_movement_form(request, client, hcm, who):
    login(client, request.getfixturevalue(who))
    assert client.get("/thi-dua/phong-trao/them/").status_code == 403
    assert client.post(f"/thi-dua/phong-trao/{hcm.pk}/", data()).status_code == 403
    hcm.refresh_from_db()
    assert hcm.code == "HOC_TAP_BAC"


def test_an_unknown_movement_answers_404(client, board):
    assert login(client, board).get("/thi-dua/phong-trao/999/").status_code == 404


def test_the_list_takes_the_same_queries_whatever_its_length(client, board, django_assert_max_num_queries):
    for n in range(15):
        EmulationMovement.objects.create(code=f"PT{n}", name=f"Phong trào {n}", start_year=2000 + n)
    login(client, board)
    with django_assert_max_num_queries(6):
        assert client.get("/thi-dua/phong-trao/").status_code == 200


# --- the service -------------------------------------------------------------------------------------------


def test_update_keeps_registrations_within_the_years(alice, board, anh, hcm):
    year = timezone.localdate().year - 1
    services.registration_record(actor=alice, movement=hcm, year=year, kind="CA_NHAN", person=anh)
    with pytest.raises(ValidationError) as err:
        services.movement_update(
            actor=board, item=hcm, code="HOC_TAP_BAC", name="x", start_year=2016, end_year=year - 1
        )
    assert "ngoài khoảng năm mới" in err.value.message_dict["start_year"][0]


def test_update_refuses_a_code_of_another_movement(board, hcm):
    other = services.movement_create(actor=board, code="KHAC", name="Khác", start_year=2020)
    with pytest.raises(ValidationError) as err:
        services.movement_update(actor=board, item=other, code="HOC_TAP_BAC", name="Khác", start_year=2020)
    assert "đã có" in err.value.message_dict["code"][0]


def test_only_the_board_writes_movements(alice, hcm):
    with pytest.raises(PermissionDenied):
        services.movement_create(actor=alice, code="X", name="X", start_year=2020)
    with pytest.raises(PermissionDenied):
        services.movement_update(actor=alice, item=hcm, code="X", name="X", start_year=2020)


# --- registration with the person picker ---------------------------------------------------------------------


def test_registration_refuses_a_person_outside_the_units(client, alice, outsider_person, hcm):
    year = timezone.localdate().year - 1
    post = {"kind": "CA_NHAN", "person": str(outsider_person.uuid), "year": year, "movement": hcm.pk}
    body = login(client, alice).post("/thi-dua/dang-ky/", post).content.decode()
    assert "Không tìm thấy người này trong đơn vị bạn quản lý." in body
    post["person"] = outsider_person.code
    assert (
        "Chọn một người trong danh sách tìm được." in client.post("/thi-dua/dang-ky/", post).content.decode()
    )
    assert not Registration.objects.exists()
