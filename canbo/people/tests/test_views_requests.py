import pytest
from django.urls import reverse

from canbo.people.models import ChangeRequest, ChangeRequestStatus
from canbo.people.services import change_request_create

pytestmark = pytest.mark.django_db


def _proposal(person, **changes):
    data = {
        "other_names": person.other_names,
        "place_of_birth": person.place_of_birth,
        "place_of_origin": person.place_of_origin,
        "religion": person.religion,
        "phone": person.phone,
        "email": person.email,
        "address": person.address,
        "reason": "",
    }
    data.update(changes)
    return data


def test_an_official_proposes_a_change_to_their_own_record(client, dana):
    person = dana.person
    client.force_login(dana)
    url = reverse("people:propose", args=[person.uuid])
    assert client.get(url).status_code == 200
    response = client.post(url, _proposal(person, phone="0987000111", reason="Đổi số điện thoại"))
    assert response.status_code == 302
    request = ChangeRequest.objects.get()
    assert request.changes == {"phone": "0987000111"}
    person.refresh_from_db()
    assert person.phone == ""  # nothing changes until approved
    assert "0987000111" not in client.get(reverse("people:detail", args=[person.uuid])).content.decode()


def test_a_proposal_without_changes_or_with_bad_values_is_refused(client, dana):
    person = dana.person
    client.force_login(dana)
    url = reverse("people:propose", args=[person.uuid])
    response = client.post(url, _proposal(person))
    assert "Không có thay đổi nào" in response.content.decode()
    response = client.post(url, _proposal(person, email="sai-dia-chi"))
    assert "email" in response.context["form"].errors
    assert not ChangeRequest.objects.exists()


def test_an_officer_may_not_propose_on_someone_elses_record(client, alice, anh):
    client.force_login(alice)
    response = client.post(reverse("people:propose", args=[anh.uuid]), _proposal(anh, phone="0911"))
    assert response.status_code == 403
    assert not ChangeRequest.objects.exists()


def test_an_official_cannot_reach_another_record(client, dana, anh):
    client.force_login(dana)
    assert client.get(reverse("people:propose", args=[anh.uuid])).status_code == 404


def test_the_officer_lists_and_approves_pending_requests(client, alice, dana):
    request = change_request_create(actor=dana, person=dana.person, changes={"address": "Phường Mường Thanh"})
    client.force_login(alice)
    response = client.get(reverse("people:change_requests"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Lò Thị Dana" in html and "Phường Mường Thanh" in html and "Nơi ở hiện nay" in html
    response = client.post(
        reverse("people:change_request_decide", args=[request.pk]), {"decision": "approve", "note": "Đúng"}
    )
    assert response.status_code == 302
    request.refresh_from_db()
    dana.person.refresh_from_db()
    assert request.status == ChangeRequestStatus.APPROVED and request.decided_by == alice
    assert dana.person.address == "Phường Mường Thanh"


def test_the_officer_rejects_a_request_and_nothing_changes(client, alice, dana):
    request = change_request_create(actor=dana, person=dana.person, changes={"phone": "0911222333"})
    client.force_login(alice)
    client.post(reverse("people:change_request_decide", args=[request.pk]), {"decision": "reject"})
    request.refresh_from_db()
    dana.person.refresh_from_db()
    assert request.status == ChangeRequestStatus.REJECTED and dana.person.phone == ""


def test_officer_of_another_unit_neither_sees_nor_decides(client, charlie, dana):
    request = change_request_create(actor=dana, person=dana.person, changes={"phone": "0911222333"})
    client.force_login(charlie)
    assert "Lò Thị Dana" not in client.get(reverse("people:change_requests")).content.decode()
    response = client.post(
        reverse("people:change_request_decide", args=[request.pk]), {"decision": "approve"}
    )
    assert response.status_code == 404
    request.refresh_from_db()
    assert request.status == ChangeRequestStatus.PENDING


@pytest.mark.parametrize("who", ["bob", "dana"])
def test_leaders_and_officials_may_not_decide(client, request, who, dana):
    change = change_request_create(actor=dana, person=dana.person, changes={"phone": "0911222333"})
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("people:change_requests")).status_code == 403
    response = client.post(reverse("people:change_request_decide", args=[change.pk]), {"decision": "approve"})
    assert response.status_code == 403
    change.refresh_from_db()
    assert change.status == ChangeRequestStatus.PENDING


def test_a_bad_decision_value_changes_nothing(client, alice, dana):
    change = change_request_create(actor=dana, person=dana.person, changes={"phone": "0911222333"})
    client.force_login(alice)
    client.post(reverse("people:change_request_decide", args=[change.pk]), {"decision": "maybe"})
    change.refresh_from_db()
    assert change.status == ChangeRequestStatus.PENDING


def test_change_request_list_query_count(client, board, tree, django_assert_max_num_queries):
    from tests.factories import PersonFactory, UserFactory, grant

    for i in range(8):
        user = grant(UserFactory(username=f"cc{i}"), "official")
        person = PersonFactory(current_unit=tree["dept_a"], user=user)
        change_request_create(actor=user, person=person, changes={"phone": f"09110000{i:02d}"})
    client.force_login(board)
    with django_assert_max_num_queries(6):
        response = client.get(reverse("people:change_requests"))
    assert len(response.context["pending"]) == 8
