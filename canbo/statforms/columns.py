"""The column groups of the Ministry's statistical forms, as data: a Vietnamese header per group and per column,
and for each column the condition a person (an employment row active on the reporting date) must meet.

A column counts either the rows meeting a condition (a function of the reporting context — `Context`: the
date, the birth-date bounds of the age bands — returning a `Q` over `Employment` rows), or, in a group with a
`by` dimension, the rows whose value of that dimension is one of the column's `values`. The dimensions are the
per-person values `canbo.statforms.counting` derives on the date: `r_prof`, `pt_level` (4 = cử nhân, else the
political-theory rank), `r_sm`, `r_it`, `r_fl`, `r_ethlang` (the highest rank held on the date on each scale),
`rating_level` (the year's rating) and, for decisions, `form`. A column with neither is the headcount.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.db.models import Q

from canbo.core.dates import add_years
from canbo.discipline.models import DisciplineForm
from canbo.evaluation.models import RatingLevel
from canbo.people.choices import Gender, level_rank
from canbo.people.retirement import latest_birth_retiring_before

KINH = "01"  # ethnicity code of the Kinh (canbo.people.choices.ETHNICITY_CHOICES): the others are minorities
NO_RELIGION = ("Không", "không", "")


@dataclass(frozen=True)
class Context:
    """What a column's condition may depend on: the reporting date and what follows from it."""

    on: date

    @property
    def year(self) -> int:
        return self.on.year

    def born_after(self, years: int) -> date:
        """People born after this day are younger than `years` on the date (age ≤ years − 1)."""
        return add_years(self.on, -years)

    def over_retirement_q(self) -> Q:
        """Past the retirement age in force (NĐ 135/2020 roadmap, canbo.people.retirement) on the date."""
        condition = Q()
        for gender in Gender.values:
            latest = latest_birth_retiring_before(gender, self.on)
            condition |= Q(person__gender=gender, person__date_of_birth__lte=latest)
        return condition


Condition = Callable[[Context], Q]


@dataclass(frozen=True)
class StatColumn:
    key: str
    label: str
    condition: Condition | None = None  # None (and no values): everyone in the population (the headcount)
    values: tuple = ()  # in a group with a `by` dimension: the dimension's values this column counts
    special: str = ""  # "quota": the unit's approved staffing quota for the year, not a count of persons


@dataclass(frozen=True)
class ColumnGroup:
    label: str
    columns: tuple[StatColumn, ...]
    # "partition": the parts add up to the headcount exactly; "at_most": each person is counted at most once
    # (by the highest level held), so the parts add up to at most the headcount; "" : no check
    check: str = ""
    by: str = ""  # a dimension (see the module's docstring): each person falls in the column of their value


def _const(q: Q) -> Condition:
    return lambda ctx: q


def _ranks(scale: str, *levels: str) -> tuple[int, ...]:
    return tuple(level_rank(scale, level) for level in levels)


