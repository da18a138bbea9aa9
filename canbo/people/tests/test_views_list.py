import datetime

import pytest
from django.urls import reverse

from tests.factories import PersonFactory, QualificationFactory

pytestmark = pytest.mark.django_db


def _get(client, user, **params):
    client.force_login(user)
    return client.get(reverse("people:list"), params)


def test_officer_sees_the_people_of_their_subtree_in_vietnamese_order(
    client, alice, tree, anh, outsider_person
):
    PersonFactory(full_name="Lò Thị Ánh", gender="NU", current_unit=tree["dept_a"])
    PersonFactory(full_name="Giàng A Chứ", current_unit=tree["dept_a"])
    response = _get(client, alice)
    assert response.status_code == 200
    names = [p.full_name for p in response.context["page"].object_list]
    # given name first (Ánh, Ánh, Chứ), then middle and family name: "Lò Thị" < "Nguyễn Văn"
    assert names == ["Lò Thị Ánh", "Nguyễn Văn Ánh", "Giàng A Chứ"]
    html = response.content.decode()
    assert "Trần Thị Bích" not in html
    assert "17/05/1985" in html
    assert "Văn phòng Sở A" in html and "Công chức" in html


def test_unaccented_search_finds_the_accented_name(client, alice, anh):
    response = _get(client, alice, q="nguyen van anh")
    assert [p.pk for p in response.context["page"].object_list] == [anh.pk]


def test_unit_filter_takes_the_subtree(client, board, tree, anh, outsider_person):
    response = _get(client, board, unit="SO_A")
    assert [p.pk for p in response.context["page"].object_list] == [anh.pk]
    assert "Sở A và các đơn vị trực thuộc" in response.content.decode()


def test_filters_by_gender_age_band_and_qualification(client, board, tree, anh, outsider_person):
    QualificationFactory(person=anh, scale="PROFESSIONAL", level="THAC_SI", rank=7)
    assert [p.pk for p in _get(client, board, gender="NU").context["page"].object_list] == [
        outsider_person.pk
    ]
    response = _get(client, board, qualification_scale="PROFESSIONAL", qualification_level="DAI_HOC")
    assert [p.pk for p in response.context["page"].object_list] == [anh.pk]
    age = datetime.date.today().year - 1985
    band = "30_39" if age < 40 else "40_49"
    assert len(_get(client, board, age_band=band).context["page"].object_list) == 2


def test_a_unit_outside_the_users_scope_is_a_form_error_not_a_list(client, alice, tree, outsider_person):
    response = _get(client, alice, unit="SO_B")
    assert response.status_code == 200
    assert response.context["page"] is None
    html = response.content.decode()
    assert "Không tìm thấy đơn vị" in html
    assert "Trần Thị Bích" not in html


def test_invalid_filters_show_vietnamese_errors(client, alice, anh):
    response = _get(client, alice, category="XX", qualification_scale="PROFESSIONAL")
    html = response.content.decode()
    assert "Lựa chọn không hợp lệ." in html
    assert "Hãy chọn cả loại trình độ và mức trình độ." in html
    assert response.context["page"] is None


def test_paging_by_fifty_keeps_the_filters(client, board, tree):
    for _ in range(55):
        PersonFactory(current_unit=tree["dept_b"])
    response = _get(client, board, unit="SO_B")
    page = response.context["page"]
    assert len(page.object_list) == 50 and page.paginator.num_pages == 2
    html = response.content.decode()
    assert "unit=SO_B&amp;page=2" in html
    assert "/can-bo/xuat-excel/?unit=SO_B" in html
    response = _get(client, board, unit="SO_B", page="2")
    assert len(response.context["page"].object_list) == 5
    assert _get(client, board, page="abc").status_code == 200


def test_list_query_count_does_not_grow_with_rows(client, board, tree, django_assert_max_num_queries):
    for _ in range(60):
        PersonFactory(current_unit=tree["dept_a_office"])
    client.force_login(board)
    with django_assert_max_num_queries(7):  # session, user, roles, unit filter, count, page
        response = client.get(reverse("people:list"), {"unit": "SO_A"})
    assert len(response.context["page"].object_list) == 50


def test_leader_reads_the_list_without_the_create_button(client, bob, anh):
    response = _get(client, bob)
    assert [p.pk for p in response.context["page"].object_list] == [anh.pk]
    assert reverse("people:create") not in response.content.decode()


def test_sysadmin_sees_no_personal_data(client, sysadmin, anh):
    response = _get(client, sysadmin)
    assert response.status_code == 200
    assert not response.context["page"].object_list


def test_an_official_is_taken_to_their_own_profile(client, dana):
    client.force_login(dana)
    response = client.get(reverse("people:list"))
    assert response.status_code == 302
    assert response.url == reverse("people:detail", args=[dana.person.uuid])


def test_the_list_requires_login(client, anh):
    assert client.get(reverse("people:list")).status_code == 302


def test_the_level_list_follows_the_chosen_scale(client, alice, anh):
    response = _get(client, alice, qualification_scale="POLITICAL_THEORY", qualification_level="CAO_CAP")
    levels = [code for code, _label in response.context["form"].fields["qualification_level"].choices]
    assert levels == ["", "SO_CAP", "TRUNG_CAP", "CAO_CAP", "CU_NHAN"]
    assert 'hx-get="/can-bo/trinh-do/cac-muc/"' in response.content.decode()


def test_the_list_defaults_to_people_working_today_and_offers_the_others(client, db):
    import datetime

    from canbo.accounts.models import Role
    from tests.factories import OrgUnitFactory, PersonFactory, UserFactory, grant

    unit = OrgUnitFactory()
    working = PersonFactory(current_unit=unit, full_name="Lò Văn Làm")
    retired = PersonFactory(
        current_unit=unit, full_name="Lò Văn Nghỉ", status="RETIRED", status_date=datetime.date(2024, 1, 1)
    )
    client.force_login(grant(UserFactory(), Role.UNIT_OFFICER, unit))
    default = client.get("/can-bo/").content.decode()
    assert working.full_name in default and retired.full_name not in default
    everyone = client.get("/can-bo/", {"status": "ALL"}).content.decode()
    assert working.full_name in everyone and retired.full_name in everyone
    only_retired = client.get("/can-bo/", {"status": "RETIRED"}).content.decode()
    assert retired.full_name in only_retired and working.full_name not in only_retired
