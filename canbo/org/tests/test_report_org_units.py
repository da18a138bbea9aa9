"""Org units as of a date by level × sector × kind, with the reconciliation line."""

from tests.report_province import find, province_fixture, run  # noqa: F401 (the fixtures)


def test_it_counts_units_active_on_the_date_without_areas(province):
    result = run("org-units", on="31/12/2019")

    assert result.meta["total"] == 8  # dept_c closed on 31/12/2018; the province and district areas excluded
    assert find(result, level="Cấp tỉnh", sector="Khối chính quyền").values["kind_AGENCY"] == 3
    assert find(result, level="Cộng cấp tỉnh").values["total"] == 4
    district = find(result, level="Cộng cấp huyện")
    assert district.values["total"] == 3
    assert district.values["kind_DEPARTMENT"] == 1
    assert district.values["kind_PUBLIC_SERVICE"] == 1
    assert find(result, level="Tổng cộng").values["total"] == 8


def test_a_closed_unit_counts_before_it_closed(province):
    assert run("org-units", on="31/12/2017").meta["total"] == 9


def test_the_reconciliation_line_adds_the_parts_up_to_the_total(province):
    result = run("org-units", on="31/12/2019")

    lines = {item["label"]: item for item in result.meta["reconciliation"]}
    assert lines["Cấp huyện"]["parts"] == {"dang_doan_the": 1, "chinh_quyen": 1, "su_nghiep": 1}
    assert lines["Cấp huyện"]["sum"] == lines["Cấp huyện"]["total"] == 3
    assert lines["Tổng cộng"]["parts"] == {"TINH": 4, "HUYEN": 3, "XA": 1}
    assert all(item["ok"] for item in result.meta["reconciliation"])
    assert (
        "Đối chiếu cấp huyện: 1 (Đảng, đoàn thể) + 1 (chính quyền) + 1 (sự nghiệp) = 3; "
        "tổng đếm riêng 3 — khớp." in result.notes
    )


def test_the_kind_option_counts_one_kind_only(province):
    result = run("org-units", on="31/12/2019", kind="AGENCY")

    assert [c.key for c in result.columns] == ["level", "sector", "kind_AGENCY", "total"]
    assert find(result, level="Cộng cấp tỉnh").values["total"] == 4
    assert find(result, level="Cộng cấp huyện").values["total"] == 1
    assert result.meta["total"] == 5


def test_the_org_option_counts_the_subtree(province):
    assert run("org-units", on="31/12/2019", org="H01").meta["total"] == 4  # 3 district bodies + the commune
