"""The pages under /bo-nhiem/: who sees what (board, alice, bob, charlie, dana, anonymous), the dossier with its
gaps and buttons, the workflow through the forms (no way past a BLOCKED check), movement entry, query counts."""

import datetime

import pytest
from django.urls import reverse

from canbo.movements.choices import AppointmentKind, AppointmentStatus, MovementKind
from canbo.movements.models import Appointment, Movement
from canbo.movements.services import appointment_check, appointment_propose, movement_record
from canbo.people.models import Employment

from .conftest import add_years, born_retiring_in, make_person, plan, position, today

DAY = datetime.timedelta(days=1)


def login(client, user):
    if user is not None:
        client.force_login(user)
    return client


def vn(day):
    return day.strftime("%d/%m/%Y")


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
    return appointment_check(actor=alice, appointment=appointment)  # not in the plan


@pytest.fixture
def moved(tree, alice, candidate):
    return movement_record(
        actor=alice,
        person=candidate,
        kind=MovementKind.TRANSFER,
        to_unit=tree["dept_a"],
        start_date=today(),
        decision_number="7/QĐ",
        decision_date=today(),
    )


# --- who may open what ---------------------------------------------------------------------------------------

READ_PAGES = ["index", "due", "appointment_list", "movement_list", "rotation_list"]
WRITE_PAGES = ["appointment_propose", "movement_create", "movement_batch"]


@pytest.mark.parametrize("name", READ_PAGES + WRITE_PAGES)
def test_anonymous_users_are_sent_to_the_login_page(client, tree, name):
    response = client.get(reverse(f"movements:{name}"))

    assert response.status_code == 302
    assert "/tai-khoan/" in response["Location"] or "login" in response["Location"]


@pytest.mark.parametrize("name", READ_PAGES + WRITE_PAGES)
def test_officials_and_the_system_administrator_are_refused(client, dana, sysadmin, name):
    for user in (dana, sysadmin):
        client.force_login(user)
        assert client.get(reverse(f"movements:{name}")).status_code == 403


@pytest.mark.parametrize("who", ["board", "standing", "alice", "bob", "charlie"])
@pytest.mark.parametrize("name", READ_PAGES)
def test_staff_read_the_lists(request, client, name, who):
    login(client, request.getfixturevalue(who))

    assert client.get(reverse(f"movements:{name}")).status_code == 200


@pytest.mark.parametrize("who,code", [("board", 200), ("alice", 200), ("bob", 403), ("standing", 403)])
@pytest.mark.parametrize("name", WRITE_PAGES)
def test_only_writers_open_the_entry_forms(request, client, name, who, code):
    login(client, request.getfixturevalue(who))

    assert client.get(reverse(f"movements:{name}")).status_code == code


def test_lists_show_only_the_users_units(client, alice, charlie, proposed, moved):
    login(client, charlie)
    assert proposed.person.full_name not in client.get(reverse("movements:appointment_list")).content.decode()
    assert proposed.person.full_name not in client.get(reverse("movements:movement_list")).content.decode()

    login(client, alice)
    assert proposed.person.full_name in client.get(reverse("movements:appointment_list")).content.decode()
    assert proposed.person.full_name in client.get(reverse("movements:movement_list")).content.decode()


@pytest.mark.parametrize(
    "who,code", [("board", 200), ("alice", 200), ("bob", 200), ("charlie", 404), ("dana", 403)]
)
def test_a_dossier_outside_the_users_units_is_not_found(request, client, proposed, moved, who, code):
    login(client, request.getfixturevalue(who))

    assert client.get(reverse("movements:appointment_detail", args=[proposed.pk])).status_code == code
    assert client.get(reverse("movements:movement_detail", args=[moved.pk])).status_code == code


def test_charlie_cannot_act_on_a_dept_a_appointment(client, charlie, proposed):
    login(client, charlie)

    response = client.post(reverse("movements:appointment_action", args=[proposed.pk, "check"]), {})

    assert response.status_code == 404
    proposed.refresh_from_db()
    assert proposed.status == AppointmentStatus.PROPOSED


def test_a_leader_cannot_post_a_step(client, bob, proposed):
    login(client, bob)

    response = client.post(reverse("movements:appointment_action", args=[proposed.pk, "check"]), {})

    assert response.status_code == 403


# --- the dossier ---------------------------------------------------------------------------------------------


def test_the_dossier_lists_each_gap_and_offers_no_way_forward(client, alice, board, blocked):
    login(client, board)

    html = client.get(reverse("movements:appointment_detail", args=[blocked.pk])).content.decode()

    assert "Chưa đạt tiêu chuẩn" in html
    assert "Chưa có trong quy hoạch chức danh này" in html
    assert 'id="action-check"' in html  # the board may check again once the gaps are closed
    assert 'id="action-approve"' not in html and 'id="action-decide"' not in html


