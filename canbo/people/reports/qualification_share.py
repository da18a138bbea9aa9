"""Share of staff at or above each qualification level as of a date, and its change between two dates.

share(D, S, L) = persons employed on D holding on D a qualification of scale S with rank >= rank(L)
                 ÷ persons employed on D × 100;
change(D1, D2) = share(D2) − share(D1), in percentage points, computed from the unrounded shares and then
rounded half up to one decimal (seed 001: +5,1 / +14,7 / +2,5 / +10 since 2015), or to two with `decimals=2`
(seed 004: 72,25 %, +24,53). `breakdown=group` splits cán bộ, công chức (commune ones included) from viên chức and
contract workers (seed 004).
"""

from dataclasses import dataclass

from django import forms
from django.db.models import Case, CharField, F, Max, Q, Value, When
from django.utils import timezone

from canbo.core.numbers import round2, share
from canbo.org.models import AdminLevel
from canbo.people.choices import PersonnelCategory, PersonStatus, QualificationScale, level_rank
from canbo.people.models import Employment
from canbo.reports.base import Column, Report, ReportResult, Row, people_link, scope_q
from canbo.reports.formatting import fmt_date, round1
from canbo.reports.registry import register
from canbo.reports.sql import count_at_or_above


@dataclass(frozen=True)
class Measure:
    key: str
    scale: str
    level: str
    label: str

    @property
    def rank(self) -> int:
        return level_rank(self.scale, self.level)


MEASURES = [
    Measure(
        "prof_trung_cap", QualificationScale.PROFESSIONAL, "TRUNG_CAP", "Chuyên môn từ trung cấp trở lên"
    ),
    Measure("prof_dai_hoc", QualificationScale.PROFESSIONAL, "DAI_HOC", "Chuyên môn từ đại học trở lên"),
    Measure(
        "prof_thac_si",
        QualificationScale.PROFESSIONAL,
        "THAC_SI",
        "Chuyên môn trên đại học (thạc sĩ trở lên)",
    ),
    Measure(
        "llct_trung_cap",
        QualificationScale.POLITICAL_THEORY,
        "TRUNG_CAP",
        "Lý luận chính trị từ trung cấp trở lên",
    ),
    Measure(
        "llct_cao_cap", QualificationScale.POLITICAL_THEORY, "CAO_CAP", "Lý luận chính trị cao cấp, cử nhân"
    ),
]
CBCC_CATEGORIES = [
    PersonnelCategory.CB,
    PersonnelCategory.CC,
    PersonnelCategory.CB_XA,
    PersonnelCategory.CC_XA,
]
GROUPS = [
    ("CBCC", "Cán bộ, công chức (kể cả cấp xã)"),
    (PersonnelCategory.VC.value, str(PersonnelCategory.VC.label)),
    (PersonnelCategory.LD_HD.value, str(PersonnelCategory.LD_HD.label)),
]
GROUP_OF_CATEGORY = Case(
    When(category__in=CBCC_CATEGORIES, then=Value("CBCC")),
    default=F("category"),
    output_field=CharField(),
)
BREAKDOWNS = {  # option -> (field or expression of the employment row, column label, (value, label) in order)
    "category": ("category", "Phân loại", PersonnelCategory.choices),
    "level": ("unit__level", "Cấp", AdminLevel.choices),
    "group": (GROUP_OF_CATEGORY, "Nhóm", GROUPS),
}
# The person list filters by category and level; a group of categories has no such filter (no link).
LINKED_BREAKDOWNS = {"category", "level"}


RANK_COLUMNS = {QualificationScale.PROFESSIONAL: "r_prof", QualificationScale.POLITICAL_THEORY: "r_pt"}


def persons_on(employments, on, group_field):
    """One row per person employed on `on` (and group): their highest rank on each measured scale that day.
    `group_field`: a field path of the employment row, an expression over it, or None."""
    if group_field is None:
        group = Value("", output_field=CharField())
    else:
        group = F(group_field) if isinstance(group_field, str) else group_field
    ranks = {
        column: Max(
            "person__qualifications__rank",
            filter=Q(person__qualifications__scale=scale, person__qualifications__awarded_on__lte=on),
        )
        for scale, column in RANK_COLUMNS.items()
    }
    return employments.active_on(on).order_by().values(p=F("person"), g=group).annotate(**ranks)


