"""Share of staff at or above a qualification level, one date or two (change in percentage points)."""

from decimal import Decimal

from tests.report_province import find, province_fixture, run, staff_fixture  # noqa: F401 (the fixtures)


def test_it_gives_each_measured_level_as_of_a_date(staff):
    result = run("qualification-share", on="31/12/2019")

    university = find(result, measure="Chuyên môn từ đại học trở lên").values
    # 11 employed; a1, a2 (master's since 2018) and the mover; b1's degree is dated 2020, the retiree left.
    assert university == {
        "measure": "Chuyên môn từ đại học trở lên",
        "employed": 11,
        "count": 3,
        "share": Decimal("27.3"),
    }
    assert find(result, measure="Chuyên môn trên đại học (thạc sĩ trở lên)").values["count"] == 1
    assert find(result, measure="Lý luận chính trị từ trung cấp trở lên").values["count"] == 2
    assert find(result, measure="Lý luận chính trị cao cấp, cử nhân").values["count"] == 1


def test_the_change_between_two_dates_is_in_percentage_points(staff):
    result = run("qualification-share", **{"from": "31/12/2015", "to": "31/12/2019"})

    university = find(result, measure="Chuyên môn từ đại học trở lên").values
    assert (university["employed_d1"], university["count_d1"], university["share_d1"]) == (
        12,
        3,
        Decimal("25.0"),
    )
    assert (university["employed_d2"], university["count_d2"], university["share_d2"]) == (
        11,
        3,
        Decimal("27.3"),
    )
    assert university["change"] == Decimal("2.3")  # 27,27 − 25,00
    theory = find(result, measure="Lý luận chính trị từ trung cấp trở lên").values
    assert theory["change"] == Decimal(
        "9.8"
    )  # 18,18 − 8,33 = 9,85 from unrounded shares (not 18,2 − 8,3 = 9,9)
    intermediate = find(result, measure="Chuyên môn từ trung cấp trở lên").values
    assert intermediate["change"] == Decimal("-6.1")


def test_the_breakdown_by_category_adds_an_overall_block(staff):
    result = run("qualification-share", on="31/12/2019", breakdown="category")

    vc = find(result, group="Viên chức", measure="Chuyên môn trên đại học (thạc sĩ trở lên)").values
    assert (vc["employed"], vc["count"], vc["share"]) == (4, 1, Decimal("25.0"))  # a2, b1 and 2 teachers
    overall = find(result, group="Toàn bộ", measure="Chuyên môn từ đại học trở lên")
    assert overall.kind == "total"
    assert overall.values["count"] == 3


def test_it_links_the_count_to_the_qualified_people(staff):
    result = run("qualification-share", on="31/12/2019", org="SO_A", breakdown="level")

    row = find(result, group="Cấp tỉnh", measure="Chuyên môn từ đại học trở lên")
    assert row.links["count"] == (
        "/can-bo/?unit=SO_A&on=31%2F12%2F2019&qualification_scale=PROFESSIONAL&qualification_level=DAI_HOC&level=TINH"
    )


def test_an_empty_scope_has_no_share(staff):
    result = run("qualification-share", on="01/01/2001")

    assert find(result, measure="Chuyên môn từ đại học trở lên").values["share"] is None