HEADCOUNT = ColumnGroup("Số lượng", (StatColumn("total", "Tổng số"),))
QUOTA_AND_HEADCOUNT = ColumnGroup(
    "Số lượng",
    (
        StatColumn("quota", "Biên chế được giao", special="quota"),
        StatColumn("total", "Tổng số có mặt"),
    ),
)
OF_WHICH = ColumnGroup(
    "Trong đó",
    (
        StatColumn("women", "Nữ", _const(Q(person__gender=Gender.NU))),
        StatColumn("party", "Đảng viên", lambda ctx: Q(person__party_admission_date__lte=ctx.on)),
        StatColumn("minority", "Dân tộc thiểu số", _const(~Q(person__ethnicity=KINH))),
        StatColumn("religious", "Tôn giáo", _const(~Q(person__religion__in=NO_RELIGION))),
    ),
)
# Ranks by pay group (TT 02/2021/TT-BNV: A3 chuyên viên cao cấp, A2 chính, A1 chuyên viên, A0 cán sự, B nhân
# viên, and the specialist ranks of the same group "và tương đương"). The rank is the one in force on the date: the
# rank of the person's last salary row by then (canbo.salary), else the register's (dimension `rank_tier`).
CIVIL_SERVANT_RANKS = ColumnGroup(
    "Ngạch công chức",
    (
        StatColumn("rank_cvcc", "Chuyên viên cao cấp và tương đương", values=("A3",)),
        StatColumn("rank_cvc", "Chuyên viên chính và tương đương", values=("A2",)),
        StatColumn("rank_cv", "Chuyên viên và tương đương", values=("A1",)),
        StatColumn("rank_cs", "Cán sự và tương đương", values=("A0",)),
        StatColumn("rank_nv", "Nhân viên", values=("BC",)),
    ),
    check="at_most",
    by="rank_tier",
)
PROFESSIONAL_GRADES = ColumnGroup(
    "Chức danh nghề nghiệp",
    (
        StatColumn("grade_1", "Hạng I", values=("A3",)),
        StatColumn("grade_2", "Hạng II", values=("A2",)),
        StatColumn(
            "grade_3",
            "Hạng III",
            values=(
                "A1",
                "A0",
            ),
        ),
        StatColumn("grade_4", "Hạng IV", values=("BC",)),
    ),
    check="at_most",
    by="rank_tier",
)
P, PT, SM, IT, FL, EL = (
    "PROFESSIONAL",
    "POLITICAL_THEORY",
    "STATE_MGMT",
    "IT",
    "FOREIGN_LANGUAGE",
    "ETHNIC_LANGUAGE",
)
BACHELOR_OF_POLITICS = 4  # pt_level of a cử nhân chính trị diploma (its rank is cao cấp's, 3)
PROFESSIONAL_LEVEL = ColumnGroup(
    "Trình độ chuyên môn",
    (
        StatColumn("prof_ts", "Tiến sĩ", values=_ranks(P, "TIEN_SI")),
        StatColumn("prof_ths", "Thạc sĩ", values=_ranks(P, "THAC_SI")),
        StatColumn("prof_dh", "Đại học", values=_ranks(P, "DAI_HOC")),
        StatColumn("prof_cd", "Cao đẳng", values=_ranks(P, "CAO_DANG")),
        StatColumn("prof_tc", "Trung cấp", values=_ranks(P, "TRUNG_CAP")),
        StatColumn("prof_sc", "Sơ cấp", values=_ranks(P, "SO_CAP")),
    ),
    check="at_most",
    by="r_prof",
)
POLITICAL_THEORY = ColumnGroup(
    "Lý luận chính trị",
    (
        StatColumn("pt_cn", "Cử nhân", values=(BACHELOR_OF_POLITICS,)),
        StatColumn("pt_cc", "Cao cấp", values=_ranks(PT, "CAO_CAP")),
        StatColumn("pt_tc", "Trung cấp", values=_ranks(PT, "TRUNG_CAP")),
        StatColumn("pt_sc", "Sơ cấp", values=_ranks(PT, "SO_CAP")),
    ),
    check="at_most",
    by="pt_level",
)
STATE_MANAGEMENT = ColumnGroup(
    "Quản lý nhà nước",
    (
        StatColumn("sm_cvcc", "Chuyên viên cao cấp", values=_ranks(SM, "CHUYEN_VIEN_CAO_CAP")),
        StatColumn("sm_cvc", "Chuyên viên chính", values=_ranks(SM, "CHUYEN_VIEN_CHINH")),
        StatColumn("sm_cv", "Chuyên viên", values=_ranks(SM, "CHUYEN_VIEN")),
        StatColumn("sm_cs", "Cán sự", values=_ranks(SM, "CAN_SU")),
    ),
    check="at_most",
    by="r_sm",
)
INFORMATION_TECHNOLOGY = ColumnGroup(
    "Tin học",
    (
        StatColumn("it_cd", "Cao đẳng CNTT trở lên", values=_ranks(IT, "CAO_DANG_CNTT")),
        StatColumn("it_nc", "Ứng dụng CNTT nâng cao", values=_ranks(IT, "NANG_CAO")),
        StatColumn("it_cb", "Ứng dụng CNTT cơ bản", values=_ranks(IT, "CO_BAN")),
    ),
    check="at_most",
    by="r_it",
)
LANGUAGES = ColumnGroup(
    "Ngoại ngữ",
    (
        StatColumn("fl_c", "Bậc 5–6 (C1, C2)", values=_ranks(FL, "C1", "C2")),
        StatColumn("fl_b2", "Bậc 4 (B2)", values=_ranks(FL, "B2")),
        StatColumn("fl_b1", "Bậc 3 (B1)", values=_ranks(FL, "B1")),
        StatColumn("fl_a", "Bậc 1–2 (A1, A2)", values=_ranks(FL, "A1", "A2")),
    ),
    check="at_most",
    by="r_fl",
)
ETHNIC_LANGUAGE = ColumnGroup(
    "Tiếng dân tộc",
    (StatColumn("ethnic_language", "Tiếng dân tộc thiểu số", values=_ranks(EL, "CHUNG_CHI", "THANH_THAO")),),
    check="at_most",
    by="r_ethlang",
)
AGE_BANDS = ColumnGroup(
    "Độ tuổi",
    (
        StatColumn("age_30", "Từ 30 trở xuống", lambda ctx: Q(person__date_of_birth__gt=ctx.born_after(31))),
        StatColumn(
            "age_31_40",
            "Từ 31 đến 40",
            lambda ctx: Q(
                person__date_of_birth__gt=ctx.born_after(41), person__date_of_birth__lte=ctx.born_after(31)
            ),
        ),
        StatColumn(
            "age_41_50",
            "Từ 41 đến 50",
            lambda ctx: Q(
                person__date_of_birth__gt=ctx.born_after(51), person__date_of_birth__lte=ctx.born_after(41)
            ),
        ),
        StatColumn(
            "age_51_retirement",
            "Từ 51 đến tuổi nghỉ hưu",
            lambda ctx: Q(person__date_of_birth__lte=ctx.born_after(51)) & ~ctx.over_retirement_q(),
        ),
        StatColumn("age_over", "Trên tuổi nghỉ hưu", lambda ctx: ctx.over_retirement_q()),
    ),
    check="partition",
)

