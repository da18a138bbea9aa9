"""`discipline-by-form`: discipline decisions taken in an interval, by form (and unit).

Counted rows: `DisciplineRecord` (one row = one decision) with its decision date in the interval, in scope by
the unit at the decision; persons counted distinct.
"""

from django import forms
from django.db.models import Count

from canbo.reports.base import INTERVAL, Column, Report, ReportResult, Row, scope_q
from canbo.reports.formatting import fmt_date, fmt_int
from canbo.reports.registry import register

from .models import SEVERITY, DisciplineForm, DisciplineRecord

GROUPS = {"form": "Hình thức", "unit_form": "Đơn vị và hình thức"}


@register
class DisciplineByFormReport(Report):
    name = "discipline-by-form"
    title = "Kỷ luật cán bộ theo hình thức"
    description = (
        "Số quyết định kỷ luật và số người bị kỷ luật trong một khoảng thời gian, theo hình thức (khiển trách, "
        "cảnh cáo, cách chức, buộc thôi việc, …); có thể chia theo đơn vị."
    )
    period_kind = INTERVAL
    option_fields = {
        "group": forms.ChoiceField(
            label="Chia theo",
            required=False,
            initial="form",
            choices=list(GROUPS.items()),
            error_messages={"invalid_choice": "Cách chia “%(value)s” không hợp lệ."},
        )
    }

    def run(self, *, user, params):
        by_unit = params.options.get("group") == "unit_form"
        qs = DisciplineRecord.objects.filter(
            scope_q(user=user, params=params),
            decided_on__gte=params.date_from,
            decided_on__lte=params.date_to,
        ).order_by()
        keys = ["unit__path", "unit__name", "form"] if by_unit else ["form"]
        grouped = list(
            qs.values(*keys).annotate(decisions=Count("pk"), persons=Count("person", distinct=True))
        )
        total = qs.aggregate(decisions=Count("pk"), persons=Count("person", distinct=True))
        grouped.sort(key=lambda g: (g.get("unit__path") or "", SEVERITY[DisciplineForm(g["form"])]))
        rows = []
        for g in grouped:
            values = {"form": str(DisciplineForm(g["form"]).label), "form_code": g["form"]}
            if by_unit:
                values = {"unit": g["unit__name"] or "—", **values}
            values.update(decisions=g["decisions"], persons=g["persons"])
            rows.append(Row(values))
        first = "unit" if by_unit else "form"
        totals = [Row({first: "Tổng cộng", **total}, kind="total")]
        columns = [Column("unit", "Đơn vị")] if by_unit else []
        columns += [
            Column("form", "Hình thức kỷ luật"),
            Column("decisions", "Số quyết định", "int"),
            Column("persons", "Số người", "int"),
        ]
        notes = [
            f"Từ ngày {fmt_date(params.date_from)} đến ngày {fmt_date(params.date_to)}: "
            f"{fmt_int(total['decisions'])} quyết định kỷ luật, {fmt_int(total['persons'])} người.",
            "Định nghĩa: quyết định có ngày quyết định trong khoảng (tính cả hai đầu), theo đơn vị của người bị "
            "kỷ luật khi quyết định. Số người đếm mỗi người một lần.",
        ]
        meta = {"by_form": {g["form"]: g["decisions"] for g in grouped if not by_unit}, **total}
        return ReportResult(columns=columns, rows=rows, totals=totals, notes=notes, meta=meta)
