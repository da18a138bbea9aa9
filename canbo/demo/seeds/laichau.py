"""Seed 004: Lai Châu, 2011–2015 (Báo Lai Châu, 10/06/2016).

"giai đoạn 2011 – 2015 đã đào tạo được hơn 27.309 lượt người. Trong đó: đào tạo về chuyên môn, nghiệp vụ 2.475
lượt người, bồi dưỡng 24.834 lượt người; đào tạo sau đại học 286 người, tiến sỹ 12 người. … Toàn tỉnh có 29.105
CBCC, trong đó, CBCC có trình độ đại học và trên đại học đạt 72,25%, tăng 24,53%; viên chức có trình độ đại học và
trên đại học 31,41%, tăng 16,26% so với năm 2010."

Read as: 29.105 persons working on 31/12/2015 ("CBCC" in the wide sense, of whom the viên chức); among the cán bộ,
công chức (commune ones included) 72,25 % hold a university degree or higher on 31/12/2015, 24,53 points more than on
31/12/2010; among the viên chức 31,41 %, 16,26 points more. Lượt started 2011–2015: đào tạo 2.475 (286 sent to
postgraduate study — 274 master's, 12 doctorates — and 2.189 in political theory), bồi dưỡng 24.834.
"""

from datetime import date, timedelta

from canbo.core.dates import add_months

from .figures import holders_for, pct2, scaled, split
from .province import CBCC, DOMESTIC, LLCT, PART_TIME, PROF, VC, Province

YEARS = (date(2011, 1, 1), date(2015, 12, 31))
CENSUS_BEFORE, CENSUS = date(2010, 12, 31), date(2015, 12, 31)
GROUPS = {  # persons on 31/12/2015, of them recruited 2011–2015, and those who left 2011–2015; share, change
    "cbcc": {"working": 8000, "recruits": 1000, "exits": 400, "share": "72.25", "change": "24.53"},
    "vc": {"working": 21105, "recruits": 2500, "exits": 900, "share": "31.41", "change": "16.26"},
}
MASTERS, DOCTORS, POLITICAL = 274, 12, 2189
FOSTERING = [  # programme, class label, weight (24.834 lượt in all)
    ("NV_CHUYEN_NGANH", "Bồi dưỡng nghiệp vụ chuyên ngành", 9000),
    ("QLNN_CHUYEN_VIEN", "Bồi dưỡng quản lý nhà nước ngạch chuyên viên", 4000),
    ("QPAN_DOI_TUONG_4", "Bồi dưỡng kiến thức quốc phòng, an ninh", 3500),
    ("TH_CO_BAN", "Ứng dụng công nghệ thông tin cơ bản", 3000),
    ("TDT_HMONG", "Tiếng Mông cho cán bộ, công chức, viên chức", 2000),
    ("TDT_THAI", "Tiếng Thái cho cán bộ, công chức, viên chức", 1500),
    ("BD_LANH_DAO_PHONG", "Bồi dưỡng lãnh đạo cấp phòng", 1000),
    ("QLNN_CHUYEN_VIEN_CHINH", "Bồi dưỡng quản lý nhà nước ngạch chuyên viên chính", 834),
]
FOSTERING_TOTAL = 24834
DISTRICTS = [
    "Thành phố Lai Châu", "Huyện Tam Đường", "Huyện Phong Thổ", "Huyện Sìn Hồ", "Huyện Mường Tè",
    "Huyện Than Uyên", "Huyện Tân Uyên", "Huyện Nậm Nhùn",
]  # fmt: skip
ETHNIC_MIX = [("Kinh", 45), ("Thái", 25), ("HMông", 15), ("Dao", 5), ("Giáy", 3), ("Hà Nhì", 3), ("Khơ-mú", 2),
              ("Lào", 1), ("Lự", 1)]  # fmt: skip


def _day(rng, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, (last - first).days))


