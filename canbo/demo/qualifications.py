"""Dated qualifications on every scale of domain.md for each demo career.

Professional and political-theory levels follow levels.plan_levels on 31/12/2015 and 31/12/2019: a level held on
a date is awarded before it, an upgrade between the two dates is awarded between them, and some people upgrade
again after 2019. State management, foreign language, IT, ethnic-minority language and academic titles are drawn
per person with plausible dates.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from canbo.org.models import AdminLevel
from canbo.people.choices import PersonnelCategory as Cat
from canbo.people.choices import level_rank

from .careers import HEALTH, TEACHING, Career
from .dates import CUTOFF, D2015, D2019, add_years, random_day
from .levels import POLITICAL, PROFESSIONAL, SHARES, draw_level, plan_levels
from .names import ethnicity_code

MIN_AGE = {"SO_CAP": 18, "TRUNG_CAP": 19, "CAO_DANG": 20, "DAI_HOC": 22, "THAC_SI": 25, "TIEN_SI": 30}
PT_MIN_AGE = {"SO_CAP": 22, "TRUNG_CAP": 26, "CAO_CAP": 32, "CU_NHAN": 26}
FIELDS = {
    "edu": ["Sư phạm Tiểu học", "Sư phạm Ngữ văn", "Sư phạm Toán", "Giáo dục Mầm non", "Sư phạm Tiếng Anh",
            "Sư phạm Lịch sử", "Quản lý giáo dục"],
    "health": ["Y đa khoa", "Điều dưỡng", "Dược", "Y học cổ truyền", "Y tế công cộng", "Hộ sinh"],
    "agri": ["Nông học", "Lâm học", "Quản lý tài nguyên rừng", "Chăn nuôi - Thú y", "Kinh tế nông nghiệp"],
    "admin": ["Luật", "Hành chính học", "Quản lý nhà nước", "Kế toán", "Tài chính - Ngân hàng", "Kinh tế",
              "Xây dựng Đảng và chính quyền nhà nước", "Công nghệ thông tin", "Quản trị văn phòng"],
}  # fmt: skip
ISSUERS = {
    "edu": ("Trường Cao đẳng Sư phạm Điện Biên", ["Trường Đại học Tây Bắc", "Trường Đại học Sư phạm Hà Nội",
            "Trường Đại học Sư phạm - Đại học Thái Nguyên"]),
    "health": ("Trường Cao đẳng Y tế Điện Biên", ["Trường Đại học Y Hà Nội", "Trường Đại học Y Dược Thái Bình",
               "Trường Đại học Y Dược - Đại học Thái Nguyên"]),
    "agri": ("Trường Cao đẳng Kinh tế - Kỹ thuật Điện Biên", ["Trường Đại học Nông Lâm - Đại học Thái Nguyên",
             "Học viện Nông nghiệp Việt Nam", "Trường Đại học Tây Bắc"]),
    "admin": ("Trường Cao đẳng Kinh tế - Kỹ thuật Điện Biên", ["Học viện Hành chính Quốc gia",
              "Trường Đại học Luật Hà Nội", "Trường Đại học Kinh tế Quốc dân", "Học viện Tài chính",
              "Trường Đại học Tây Bắc", "Học viện Chính trị khu vực I"]),
}  # fmt: skip
AGRI = {"SNN", "PNN", "TTDVNN", "BQLR", "BQLMN", "BQLDANN", "VPDP", "STNMT", "PTNMT"}
KINH = ethnicity_code("Kinh")


@dataclass(slots=True)
class Award:
    career: Career
    scale: str
    level: str
    awarded_on: date
    field: str = ""
    issuer: str = ""
    document_number: str = ""

    @property
    def rank(self) -> int:
        return level_rank(self.scale, self.level)


def family(career: Career) -> str:
    row = career.row_on(D2019) or career.rows[0]
    if row.slot.suffix in TEACHING and row.category == Cat.VC:
        return "edu"
    if row.slot.suffix in HEALTH and row.category == Cat.VC:
        return "health"
    return "agri" if row.slot.suffix in AGRI else "admin"


def end_of(career: Career) -> date:
    return career.status_date or CUTOFF


class AwardMaker:
    def __init__(self, rng, ethnicity: dict):
        self.rng, self.ethnicity, self.awards = rng, ethnicity, []

    def _add(self, career, scale, level, day, field="", issuer=""):
        number = f"{self.rng.choice('ABCDEGHKMN')}{self.rng.randrange(100000, 999999)}"
        self.awards.append(Award(career, scale, level, day, field, issuer, number))

    def _dated(self, career, levels, lo, hi, min_age, prefer_before=None):
        """Dates for `levels` (ascending) awarded within (lo, hi], each after its minimum age, in order."""
        days = []
        for level in levels:
            earliest = max(lo + timedelta(days=1), add_years(career.birth, min_age[level]))
            if days:
                earliest = max(earliest, days[-1] + timedelta(days=365))
            days.append(min(earliest, hi))
        # spread: the last award lands near `prefer_before` (recruitment) when that fits, else at random
        top = days[-1]
        if prefer_before and top < prefer_before <= hi:
            top = random_day(self.rng, max(top, prefer_before - timedelta(days=900)), prefer_before)
        else:
            top = random_day(self.rng, top, hi)
        days[-1] = top
        for i in range(len(days) - 2, -1, -1):
            if days[i] >= days[i + 1]:
                days[i] = max(days[i + 1] - timedelta(days=30), lo + timedelta(days=1))
        return days

    def professional(self, career, steps: list[tuple[date, int]]):
        """steps: (date, level index held from then on), ascending; the first step's date is an upper bound."""
        fam = family(career)
        field = self.rng.choice(FIELDS[fam])
        college, universities = ISSUERS[fam]
        held, lo = 0, add_years(career.birth, 17)
        for i, (bound, level) in enumerate(steps):
            if level <= held:
                lo = bound
                continue
            codes = [PROFESSIONAL[level]]
            if level >= 4 and held < 3:
                codes.insert(0, "DAI_HOC")
            if level == 5 and held < 4:
                codes.insert(-1, "THAC_SI")
            prefer = career.recruited if i == 0 else None
            for code, day in zip(codes, self._dated(career, codes, lo, bound, MIN_AGE, prefer), strict=True):
                issuer = college if code in ("TRUNG_CAP", "CAO_DANG") else self.rng.choice(universities)
                subject = "Quản lý công" if code in ("THAC_SI", "TIEN_SI") and fam == "admin" else field
                self._add(career, "PROFESSIONAL", code, day, subject, issuer)
            held, lo = level, bound
        if held == 0 and self.rng.random() < 0.4:
            day = random_day(self.rng, add_years(career.birth, 18), min(steps[0][0], end_of(career)))
            self._add(career, "PROFESSIONAL", "SO_CAP", day, field, "Trung tâm Giáo dục nghề nghiệp tỉnh")

    def political(self, career, steps: list[tuple[date, int]]):
        held, lo = 0, add_years(career.birth, 20)
        for bound, level in steps:
            if level > held:
                codes = POLITICAL[held + 1 : level + 1]
                if codes[-1] == "CAO_CAP" and self.rng.random() < 0.05:
                    codes[-1] = "CU_NHAN"
                for code, day in zip(codes, self._dated(career, codes, lo, bound, PT_MIN_AGE), strict=True):
                    self._add(career, "POLITICAL_THEORY", code, day, "", _pt_issuer(self.rng, code))
                held = level
            lo = bound

    def others(self, career):
        """State management, foreign language, IT, ethnic-minority language, academic title."""
        rng, end = self.rng, end_of(career)
        start = career.recruited
        category = (career.row_on(D2019) or career.rows[-1]).category
        level_now = (career.row_on(D2019) or career.rows[-1]).slot.level
        lo = max(start + timedelta(days=365), add_years(career.birth, 23))
        if lo < end and category != Cat.VC or rng.random() < 0.1:
            r = rng.random()
            tier = career.tier
            level = (
                "CHUYEN_VIEN_CAO_CAP" if tier >= 7 and r < 0.6 else
                "CHUYEN_VIEN_CHINH" if tier >= 3 and r < 0.7 or r < 0.08 else
                "CHUYEN_VIEN" if r < 0.55 else
                ("CAN_SU" if level_now == AdminLevel.XA else "CHUYEN_VIEN") if r < 0.62 else None
            )  # fmt: skip
            if level and lo < end:
                self._add(career, "STATE_MGMT", level, random_day(rng, lo, end), "",
                          rng.choice(["Học viện Hành chính Quốc gia", "Trường Chính trị tỉnh Điện Biên"]))  # fmt: skip
        lo, r = add_years(career.birth, 20), rng.random()
        language = "B2" if r < 0.05 else "B1" if r < 0.42 else "A2" if r < 0.62 else None
        if language and lo < end:
            tongue = rng.choices(["Tiếng Anh", "Tiếng Lào", "Tiếng Trung Quốc"], [92, 5, 3])[0]
            issuer = rng.choice(
                ["Trường Đại học Sư phạm Hà Nội", "Trường Đại học Tây Bắc", "Đại học Thái Nguyên"]
            )
            self._add(career, "FOREIGN_LANGUAGE", language, random_day(rng, lo, end), tongue, issuer)
        r = rng.random()
        it = "CAO_DANG_CNTT" if r < 0.01 else "NANG_CAO" if r < 0.07 else "CO_BAN" if r < 0.72 else None
        if it and lo < end:
            issuer = rng.choice(["Trường Đại học Tây Bắc", "Trường Cao đẳng Kinh tế - Kỹ thuật Điện Biên"])
            self._add(career, "IT", it, random_day(rng, lo, end), "", issuer)
        if self.ethnicity[id(career)] == KINH and level_now != AdminLevel.TINH and rng.random() < 0.25:
            lo = max(start, lo)
            if lo < end:
                tongue = rng.choice(["Tiếng Thái", "Tiếng Mông", "Tiếng Khơ-mú"])
                self._add(career, "ETHNIC_LANGUAGE", "CHUNG_CHI", random_day(rng, lo, end), tongue,
                          "Trường Chính trị tỉnh Điện Biên")  # fmt: skip


