"""Names of a mountain province: Kinh, Thái, HMông, Khơ-mú, Dao, Hà Nhì, Lào, Kháng … (Điện Biên).

Each ethnic group has its own family names, middle names and given names; `full_name(rng, code, gender)`
draws one. Codes are those of canbo.people.choices.ETHNICITY_CHOICES, looked up by name.
"""

from itertools import accumulate

from canbo.people.choices import ETHNICITIES


def ethnicity_code(name: str) -> str:
    return f"{ETHNICITIES.index(name) + 1:02d}"


KINH = {
    "family": [
        ("Nguyễn", 30),
        ("Trần", 11),
        ("Lê", 9),
        ("Phạm", 7),
        ("Hoàng", 5),
        ("Vũ", 5),
        ("Đỗ", 4),
        ("Bùi", 4),
        ("Đặng", 3),
        ("Ngô", 3),
        ("Dương", 2),
        ("Đinh", 2),
        ("Phan", 2),
        ("Trịnh", 2),
        ("Lương", 2),
        ("Đào", 2),
        ("Mai", 1),
        ("Tạ", 1),
        ("Hà", 2),
        ("Cao", 1),
        ("Lưu", 1),
        ("Vương", 1),
    ],
    "middle_m": ["Văn", "Văn", "Văn", "Đức", "Minh", "Quang", "Hữu", "Xuân", "Mạnh", "Thanh", "Ngọc", "Tiến"],
    "middle_f": ["Thị", "Thị", "Thị", "Thị", "Thu", "Thanh", "Ngọc", "Minh", "Hồng", "Thúy", "Phương", "Kim"],
    "given_m": [
        "Anh",
        "Bình",
        "Cường",
        "Dũng",
        "Đức",
        "Hải",
        "Hùng",
        "Hưng",
        "Khánh",
        "Long",
        "Minh",
        "Nam",
        "Phong",
        "Quân",
        "Sơn",
        "Thắng",
        "Thành",
        "Trung",
        "Tuấn",
        "Việt",
        "Huy",
        "Kiên",
        "Lâm",
        "Toàn",
        "Tú",
        "Đạt",
        "Hiếu",
        "Tùng",
        "Vinh",
        "Ánh",
        "Chiến",
        "Quyết",
    ],
    "given_f": [
        "Anh",
        "Ánh",
        "Chi",
        "Dung",
        "Giang",
        "Hà",
        "Hạnh",
        "Hằng",
        "Hoa",
        "Hương",
        "Huyền",
        "Lan",
        "Linh",
        "Loan",
        "Mai",
        "Ngọc",
        "Nhung",
        "Oanh",
        "Phương",
        "Quyên",
        "Thảo",
        "Thủy",
        "Trang",
        "Tuyết",
        "Vân",
        "Yến",
        "Nga",
        "Hiền",
        "Liên",
        "Thu",
        "Đào",
        "Ánh",
    ],
}

THAI = {
    "family": [
        ("Lò", 22),
        ("Lường", 14),
        ("Quàng", 12),
        ("Cà", 10),
        ("Tòng", 8),
        ("Điêu", 6),
        ("Vì", 5),
        ("Lù", 4),
        ("Lê", 3),
        ("Hoàng", 3),
        ("Bạc", 3),
        ("Cầm", 4),
        ("Khoàng", 2),
        ("Mè", 2),
    ],
    "middle_m": ["Văn"],
    "middle_f": ["Thị"],
    "given_m": [
        "Ngoan",
        "Pánh",
        "Bun",
        "Khăm",
        "Xôm",
        "Ơn",
        "Bắc",
        "Dũng",
        "Hùng",
        "Tiến",
        "Chiến",
        "Hòa",
        "Thương",
        "Phanh",
        "Inh",
        "Chinh",
        "Sơn",
        "Thắng",
        "Kiên",
        "Tuyên",
        "Pâng",
        "Piệu",
        "Hặc",
        "Ẩm",
        "Lả",
        "Duyên",
        "Mạnh",
        "Khoa",
    ],
    "given_f": [
        "Ban",
        "Ín",
        "Xiên",
        "Khuyên",
        "Hoa",
        "Hương",
        "Lả",
        "Ánh",
        "Liên",
        "Nhung",
        "Mai",
        "Hạnh",
        "Phương",
        "Thanh",
        "Bích",
        "Xuân",
        "Thu",
        "Oanh",
        "Panh",
        "Ỏn",
        "Ngân",
        "Ươn",
        "Xuyến",
        "Thoa",
    ],
}

