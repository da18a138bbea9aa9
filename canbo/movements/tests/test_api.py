"""The API: /api/v1/appointments/ and /api/v1/movements/ — scoping, the workflow, no override, batches."""

import pytest
from rest_framework.test import APIClient

from canbo.movements.choices import AppointmentKind, AppointmentStatus, MovementKind
from canbo.movements.models import Appointment, Movement
from canbo.movements.services import appointment_check, appointment_propose, movement_record
from canbo.people.models import Employment

from .conftest import add_years, born_retiring_in, make_person, plan, position, today


def api(user=None):
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


@pytest.fixture
def proposed(tree, alice, candidate):
    return appointment_propose(
        actor=alice,
        person=candidate,
        position=position("TRUONG_PHONG"),
        unit=tree["dept_a_office"],
        kind=AppointmentKind.HIGHER,
    )


@pytest.fixture
def blocked(tree, alice, standard):
    person = make_person(tree["dept_a_office"], name="Quàng Văn Chặn", deputy_since=add_years(today(), -4))
    appointment = appointment_propose(
        actor=alice,
        person=person,
        position=position("TRUONG_PHONG"),
        unit=tree["dept_a_office"],
        kind=AppointmentKind.HIGHER,
    )
    return appointment_check(actor=alice, appointment=appointment)


def decision(**extra):
    return {
        "decision_number": "3/QĐ-UBND",
        "decision_date": today().isoformat(),
        "signer": "Chủ tịch",
        **extra,
    }


# --- who may read ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/api/v1/appointments/", "/api/v1/movements/", "/api/v1/movements/due/"])
def test_anonymous_officials_and_sysadmin_are_refused(url, dana, sysadmin):
    assert api().get(url).status_code in (401, 403)
    for user in (dana, sysadmin):
        response = api(user).get(url)
        assert response.status_code == 403
        assert response.json()["detail"] == "Anh/chị không có quyền xem bổ nhiệm, điều động."


@pytest.mark.parametrize(
    "who,count", [("board", 1), ("standing", 1), ("alice", 1), ("bob", 1), ("charlie", 0)]
)
def test_the_list_is_scoped(request, proposed, who, count):
    response = api(request.getfixturevalue(who)).get("/api/v1/appointments/")

    assert response.status_code == 200
    assert response.json()["count"] == count


@pytest.mark.parametrize(
    "who,code,step_code", [("board", 200, 200), ("alice", 200, 200), ("bob", 200, 403), ("charlie", 404, 404)]
)
def test_a_record_outside_the_users_units_is_not_found(request, tree, alice, proposed, who, code, step_code):
    movement = movement_record(
        actor=alice,
        person=make_person(tree["dept_a_office"], name="Người Chuyển"),
        kind=MovementKind.TRANSFER,
        to_unit=tree["dept_a"],
        start_date=today(),
        decision_number="1",
        decision_date=today(),
    )
    client = api(request.getfixturevalue(who))

    assert client.get(f"/api/v1/appointments/{proposed.pk}/").status_code == code
    assert client.get(f"/api/v1/movements/{movement.pk}/").status_code == code
    assert (
        client.post(f"/api/v1/appointments/{proposed.pk}/check/", {}, format="json").status_code == step_code
    )


# --- the workflow --------------------------------------------------------------------------------------------


def test_the_whole_workflow_through_the_api(tree, alice, board, candidate):
    body = {"person": str(candidate.uuid), "position": "TRUONG_PHONG", "unit": "SO_A_VP", "kind": "HIGHER"}
    created = api(alice).post("/api/v1/appointments/", body, format="json")
    assert created.status_code == 201, created.json()
    pk = created.json()["id"]
    assert created.json()["actions"] == ["check", "withdraw"]

    checked = api(alice).post(f"/api/v1/appointments/{pk}/check/", {"version": 1}, format="json")
    assert (checked.json()["status"], checked.json()["check_gaps"]) == ("CHECKED", [])
    assert (
        api(board).post(f"/api/v1/appointments/{pk}/approve/", {}, format="json").json()["status"]
        == "APPROVED"
    )
    decided = api(alice).post(f"/api/v1/appointments/{pk}/decide/", decision(), format="json")

    assert decided.status_code == 200, decided.json()
    data = decided.json()
    assert (data["status"], data["term_start"]) == ("DECIDED", today().isoformat())
    assert Employment.objects.get(pk=data["employment"]).position.code == "TRUONG_PHONG"