def _pt_issuer(rng, code: str) -> str:
    if code == "SO_CAP":
        return "Trung tâm Chính trị cấp huyện"
    if code == "TRUNG_CAP":
        return "Trường Chính trị tỉnh Điện Biên"
    return rng.choice(["Học viện Chính trị quốc gia Hồ Chí Minh", "Học viện Chính trị khu vực I"])


def _scores(rng, careers, political: bool) -> dict:
    """Propensity to hold a high level: by level of government, category, post and age, plus noise."""
    scores = {}
    for c in careers:
        row = c.row_on(D2019) or c.row_on(D2015) or c.rows[0]
        level = row.slot.level
        if political:  # leaders and cadres first; commune cadres need trung cấp, province leaders cao cấp
            s = {AdminLevel.TINH: 1.0, AdminLevel.HUYEN: 0.4, AdminLevel.XA: -0.4}[level]
            s += (0.3 if level == AdminLevel.XA else 0.45) * c.tier
            s += {Cat.CB: 1.2, Cat.CB_XA: 0.8, Cat.CC: 0.3, Cat.CC_XA: 0.3, Cat.VC: -0.9}.get(row.category, 0)
            s += (1990 - c.birth.year) * 0.04 + rng.gauss(0, 0.7)
        else:  # province bodies and the young hold more degrees
            s = {AdminLevel.TINH: 0.8, AdminLevel.HUYEN: 0.2, AdminLevel.XA: -0.5}[level] + 0.15 * c.tier
            s += {Cat.CB_XA: -0.3, Cat.VC: 0.1}.get(row.category, 0)
            s += (c.birth.year - 1980) * 0.03 + rng.gauss(0, 0.8)
        scores[id(c)] = s
    return scores


