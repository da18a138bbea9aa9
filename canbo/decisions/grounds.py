"""The legal grounds ("Căn cứ …") a decision cites, as dated data: the texts in force on the decision's date (on
a draft without a date, today). Each row: (valid_from, valid_to or None, text). The 2025 reform changed them on
1/7/2025 (Luật 80/2025/QH15 and NĐ 170, 171, 172/2025 of 30/6/2025); streamlining on 15/6/2025 (NĐ 154/2025,
which replaced NĐ 29/2023). A board that words its grounds differently replaces the kind's template.
"""

from datetime import date

D = date
LAW_CBCC = (
    (
        D(2000, 1, 1),
        D(2025, 6, 30),
        "Căn cứ Luật Cán bộ, công chức ngày 13 tháng 11 năm 2008; Luật sửa đổi, bổ sung một số điều của Luật "
        "Cán bộ, công chức và Luật Viên chức ngày 25 tháng 11 năm 2019;",
    ),
    (D(2025, 7, 1), None, "Căn cứ Luật Cán bộ, công chức ngày 24 tháng 6 năm 2025;"),
)
USE_AND_MANAGEMENT = (
    (
        D(2000, 1, 1),
        D(2025, 6, 30),
        "Căn cứ Nghị định số 138/2020/NĐ-CP ngày 27 tháng 11 năm 2020 của Chính phủ quy định về tuyển dụng, "
        "sử dụng và quản lý công chức;",
    ),
    (
        D(2025, 7, 1),
        None,
        "Căn cứ Nghị định số 170/2025/NĐ-CP ngày 30 tháng 6 năm 2025 của Chính phủ quy định về tuyển dụng, "
        "sử dụng và quản lý công chức;",
    ),
)
RETIREMENT = (
    (
        D(2021, 1, 1),
        None,
        "Căn cứ Bộ luật Lao động ngày 20 tháng 11 năm 2019; Nghị định số 135/2020/NĐ-CP ngày 18 tháng 11 năm "
        "2020 của Chính phủ quy định về tuổi nghỉ hưu;",
    ),
)
DISCIPLINE = (
    (
        D(2020, 9, 18),
        D(2025, 6, 30),
        "Căn cứ Nghị định số 112/2020/NĐ-CP ngày 18 tháng 9 năm 2020 của Chính phủ về xử lý kỷ luật cán bộ, "
        "công chức, viên chức;",
    ),
    (
        D(2025, 7, 1),
        None,
        "Căn cứ Nghị định số 172/2025/NĐ-CP ngày 30 tháng 6 năm 2025 của Chính phủ quy định về xử lý kỷ luật "
        "cán bộ, công chức;",
    ),
)
STREAMLINING = (
    (
        D(2023, 7, 20),
        D(2025, 6, 14),
        "Căn cứ Nghị định số 29/2023/NĐ-CP ngày 03 tháng 6 năm 2023 của Chính phủ quy định về tinh giản biên chế;",
    ),
    (
        D(2025, 6, 15),
        None,
        "Căn cứ Nghị định số 154/2025/NĐ-CP ngày 15 tháng 6 năm 2025 của Chính phủ quy định về tinh giản biên "
        "chế;",
    ),
)
TRAINING = (
    (
        D(2017, 9, 1),
        D(2025, 6, 30),
        "Căn cứ Nghị định số 101/2017/NĐ-CP ngày 01 tháng 9 năm 2017 của Chính phủ về đào tạo, bồi dưỡng cán bộ, "
        "công chức, viên chức;",
    ),
    (
        D(2025, 7, 1),
        None,
        "Căn cứ Nghị định số 171/2025/NĐ-CP ngày 30 tháng 6 năm 2025 của Chính phủ quy định về đào tạo, bồi "
        "dưỡng công chức;",
    ),
)


def in_force(on: date, *tables) -> list[str]:
    """The texts of `tables` in force on `on`, in the order given."""
    return [
        text for table in tables for start, end, text in table if start <= on and (end is None or on <= end)
    ]
