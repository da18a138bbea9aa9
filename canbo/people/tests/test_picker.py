"""The shared person picker: the htmx search (scope, working people, 2 characters, 20 results, Vietnamese order,
the field's name) and the form field that turns the picked uuid back into a Person within the user's scope."""

import datetime
import uuid

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse

from canbo.people.picker import (
    NOT_FOUND,
    PICK_ONE,
    PersonPickerField,
    PersonPickerMixin,
    person_search,
    pick_person,
)
from tests.factories import PersonFactory

URL = "/can-bo/tim-nguoi/"


def login(client, user):
    client.force_login(user)
    return client


class PickForm(PersonPickerMixin, forms.Form):
    person = PersonPickerField(label="Người")
    other = PersonPickerField(label="Người khác", required=False, scope="read", working=False)


# --- the search ----------------------------------------------------------------------------------------------


def test_the_url_is_the_shared_one():
    assert reverse("people:person_picker") == URL


def test_unaccented_search_finds_only_the_officers_people(client, alice, anh, outsider_person):
    body = login(client, alice).get(URL, {"person_q": "nguyen van anh"}).content.decode()
    assert "Nguyễn Văn Ánh" in body and f'name="person" value="{anh.uuid}"' in body
    assert "Trần Thị Bích" not in client.get(URL, {"person_q": "tran thi"}).content.decode()


def test_fewer_than_two_characters_search_nothing(client, alice, anh):
    body = login(client, alice).get(URL, {"person_q": "n"}).content.decode()
    assert "Nguyễn Văn Ánh" not in body and "Gõ ít nhất 2 ký tự" in body


def test_the_radio_buttons_take_the_fields_name(client, alice, anh):
    body = login(client, alice).get(URL, {"field": "nominee", "nominee_q": "anh"}).content.decode()
    assert f'name="nominee" value="{anh.uuid}"' in body
    bad = client.get(URL, {"field": '"><script>', "q": "anh"}).content.decode()
    assert 'name="person"' in bad and "<script>" not in bad


def test_people_no_longer_working_are_left_out_unless_asked(client, alice, tree):
    gone = PersonFactory(
        full_name="Lò Văn Hưu",
        current_unit=tree["dept_a"],
        status="RETIRED",
        status_date=datetime.date(2024, 1, 31),
    )
    login(client, alice)
    assert "Lò Văn Hưu" not in client.get(URL, {"q": "huu"}).content.decode()
    assert "Lò Văn Hưu" in client.get(URL, {"q": "huu", "working": "0"}).content.decode()
    assert gone.status == "RETIRED"


def test_at_most_twenty_in_the_vietnamese_order(alice, tree):
    names = ["Đỗ Văn Bình", "Lò Văn An", "Ma Văn Ân"]
    for name in names:
        PersonFactory(full_name=name, current_unit=tree["dept_a"])
    for _ in range(25):
        PersonFactory(full_name="Quàng Văn Xuân", current_unit=tree["dept_a"])
    found = person_search(user=alice, query="van")
    assert len(found) == 20
    assert [p.full_name for p in found[:3]] == ["Lò Văn An", "Ma Văn Ân", "Đỗ Văn Bình"]


def test_leaders_search_only_with_the_read_scope(client, bob, anh):
    login(client, bob)
    assert client.get(URL, {"q": "anh"}).status_code == 403
    assert "Nguyễn Văn Ánh" in client.get(URL, {"q": "anh", "scope": "read"}).content.decode()


@pytest.mark.parametrize("who", ["dana", "sysadmin"])
def test_officials_and_the_system_administrator_are_refused(request, client, who):
    login(client, request.getfixturevalue(who))
    assert client.get(URL, {"q": "anh", "scope": "read"}).status_code == 403


def test_anonymous_goes_to_the_login_page(client, tree):
    response = client.get(URL, {"q": "anh"})
    assert response.status_code == 302 and response["Location"].startswith("/tai-khoan/")


def test_the_search_takes_the_same_queries_whatever_the_results(
    client, board, tree, django_assert_max_num_queries
):
    for n in range(20):
        PersonFactory(full_name=f"Lường Văn Tám {n}", current_unit=tree["dept_a"])
    login(client, board)
    with django_assert_max_num_queries(5):
        assert client.get(URL, {"q": "tam"}).status_code == 200


# --- the field --------------------------------------------------------------------------------------------


def test_the_field_gives_back_the_person(alice, anh):
    form = PickForm({"person": str(anh.uuid)}, user=alice)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["person"] == anh and form.cleaned_data["other"] is None


def test_the_field_refuses_nothing_or_not_a_uuid(alice, anh):
    for value in ("", anh.code, "12345"):
        form = PickForm({"person": value}, user=alice)
        assert not form.is_valid()
        assert form.errors["person"] == [PICK_ONE]


def test_the_field_does_not_disclose_someone_outside_the_units(alice, outsider_person):
    form = PickForm({"person": str(outsider_person.uuid)}, user=alice)
    assert not form.is_valid() and form.errors["person"] == [NOT_FOUND]
    form = PickForm({"person": str(uuid.uuid4())}, user=alice)
    assert form.errors["person"] == [NOT_FOUND]


def test_the_read_scope_lets_a_leader_pick(bob, anh):
    form = PickForm({"person": str(anh.uuid), "other": str(anh.uuid)}, user=bob)
    assert not form.is_valid()  # `person` is an edit-scope field: a leader changes nobody
    assert form.errors["person"] == [NOT_FOUND] and "other" not in form.errors


def test_the_widget_shows_the_person_already_picked(alice, anh, outsider_person):
    html = str(PickForm({"person": str(anh.uuid)}, user=alice)["person"])
    assert "Nguyễn Văn Ánh" in html and "checked" in html and "field=person" in html
    html = str(PickForm({"person": str(outsider_person.uuid)}, user=alice)["person"])
    assert "Trần Thị Bích" not in html


def test_pick_person_outside_a_form(alice, anh):
    assert pick_person(user=alice, value=anh.uuid) == anh
    with pytest.raises(ValidationError) as err:
        pick_person(user=alice, value=None)
    assert err.value.messages == [PICK_ONE]