@pytest.mark.parametrize("action", ["approve", "decide"])
def test_posting_past_a_blocked_check_is_refused_with_the_gaps(client, board, blocked, action):
    login(client, board)
    data = {
        f"{action}-decision_number": "1/QĐ",
        f"{action}-decision_date": vn(today()),
        f"{action}-signer": "Chủ tịch",
    }

    response = client.post(reverse("movements:appointment_action", args=[blocked.pk, action]), data)

    assert response.status_code == 400
    assert "Chưa có trong quy hoạch chức danh này" in response.content.decode()
    blocked.refresh_from_db()
    assert blocked.status == AppointmentStatus.BLOCKED
    assert not Employment.objects.filter(person=blocked.person, position__code="TRUONG_PHONG").exists()


def test_the_dossier_buttons_follow_the_user(client, alice, bob, board, proposed):
    appointment_check(actor=alice, appointment=proposed)
    url = reverse("movements:appointment_detail", args=[proposed.pk])

    login(client, alice)
    assert 'id="action-approve"' not in client.get(url).content.decode()
    login(client, bob)
    assert 'id="action-' not in client.get(url).content.decode()
    login(client, board)
    assert 'id="action-approve"' in client.get(url).content.decode()


# --- the workflow through the forms ------------------------------------------------------------------------


def test_propose_check_approve_decide_through_the_pages(client, tree, alice, board, candidate):
    login(client, alice)
    response = client.post(
        reverse("movements:appointment_propose"),
        {
            "person": str(candidate.uuid),
            "position": position("TRUONG_PHONG").pk,
            "unit": tree["dept_a_office"].pk,
            "kind": "HIGHER",
        },
    )
    appointment = Appointment.objects.get()
    assert response.status_code == 302
    client.post(reverse("movements:appointment_action", args=[appointment.pk, "check"]), {"check-version": 1})
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.CHECKED

    login(client, board)
    client.post(reverse("movements:appointment_action", args=[appointment.pk, "approve"]), {})
    login(client, alice)
    response = client.post(
        reverse("movements:appointment_action", args=[appointment.pk, "decide"]),
        {
            "decide-decision_number": "99/QĐ-UBND",
            "decide-decision_date": vn(today()),
            "decide-signer": "Chủ tịch",
        },
    )

    assert response.status_code == 302
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.DECIDED
    assert appointment.employment.decision_number == "99/QĐ-UBND"


def test_a_stale_form_is_a_conflict(client, alice, proposed):
    login(client, alice)

    response = client.post(
        reverse("movements:appointment_action", args=[proposed.pk, "check"]), {"check-version": 9}
    )

    assert response.status_code == 409
    assert "người khác cập nhật" in response.content.decode()


def test_propose_refuses_someone_outside_the_officers_units(client, tree, alice, outsider_person, standard):
    login(client, alice)

    response = client.post(
        reverse("movements:appointment_propose"),
        {
            "person": str(outsider_person.uuid),
            "position": position("TRUONG_PHONG").pk,
            "unit": tree["dept_a_office"].pk,
            "kind": "FIRST",
        },
    )

    assert response.status_code == 200
    assert "Không tìm thấy người này" in response.content.decode()
    assert not Appointment.objects.exists()


def test_the_person_search_finds_only_the_officers_people(client, alice, candidate, outsider_person):
    login(client, alice)

    found = client.get(reverse("people:person_picker"), {"person_q": "Đạt"}).content.decode()
    missed = client.get(reverse("people:person_picker"), {"person_q": "Bích"}).content.decode()

    assert candidate.full_name in found
    assert outsider_person.full_name not in missed


# --- movements through the pages ---------------------------------------------------------------------------


def test_record_one_movement(client, tree, alice, candidate):
    login(client, alice)

    response = client.post(
        reverse("movements:movement_create"),
        {
            "person": str(candidate.uuid),
            "kind": "DIEU_DONG",
            "to_unit": tree["dept_a"].pk,
            "start_date": vn(today()),
            "decision_number": "5/QĐ",
            "decision_date": vn(today()),
        },
    )

    movement = Movement.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("movements:movement_detail", args=[movement.pk])
    assert Employment.objects.get(person=candidate, end_date__isnull=True).unit == tree["dept_a"]


