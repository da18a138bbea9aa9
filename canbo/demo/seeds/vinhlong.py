"""Seed 002: Vĩnh Long, from 2021 to 06/2023 (Báo Vĩnh Long, 07/09/2023).

"Kết quả từ năm 2021 đến nay, tỉnh đã cử 1.191 trường hợp tham dự đào tạo trong nước; cử 2 trường hợp tham dự đào
tạo nước ngoài … Đã đào tạo về chuyên môn, nghiệp vụ cho 428 đồng chí (thạc sĩ 408, tiến sĩ 20); lý luận chính trị
cho 1.845 đồng chí. … Tổ chức tập huấn kiến thức, kỹ năng chuyển đổi số, ứng dụng công nghệ thông tin cho 11.776
lượt cán bộ, công chức viên chức."

Read, for 01/01/2021–30/06/2023, as: persons sent to degree courses (started in the window) by venue, 1.191 at home
and 2 abroad; persons who completed a degree in the window, 408 master's and 20 doctorates (they started from 2017);
persons who started a political-theory course, 1.845; lượt of the digital-skills course, 11.776.
"""

from datetime import date, timedelta

from canbo.core.dates import add_months

from .figures import scaled, split
from .province import ABROAD, CBCC, LLCT, PART_TIME, PROF, Province

WINDOW = (date(2021, 1, 1), date(2023, 6, 30))
PERSONS = 6500
# (programme, granted level, persons, first start, last start, months, venue); the first three complete in the
# window (master's started 2019–2020 or in the first half of 2021, doctorates started 2017–2019), the next three
# start in it and complete later (the university degree is a second degree), the last two are abroad.
DEGREES = [
    ("DT_THAC_SI", "Thạc sĩ", 258, date(2019, 3, 1), date(2020, 12, 31), 24, "Trong nước"),
    ("DT_THAC_SI", "Thạc sĩ", 150, date(2021, 1, 4), date(2021, 6, 30), 24, "Trong nước"),
    ("DT_TIEN_SI", "Tiến sĩ", 20, date(2017, 7, 1), date(2019, 6, 30), 48, "Trong nước"),
    ("DT_THAC_SI", "Thạc sĩ", 500, date(2021, 7, 2), date(2023, 6, 30), 24, "Trong nước"),
    ("DT_DAI_HOC", "Đại học", 520, date(2021, 1, 4), date(2023, 6, 30), 48, "Trong nước"),
    ("DT_TIEN_SI", "Tiến sĩ", 21, date(2021, 1, 4), date(2023, 6, 30), 48, "Trong nước"),
    ("DT_THAC_SI", "Thạc sĩ", 2, date(2022, 9, 5), date(2022, 9, 5), 24, ABROAD),
]
POLITICAL = [
    ("LLCT_TRUNG_CAP", "Trung cấp", 8, 70),
    ("LLCT_SO_CAP", "Sơ cấp", 3, 22),
    ("LLCT_CAO_CAP", "Cao cấp", 18, 8),
]
POLITICAL_PERSONS, DIGITAL_TURNS = 1845, 11776
DISTRICTS = [
    "Thành phố Vĩnh Long", "Huyện Long Hồ", "Huyện Mang Thít", "Huyện Vũng Liêm", "Huyện Tam Bình",
    "Huyện Trà Ôn", "Thị xã Bình Minh", "Huyện Bình Tân",
]  # fmt: skip


def _day(rng, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, (last - first).days))


class VinhLong:
    def __init__(self, scale: float = 1.0):
        self.scale = scale
        self.p = Province(prefix="VL", name="Vĩnh Long", id_code="086", founded=date(1992, 5, 1), districts=DISTRICTS,
                          seed=2, ethnic_mix=[("Kinh", 97), ("Hoa", 3)], schools=6)  # fmt: skip
        self.expected: dict = {}

    def build(self) -> dict:
        p, rng, s = self.p, self.p.rng, self.scale
        p.populate(scaled(PERSONS, s), born=(date(1963, 7, 1), date(1996, 12, 31)),
                   recruited=(date(1992, 5, 1), date(2020, 12, 31)))  # fmt: skip
        used: set[str] = set()
        domestic = abroad = masters = doctors = 0
        for code, level, count, first, last, months, venue in DEGREES:
            count = scaled(count, s)
            for _ in range(count):
                start = _day(rng, first, last)
                end = add_months(start, months) - timedelta(days=1)
                person = self._candidate(start, end, used, needs_degree=code != "DT_DAI_HOC")
                if code == "DT_TIEN_SI":
                    person.add_qual(
                        PROF, "Thạc sĩ", start - timedelta(days=500), "Kinh tế", "Trường Đại học Cần Thơ"
                    )
                p.enrol(person, code, start, end, mode=PART_TIME, venue=venue)
                if end <= date(2026, 6, 30):
                    person.add_qual(PROF, level, end, "Quản lý công", "Trường Đại học Cần Thơ")
                in_window = WINDOW[0] <= start <= WINDOW[1]
                domestic += in_window and venue != ABROAD
                abroad += in_window and venue == ABROAD
                masters += WINDOW[0] <= end <= WINDOW[1] and level == "Thạc sĩ"
                doctors += WINDOW[0] <= end <= WINDOW[1] and level == "Tiến sĩ"
        political = scaled(POLITICAL_PERSONS, s)
        pool = [q for q in p.persons if q.category in CBCC and q.works(WINDOW[0], date(2025, 6, 30))]
        rng.shuffle(pool)
        fresh = iter(pool)
        for (code, level, months, _w), count in zip(POLITICAL, split(political, [w for *_x, w in POLITICAL]),
                                                   strict=True):  # fmt: skip
            rows = p.fill_classes(code, f"Lớp {level.lower()} lý luận chính trị", count, date(2021, 1, 4), WINDOW[1],
                                  lambda _y, _s, want: [next(fresh) for _ in range(want)], mode=PART_TIME,
                                  months=months, size=(40, 70))  # fmt: skip
            for person, row in rows:
                if row["end_date"] <= date(2026, 6, 30):
                    person.add_qual(LLCT, level, row["end_date"], "", "Trường Chính trị Phạm Hùng")
        digital = scaled(DIGITAL_TURNS, s)
        p.fill_classes("KY_NANG_SO", "Tập huấn kỹ năng chuyển đổi số", digital, date(2021, 3, 1), WINDOW[1],
                       p.random_members(p.working_year), days=(1, 4), size=(40, 80))  # fmt: skip
        p.rate_year(2022)
        self.expected = {
            "domestic": domestic, "abroad": abroad, "masters": masters, "doctors": doctors,
            "degrees": masters + doctors, "political": political, "digital": digital,
        }  # fmt: skip
        return p.rows()

    def _candidate(self, start: date, end: date, used: set, *, needs_degree: bool):
        """Someone working from `start` to `end`, not sent before, with a university degree for postgraduate study."""
        rng = self.p.rng
        persons = self.p.persons
        while True:
            person = persons[rng.randrange(len(persons))]
            if person.national_id in used or not person.works(start, end):
                continue
            has = any(q["level"] == "Đại học" and q["awarded_on"] < start for q in person.quals)
            if has == needs_degree:
                used.add(person.national_id)
                return person
