"""The Ministry of Home Affairs' statistical forms on cadres, civil servants and public employees, one definition
per form: who is counted (the population, a `Q` over the employment rows active on the reporting date), the
column groups (`canbo.statforms.columns`), the legal basis and the dates the form is in force.

Sources (read December 2026; see docs/reports.md, "Biểu mẫu thống kê"):
- TT 02/2023/TT-BNV (23/03/2023, in force 10/05/2023) "quy định chế độ báo cáo thống kê ngành Nội vụ" replaced
  TT 03/2018/TT-BNV; its forms 0203.N, 0204a.N, 0206a/b.N, 0207a/b/c.N, 0208a/b/c.N are the ones named here.
- TT 11/2012/TT-BNV (17/12/2012) "chế độ báo cáo thống kê và quản lý hồ sơ công chức": Biểu số 01 (BM01/BNV,
  công chức from district level up) and Biểu số 02 (BM02/BNV, commune cadres and civil servants); still
  requested by the Ministry (CV 2114/BNV-CCVC of 23/05/2022, statistics of 31/12/2021).
- TT 18/2025/TT-BNV (08/10/2025) has the same title and replaces the regime of TT 02/2023; its date of entry
  into force and its annex could not be read, so the TT 02/2023 forms carry no `valid_to` yet and a note says
  so (`superseded_by`): set `valid_to` here when the text is confirmed.
The column headers follow the quality columns the forms share (quota and headcount; women, Party members,
ethnic minorities, religious; rank; professional level; political theory; state management; IT; languages;
age bands); the forms' own annex layouts could not be read, so the exact wording is unverified.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Q

from canbo.org.models import AdminLevel
from canbo.people.choices import PersonnelCategory as Cat
from canbo.staffing.choices import QuotaKind

from .columns import (
    DISCIPLINE_GROUPS,
    PUBLIC_EMPLOYEE_GROUPS,
    QUALITY_GROUPS,
    RATING_GROUPS,
    ColumnGroup,
)

TT_02_2023 = "Thông tư số 02/2023/TT-BNV ngày 23/3/2023 của Bộ Nội vụ"
TT_11_2012 = "Thông tư số 11/2012/TT-BNV ngày 17/12/2012 của Bộ Nội vụ"
TT_18_2025 = (
    "Thông tư số 18/2025/TT-BNV ngày 08/10/2025 của Bộ Nội vụ quy định chế độ báo cáo thống kê ngành Nội vụ "
    "(thay thế chế độ báo cáo của Thông tư số 02/2023/TT-BNV; ngày hiệu lực và danh mục biểu chưa được xác minh)"
)
TT_02_2023_FROM = date(2023, 5, 10)
TT_11_2012_FROM = date(2013, 2, 1)
TT_18_2025_ISSUED = date(2025, 10, 8)

# Who is counted: employment rows active on the date, by the row's category and the unit's level.
UPPER_LEVELS = (AdminLevel.TINH, AdminLevel.HUYEN)
CADRES_CIVIL_SERVANTS_UPPER = Q(category__in=(Cat.CB, Cat.CC), unit__level__in=UPPER_LEVELS)
CIVIL_SERVANTS_UPPER = Q(category=Cat.CC, unit__level__in=UPPER_LEVELS)
COMMUNE_CADRES_CIVIL_SERVANTS = Q(category__in=(Cat.CB_XA, Cat.CC_XA)) | Q(
    category__in=(Cat.CB, Cat.CC), unit__level=AdminLevel.XA
)
PUBLIC_EMPLOYEES = Q(category=Cat.VC)
HEALTH_TITLE_PREFIX = "V.08."  # professional titles of the health sector (TT 03/2022/TT-BYT and others)
HEALTH_PUBLIC_EMPLOYEES = PUBLIC_EMPLOYEES & Q(person__rank__code__startswith=HEALTH_TITLE_PREFIX)
OTHER_PUBLIC_EMPLOYEES = PUBLIC_EMPLOYEES & ~Q(person__rank__code__startswith=HEALTH_TITLE_PREFIX)

QUALITY, RATING, DISCIPLINE = "quality", "rating", "discipline"


@dataclass(frozen=True)
class StatForm:
    code: str  # as printed on the form: "0203.N", "BM01/BNV"
    slug: str  # the report's name in every door
    title: str  # the form's title (upper case in the workbook)
    population_label: str
    population: Q
    kind: str  # QUALITY (persons on the date), RATING (persons and the year's rating), DISCIPLINE (decisions)
    groups: tuple[ColumnGroup, ...]
    legal_basis: str
    valid_from: date
    valid_to: date | None = None
    superseded_by: str = ""
    superseded_from: date | None = None  # from when to mention `superseded_by` (its issue date)
    quota_kind: str = ""

    @property
    def columns(self):
        return [column for group in self.groups for column in group.columns]

    def in_force_on(self, on: date) -> bool:
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)


def _tt02(code, slug, title, population_label, population, kind, groups, **extra) -> StatForm:
    return StatForm(
        code=code,
        slug=slug,
        title=title,
        population_label=population_label,
        population=population,
        kind=kind,
        groups=groups,
        legal_basis=f"Biểu số {code} ban hành kèm theo {TT_02_2023}",
        valid_from=TT_02_2023_FROM,
        superseded_by=TT_18_2025,
        superseded_from=TT_18_2025_ISSUED,
        **extra,
    )


UPPER, COMMUNE, VC = "từ cấp huyện trở lên", "cấp xã", "viên chức"
FORMS: tuple[StatForm, ...] = (
    _tt02(
        "0203.N",
        "bieu-0203n",
        "Số lượng, chất lượng cán bộ, công chức từ cấp huyện trở lên",
        "cán bộ, công chức " + UPPER,
        CADRES_CIVIL_SERVANTS_UPPER,
        QUALITY,
        QUALITY_GROUPS,
        quota_kind=QuotaKind.CIVIL_SERVANTS,
    ),
    _tt02(
        "0204a.N",
        "bieu-0204an",
        "Số lượng, chất lượng cán bộ, công chức cấp xã",
        "cán bộ, công chức " + COMMUNE,
        COMMUNE_CADRES_CIVIL_SERVANTS,
        QUALITY,
        QUALITY_GROUPS,
        quota_kind=QuotaKind.CIVIL_SERVANTS,
    ),
    _tt02(
        "0206a.N",
        "bieu-0206an",
        "Số lượng, chất lượng viên chức ngành y tế",
        "viên chức giữ chức danh nghề nghiệp ngành y tế (mã V.08)",
        HEALTH_PUBLIC_EMPLOYEES,
        QUALITY,
        PUBLIC_EMPLOYEE_GROUPS,
        quota_kind=QuotaKind.PUBLIC_EMPLOYEES,
    ),
    _tt02(
        "0206b.N",
        "bieu-0206bn",
        "Số lượng, chất lượng viên chức ngành giáo dục và các lĩnh vực khác",
        "viên chức không thuộc ngành y tế",
        OTHER_PUBLIC_EMPLOYEES,
        QUALITY,
        PUBLIC_EMPLOYEE_GROUPS,
        quota_kind=QuotaKind.PUBLIC_EMPLOYEES,
    ),
    _tt02(
        "0207a.N",
        "bieu-0207an",
        "Kết quả đánh giá, xếp loại chất lượng cán bộ, công chức từ cấp huyện trở lên",
        "cán bộ, công chức " + UPPER,
        CADRES_CIVIL_SERVANTS_UPPER,
        RATING,
        RATING_GROUPS,
    ),
    _tt02(
        "0207b.N",
        "bieu-0207bn",
        "Kết quả đánh giá, xếp loại chất lượng cán bộ, công chức cấp xã",
        "cán bộ, công chức " + COMMUNE,
        COMMUNE_CADRES_CIVIL_SERVANTS,
        RATING,
        RATING_GROUPS,
    ),
    _tt02(
        "0207c.N",
        "bieu-0207cn",
        "Kết quả đánh giá, xếp loại chất lượng viên chức",
        VC,
        PUBLIC_EMPLOYEES,
        RATING,
        RATING_GROUPS,
    ),
    _tt02(
        "0208a.N",
        "bieu-0208an",
        "Số lượng cán bộ, công chức từ cấp huyện trở lên bị kỷ luật",
        "cán bộ, công chức " + UPPER,
        CADRES_CIVIL_SERVANTS_UPPER,
        DISCIPLINE,
        DISCIPLINE_GROUPS,
    ),
    _tt02(
        "0208b.N",
        "bieu-0208bn",
        "Số lượng cán bộ, công chức cấp xã bị kỷ luật",
        "cán bộ, công chức " + COMMUNE,
        COMMUNE_CADRES_CIVIL_SERVANTS,
        DISCIPLINE,
        DISCIPLINE_GROUPS,
    ),
    _tt02(
        "0208c.N",
        "bieu-0208cn",
        "Số lượng viên chức bị kỷ luật",
        VC,
        PUBLIC_EMPLOYEES,
        DISCIPLINE,
        DISCIPLINE_GROUPS,
    ),
    StatForm(
        code="BM01/BNV",
        slug="bieu-bm01-bnv",
        title="Báo cáo số lượng, chất lượng công chức từ cấp huyện trở lên",
        population_label="công chức " + UPPER,
        population=CIVIL_SERVANTS_UPPER,
        kind=QUALITY,
        groups=QUALITY_GROUPS,
        legal_basis=f"Biểu số 01 (BM01/BNV) ban hành kèm theo {TT_11_2012}",
        valid_from=TT_11_2012_FROM,
        quota_kind=QuotaKind.CIVIL_SERVANTS,
    ),
    StatForm(
        code="BM02/BNV",
        slug="bieu-bm02-bnv",
        title="Báo cáo số lượng, chất lượng cán bộ, công chức cấp xã",
        population_label="cán bộ, công chức " + COMMUNE,
        population=COMMUNE_CADRES_CIVIL_SERVANTS,
        kind=QUALITY,
        groups=QUALITY_GROUPS,
        legal_basis=f"Biểu số 02 (BM02/BNV) ban hành kèm theo {TT_11_2012}",
        valid_from=TT_11_2012_FROM,
        quota_kind=QuotaKind.CIVIL_SERVANTS,
    ),
)
FORMS_BY_SLUG = {form.slug: form for form in FORMS}
# The forms whose populations split the register without overlap: together with the labour-contract staff
# (not on any form) they add up to the headcount report's total.
HEADCOUNT_PARTITION = ("bieu-0203n", "bieu-0204an", "bieu-0206an", "bieu-0206bn")