@register
class QualificationShareReport(Report):
    name = "qualification-share"
    title = "Tỷ lệ trình độ"
    description = (
        "Tỷ lệ người đạt từ mỗi mức trình độ chuyên môn và lý luận chính trị trở lên trong số người đang "
        "công tác, tại một ngày, hoặc so sánh hai ngày (thay đổi tính bằng điểm phần trăm)."
    )
    period_allowed = True
    option_fields = {
        "breakdown": forms.ChoiceField(
            label="Chia theo",
            required=False,
            choices=[
                ("", "— Không chia —"),
                ("category", "Phân loại"),
                ("level", "Cấp"),
                ("group", "Cán bộ, công chức / viên chức"),
            ],
            error_messages={
                "invalid_choice": "Cách chia “%(value)s” không hợp lệ (category, level hoặc group)."
            },
        ),
        "decimals": forms.TypedChoiceField(
            label="Số chữ số thập phân",
            required=False,
            coerce=int,
            empty_value=1,
            choices=[("1", "1 (54,3 %)"), ("2", "2 (72,25 %)")],
            error_messages={"invalid_choice": "Số chữ số thập phân “%(value)s” không hợp lệ (1 hoặc 2)."},
        ),
    }

    def run(self, *, user, params):
        dates = params.dates
        breakdown = BREAKDOWNS.get(params.options.get("breakdown") or "")
        places = 2 if str(params.options.get("decimals") or "1") == "2" else 1
        base = Employment.objects.filter(scope_q(user=user, params=params))
        # One query: per date, the whole scope (and each group), persons and persons at or above each level.
        parts = []
        for on in dates:
            parts.append(persons_on(base, on, None))
            if breakdown:
                parts.append(persons_on(base, on, breakdown[0]))
        thresholds = {m.key: (RANK_COLUMNS[m.scale], m.rank) for m in MEASURES}
        counts = count_at_or_above(parts, thresholds)
        per_part = 2 if breakdown else 1

        def figures(group_value, part_offset):
            merged = {}
            for i in range(len(dates)):
                found = counts.get((i * per_part + part_offset, group_value), {})
                merged[f"employed_{i}"] = found.get("employed", 0)
                merged.update({f"{m.key}_{i}": found.get(m.key, 0) for m in MEASURES})
            return merged

        overall = figures("", 0)
        columns = self._columns(dates, breakdown, places)
        link_extra = {"status": PersonStatus.WORKING} if dates[-1] >= timezone.localdate() else {}
        rows, totals = [], []
        if breakdown:
            _field, _label, choices = breakdown
            linked = params.options["breakdown"] in LINKED_BREAKDOWNS
            for value, label in choices:
                group = figures(value, 1)
                if any(group[f"employed_{i}"] for i in range(len(dates))):
                    filters = {params.options["breakdown"]: value, **link_extra} if linked else None
                    rows += self._rows(group, dates, params, str(label), filters, places=places)
            totals = self._rows(overall, dates, params, "Toàn bộ", link_extra, kind="total", places=places)
        else:
            rows = self._rows(overall, dates, params, None, link_extra, places=places)

        notes = [
            "Định nghĩa: tỷ lệ = số người đang công tác vào ngày chốt có văn bằng, chứng chỉ cùng loại trình "
            "độ, cấp trước hoặc đúng ngày chốt, ở mức bằng hoặc cao hơn mức nêu ÷ số người đang công tác vào "
            f"ngày đó × 100; làm tròn {'hai chữ số' if places == 2 else 'một chữ số'} thập phân.",
        ]
        if params.options.get("breakdown") == "group":
            notes.append(
                "Nhóm theo phân loại của quá trình công tác vào ngày chốt: cán bộ, công chức gồm cán bộ, công chức "
                "và cán bộ, công chức cấp xã (trước 01/07/2025)."
            )
        if params.is_period:
            notes.append(
                "Thay đổi (điểm %) = tỷ lệ ngày thứ hai − tỷ lệ ngày thứ nhất, tính từ tỷ lệ chưa làm tròn rồi "
                f"làm tròn {'hai chữ số' if places == 2 else 'một chữ số'} thập phân; đơn vị là điểm phần trăm, "
                "không phải phần trăm tăng tương đối."
            )
        return ReportResult(
            columns=columns,
            rows=rows,
            totals=totals,
            notes=notes,
            chart=self._chart(overall, dates),
            meta={"employed": [overall[f"employed_{i}"] for i in range(len(dates))]},
        )

    @staticmethod
    def _columns(dates, breakdown, places: int = 1) -> list[Column]:
        pct, pp = ("pct2", "pp2") if places == 2 else ("pct", "pp")
        columns = [Column("group", breakdown[1])] if breakdown else []
        columns.append(Column("measure", "Trình độ"))
        if len(dates) == 1:
            return columns + [
                Column("employed", "Số người đang công tác", "int"),
                Column("count", "Số người đạt", "int"),
                Column("share", "Tỷ lệ (%)", pct),
            ]
        for suffix, on in zip(("d1", "d2"), dates, strict=True):
            columns += [
                Column(f"employed_{suffix}", f"Số người {fmt_date(on)}", "int"),
                Column(f"count_{suffix}", f"Số đạt {fmt_date(on)}", "int"),
                Column(f"share_{suffix}", f"Tỷ lệ % {fmt_date(on)}", pct),
            ]
        return columns + [Column("change", "Thay đổi (điểm %)", pp)]

    @staticmethod
    def _rows(figures, dates, params, group_label, link_filters, kind="data", places: int = 1) -> list[Row]:
        """`link_filters` None: no link to the person list (a group it cannot filter)."""
        rounding = round2 if places == 2 else round1
        rows = []
        for m in MEASURES:
            values = {} if group_label is None else {"group": group_label}
            values["measure"] = m.label
            shares = []
            for i, suffix in enumerate(("",) if len(dates) == 1 else ("_d1", "_d2")):
                employed, count = figures[f"employed_{i}"], figures[f"{m.key}_{i}"]
                shares.append(share(count, employed, exact=True))
                values.update(
                    {
                        f"employed{suffix}": employed,
                        f"count{suffix}": count,
                        f"share{suffix}": rounding(shares[-1]),
                    }
                )
            if len(dates) == 2:
                values["change"] = None if None in shares else rounding(shares[1] - shares[0])
            count_key = "count" if len(dates) == 1 else "count_d2"
            links = {}
            if link_filters is not None:
                links[count_key] = people_link(
                    params, qualification_scale=m.scale, qualification_level=m.level, **link_filters
                )
            rows.append(Row(values, kind=kind, links=links))
        return rows

    @staticmethod
    def _chart(overall, dates) -> dict:
        datasets = []
        for i, on in enumerate(dates):
            shares = [share(overall[f"{m.key}_{i}"], overall[f"employed_{i}"], exact=True) for m in MEASURES]
            datasets.append(
                {
                    "label": f"Tỷ lệ % ngày {fmt_date(on)}",
                    "data": [float(round1(s)) if s is not None else None for s in shares],
                }
            )
        return {
            "type": "bar",
            "stacked": False,
            "labels": [m.label for m in MEASURES],
            "datasets": datasets,
            "unit": "%",
        }