def test_a_blocked_appointment_shows_its_gaps(alice, blocked):
    data = api(alice).get(f"/api/v1/appointments/{blocked.pk}/").json()

    assert data["status"] == "BLOCKED"
    assert data["check_gaps"] == [
        "Chưa có trong quy hoạch chức danh này (hoặc chức danh tương đương) được phê duyệt."
    ]
    assert "approve" not in data["actions"] and "decide" not in data["actions"]


@pytest.mark.parametrize(
    "step,body",
    [
        ("approve", {}),
        ("approve", {"status": "CHECKED", "override": True}),
        ("decide", decision()),
        ("decide", decision(status="APPROVED", force=True)),
    ],
)
def test_there_is_no_override_of_a_blocked_check(board, blocked, step, body):
    response = api(board).post(f"/api/v1/appointments/{blocked.pk}/{step}/", body, format="json")

    assert response.status_code == 400
    assert any("quy hoạch" in m for m in response.json()["non_field_errors"])
    blocked.refresh_from_db()
    assert blocked.status == AppointmentStatus.BLOCKED
    assert blocked.employment is None


def test_the_record_cannot_be_edited_directly(board, blocked):
    client = api(board)
    for method in (client.patch, client.put):
        assert (
            method(f"/api/v1/appointments/{blocked.pk}/", {"status": "APPROVED"}, format="json").status_code
            == 405
        )
    assert client.delete(f"/api/v1/appointments/{blocked.pk}/").status_code == 405


def test_leaders_and_officers_cannot_approve(alice, bob, proposed):
    appointment_check(actor=alice, appointment=proposed)

    assert (
        api(alice).post(f"/api/v1/appointments/{proposed.pk}/approve/", {}, format="json").status_code == 403
    )
    response = api(bob).post(f"/api/v1/appointments/{proposed.pk}/approve/", {}, format="json")
    assert response.status_code == 403
    assert "chỉ có quyền xem" in response.json()["detail"]


def test_a_stale_version_is_a_conflict(alice, proposed):
    response = api(alice).post(f"/api/v1/appointments/{proposed.pk}/check/", {"version": 7}, format="json")

    assert response.status_code == 409


def test_proposing_someone_outside_the_users_units_is_not_found(alice, outsider_person, standard):
    body = {
        "person": str(outsider_person.uuid),
        "position": "TRUONG_PHONG",
        "unit": "SO_A_VP",
        "kind": "FIRST",
    }

    assert api(alice).post("/api/v1/appointments/", body, format="json").status_code == 404
    assert not Appointment.objects.exists()


def test_bad_input_is_answered_in_vietnamese(alice, candidate):
    body = {"person": str(candidate.uuid), "position": "KHONG_CO", "unit": "SO_A_VP", "kind": "X"}

    response = api(alice).post("/api/v1/appointments/", body, format="json")

    assert response.status_code == 400
    assert response.json()["position"] == ["Không tìm thấy mã “KHONG_CO”."]
    assert "kind" in response.json()


def test_withdraw_through_the_api(alice, proposed):
    response = api(alice).post(
        f"/api/v1/appointments/{proposed.pk}/withdraw/", {"reason": "Thôi"}, format="json"
    )

    assert response.json()["status"] == "WITHDRAWN"


# --- movements ---------------------------------------------------------------------------------------------


def test_record_a_movement(tree, alice, candidate):
    body = {
        "person": str(candidate.uuid),
        "kind": "DIEU_DONG",
        "to_unit": "SO_A",
        "start_date": today().strftime("%d/%m/%Y"),
        "decision_number": "9/QĐ",
        "decision_date": today().isoformat(),
    }

    response = api(alice).post("/api/v1/movements/", body, format="json")

    assert response.status_code == 201, response.json()
    assert (response.json()["from_unit"], response.json()["to_unit"]) == ("SO_A_VP", "SO_A")


