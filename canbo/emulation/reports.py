"""The module's reports (registered in EmulationConfig.ready()).

`emulation-registrations`: `Registration` rows (one = one collective or one individual registered as an exemplary
model of a movement in a year), by unit and kind (seed 000: 1.908 collectives and 2.086 individuals).
`awards`: `Award` rows not revoked, by year and form, collective and individual; revoked ones counted apart.
"""

from django import forms
from django.db.models import Count, Q

from canbo.reports.base import UNDATED, Column, Report, ReportResult, Row, scope_q
from canbo.reports.formatting import fmt_int
from canbo.reports.registry import register

from .choices import AwardForm, RecipientKind
from .models import Award, Registration

TC, CN = RecipientKind.TAP_THE, RecipientKind.CA_NHAN


def _year_field(label):
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=1945,
        max_value=2100,
        error_messages={
            "invalid": "Năm phải là một số, ví dụ 2024.",
            "min_value": "Năm từ 1945 đến 2100.",
            "max_value": "Năm từ 1945 đến 2100.",
        },
    )


def _counts(qs) -> dict:
    return {
        "collectives": Count("pk", filter=Q(kind=TC)),
        "individuals": Count("pk", filter=Q(kind=CN)),
        "total": Count("pk"),
    }


COUNT_COLUMNS = [
    Column("collectives", "Tập thể", "int"),
    Column("individuals", "Cá nhân", "int"),
    Column("total", "Tổng số", "int"),
]


@register
class RegistrationsReport(Report):
    name = "emulation-registrations"
    chart_stacked = True
    title = "Đăng ký điển hình tiên tiến theo đơn vị"
    description = (
        "Số tập thể và cá nhân đăng ký làm điển hình tiên tiến trong các phong trào thi đua, theo đơn vị; "
        "có thể chọn năm và mã phong trào."
    )
    period_kind = UNDATED
    option_fields = {
        "year": _year_field("Năm"),
        "movement": forms.CharField(label="Mã phong trào", required=False, max_length=30),
    }

    def run(self, *, user, params):
        qs = Registration.objects.filter(scope_q(user=user, params=params))
        year, movement = params.options.get("year"), params.options.get("movement")
        if year:
            qs = qs.filter(year=year)
        if movement:
            qs = qs.filter(movement__code=movement)
        rows, totals = [], {"collectives": 0, "individuals": 0, "total": 0}
        grouped = qs.order_by().values("unit__path", "unit__code", "unit__name").annotate(**_counts(qs))
        for item in sorted(grouped, key=lambda i: i["unit__path"]):
            values = {"unit": item["unit__name"], "unit_code": item["unit__code"]}
            values.update({k: item[k] for k in totals})
            for k in totals:
                totals[k] += item[k]
            rows.append(Row(values, links={"total": f"/thi-dua/dang-ky/?unit={item['unit__code']}"}))
        what = f" năm {year}" if year else ""
        notes = [
            f"Đăng ký điển hình tiên tiến{what}: {fmt_int(totals['collectives'])} tập thể và "
            f"{fmt_int(totals['individuals'])} cá nhân.",
            "Định nghĩa: mỗi tập thể, mỗi cá nhân đăng ký một phong trào trong một năm là một lượt; theo đơn vị "
            "ghi nhận (cá nhân: đơn vị công tác khi đăng ký).",
        ]
        return ReportResult(
            columns=[Column("unit", "Đơn vị"), *COUNT_COLUMNS],
            rows=rows,
            totals=[Row({"unit": "Tổng cộng", **totals}, kind="total")],
            notes=notes,
            meta=dict(totals),
        )


@register
class AwardsReport(Report):
    name = "awards"
    chart_columns, chart_stacked = ("collectives", "individuals"), True
    title = "Danh hiệu thi đua, khen thưởng theo hình thức và năm"
    description = (
        "Số danh hiệu thi đua và hình thức khen thưởng (tập thể, cá nhân) theo năm và hình thức; các quyết định "
        "đã bị hủy được đếm riêng."
    )
    period_kind = UNDATED
    option_fields = {"year_from": _year_field("Từ năm"), "year_to": _year_field("Đến năm")}

    def run(self, *, user, params):
        qs = Award.objects.filter(scope_q(user=user, params=params))
        if params.options.get("year_from"):
            qs = qs.filter(year__gte=params.options["year_from"])
        if params.options.get("year_to"):
            qs = qs.filter(year__lte=params.options["year_to"])
        live = Q(revoked_on__isnull=True)
        grouped = (
            qs.order_by()
            .values("year", "form")
            .annotate(
                collectives=Count("pk", filter=live & Q(kind=TC)),
                individuals=Count("pk", filter=live & Q(kind=CN)),
                total=Count("pk", filter=live),
                revoked=Count("pk", filter=~live),
            )
        )
        order = AwardForm.values
        keys = ("collectives", "individuals", "total", "revoked")
        totals = dict.fromkeys(keys, 0)
        rows = []
        for item in sorted(grouped, key=lambda i: (-i["year"], order.index(i["form"]))):
            values = {
                "year": str(item["year"]),
                "form": str(AwardForm(item["form"]).label),
                "form_code": item["form"],
            }
            values.update({k: item[k] for k in keys})
            for k in keys:
                totals[k] += item[k]
            rows.append(
                Row(values, links={"total": f"/thi-dua/khen-thuong/?year={item['year']}&form={item['form']}"})
            )
        notes = [
            f"{fmt_int(totals['total'])} danh hiệu, hình thức khen thưởng còn hiệu lực "
            f"({fmt_int(totals['collectives'])} tập thể, {fmt_int(totals['individuals'])} cá nhân); "
            f"{fmt_int(totals['revoked'])} quyết định đã bị hủy.",
            "Định nghĩa: theo năm xét khen thưởng; quyết định bị hủy không tính vào số còn hiệu lực.",
        ]
        columns = [
            Column("year", "Năm"),
            Column("form", "Danh hiệu, hình thức"),
            *COUNT_COLUMNS,
            Column("revoked", "Đã hủy", "int"),
        ]
        return ReportResult(
            columns=columns,
            rows=rows,
            totals=[Row({"year": "Tổng cộng", **totals}, kind="total")],
            notes=notes,
            meta=dict(totals),
        )
