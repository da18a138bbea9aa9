"""The rating reports (registered in EvaluationConfig.ready()), both over AnnualRating (one row = one person's
result of one year), in scope by the unit the person was rated in (AnnualRating.unit).

- rating-distribution: per unit, persons at each level in the year and their share of the persons rated
  (“not rated” is counted apart and left out of the shares); % rounded half up to one decimal;
- rating-not-completed-twice: persons “not completed” (KHT) in the year and in the year before (rule 17);
- party-member-rating-distribution: the same over PartyMemberRating (rule 28), per Party organisation (in
  scope by the organisation's unit).
"""

from django import forms
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from canbo.accounts.scoping import managed_person_q
from canbo.core.numbers import share
from canbo.reports.base import UNDATED, Column, Report, ReportResult, Row, scope_q
from canbo.reports.formatting import fmt_int
from canbo.reports.registry import register

from .models import AnnualRating, PartyMemberRating, RatingLevel

LEVELS = [RatingLevel.EXCELLENT, RatingLevel.GOOD, RatingLevel.COMPLETED, RatingLevel.NOT_COMPLETED]


def _latest_year(model) -> dict:
    """The latest year with results (this year when there are none): the year a report opens on."""
    year = model.objects.order_by("-year").values_list("year", flat=True).first()
    return {"year": year or timezone.localdate().year}


def _year_field():
    return forms.IntegerField(
        label="Năm đánh giá",
        required=True,
        min_value=2000,
        max_value=2100,
        help_text="Ví dụ 2024.",
        error_messages={
            "required": "Cần nhập năm đánh giá, ví dụ 2024.",
            "invalid": "Năm đánh giá phải là một số, ví dụ 2024.",
            "min_value": "Năm đánh giá từ 2000 đến 2100.",
            "max_value": "Năm đánh giá từ 2000 đến 2100.",
        },
    )


def _level_counts():
    return {level.lower(): Count("pk", filter=Q(level=level)) for level in RatingLevel.values}


def _level_values(counts: dict, name: str, code: str) -> dict:
    rated = sum(counts[level.lower()] for level in LEVELS)
    values = {"unit": name, "unit_code": code, "rated": rated}
    for level in LEVELS:
        values[level.lower()] = counts[level.lower()]
        values[f"{level.lower()}_pct"] = share(counts[level.lower()], rated)
    values["khong_xep_loai"] = counts["khong_xep_loai"]
    values["total"] = rated + counts["khong_xep_loai"]
    return values


def distribution_result(groups, *, year: int, field: str, group_label: str, who: str, rule: str):
    """Rows per group (`field`__name/__code) with the count and share of each level, a total, notes, a chart."""
    rows, sums = [], {level.lower(): 0 for level in RatingLevel.values}
    for item in groups:
        rows.append(Row(_level_values(item, item[f"{field}__name"], item[f"{field}__code"])))
        for key in sums:
            sums[key] += item[key]
    total = Row(_level_values(sums, "Tổng cộng", ""), kind="total")
    columns = [Column("unit", group_label)]
    for level in LEVELS:
        columns += [
            Column(level.lower(), f"{level.label} ({who})", "int"),
            Column(f"{level.lower()}_pct", f"{level.value} (%)", "pct"),
        ]
    columns += [Column("khong_xep_loai", f"Không xếp loại ({who})", "int"), Column("total", "Tổng số", "int")]
    rated = total.values["rated"]
    notes = [
        f"Năm {year}: {fmt_int(total.values['total'])} {who} có kết quả, {fmt_int(rated)} {who} được xếp "
        f"loại, {fmt_int(sums['khong_xep_loai'])} {who} không xếp loại.",
        rule,
    ]
    chart = {
        "type": "bar",
        "stacked": True,
        "labels": [r.values["unit"] for r in rows],
        "datasets": [{"label": str(lv.label), "data": [r.values[lv.lower()] for r in rows]} for lv in LEVELS],
    }
    meta = {"year": year, **sums, "rated": rated}
    return ReportResult(columns=columns, rows=rows, totals=[total], notes=notes, chart=chart, meta=meta)