def test_a_rotation_outside_the_plan_is_refused(tree, board, levels, candidate):
    person = make_person(tree["dept_a_office"], name="Ngoài Quy Hoạch", born=add_years(today(), -40))
    body = {
        "person": str(person.uuid),
        "kind": "LUAN_CHUYEN",
        "to_unit": "X01",
        "start_date": today().isoformat(),
        "end_date": add_years(today(), 3).isoformat(),
        "decision_number": "9/QĐ",
        "decision_date": today().isoformat(),
    }

    response = api(board).post("/api/v1/movements/", body, format="json")

    assert response.status_code == 400
    assert "quy hoạch" in response.json()["person"][0]


def test_a_batch_is_all_or_nothing(tree, alice, board):
    people = [
        make_person(tree["dept_a_office"], name=f"Người {i}", born=add_years(today(), -40)) for i in range(3)
    ]
    plan(people[0], tree["dept_a_office"], board)
    plan(people[1], tree["dept_a_office"], board)
    body = {
        "persons": [str(p.uuid) for p in people],
        "kind": "LUAN_CHUYEN",
        "to_unit": "SO_A",
        "start_date": today().isoformat(),
        "end_date": add_years(today(), 3).isoformat(),
        "decision_number": "10/QĐ",
        "decision_date": today().isoformat(),
    }

    refused = api(alice).post("/api/v1/movements/batch/", body, format="json")
    assert refused.status_code == 400
    assert people[2].full_name in " ".join(refused.json()["non_field_errors"])
    assert not Movement.objects.exists()

    plan(people[2], tree["dept_a_office"], board)
    accepted = api(alice).post("/api/v1/movements/batch/", body, format="json")
    assert accepted.status_code == 201
    assert [m["direction"] for m in accepted.json()] == ["NGANG"] * 3


def test_a_batch_with_someone_unseen_is_refused(tree, alice, outsider_person):
    person = make_person(tree["dept_a_office"])
    body = {
        "persons": [str(person.uuid), str(outsider_person.uuid)],
        "kind": "THOI_VIEC",
        "start_date": today().isoformat(),
        "decision_number": "1",
        "decision_date": today().isoformat(),
    }

    response = api(alice).post("/api/v1/movements/batch/", body, format="json")

    assert response.status_code == 400
    assert str(outsider_person.uuid) in response.json()["persons"][0]


def test_the_due_lists(tree, alice, charlie, head):
    retiring = make_person(tree["dept_a"], name="Sắp Nghỉ", born=born_retiring_in(months=2))

    data = api(alice).get("/api/v1/movements/due/").json()

    assert [a["id"] for a in data["reappointments"]] == [head.pk]
    assert [r["uuid"] for r in data["retirements"]] == [str(retiring.uuid)]
    assert api(charlie).get("/api/v1/movements/due/").json()["reappointments"] == []


@pytest.fixture
def many(tree, alice, board, standard):
    for i in range(5):
        person = make_person(tree["dept_a_office"], name=f"Người {i}", deputy_since=add_years(today(), -4))
        plan(person, tree["dept_a_office"], board)
        appointment_propose(
            actor=alice,
            person=person,
            position=position("TRUONG_PHONG"),
            unit=tree["dept_a_office"],
            kind=AppointmentKind.HIGHER,
        )
        movement_record(
            actor=alice,
            person=person,
            kind=MovementKind.TRANSFER,
            to_unit=tree["dept_a"],
            start_date=today(),
            decision_number=f"{i}",
            decision_date=today(),
        )


@pytest.mark.parametrize("url", ["/api/v1/appointments/", "/api/v1/movements/", "/api/v1/movements/due/"])
def test_list_endpoints_take_a_fixed_number_of_queries(alice, many, url, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        assert api(alice).get(url).status_code == 200
