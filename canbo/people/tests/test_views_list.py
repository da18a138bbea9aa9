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
    assert len(page.object_list) == 50 and page.has_next and not page.has_previous
    assert page.count == 55  # the user filtered: the count is exact
    html = response.content.decode()
    assert f"unit=SO_B&amp;sau={page.next_cursor}" in html and "Trang sau" in html
    assert "/can-bo/xuat-excel/?unit=SO_B" in html
    response = _get(client, board, unit="SO_B", sau=page.next_cursor)
    second = response.context["page"]
    assert len(second.object_list) == 5 and second.has_previous and not second.has_next
    assert not {p.pk for p in second.object_list} & {p.pk for p in page.object_list}
    back = _get(client, board, unit="SO_B", truoc=second.previous_cursor).context["page"]
    assert [p.pk for p in back.object_list] == [p.pk for p in page.object_list]
    last = _get(client, board, unit="SO_B", cuoi="1").context["page"]
    # the last page is the last fifty rows, ending where the second page ends
    assert [p.pk for p in last.object_list][-5:] == [p.pk for p in second.object_list]
    assert len(last.object_list) == 50 and last.has_previous and not last.has_next
    assert _get(client, board, page="abc").status_code == 200


@pytest.mark.parametrize(
    "params",
    [
        {"sau": "not-a-cursor"},
        {"truoc": "eyJ4Ijox"},
        {"sau": "W1sidiIsMV1d"},  # a valid cursor of the wrong length
        {"sap_xep": "password"},
        {"sap_xep": "-"},
        {"chu": "Z"},
        {"chu": "ĐĐ"},
        {"cuoi": "x", "sau": "%%%"},
    ],
)
def test_bad_paging_and_sort_parameters_give_the_first_page(client, board, tree, anh, params):
    response = _get(client, board, **params)
    assert response.status_code == 200
    assert [p.pk for p in response.context["page"].object_list] == [anh.pk] or params.get("cuoi")


def test_columns_sort_both_ways_and_headers_show_the_direction(client, board, tree):
    young = PersonFactory(
        full_name="Lò Văn Xa", current_unit=tree["dept_b"], date_of_birth=datetime.date(1999, 1, 2)
    )
    old = PersonFactory(
        full_name="Hà Thị Ân", current_unit=tree["dept_b"], date_of_birth=datetime.date(1960, 3, 4)
    )
    response = _get(client, board, unit="SO_B", sap_xep="ngay_sinh")
    assert [p.pk for p in response.context["page"].object_list] == [old.pk, young.pk]
    html = response.content.decode()
    assert 'aria-sort="ascending"' in html and "Ngày sinh ▲" in html
    assert "sap_xep=-ngay_sinh" in html  # the next click reverses
    response = _get(client, board, unit="SO_B", sap_xep="-ngay_sinh")
    assert [p.pk for p in response.context["page"].object_list] == [young.pk, old.pk]
    assert 'aria-sort="descending"' in response.content.decode()
    # names: given name first in the Vietnamese alphabet (Ân < Xa), and reversed
    response = _get(client, board, unit="SO_B", sap_xep="-ten")
    assert [p.pk for p in response.context["page"].object_list] == [young.pk, old.pk]


def test_sort_is_kept_when_paging(client, board, tree):
    people = [PersonFactory(current_unit=tree["dept_b"]) for _ in range(53)]
    expected = sorted(people, key=lambda p: (p.date_of_birth, p.sort_key, p.pk), reverse=True)
    first = _get(client, board, unit="SO_B", sap_xep="-ngay_sinh").context["page"]
    html_next = first.next_url
    assert "sap_xep=-ngay_sinh" in html_next
    second = _get(client, board, unit="SO_B", sap_xep="-ngay_sinh", sau=first.next_cursor).context["page"]
    got = [p.pk for p in first.object_list] + [p.pk for p in second.object_list]
    assert got == [p.pk for p in expected]


def test_jump_to_a_letter_of_the_vietnamese_alphabet(client, board, tree):
    for name in ("Lê Văn An", "Lò Thị Ánh", "Hà Văn Bình", "Vi Văn Đức", "Lò Văn Dũng", "Cầm Thị Em"):
        PersonFactory(full_name=name, current_unit=tree["dept_b"])
    response = _get(client, board, unit="SO_B", chu="Đ")
    page = response.context["page"]
    # D < Đ < E in the Vietnamese alphabet: the page starts at Đức
    assert [p.full_name for p in page.object_list] == ["Vi Văn Đức", "Cầm Thị Em"]
    assert page.has_previous
    html = response.content.decode()
    assert 'aria-current="true">Đ</a>' in html
    before = _get(client, board, unit="SO_B", truoc=page.previous_cursor).context["page"]
    assert [p.full_name for p in before.object_list][-1] == "Lò Văn Dũng"


def test_unfiltered_browse_counts_up_to_ten_thousand(client, board, tree, anh, monkeypatch):
    from canbo.core import paging

    for _ in range(4):
        PersonFactory(current_unit=tree["dept_b"])
    monkeypatch.setattr(paging, "COUNT_CAP", 3)
    monkeypatch.setattr(paging.capped_count, "__defaults__", (3,))
    response = _get(client, board)
    assert response.context["page"].count_capped
    assert "hơn 3 người" in response.content.decode()
    response = _get(client, board, gender="NAM")  # asked for: exact
    assert not response.context["page"].count_capped


def test_export_keeps_the_sort(client, board, tree):
    from django.http import QueryDict

    from canbo.people.exports import write_person_export

    young = PersonFactory(
        full_name="Lò Văn Xa", current_unit=tree["dept_b"], date_of_birth=datetime.date(1999, 1, 2)
    )
    old = PersonFactory(
        full_name="Hà Thị Ân", current_unit=tree["dept_b"], date_of_birth=datetime.date(1960, 3, 4)
    )
    import io

    from openpyxl import load_workbook

    buf = io.BytesIO()
    write_person_export(
        user=board,
        query=QueryDict("unit=SO_B&sap_xep=-ngay_sinh"),
        fileobj=buf,
        progress=lambda *a, **k: None,
    )
    rows = list(load_workbook(io.BytesIO(buf.getvalue())).active.iter_rows(values_only=True))
    names = [r[2] for r in rows if r and r[2] in (young.full_name, old.full_name)]
    assert names == [young.full_name, old.full_name]


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


def test_short_tokens_match_the_start_of_a_word_with_the_count(client, board, tree):
    xa = PersonFactory(full_name="Lò Văn Xa", current_unit=tree["dept_b"])
    xinh = PersonFactory(full_name="Nguyễn Thị Xinh", current_unit=tree["dept_b"])
    PersonFactory(full_name="Trần Văn Tuấn", current_unit=tree["dept_b"])  # "an" inside a word: not a hit
    response = _get(client, board, q="x")
    assert {p.pk for p in response.context["page"].object_list} == {xa.pk, xinh.pk}
    response = _get(client, board, q="xi")
    assert [p.pk for p in response.context["page"].object_list] == [xinh.pk]
    assert response.context["page"].count == 1 and "1 người" in response.content.decode()
    assert not _get(client, board, q="ua").context["page"].object_list
    # three letters or more still match inside a word, as before
    assert [p.full_name for p in _get(client, board, q="uan").context["page"].object_list] == [
        "Trần Văn Tuấn"
    ]
    assert [p.pk for p in _get(client, board, q="ng t xi").context["page"].object_list] == [xinh.pk]
