"""The national code lists a change must fit before it leaves (NĐ 27/2026: the national database refuses values
outside its lists — the provinces' first complaint about their current software).

One `Catalogue` per list: which national fields it governs and how Canbo's value becomes the national code:
- lists Canbo holds whole (gender, the 54 ethnic groups, the recognised religions, the 34 provinces after the
  2025 reform with the former provinces' names) resolve in code;
- lists whose national codes were not published with the decree (ranks and professional titles, posts,
  qualification levels, award and discipline forms) resolve through `NationalCode`, the mapping table the board
  loads (`manage.py national_codes_load`); a rank code already in the national format of TT 02/2021 / the
  joint circulars (01.003, V.07.01.03) is taken as it is.

`code_problems(item)` lists, in Vietnamese, every value of an outbox item that has no national code; the sync
holds such an item back (state BLOCKED) with the message, and the sync page reports them by list and value."""

import re
from collections.abc import Callable
from dataclasses import dataclass

from canbo.people.models import Position, Rank
from canbo.people.national_codes import ETHNICITY_CODES, GENDER_CODES, RELIGION_NAMES, canonical_religion

from .models import Commune, NationalCode
from .provinces import PROVINCES, province_code

NATIONAL_RANK_CODE = re.compile(r"^(\d{2}\.\d{3}[a-z]?|V\.\d{2}\.\d{2}\.\d{2})$")


@dataclass(frozen=True)
class Catalogue:
    key: str
    label: str
    fields: tuple[str, ...]  # national field codes (fields.py) whose values come from this list
    resolve: Callable[[str], str | None]  # Canbo's value (as the outbox holds it) → national code
    hint: str  # where to fix a value that does not resolve


def _mapped(catalogue: str, local: str) -> str | None:
    return (
        NationalCode.objects.filter(catalogue=catalogue, local_value=local)
        .values_list("national_code", flat=True)
        .first()
    )


def _catalogue_row(model, value: str):
    """The outbox holds a foreign key as the audit row writes it: the pk as text."""
    if value.isdigit():
        return model.objects.filter(pk=int(value)).only("code", "name").first()
    return model.objects.filter(code=value).only("code", "name").first()


def _rank(value: str) -> str | None:
    rank = _catalogue_row(Rank, value)
    if rank is None:
        return None
    return _mapped("RANK", rank.code) or (rank.code if NATIONAL_RANK_CODE.match(rank.code) else None)


def _position(value: str) -> str | None:
    position = _catalogue_row(Position, value)
    return _mapped("POSITION", position.code) if position else None


def _commune(value: str) -> str | None:
    """The outbox holds the `Commune` row's pk (the unit in the period it was recorded in): its code."""
    if not value.isdigit():
        return None
    return Commune.objects.filter(pk=int(value)).values_list("code", flat=True).first()


def _religion(value: str) -> str | None:
    return canonical_religion(value)


CATALOGUES = (
    Catalogue("GENDER", "Giới tính", ("1.07",), lambda v: v if v in GENDER_CODES else None, "Nam hoặc Nữ."),
    Catalogue(
        "ETHNICITY", "Dân tộc", ("1.13",), lambda v: v if v in ETHNICITY_CODES else None,
        "Chọn một trong 54 dân tộc (mã 01–54).",
    ),
    Catalogue(
        "RELIGION", "Tôn giáo", ("1.14",), _religion, "Chọn một trong: " + ", ".join(RELIGION_NAMES) + ".",
    ),
    Catalogue(
        "PROVINCE", "Tỉnh, thành phố (sau sắp xếp 2025)", ("1.09", "1.11"), province_code,
        "Ghi tên tỉnh, thành phố (có thể là tên trước sắp xếp), ví dụ “xã Mường Phăng, tỉnh Điện Biên”; "
        f"danh mục gồm {len(PROVINCES)} tỉnh, thành phố.",
    ),
    Catalogue(
        "COMMUNE", "Xã, phường, đặc khu (sau sắp xếp 2025)", ("1.10", "1.12"), _commune,
        "Chọn xã, phường trong danh mục đơn vị hành chính (trang “Mã địa danh hành chính” của hồ sơ).",
    ),
    Catalogue(
        "RANK", "Ngạch, chức danh nghề nghiệp", ("6.11",), _rank,
        "Ban Tổ chức bổ sung mã quốc gia của ngạch vào bảng đối chiếu (national_codes_load RANK).",
    ),
    Catalogue(
        "POSITION", "Chức vụ", ("6.07",), _position,
        "Ban Tổ chức bổ sung mã quốc gia của chức vụ vào bảng đối chiếu (national_codes_load POSITION).",
    ),
    Catalogue(
        "QUALIFICATION", "Trình độ đào tạo", ("5.04",), lambda v: _mapped("QUALIFICATION", v),
        "Ban Tổ chức bổ sung mã quốc gia của trình độ vào bảng đối chiếu (national_codes_load QUALIFICATION).",
    ),
    Catalogue(
        "AWARD", "Hình thức khen thưởng", ("6.32",), lambda v: _mapped("AWARD", v),
        "Ban Tổ chức bổ sung mã quốc gia của hình thức khen thưởng (national_codes_load AWARD).",
    ),
    Catalogue(
        "DISCIPLINE", "Hình thức kỷ luật", ("6.37",), lambda v: _mapped("DISCIPLINE", v),
        "Ban Tổ chức bổ sung mã quốc gia của hình thức kỷ luật (national_codes_load DISCIPLINE).",
    ),
)  # fmt: skip
BY_KEY = {c.key: c for c in CATALOGUES}
BY_FIELD = {field: c for c in CATALOGUES for field in c.fields}
MAPPED_CATALOGUES = ("RANK", "POSITION", "QUALIFICATION", "AWARD", "DISCIPLINE")  # the table's lists


@dataclass(frozen=True)
class CodeProblem:
    field: str
    catalogue: str
    value: str

    @property
    def message(self) -> str:
        catalogue = BY_KEY[self.catalogue]
        return (
            f"Trường {self.field}: “{self.value}” chưa có mã trong danh mục {catalogue.label.lower()} của "
            f"CSDL quốc gia. {catalogue.hint}"
        )


def national_codes(change: dict, memo: dict | None = None) -> tuple[dict[str, str], list[CodeProblem]]:
    """{field: national code} for the coded fields of a change, and the values that have none. An empty value
    needs no code (whether the field may be empty is the national side's rule on required fields). `memo`, one
    dict for a run over many items, resolves each (list, value) once: a batch reads the tables once per value."""
    codes, problems = {}, []
    memo = {} if memo is None else memo
    for field, value in change.items():
        catalogue = BY_FIELD.get(field)
        if catalogue is None or value in (None, ""):
            continue
        key = (catalogue.key, str(value))
        if key not in memo:
            memo[key] = catalogue.resolve(str(value))
        code = memo[key]
        if code is None:
            problems.append(CodeProblem(field=field, catalogue=catalogue.key, value=str(value)))
        else:
            codes[field] = code
    return codes, problems