HMONG = {
    "family": [
        ("Giàng", 18),
        ("Vàng", 16),
        ("Sùng", 12),
        ("Mùa", 10),
        ("Thào", 10),
        ("Lầu", 8),
        ("Vừ", 8),
        ("Lý", 6),
        ("Hạng", 4),
        ("Cháng", 3),
        ("Tráng", 2),
        ("Sình", 2),
        ("Hờ", 2),
        ("Chá", 1),
    ],
    "middle_m": ["A", "A", "A", "Seo", "Chứ", "Văn"],
    "middle_f": ["Thị", "Thị", "Thị", "Y"],
    "given_m": [
        "Chứ",
        "Páo",
        "Dế",
        "Sử",
        "Tủa",
        "Dình",
        "Chớ",
        "Lử",
        "Dơ",
        "Pó",
        "Sáy",
        "Vảng",
        "Chinh",
        "Xá",
        "Nủ",
        "Sính",
        "Lềnh",
        "Thái",
        "Hờ",
        "Phứ",
        "Di",
        "Tống",
        "Khua",
        "Của",
    ],
    "given_f": [
        "Dua",
        "Mai",
        "Sua",
        "Dợ",
        "Xúa",
        "Chi",
        "Pà",
        "Mỷ",
        "Sía",
        "Lan",
        "Hoa",
        "Say",
        "Dung",
        "Chua",
        "Máy",
        "Pằng",
        "Di",
        "Nhìa",
    ],
}

DAO = {
    "family": [("Lý", 8), ("Tẩn", 6), ("Chảo", 6), ("Phàn", 5), ("Bàn", 4), ("Triệu", 4), ("Đặng", 3)],
    "middle_m": ["Văn", "Láo", "Seo", "A"],
    "middle_f": ["Thị", "Mẩy", "Thị"],
    "given_m": ["Phin", "Chòi", "Lở", "Quẩy", "Chìn", "Phủ", "San", "Kiềm", "Vần", "Sài", "Tả", "Pham"],
    "given_f": ["Mẩy", "Dần", "Chạn", "Phương", "Xuân", "Nái", "Chiêu", "Lìu", "Khé"],
}

HA_NHI = {
    "family": [("Lò", 6), ("Chu", 5), ("Pờ", 4), ("Lý", 4), ("Sừng", 3), ("Phìn", 2), ("Chang", 2)],
    "middle_m": ["Văn", "Dì", "Giờ", "Mé"],
    "middle_f": ["Thị", "Mé", "Lò"],
    "given_m": ["Hù", "Xá", "Gió", "Phà", "Chà", "Dì", "Lù", "Xuân", "Hờ", "Chè", "Khừ"],
    "given_f": ["Hà", "Mé", "Lừ", "Phà", "Xó", "Chừ", "Ngọc", "Mai"],
}

# Khơ-mú, Lào, Kháng, Lự, Cống, Si La, Phù Lá: names close to their Thái neighbours'.
KHO_MU = {**THAI, "family": [("Lò", 10), ("Quàng", 8), ("Cà", 6), ("Vì", 5), ("Lường", 4), ("Cầm", 3)]}
LAO = {**THAI, "family": [("Lò", 8), ("Vì", 6), ("Lường", 5), ("Quàng", 4), ("Tòng", 3)]}
KHANG = {**THAI, "family": [("Lò", 6), ("Quàng", 6), ("Lù", 5), ("Cà", 4), ("Lường", 3)]}
SMALL_GROUPS = {**THAI, "family": [("Lò", 6), ("Pờ", 3), ("Lý", 3), ("Chảo", 2), ("Vàng", 2), ("Hù", 2)]}

