"""Seed 000: Bến Tre, five years 2016–2020 (Nhân Dân, 23/06/2021).

"trong 5 năm liền, công tác đào tạo, bồi dưỡng cán bộ, công chức, viên chức của tỉnh Bến Tre luôn đạt 100% chỉ tiêu
kế hoạch đề ra. Toàn tỉnh có 1.250 cán bộ, công chức, viên chức được đào tạo sau đại học, đại học, cao đẳng; hơn
2.300 cán bộ, công chức, viên chức được bồi dưỡng lý luận chính trị – hành chính, quản lý nhà nước, kỹ năng lãnh
đạo, quản lý điều hành, Anh văn và Tin học…"

Read, for 01/01/2016–31/12/2020, as: 1.250 persons sent to and completing degree courses, split (the article
gives only the total) into 150 college, 370 university, 700 master's and 30 doctorates; 2.346 persons ("hơn 2.300") in the political-theory,
state-management, leadership, English and IT courses, the only other courses of those years; and each year's plan
(the plan lines of the yearly training plan, each class opened under its line) reached at 100 %.
"""

from datetime import date, timedelta

from canbo.core.dates import add_months

from .figures import scaled, split
from .province import LLCT, PART_TIME, PROF, Province

WINDOW = (date(2016, 1, 1), date(2020, 12, 31))
PERSONS = 5000
DEGREES_TOTAL = (
    1250  # "1.250 … được đào tạo sau đại học, đại học, cao đẳng": the article's only degree figure
)
# programme, level granted, share of the 1.250 (docs/decisions/050), held before, first start, last start, months
# (all completed by 31/12/2020). Each goes to people whose highest degree is one of `held before`.
DEGREES = [
    ("DT_CAO_DANG", "Cao đẳng", 150, {"Trung cấp"}, date(2016, 1, 4), date(2017, 12, 31), 36),
    ("DT_DAI_HOC", "Đại học", 370, {"Trung cấp", "Cao đẳng"}, date(2016, 1, 4), date(2016, 12, 31), 48),
    ("DT_THAC_SI", "Thạc sĩ", 700, {"Đại học"}, date(2016, 1, 4), date(2018, 12, 31), 24),
    ("DT_TIEN_SI", "Tiến sĩ", 30, {"Đại học"}, date(2016, 1, 4), date(2016, 12, 31), 48),
]
LEVEL_CODES = {"Cao đẳng": "CAO_DANG", "Đại học": "DAI_HOC", "Thạc sĩ": "THAC_SI", "Tiến sĩ": "TIEN_SI"}
RANK = {"Trung cấp": 4, "Cao đẳng": 5, "Đại học": 6, "Thạc sĩ": 7, "Tiến sĩ": 8}
FOSTERED = 2346
COURSES = [  # programme, class label, months (0: days), lượt weight, qualification granted (scale, level)
    ("LLCT_TRUNG_CAP", "Lớp trung cấp lý luận chính trị – hành chính", 8, 600, (LLCT, "Trung cấp")),
    ("LLCT_CAO_CAP", "Lớp cao cấp lý luận chính trị – hành chính", 8, 150, (LLCT, "Cao cấp")),
    ("QLNN_CHUYEN_VIEN", "Bồi dưỡng quản lý nhà nước ngạch chuyên viên", 2, 700, None),
    ("QLNN_CHUYEN_VIEN_CHINH", "Bồi dưỡng quản lý nhà nước ngạch chuyên viên chính", 2, 200, None),
    ("BD_LANH_DAO_PHONG", "Bồi dưỡng kỹ năng lãnh đạo, quản lý cấp phòng", 0, 250, None),
    ("NN_TIENG_ANH_B1", "Anh văn bậc 3 (B1)", 6, 500, None),
    ("TH_CO_BAN", "Tin học ứng dụng cơ bản", 2, 700, None),
]
TURNS = 3100
DISTRICTS = [
    "Thành phố Bến Tre", "Huyện Châu Thành", "Huyện Chợ Lách", "Huyện Mỏ Cày Nam", "Huyện Mỏ Cày Bắc",
    "Huyện Giồng Trôm", "Huyện Bình Đại", "Huyện Ba Tri", "Huyện Thạnh Phú",
]  # fmt: skip


def _day(rng, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, (last - first).days))


