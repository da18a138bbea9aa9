"""The 34 provinces and centrally-run cities after the 2025 reform (Nghị quyết 202/2025/QH15, in force 12/06/2025),
with the administrative-unit codes of the national list (the two-digit province codes of QĐ 124/2004/QĐ-TTg as
kept for the merged provinces by QĐ 19/2025/QĐ-TTg), and every former province's name → the province it is part
of now, so that a place of birth or origin written before the reform ("Hà Giang") is sent under today's code.

Checked against the General Statistics Office's list as published by thanglequoc/vietnamese-provinces-database
(decision 049): the same 34 codes and names, tone-mark placement aside ("Thanh Hóa" / "Thanh Hoá"); code 75 is
"Thành phố Đồng Nai" since NQ 30/2026/QH16 (from 30/04/2026). The commune level is `Commune` (communes.py)."""

from canbo.core.text import unaccent

# code, official name
PROVINCES = (
    ("01", "Thành phố Hà Nội"),
    ("04", "Tỉnh Cao Bằng"),
    ("08", "Tỉnh Tuyên Quang"),
    ("11", "Tỉnh Điện Biên"),
    ("12", "Tỉnh Lai Châu"),
    ("14", "Tỉnh Sơn La"),
    ("15", "Tỉnh Lào Cai"),
    ("19", "Tỉnh Thái Nguyên"),
    ("20", "Tỉnh Lạng Sơn"),
    ("22", "Tỉnh Quảng Ninh"),
    ("24", "Tỉnh Bắc Ninh"),
    ("25", "Tỉnh Phú Thọ"),
    ("31", "Thành phố Hải Phòng"),
    ("33", "Tỉnh Hưng Yên"),
    ("37", "Tỉnh Ninh Bình"),
    ("38", "Tỉnh Thanh Hóa"),
    ("40", "Tỉnh Nghệ An"),
    ("42", "Tỉnh Hà Tĩnh"),
    ("44", "Tỉnh Quảng Trị"),
    ("46", "Thành phố Huế"),
    ("48", "Thành phố Đà Nẵng"),
    ("51", "Tỉnh Quảng Ngãi"),
    ("52", "Tỉnh Gia Lai"),
    ("56", "Tỉnh Khánh Hòa"),
    ("66", "Tỉnh Đắk Lắk"),
    ("68", "Tỉnh Lâm Đồng"),
    ("75", "Thành phố Đồng Nai"),  # NQ 30/2026/QH16, from 30/04/2026
    ("79", "Thành phố Hồ Chí Minh"),
    ("80", "Tỉnh Tây Ninh"),
    ("82", "Tỉnh Đồng Tháp"),
    ("86", "Tỉnh Vĩnh Long"),
    ("91", "Tỉnh An Giang"),
    ("92", "Thành phố Cần Thơ"),
    ("96", "Tỉnh Cà Mau"),
)

# former province (before 12/06/2025) → the code of the province it belongs to now
FORMER = {
    "Hà Giang": "08",
    "Yên Bái": "15",
    "Bắc Kạn": "19",
    "Vĩnh Phúc": "25",
    "Hòa Bình": "25",
    "Bắc Giang": "24",
    "Hải Dương": "31",
    "Thái Bình": "33",
    "Hà Nam": "37",
    "Nam Định": "37",
    "Quảng Bình": "44",
    "Thừa Thiên Huế": "46",
    "Thừa Thiên - Huế": "46",
    "Quảng Nam": "48",
    "Kon Tum": "51",
    "Bình Định": "52",
    "Ninh Thuận": "56",
    "Đắk Nông": "68",
    "Bình Thuận": "68",
    "Phú Yên": "66",
    "Bình Phước": "75",
    "Bình Dương": "79",
    "Bà Rịa - Vũng Tàu": "79",
    "Bà Rịa Vũng Tàu": "79",
    "Long An": "80",
    "Tiền Giang": "82",
    "Bến Tre": "86",
    "Trà Vinh": "86",
    "Kiên Giang": "91",
    "Sóc Trăng": "92",
    "Hậu Giang": "92",
    "Bạc Liêu": "96",
    # other spellings of provinces that kept their name
    "TP Hồ Chí Minh": "79",
    "TP. Hồ Chí Minh": "79",
    "Sài Gòn": "79",
    "Đắc Lắc": "66",
}
PREFIXES = ("thanh pho ", "tinh ", "tp. ", "tp ")
PROVINCE_NAMES = dict(PROVINCES)


def _key(text: str) -> str:
    key = " ".join(unaccent(text).replace("-", " ").split()).casefold()
    for prefix in PREFIXES:
        if key.startswith(prefix):
            key = key[len(prefix) :]
    return key.replace(".", "").strip()


def _bare(name: str) -> str:
    for prefix in ("Thành phố ", "Tỉnh "):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


_INDEX = {_key(_bare(name)): code for code, name in PROVINCES} | {
    _key(name): code for name, code in FORMER.items()
}


def province_code(place: str) -> str | None:
    """The national province code of a place written as free text: the whole text or its last part after a
    comma ("xã Mường Phăng, tỉnh Điện Biên" → "11"; "Hà Giang" → "08", now part of Tuyên Quang). None if no
    province of the list (current or former) is recognised."""
    if not place or not place.strip():
        return None
    for candidate in (place, place.rsplit(",", 1)[-1]):
        code = _INDEX.get(_key(candidate))
        if code:
            return code
    return None