def plan_awards(rng, careers: list[Career], ethnicity: dict) -> list[Award]:
    stayers = [c for c in careers if c.group == "T"]
    leavers = [c for c in careers if c.group == "L"]
    joiners = [c for c in careers if c.group == "J"]
    maker = AwardMaker(rng, ethnicity)
    plans = {}
    for scale in ("PROFESSIONAL", "POLITICAL_THEORY"):
        scores = _scores(rng, careers, scale == "POLITICAL_THEORY")
        plans[scale] = plan_levels(scale, stayers, leavers, joiners, lambda c, s=scores: s[id(c)])
    for c in careers:
        for scale in ("PROFESSIONAL", "POLITICAL_THEORY"):
            on_2015, on_2019 = plans[scale]
            top = len(SHARES[scale]["2019"])
            if c.group == "K":
                steps = [(c.recruited, draw_level(rng, SHARES[scale]["joiners"]))]
            elif c.group == "L":
                steps = [(D2015, on_2015[id(c)])]
            elif c.group == "J":
                steps = [(c.recruited, on_2019[id(c)])]
            else:
                steps = [(D2015, on_2015[id(c)]), (D2019, on_2019[id(c)])]
            if c.group in ("T", "J", "K") and end_of(c) > date(2020, 6, 30):
                level = steps[-1][1]
                upgrade = 0.06 if scale == "PROFESSIONAL" and level == 3 else 0.1 if 0 < level < 3 else 0.04
                lo = max(steps[-1][0], D2019) + timedelta(days=180)
                if level < top - (scale == "PROFESSIONAL") and rng.random() < upgrade and lo < end_of(c):
                    if steps[-1][0] < D2019 and c.group != "K":
                        steps.append((D2019, level))  # nothing new before the 2019 snapshot
                    steps.append((random_day(rng, lo, end_of(c)), level + 1))
            (maker.professional if scale == "PROFESSIONAL" else maker.political)(c, steps)
        maker.others(c)
    for award in maker.awards:  # a few associate professors among doctors
        if award.level == "TIEN_SI" and rng.random() < 0.12:
            day = add_years(award.awarded_on, 5)
            if day <= end_of(award.career):
                maker._add(
                    award.career,
                    "ACADEMIC_TITLE",
                    "PHO_GIAO_SU",
                    day,
                    award.field,
                    "Hội đồng Giáo sư nhà nước",
                )
    return maker.awards