QUALITY_GROUPS = (
    QUOTA_AND_HEADCOUNT,
    OF_WHICH,
    CIVIL_SERVANT_RANKS,
    PROFESSIONAL_LEVEL,
    POLITICAL_THEORY,
    STATE_MANAGEMENT,
    INFORMATION_TECHNOLOGY,
    LANGUAGES,
    ETHNIC_LANGUAGE,
    AGE_BANDS,
)
PUBLIC_EMPLOYEE_GROUPS = (
    QUOTA_AND_HEADCOUNT,
    OF_WHICH,
    PROFESSIONAL_GRADES,
    PROFESSIONAL_LEVEL,
    POLITICAL_THEORY,
    STATE_MANAGEMENT,
    INFORMATION_TECHNOLOGY,
    LANGUAGES,
    ETHNIC_LANGUAGE,
    AGE_BANDS,
)
RATING_GROUPS = (
    HEADCOUNT,
    ColumnGroup(
        "Kết quả đánh giá, xếp loại chất lượng năm",
        (
            StatColumn("htxs", "Hoàn thành xuất sắc nhiệm vụ", values=(RatingLevel.EXCELLENT,)),
            StatColumn("htt", "Hoàn thành tốt nhiệm vụ", values=(RatingLevel.GOOD,)),
            StatColumn("ht", "Hoàn thành nhiệm vụ", values=(RatingLevel.COMPLETED,)),
            StatColumn("kht", "Không hoàn thành nhiệm vụ", values=(RatingLevel.NOT_COMPLETED,)),
            StatColumn("not_rated", "Không xếp loại", values=(RatingLevel.NOT_RATED,)),
            StatColumn("no_result", "Chưa có kết quả", values=(None,)),
        ),
        check="partition",
        by="rating_level",
    ),
)
# Discipline forms count decisions (DisciplineRecord rows) of the year up to the date, by form; `persons` is
# the number of distinct people those decisions concern.
DISCIPLINE_GROUPS = (
    ColumnGroup(
        "Số lượng",
        (
            StatColumn("persons", "Số người bị kỷ luật", special="persons"),
            StatColumn("total", "Tổng số quyết định"),
        ),
    ),
    ColumnGroup(
        "Hình thức kỷ luật",
        tuple(
            StatColumn(f"form_{code.lower()}", str(label), values=(code,))
            for code, label in DisciplineForm.choices
        ),
        check="partition",
        by="form",
    ),
)
