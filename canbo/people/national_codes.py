"""National code lists that the national database checks (NĐ 27/2026), checked at entry so that free text the
national database would refuse is refused here first. Plain Python: the stand-in national database reads them too.

- Ethnic groups: the 54 groups, codes 01–54 (QĐ 121-TCTK/PPCĐ, 02/03/1979), as people.choices.ETHNICITY_CHOICES.
- Religions: the religions recognised by the State (Ban Tôn giáo Chính phủ; Luật Tín ngưỡng, tôn giáo 2016),
  plus "Không". The list of the religions' registered organisations (the national list's finer codes) was not
  available to us: gap recorded in docs/national-db.md.
- Gender: the two values of the SYLL.
"""

ETHNICITY_CODES = frozenset(f"{i:02d}" for i in range(1, 55))
GENDER_CODES = frozenset({"NAM", "NU"})

RELIGION_NAMES = (
    "Không",
    "Phật giáo",
    "Công giáo",
    "Tin lành",
    "Cao Đài",
    "Phật giáo Hòa Hảo",
    "Hồi giáo",
    "Tôn giáo Baha'i",
    "Tịnh độ Cư sĩ Phật hội Việt Nam",
    "Cơ đốc Phục lâm",
    "Phật giáo Tứ Ân Hiếu nghĩa",
    "Bửu Sơn Kỳ Hương",
    "Minh Sư đạo",
    "Minh Lý đạo - Tam Tông Miếu",
    "Bà-la-môn giáo",
    "Các Thánh hữu Ngày sau của Chúa Giê-su Ky-tô",
)


def _fold(text: str) -> str:
    return " ".join(str(text).split()).casefold()


RELIGIONS = frozenset(_fold(name) for name in RELIGION_NAMES)


def canonical_religion(text: str) -> str | None:
    """The list's spelling of a religion typed at entry (case and spaces ignored), or None if not on the list."""
    folded = _fold(text)
    return next((name for name in RELIGION_NAMES if _fold(name) == folded), None)


def religion_error(value: str) -> str | None:
    """A Vietnamese message offering the list when `value` is not a religion of the national list."""
    if canonical_religion(value or "") is not None:
        return None
    return (
        f"“{value}” không có trong danh mục tôn giáo của CSDL quốc gia. Chọn một trong: "
        + ", ".join(RELIGION_NAMES)
        + "."
    )
