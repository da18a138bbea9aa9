"""The register's column shared by every person-linked sheet; the building blocks live in canbo.core.sheets."""

from canbo.core.sheets.columns import ID, Column

NATIONAL_ID = Column(
    "national_id",
    "Số định danh cá nhân",
    ID,
    required=True,
    width=18,
    note="12 chữ số, nhập dạng văn bản để giữ số 0 đầu; là khóa để nhận ra hồ sơ đã có.",
)