PROFILES = {
    "Kinh": KINH,
    "Tày": KINH,
    "Mường": KINH,
    "Hoa": KINH,
    "Nùng": KINH,
    "Thái": THAI,
    "HMông": HMONG,
    "Dao": DAO,
    "Hà Nhì": HA_NHI,
    "Khơ-mú": KHO_MU,
    "Lào": LAO,
    "Kháng": KHANG,
    "Lự": SMALL_GROUPS,
    "Cống": SMALL_GROUPS,
    "Si La": SMALL_GROUPS,
    "Phù Lá": SMALL_GROUPS,
}

# Ethnic mix of the workforce by level (share in %): Kinh dominate province bodies, HMông and Thái the communes.
ETHNIC_MIX = {
    "TINH": [("Kinh", 58), ("Thái", 24), ("HMông", 8), ("Khơ-mú", 2), ("Dao", 2), ("Tày", 2), ("Mường", 2),
             ("Lào", 1), ("Hà Nhì", 1)],
    "HUYEN": [("Kinh", 44), ("Thái", 30), ("HMông", 15), ("Khơ-mú", 3), ("Dao", 2), ("Tày", 1), ("Mường", 1),
              ("Hà Nhì", 1), ("Lào", 1), ("Kháng", 1), ("Nùng", 1)],
    "XA": [("Kinh", 8), ("Thái", 36), ("HMông", 40), ("Khơ-mú", 5), ("Dao", 3), ("Hà Nhì", 2), ("Lào", 2),
           ("Kháng", 1), ("Cống", 1), ("Si La", 1), ("Phù Lá", 1)],
}  # fmt: skip

RELIGIONS = {
    "HMông": [("Không", 90), ("Tin Lành", 10)],
    "Kinh": [("Không", 95), ("Phật giáo", 4), ("Công giáo", 1)],
}

# Where Kinh officials' families came from (the lowland provinces that settled Điện Biên); others are local.
KINH_ORIGINS = [
    "Thái Bình",
    "Nam Định",
    "Hưng Yên",
    "Thanh Hóa",
    "Nghệ An",
    "Hải Dương",
    "Hà Nam",
    "Ninh Bình",
    "Phú Thọ",
    "Điện Biên",
    "Điện Biên",
    "Điện Biên",
]


_CUMULATIVE = {}
NO_RELIGION = [("Không", 1)]


def _weighted(rng, pairs):
    """A weighted draw from a module-level list of (value, weight) pairs (cumulative weights cached)."""
    entry = _CUMULATIVE.get(id(pairs))
    if entry is None:
        values, weights = zip(*pairs, strict=True)
        entry = _CUMULATIVE[id(pairs)] = (values, list(accumulate(weights)))
    return rng.choices(entry[0], cum_weights=entry[1])[0]


def pick_ethnicity(rng, level: str) -> str:
    return _weighted(rng, ETHNIC_MIX[level])


def full_name(rng, ethnicity: str, female: bool) -> str:
    profile = PROFILES.get(ethnicity, SMALL_GROUPS)
    family = _weighted(rng, profile["family"])
    middle = rng.choice(profile["middle_f" if female else "middle_m"])
    given = rng.choice(profile["given_f" if female else "given_m"])
    if middle in ("Thị", "Văn") and profile is KINH and rng.random() < 0.2:  # "Nguyễn Thị Thu Hà"
        extra = rng.choice(profile["middle_f" if female else "middle_m"][4:])
        if extra != given:
            middle = f"{middle} {extra}"
    return f"{family} {middle} {given}"


def religion(rng, ethnicity: str) -> str:
    return _weighted(rng, RELIGIONS.get(ethnicity, NO_RELIGION))