class LaiChau:
    def __init__(self, scale: float = 1.0):
        self.scale = scale
        self.p = Province(prefix="LC", name="Lai Châu", id_code="012", founded=date(2004, 1, 1), districts=DISTRICTS,
                          seed=4, ethnic_mix=ETHNIC_MIX, schools=10)  # fmt: skip
        self.expected: dict = {}
        self.stay: list = []

    def build(self) -> dict:
        for key, group in GROUPS.items():
            self._group(key, group)
        self._training()
        self.p.rate_year(2015)
        return self.p.rows()

    # -- persons and their degrees: the shares of 31/12/2010 and 31/12/2015 --------------------------------
    def _group(self, key: str, g: dict) -> None:
        p, rng, s = self.p, self.p.rng, self.scale
        working, recruits, exits = (scaled(g[k], s) for k in ("working", "recruits", "exits"))
        stay = working - recruits
        before = stay + exits
        if s == 1:
            h1, h2 = holders_for(g["share"], g["change"], before=before, after=working)
        else:
            share = float(g["share"])
            h2, h1 = round(working * share / 100), round(before * (share - float(g["change"])) / 100)
        recruit_h, exit_h = round(recruits * (0.9 if key == "cbcc" else 0.5)), round(exits * 0.3)
        stay_h1, stay_h2 = h1 - exit_h, h2 - recruit_h
        assert 0 <= stay_h1 <= stay_h2 <= stay, (key, stay_h1, stay_h2, stay)
        self.expected[key] = {
            "working": working, "before": before, "holders": h2, "holders_before": h1,
            "share": pct2(h2, working), "share_before": pct2(h1, before),
        }  # fmt: skip
        # stay: holders since before 2011, holders from 2011–2015, the rest; then recruits and exits
        kinds = ["held"] * stay_h1 + ["earned"] * (stay_h2 - stay_h1) + ["none"] * (stay - stay_h2)
        rng.shuffle(kinds)
        for kind in kinds:
            birth = p.birth_for(date(1961, 1, 1), date(1986, 12, 31))
            recruited = _day(rng, max(date(1985, 1, 1), add_months(birth, 12 * 22)), date(2010, 12, 31))
            person = self._person(key, birth, recruited)
            self._degree(person, key, kind)
            if kind == "held":  # those sent to postgraduate study: a degree before 2011, so no share moves
                self.stay.append(person)
        for i in range(recruits):
            birth = p.birth_for(date(1982, 1, 1), date(1992, 12, 31))
            recruited = _day(rng, max(date(2011, 1, 1), add_months(birth, 12 * 22)), date(2015, 12, 1))
            self._degree(self._person(key, birth, recruited), key, "held" if i < recruit_h else "none")
        for i in range(exits):
            birth = p.birth_for(date(1951, 1, 1), date(1955, 10, 31))
            recruited = _day(rng, date(1985, 1, 1), date(2000, 12, 31))
            person = self._person(key, birth, recruited, female=False)
            self._degree(person, key, "held" if i < exit_h else "none")

    def _person(self, key, birth, recruited, female=None):
        p = self.p
        if key == "vc":
            return p.person(p.pick_unit("vc"), VC, birth, recruited, female=female, party=0.3)
        unit = p.pick_unit("commune" if p.rng.random() < 0.45 else "cbcc")
        category = p.category_for(unit)
        return p.person(
            unit, category if category in CBCC else CBCC[1], birth, recruited, female=female, party=0.8
        )

    def _degree(self, person, key: str, kind: str) -> None:
        rng = self.p.rng
        before = person.recruited - timedelta(days=rng.randint(30, 400))
        lower = "Cao đẳng" if key == "vc" and rng.random() < 0.6 else "Trung cấp"
        if kind == "held":
            person.add_qual(PROF, "Đại học", before, "Kinh tế", "Trường Đại học")
        else:
            person.add_qual(
                PROF, lower, before, "Sư phạm" if key == "vc" else "Hành chính", "Trường Cao đẳng"
            )
        if kind == "earned":
            person.add_qual(
                PROF, "Đại học", _day(rng, date(2011, 3, 1), date(2015, 11, 30)), "Luật", "Vừa làm vừa học"
            )

    # -- training 2011–2015 --------------------------------------------------------------------------------
    def _training(self) -> None:
        p, rng, s = self.p, self.p.rng, self.scale
        masters, doctors, political = scaled(MASTERS, s), scaled(DOCTORS, s), scaled(POLITICAL, s)
        fostering = scaled(FOSTERING_TOTAL, s)
        holders = [q for q in self.stay if q.works(YEARS[0], date(2019, 12, 31))]
        rng.shuffle(holders)
        sent = iter(holders)
        for i in range(masters + doctors):
            person = next(sent)
            doctor = i >= masters
            start = _day(rng, date(2011, 9, 1), date(2015, 10, 1))
            end = add_months(start, 48 if doctor else 24) - timedelta(days=1)
            code = "DT_TIEN_SI" if doctor else "DT_THAC_SI"
            if doctor:
                person.add_qual(
                    PROF, "Thạc sĩ", start - timedelta(days=700), "Quản lý công", "Học viện Hành chính"
                )
            p.enrol(person, code, start, end, mode=PART_TIME, venue=DOMESTIC)
            person.add_qual(
                PROF, "Tiến sĩ" if doctor else "Thạc sĩ", end, "Quản lý công", "Học viện Hành chính"
            )
        # political theory, one course each, cán bộ and công chức first
        pool = [q for q in p.persons if q.category in CBCC and q.works(YEARS[0], date(2017, 12, 31))]
        rng.shuffle(pool)
        fresh = iter(pool)
        levels = [
            ("LLCT_TRUNG_CAP", "Trung cấp", 8),
            ("LLCT_SO_CAP", "Sơ cấp", 3),
            ("LLCT_CAO_CAP", "Cao cấp", 18),
        ]
        for (code, level, months), count in zip(levels, split(political, [70, 22, 8]), strict=True):
            label = f"Lớp {level.lower()} lý luận chính trị"
            rows = p.fill_classes(code, label, count, YEARS[0], date(2015, 9, 30),
                                  lambda _y, _s, want: [next(fresh) for _ in range(want)], mode=PART_TIME,
                                  months=months, size=(40, 70))  # fmt: skip
            for person, row in rows:
                person.add_qual(LLCT, level, row["end_date"], "", "Trường Chính trị tỉnh Lai Châu")
        members = p.random_members(p.working_year)
        for (code, label, _w), count in zip(
            FOSTERING, split(fostering, [w for *_x, w in FOSTERING]), strict=True
        ):
            p.fill_classes(code, label, count, YEARS[0], date(2015, 12, 10), members, size=(30, 60))
        self.expected["training"] = {
            "masters": masters, "doctors": doctors, "political": political, "fostering": fostering,
            "training": masters + doctors + political, "turns": masters + doctors + political + fostering,
        }  # fmt: skip