@register
class RatingDistributionReport(Report):
    name = "rating-distribution"
    title = "Kết quả đánh giá, xếp loại theo đơn vị"
    description = (
        "Số người và tỷ lệ ở từng mức xếp loại chất lượng (hoàn thành xuất sắc, tốt, hoàn thành, không hoàn "
        "thành nhiệm vụ) của một năm, theo đơn vị; số người không xếp loại tính riêng."
    )
    period_kind = UNDATED
    option_fields = {"year": _year_field()}

    def default_options(self, *, user):
        return _latest_year(AnnualRating)

    def run(self, *, user, params):
        year = int(params.options["year"])
        per_unit = (
            AnnualRating.objects.filter(scope_q(user=user, params=params), year=year)
            .values("unit__code", "unit__name", "unit__path")
            .annotate(**_level_counts())
            .order_by("unit__path")
        )
        return distribution_result(
            per_unit,
            year=year,
            field="unit",
            group_label="Đơn vị",
            who="người",
            rule="Tỷ lệ tính trên số người được xếp loại (không tính người không xếp loại), làm tròn một chữ số "
            "thập phân; đơn vị là đơn vị của người đó khi xếp loại.",
        )


@register
class NotCompletedTwiceReport(Report):
    name = "rating-not-completed-twice"
    title = "Cán bộ hai năm liên tiếp không hoàn thành nhiệm vụ"
    description = (
        "Những người xếp loại “Không hoàn thành nhiệm vụ” trong năm được chọn và năm liền trước (căn cứ xem "
        "xét cho thôi việc, tinh giản biên chế)."
    )
    period_kind = UNDATED
    option_fields = {"year": _year_field()}

    def default_options(self, *, user):
        return _latest_year(AnnualRating)

    def run(self, *, user, params):
        year = int(params.options["year"])
        before = AnnualRating.objects.filter(
            person=OuterRef("person"), year=year - 1, level=RatingLevel.NOT_COMPLETED
        )
        persons = None if user is None else managed_person_q(user)  # a list of persons: decision 018
        found = (
            AnnualRating.objects.filter(
                scope_q(user=user, params=params), Exists(before), year=year, level=RatingLevel.NOT_COMPLETED
            )
            .filter(persons if persons is not None else Q())
            .select_related("person", "unit")
            .order_by("unit__path", "person__sort_key", "person_id")
        )
        rows = [
            Row(
                {
                    "person": r.person.full_name,
                    "code": r.person.code,
                    "unit": r.unit.name,
                    "years": f"{year - 1}, {year}",
                },
                links={"person": f"/can-bo/{r.person.uuid}/"},
            )
            for r in found
        ]
        columns = [
            Column("person", "Họ và tên"),
            Column("code", "Mã hồ sơ"),
            Column("unit", "Đơn vị (khi xếp loại)"),
            Column("years", "Các năm không hoàn thành nhiệm vụ"),
        ]
        totals = [Row({"person": "Tổng cộng", "code": fmt_int(len(rows))}, kind="total")]
        notes = [
            f"{fmt_int(len(rows))} người không hoàn thành nhiệm vụ cả năm {year - 1} và năm {year}.",
            "Hai năm liên tiếp không hoàn thành nhiệm vụ là căn cứ xem xét cho thôi việc (quy định hiện hành; "
            "đối chiếu văn bản mới trước khi áp dụng).",
        ]
        return ReportResult(columns=columns, rows=rows, totals=totals, notes=notes, meta={"count": len(rows)})


@register
class PartyMemberRatingDistributionReport(Report):
    name = "party-member-rating-distribution"
    title = "Kết quả xếp loại chất lượng đảng viên theo tổ chức đảng"
    description = (
        "Số đảng viên và tỷ lệ ở từng mức xếp loại chất lượng đảng viên (QĐ 366/2025) của một năm, theo tổ "
        "chức đảng; số đảng viên không xếp loại tính riêng."
    )
    period_kind = UNDATED
    option_fields = {"year": _year_field()}

    def default_options(self, *, user):
        return _latest_year(PartyMemberRating)

    def run(self, *, user, params):
        year = int(params.options["year"])
        per_org = (
            PartyMemberRating.objects.filter(
                scope_q(user=user, params=params, field="party_org__path"), year=year
            )
            .values("party_org__code", "party_org__name", "party_org__path")
            .annotate(**_level_counts())
            .order_by("party_org__path")
        )
        return distribution_result(
            per_org,
            year=year,
            field="party_org",
            group_label="Tổ chức đảng",
            who="đảng viên",
            rule="Tỷ lệ tính trên số đảng viên được xếp loại, làm tròn một chữ số thập phân; “Hoàn thành xuất "
            "sắc” không quá 20 % số “Hoàn thành tốt” của mỗi tổ chức đảng; mức xếp loại đảng viên không cao hơn "
            "mức xếp loại cán bộ, công chức, viên chức cùng năm.",
        )
