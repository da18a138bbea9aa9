import datetime

import pytest
from django.urls import reverse

from canbo.people.services import employment_add, person_update, qualification_add, qualification_delete
from tests.factories import QualificationFactory

pytestmark = pytest.mark.django_db


def _detail(client, user, person):
    client.force_login(user)
    return client.get(reverse("people:detail", args=[person.uuid]))


def test_profile_shows_every_section_of_the_2c_form(client, alice, anh):
    QualificationFactory(person=anh, scale="PROFESSIONAL", level="DAI_HOC", rank=6, field="Luật")
    QualificationFactory(
        person=anh, scale="PROFESSIONAL", level="THAC_SI", rank=7, awarded_on=datetime.date(2016, 5, 1)
    )
    QualificationFactory(person=anh, scale="POLITICAL_THEORY", level="TRUNG_CAP", rank=2)
    response = _detail(client, alice, anh)
    assert response.status_code == 200
    html = response.content.decode()
    for section in ["Sơ yếu lý lịch", "Liên hệ", "Phân loại, ngạch, lương", "Đảng viên", "Công tác hiện nay"]:
        assert section in html
    assert "Quá trình công tác" in html and "Trình độ" in html
    assert "17/05/1985" in html and anh.national_id in html and "Kinh" in html
    groups = {g["scale"]: g for g in response.context["qualification_groups"]}
    assert groups["PROFESSIONAL"]["highest"].level == "THAC_SI"
    assert groups["POLITICAL_THEORY"]["highest"].level == "TRUNG_CAP"
    assert groups["IT"]["highest"] is None
    assert "Thạc sĩ" in html
    assert "Lịch sử thay đổi" in html


def test_a_qualification_awarded_in_the_future_is_not_the_highest_today(client, alice, anh):
    QualificationFactory(person=anh, scale="PROFESSIONAL", level="DAI_HOC", rank=6)
    future = QualificationFactory(person=anh, scale="PROFESSIONAL", level="TIEN_SI", rank=8)
    type(future).objects.filter(pk=future.pk).update(
        awarded_on=datetime.date.today() + datetime.timedelta(days=30)
    )
    groups = {g["scale"]: g for g in _detail(client, alice, anh).context["qualification_groups"]}
    assert groups["PROFESSIONAL"]["highest"].level == "DAI_HOC"


def test_profile_shows_the_timeline_newest_first(client, alice, tree, anh):
    employment_add(
        actor=alice,
        person=anh,
        unit=tree["dept_a"],
        category="CC",
        start_date=datetime.date(2020, 1, 1),
    )
    response = _detail(client, alice, anh)
    timeline = response.context["timeline"]
    assert [row.unit.code for row in timeline] == ["SO_A", "SO_A_VP"]
    assert timeline[1].end_date == datetime.date(2019, 12, 31)
    assert "31/12/2019" in response.content.decode()


def test_officer_sees_the_edit_forms(client, alice, anh):
    response = _detail(client, alice, anh)
    html = response.content.decode()
    assert reverse("people:edit", args=[anh.uuid]) in html
    assert reverse("people:employment_add", args=[anh.uuid]) in html
    assert reverse("people:qualification_add", args=[anh.uuid]) in html
    assert reverse("people:end_service", args=[anh.uuid]) in html


def test_leader_reads_the_profile_without_forms(client, bob, anh):
    response = _detail(client, bob, anh)
    assert response.status_code == 200
    html = response.content.decode()
    assert reverse("people:edit", args=[anh.uuid]) not in html
    assert reverse("people:employment_add", args=[anh.uuid]) not in html


@pytest.mark.parametrize("who", ["charlie", "sysadmin", "dana"])
def test_profile_outside_the_users_units_is_404(client, request, who, anh):
    user = request.getfixturevalue(who)
    client.force_login(user)
    assert client.get(reverse("people:detail", args=[anh.uuid])).status_code == 404
    assert client.get(reverse("people:history", args=[anh.uuid])).status_code == 404


def test_an_official_sees_their_own_profile_and_the_proposal_button(client, dana):
    response = _detail(client, dana, dana.person)
    assert response.status_code == 200
    html = response.content.decode()
    assert reverse("people:propose", args=[dana.person.uuid]) in html
    assert reverse("people:edit", args=[dana.person.uuid]) not in html


def test_profile_query_count_is_small(client, alice, anh, django_assert_max_num_queries):
    for level, rank in [("TRUNG_CAP", 4), ("DAI_HOC", 6), ("THAC_SI", 7)]:
        QualificationFactory(person=anh, scale="PROFESSIONAL", level=level, rank=rank)
    client.force_login(alice)
    # 10, the photo, awards and discipline (profileforms tags), and the access-log row of NĐ 27/2026
    with django_assert_max_num_queries(14):
        client.get(reverse("people:detail", args=[anh.uuid]))


# --- history tab --------------------------------------------------------------------------------------------


def test_history_shows_who_when_where_and_before_after(client, alice, tree, anh):
    client.force_login(alice)
    person_update(actor=alice, person=anh, data={"phone": "0912345678", "religion": "Phật giáo"})
    qual = qualification_add(
        actor=alice, person=anh, scale="IT", level="CO_BAN", awarded_on=datetime.date(2019, 1, 1)
    )
    qualification_delete(actor=alice, qualification=qual)
    employment_add(
        actor=alice, person=anh, unit=tree["dept_a"], category="CC", start_date=datetime.date(2021, 3, 1)
    )
    response = client.get(reverse("people:history", args=[anh.uuid]), REMOTE_ADDR="10.1.2.3")
    assert response.status_code == 200
    html = response.content.decode()
    assert "alice" in html
    assert "Điện thoại" in html and "0912345678" in html
    assert "Phật giáo" in html
    assert "Văn bằng, chứng chỉ" in html and "Xóa" in html  # the deleted qualification is still in history
    assert "Ứng dụng CNTT cơ bản" in html or "CO_BAN" in html
    assert "Sở A" in html and "01/03/2021" in html  # unit ids and dates shown as names and dd/mm/yyyy
    actions = [row["action"] for row in response.context["rows"]]
    assert actions.count("Tạo mới") >= 3 and "Sửa" in actions and "Xóa" in actions


def test_history_records_the_address_of_a_change_made_through_the_app(client, alice, anh):
    client.force_login(alice)
    client.post(
        reverse("people:edit", args=[anh.uuid]),
        {**_edit_data(anh), "phone": "0987654321"},
        REMOTE_ADDR="10.9.8.7",
    )
    response = client.get(reverse("people:history", args=[anh.uuid]))
    assert "10.9.8.7" in response.content.decode()


def _edit_data(person):
    from canbo.people.services import PERSON_EDITABLE_FIELDS

    data = {}
    for field in PERSON_EDITABLE_FIELDS:
        value = getattr(person, field if field != "rank" else "rank_id")
        if isinstance(value, datetime.date):
            value = value.strftime("%d/%m/%Y")
        data[field] = "" if value is None else value
    data["version"] = person.version
    return data


def test_history_query_count_does_not_grow_with_entries(client, alice, anh, django_assert_max_num_queries):
    for i in range(15):
        person_update(actor=alice, person=anh, data={"phone": f"09000000{i:02d}"})
    client.force_login(alice)
    # 12: with the access-log row of NĐ 27/2026 (one INSERT, canbo.nationaldb)
    with django_assert_max_num_queries(12):
        client.get(reverse("people:history", args=[anh.uuid]))
