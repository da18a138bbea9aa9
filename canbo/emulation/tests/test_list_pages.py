"""The award and registration lists: the filter bar, sortable columns, keyset paging, bad parameters."""

import pytest

from tests.factories import PersonFactory

from .test_emulation import award, today

pytestmark = pytest.mark.django_db
URL = "/thi-dua/khen-thuong/"


def test_awards_filter_bar_filters_and_reports_ignored_values(client, alice, anh, tree):
    award(alice, person=anh, year=today().year - 2)
    award(alice, person=anh, year=today().year - 1)
    client.force_login(alice)
    response = client.get(URL, {"year": today().year - 2})
    html = response.content.decode()
    assert 'name="year"' in html and 'name="form"' in html and 'name="kind"' in html
    assert [a.year for a in response.context["page"].object_list] == [today().year - 2]
    assert "1 quyết định" in html
    response = client.get(URL, {"year": "abc", "form": "XX"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Năm “abc” không hợp lệ. (bỏ qua)" in html
    assert len(response.context["page"].object_list) == 2


def test_awards_sort_both_ways_and_bad_parameters_give_the_first_page(client, alice, anh, tree):
    award(alice, person=anh, year=today().year - 3)
    award(alice, person=anh, year=today().year - 1)
    client.force_login(alice)
    years = [a.year for a in client.get(URL).context["page"].object_list]
    assert years == sorted(years, reverse=True)  # newest first by default
    response = client.get(URL, {"sap_xep": "nam"})
    assert [a.year for a in response.context["page"].object_list] == sorted(years)
    assert 'aria-sort="ascending"' in response.content.decode()
    for params in ({"sap_xep": "x"}, {"sau": "!!"}, {"truoc": "W10"}, {"page": "9999"}, {"cuoi": "1"}):
        response = client.get(URL, params)
        assert response.status_code == 200
        assert len(response.context["page"].object_list) == 2


def test_registrations_keyset_pages_stay_in_scope(client, alice, charlie, tree, hcm, monkeypatch):
    from canbo.emulation import services, views

    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    for year in (2020, 2021, 2022):
        person = PersonFactory(current_unit=tree["dept_a"])
        services.registration_record(actor=alice, kind="CA_NHAN", person=person, year=year, movement=hcm)
    client.force_login(alice)
    first = client.get("/thi-dua/dang-ky/").context["page"]
    assert [r.year for r in first.object_list] == [2022, 2021] and first.has_next
    second = client.get("/thi-dua/dang-ky/", {"sau": first.next_cursor}).context["page"]
    assert [r.year for r in second.object_list] == [2020] and second.has_previous
    client.force_login(charlie)  # another department: the same cursor reaches none of Sở A's rows
    assert not client.get("/thi-dua/dang-ky/", {"sau": first.next_cursor}).context["page"].object_list
