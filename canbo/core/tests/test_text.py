from canbo.core.text import sort_key, split_full_name, unaccent


def _key(name):
    family, middle, given = split_full_name(name)
    return sort_key(given, middle, family)


def test_unaccent_handles_d_with_stroke_and_case():
    assert unaccent("  Nguyễn Văn ÁNH Đỗ ") == "nguyen van anh do"


def test_vietnamese_letters_follow_the_alphabet():
    names = ["Lê Thị Ăn", "Trần An", "Vũ Thị Ẩn", "Hà Thị Ân", "Lý Ba", "Đỗ Đạt", "Lò Văn Dũng"]
    ordered = sorted(names, key=_key)
    assert ordered == ["Trần An", "Lê Thị Ăn", "Hà Thị Ân", "Vũ Thị Ẩn", "Lý Ba", "Lò Văn Dũng", "Đỗ Đạt"]


def test_given_name_first_then_middle_then_family():
    assert sorted(["Nguyễn Văn Bình", "Bùi Văn Anh", "Nguyễn Văn Anh"], key=_key) == [
        "Bùi Văn Anh",
        "Nguyễn Văn Anh",
        "Nguyễn Văn Bình",
    ]


def test_tones_order_ngang_huyen_hoi_nga_sac_nang():
    names = ["A Mạ", "A Má", "A Mã", "A Mả", "A Mà", "A Ma"]
    assert sorted(names, key=_key) == ["A Ma", "A Mà", "A Mả", "A Mã", "A Má", "A Mạ"]


def test_key_is_digits_only_so_any_collation_orders_it_the_same():
    assert _key("Nguyễn Văn Ánh").isdigit()


def test_date_helpers_clamp_to_the_month():
    from datetime import date

    from canbo.core.dates import add_months, add_years, end_of_month

    assert add_years(date(2024, 2, 29), 1) == date(2025, 2, 28)
    assert add_months(date(2021, 1, 31), 1) == date(2021, 2, 28)
    assert add_months(date(2021, 11, 30), 3) == date(2022, 2, 28)
    assert end_of_month(date(2028, 2, 3)) == date(2028, 2, 29)