def _highest(person) -> str:
    """The person's highest professional degree (its Vietnamese label), before the window's courses."""
    return max((q["level"] for q in person.quals if q["scale"] == PROF), key=RANK.get, default="")


def _school(level: str) -> tuple[str, str]:
    if level == "Cao đẳng":
        return "Sư phạm", "Trường Cao đẳng Bến Tre"
    return "Quản lý công", "Trường Đại học Cần Thơ"


class BenTre:
    def __init__(self, scale: float = 1.0):
        self.scale = scale
        self.p = Province(prefix="BT", name="Bến Tre", id_code="083", founded=date(1976, 2, 1), districts=DISTRICTS,
                          seed=0, ethnic_mix=[("Kinh", 98), ("Hoa", 2)], schools=5)  # fmt: skip
        self.expected: dict = {}
        # (year, programme, mode) -> {course name: (start, end, members)}: the plan lines and their classes
        self.classes: dict[tuple, dict] = {}

    def build(self) -> dict:
        p, rng, s = self.p, self.p.rng, self.scale
        p.populate(scaled(PERSONS, s), born=(date(1962, 1, 1), date(1994, 12, 31)),
                   recruited=(date(1985, 1, 1), date(2015, 12, 31)))  # fmt: skip
        steady = [q for q in p.persons if q.works(WINDOW[0], date(2021, 12, 31))]
        rng.shuffle(steady)
        taken: set[str] = set()  # each person sent once
        by_level = {}
        shares = [d[2] for d in DEGREES]
        for (code, level, _share, held, first, last, months), count in zip(
            DEGREES, split(scaled(DEGREES_TOTAL, s), shares), strict=True
        ):
            pool = [q for q in steady if q.national_id not in taken and _highest(q) in held]
            assert len(pool) >= count, f"{count} to send to {code}, {len(pool)} who may go"
            by_level[LEVEL_CODES[level]] = count
            for person in pool[:count]:
                taken.add(person.national_id)
                start = _day(rng, first, last)
                end = add_months(start, months) - timedelta(days=1)
                if code == "DT_TIEN_SI":
                    person.add_qual(
                        PROF, "Thạc sĩ", start - timedelta(days=500), "Nông học", "Trường Đại học Cần Thơ"
                    )
                p.enrol(person, code, start, end, mode=PART_TIME)
                person.add_qual(PROF, level, end, *_school(level))
        fostered = scaled(FOSTERED, s)
        group = steady[-fostered:]  # the people of the short courses: each at least once
        fresh = list(group)

        def members(_year, _start, want):
            taken = [fresh.pop() for _ in range(min(want, len(fresh)))]
            return taken + rng.sample(group, min(len(group), (want - len(taken)) * 2))

        turns = max(scaled(TURNS, s), fostered)
        years = range(2016, 2021)
        per_course = split(turns, [c[3] for c in COURSES])
        for (code, label, months, _w, grant), count in zip(COURSES, per_course, strict=True):
            rows = []
            for year, in_year in zip(years, split(count, [1] * len(years)), strict=True):
                last = date(year, 3, 31) if year == 2020 else date(year, 10, 31)
                rows += p.fill_classes(code, label, in_year, date(year, 2, 1), last, members, months=months,
                                       days=(3, 10), size=(25, 45))  # fmt: skip
            for person, row in rows:
                key = (row["start_date"].year, code, row["training_mode"])
                course = self.classes.setdefault(key, {}).setdefault(
                    row["course_name"], [row["start_date"], row["end_date"], 0]
                )
                course[2] += 1
                if grant:
                    person.add_qual(*grant, row["end_date"], "", "Trường Chính trị tỉnh Bến Tre")
        assert not fresh, "every person of the short courses has a lượt"
        p.rate_year(2020)
        self.expected = {
            "degrees": len(taken),
            "by_level": by_level,
            "fostered": fostered,
            "turns": turns,
            "years": list(range(2016, 2021)),
        }
        return p.rows()

    def plan_rows(self) -> list[dict]:
        """The yearly plans: one line per programme and mode with its target (the lượt of its classes), and the
        classes opened under it."""
        rows = []
        for (year, code, mode), classes in sorted(self.classes.items()):
            target = sum(c[2] for c in classes.values())
            for name, (start, end, size) in sorted(classes.items()):
                rows.append({"year": year, "programme": code, "mode": mode, "target": target, "course_name": name,
                             "start_date": start, "end_date": end, "capacity": size})  # fmt: skip
        return rows
