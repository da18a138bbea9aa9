"""Headcount as of a date: distinct persons with an employment row active on the date."""

import datetime

from canbo.people.models import Employment
from tests.report_province import find, province_fixture, run, staff_fixture  # noqa: F401 (the fixtures)


def test_it_counts_people_by_level_category_and_sector_on_a_date(staff):
    result = run("headcount", on="31/12/2019")

    assert result.meta == {"total": 11, "by_level": {"TINH": 5, "HUYEN": 4, "XA": 2}}
    province_cc = find(result, level="Cấp tỉnh", category="Công chức")
    assert (
        province_cc.values["sector_CHINH_QUYEN"] == 2
    )  # a1 and the mover; not the retiree, not the late hire
    assert province_cc.values["total"] == 2
    assert find(result, level="Cấp tỉnh", category="Cán bộ").values["sector_DANG"] == 1
    assert find(result, level="Cấp huyện", category="Viên chức").values["sector_SU_NGHIEP"] == 2
    assert find(result, level="Cộng cấp tỉnh").values["total"] == 5
    assert find(result, level="Cộng cấp huyện").values["total"] == 4
    assert find(result, level="Cộng cấp xã").values["total"] == 2
    grand = find(result, level="Tổng cộng")
    assert grand.kind == "total"
    assert grand.values["total"] == 11
    assert grand.values["sector_CHINH_QUYEN"] == 7
    assert result.notes[0] == "Đến ngày 31/12/2019 có 11 người (cấp tỉnh 5, cấp huyện 4, cấp xã 2)."


def test_the_mover_counts_where_they_worked_on_the_date(staff):
    result = run("headcount", on="31/12/2017", org="SO_B")

    assert result.meta["total"] == 2  # b1 and the mover, who moved to dept_a on 01/07/2018


def test_the_retiree_counts_before_retiring_but_not_after(staff):
    assert run("headcount", on="30/06/2019", org="SO_A").meta["total"] == 4  # a1, a2, mover, retiree
    assert run("headcount", on="01/07/2019", org="SO_A").meta["total"] == 3


def test_a_person_with_overlapping_rows_is_counted_once_in_the_totals(staff, province):
    # A data error the services refuse, but a bulk load could make: two rows active on the same day.
    Employment.objects.create(
        person=staff["a1"],
        unit=province["party"],
        category="CB",
        start_date=datetime.date(2019, 1, 1),
        end_date=datetime.date(2020, 12, 31),
    )
    result = run("headcount", on="31/12/2019")

    assert result.meta["total"] == 11
    assert find(result, level="Cộng cấp tỉnh").values["total"] == 5
    assert any("lượt trùng" in note for note in result.notes)


def test_it_links_each_row_total_to_the_people_behind_it(staff):
    result = run("headcount", on="31/12/2019", org="SO_A")

    row = find(result, level="Cấp tỉnh", category="Công chức")
    assert row.links["total"] == "/can-bo/?unit=SO_A&on=31%2F12%2F2019&level=TINH&category=CC"


def test_the_linked_list_holds_exactly_the_people_counted(staff, board):
    from urllib.parse import parse_qs, urlparse

    from canbo.people.filters import PersonFilterForm
    from canbo.people.selectors import person_list

    result = run("headcount", on="31/12/2019")
    for row in result.rows:
        link = row.links.get("total")
        if not link:
            continue
        query = {k: v[0] for k, v in parse_qs(urlparse(link).query).items()}
        form = PersonFilterForm(query, user=board)
        assert form.is_valid(), form.errors
        assert person_list(user=board, filters=form.filters()).count() == row.values["total"], link


def test_an_empty_scope_gives_zero_totals(staff):
    result = run("headcount", on="01/01/2001")

    assert result.rows == []
    assert result.meta["total"] == 0