def test_an_invalid_movement_shows_its_errors_and_writes_nothing(client, tree, alice, candidate):
    login(client, alice)

    response = client.post(
        reverse("movements:movement_create"),
        {
            "person": str(candidate.uuid),
            "kind": "LUAN_CHUYEN",
            "decision_number": "5/QĐ",
            "decision_date": vn(today()),
        },
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Cần ngày có hiệu lực." in html
    assert not Movement.objects.exists()


def test_one_decision_for_a_list_of_people(client, tree, alice):
    people = [make_person(tree["dept_a_office"], name=f"Người {i}") for i in range(3)]
    login(client, alice)
    data = {
        "persons": "\n".join([people[0].code, people[1].national_id, f"{people[2].code} ghi chú"]),
        "kind": "DIEU_DONG",
        "to_unit": tree["dept_a"].pk,
        "start_date": vn(today()),
        "decision_number": "8/QĐ",
        "decision_date": vn(today()),
    }

    response = client.post(reverse("movements:movement_batch"), data)

    assert response.status_code == 302
    assert Movement.objects.filter(decision_number="8/QĐ").count() == 3


def test_a_list_with_an_unknown_or_invalid_person_records_nobody(client, tree, alice, outsider_person):
    people = [make_person(tree["dept_a_office"], name=f"Người {i}") for i in range(2)]
    login(client, alice)
    data = {
        "kind": "LUAN_CHUYEN",
        "to_unit": tree["dept_a"].pk,
        "start_date": vn(today()),
        "end_date": vn(add_years(today(), 3)),
        "decision_number": "8/QĐ",
        "decision_date": vn(today()),
    }

    unknown = client.post(
        reverse("movements:movement_batch"), {**data, "persons": f"{people[0].code}\n{outsider_person.code}"}
    )
    invalid = client.post(
        reverse("movements:movement_batch"), {**data, "persons": f"{people[0].code}\n{people[1].code}"}
    )

    assert outsider_person.code in unknown.content.decode()
    assert (
        "Chưa ghi nhận cho ai: 2 trong 2 người có lỗi." in invalid.content.decode()
    )  # nobody is in the plan
    assert not Movement.objects.exists()


# --- due lists and query counts ----------------------------------------------------------------------------


def test_the_due_page_lists_terms_rotations_and_retirements(client, tree, alice, board, head):
    retiring = make_person(tree["dept_a_office"], name="Sắp Nghỉ Hưu", born=born_retiring_in(months=3))
    login(client, alice)

    html = client.get(reverse("movements:due")).content.decode()

    assert head.person.full_name in html and retiring.full_name in html
    assert "Xem xét bổ nhiệm lại" in html


@pytest.fixture
def many(tree, alice, board, standard):
    for i in range(6):
        person = make_person(tree["dept_a_office"], name=f"Người {i}", deputy_since=add_years(today(), -4))
        plan(person, tree["dept_a_office"], board)
        appointment = appointment_propose(
            actor=alice,
            person=person,
            position=position("TRUONG_PHONG"),
            unit=tree["dept_a_office"],
            kind=AppointmentKind.HIGHER,
        )
        appointment_check(actor=alice, appointment=appointment)
        movement_record(
            actor=alice,
            person=person,
            kind=MovementKind.TRANSFER,
            to_unit=tree["dept_a"],
            start_date=today(),
            decision_number=f"{i}/QĐ",
            decision_date=today(),
        )


@pytest.mark.parametrize("name", READ_PAGES)
def test_list_pages_take_a_fixed_number_of_queries(client, alice, many, name, django_assert_max_num_queries):
    login(client, alice)

    with django_assert_max_num_queries(8):
        assert client.get(reverse(f"movements:{name}")).status_code == 200


def test_a_decided_term_offers_its_reappointment(client, alice, bob, head):
    login(client, alice)
    html = client.get(reverse("movements:appointment_detail", args=[head.pk])).content.decode()
    assert "Đề xuất bổ nhiệm lại" in html

    form = client.get(
        reverse("movements:appointment_propose"),
        {
            "person": str(head.person.uuid),
            "position": head.position_id,
            "unit": head.unit_id,
            "kind": "REAPPOINT",
        },
    ).content.decode()
    assert f'value="{head.person.uuid}" checked' in form
    assert '<option value="REAPPOINT" selected>' in form

    login(client, bob)
    assert (
        "Đề xuất bổ nhiệm lại"
        not in client.get(reverse("movements:appointment_detail", args=[head.pk])).content.decode()
    )


@pytest.mark.parametrize("name", ["appointment_list", "movement_list"])
def test_lists_sort_by_column_and_bad_paging_parameters_give_the_first_page(
    client, alice, proposed, moved, name
):
    client.force_login(alice)
    url = reverse(f"movements:{name}")
    response = client.get(url, {"sap_xep": "-ten"})
    assert response.status_code == 200 and 'aria-sort="descending"' in response.content.decode()
    assert response.context["page"].object_list
    for params in (
        {"sap_xep": "nope"},
        {"sau": "??"},
        {"truoc": "W1sidiIsMV1d"},
        {"chu": "Q"},
        {"page": "-1"},
    ):
        response = client.get(url, params)
        assert response.status_code == 200 and response.context["page"].object_list
