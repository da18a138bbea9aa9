"""The parts of NĐ 30/2020 (Phụ lục I) that every decision shares, built from the records: the governing and
issuing bodies, the number and symbol, place and date, the authority that issues and the signer's title.

A draft without a decision yet leaves the number and the day blank ("Số: …/QĐ-SYT", "ngày … tháng … năm …"),
for the clerk to fill in on paper; once the record holds its number and date, every draft carries them.
"""

from datetime import date

from canbo.core.text import unaccent
from canbo.org.models import OrgUnit, UnitKind

BLANK = "…"
PEOPLES_COMMITTEE = "Ủy ban nhân dân"
# the head of a body by how its name begins (lower case, unaccented): (the signer's title, the word put before
# the body's name in the authority line: "Chánh" + "Văn phòng Sở A", "Giám đốc" + "Sở Y tế")
HEAD_TITLES = (
    ("uy ban nhan dan", "Chủ tịch", "Chủ tịch"),
    ("so ", "Giám đốc", "Giám đốc"),
    ("van phong", "Chánh Văn phòng", "Chánh"),
    ("ban ", "Trưởng ban", "Trưởng"),
    ("thanh tra", "Chánh Thanh tra", "Chánh"),
    ("truong ", "Hiệu trưởng", "Hiệu trưởng"),
    ("benh vien", "Giám đốc", "Giám đốc"),
    ("trung tam", "Giám đốc", "Giám đốc"),
)
DEFAULT_HEAD = "Thủ trưởng"
PLACE_PREFIXES = ("Tỉnh ", "tỉnh ", "Thành phố ", "thành phố ")


def dmy(value: date | None) -> str:
    """dd/mm/yyyy, or the blank the clerk fills in."""
    return f"{value:%d/%m/%Y}" if value else BLANK


def body_name(unit: OrgUnit) -> str:
    """The name of the body that issues for `unit`: an administrative area or a commune issues through its
    People's Committee (Ủy ban nhân dân tỉnh Điện Biên, Ủy ban nhân dân xã Mường Phăng)."""
    if unit.kind in (UnitKind.AREA, UnitKind.COMMUNE) and not unaccent(unit.name).lower().startswith(
        "uy ban"
    ):
        name = unit.name[:1].lower() + unit.name[1:]
        return f"{PEOPLES_COMMITTEE} {name}"
    return unit.name


def head_title(name: str) -> tuple[str, str]:
    """(the signer's title, the authority line) of the body named `name`."""
    plain = unaccent(name).lower()
    for prefix, title, before_name in HEAD_TITLES:
        if plain.startswith(prefix):
            return title, f"{before_name} {name}"
    return DEFAULT_HEAD, f"{DEFAULT_HEAD} {name}"


def symbol_of(unit: OrgUnit) -> str:
    """The issuing body's abbreviation in the symbol (QĐ-SYT): its short name when it has no spaces, else the
    initials of its name (Sở Y tế → SYT; Ủy ban nhân dân → UBND)."""
    if unit.short_name and " " not in unit.short_name.strip():
        return unit.short_name.strip().upper()
    words = unaccent(body_name(unit)).replace("-", " ").split()
    return "".join(w[0] for w in words if w[:1].isalnum()).upper()


def number_line(number: str, unit: OrgUnit) -> str:
    """ "Số: 125/QĐ-SYT"; a number typed with its symbol is kept as typed; no number → "Số: …/QĐ-SYT"."""
    number = (number or "").strip()
    if "/" in number:
        return f"Số: {number}"
    return f"Số: {number or BLANK}/QĐ-{symbol_of(unit)}"


def place_name(unit: OrgUnit) -> str:
    """The province (the root of the unit's tree) without "Tỉnh": Điện Biên."""
    root_id = int(unit.path.split(".")[0]) if unit.path else unit.pk
    root = unit if root_id == unit.pk else OrgUnit.objects.filter(pk=root_id).only("name").first() or unit
    name = root.name
    for prefix in PLACE_PREFIXES:
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def date_line(place: str, on: date | None) -> str:
    """NĐ 30: "Điện Biên, ngày 07 tháng 02 năm 2026" (a 0 before days under 10 and months 1 and 2)."""
    if on is None:
        return f"{place}, ngày {BLANK} tháng {BLANK} năm {BLANK}"
    month = f"{on.month:02d}" if on.month < 3 else str(on.month)
    return f"{place}, ngày {on.day:02d} tháng {month} năm {on.year}"


def decision_heading(
    *, unit: OrgUnit, number: str = "", decided_on: date | None = None, signer: str = ""
) -> dict:
    """The shared context: governing_body, issuing_body, number_line, date_line, authority, signer_title..."""
    issuing = body_name(unit)
    parent = unit.parent
    governing = body_name(parent) if parent is not None and issuing != body_name(parent) else ""
    head, authority = head_title(issuing)
    place = place_name(unit)
    return {
        "governing_body": governing.upper(),
        "governing_body_name": governing,
        "issuing_body": issuing.upper(),
        "issuing_body_name": issuing,
        "symbol": symbol_of(unit),
        "number": (number or "").strip(),
        "number_line": number_line(number, unit),
        "place": place,
        "decided_on": dmy(decided_on),
        "date_line": date_line(place, decided_on),
        "authority": authority.upper(),
        "signer_title": head.upper(),
        "signer_name": signer or "",
    }
