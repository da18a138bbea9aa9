"""`salary-raises`: raises granted in an interval, by kind (regular, early, vượt khung, promotion) and unit.

Counted rows: `SalaryRecord` (one row = one decision for one person) of a raising kind with its date (ngày hưởng)
in the interval, in scope by the unit at the decision; persons counted distinct.
"""

from django import forms
from django.db.models import Count

from canbo.reports.base import INTERVAL, Column, Report, ReportResult, Row, scope_q
from canbo.reports.formatting import fmt_date, fmt_int
from canbo.reports.registry import register

from .models import ChangeKind, SalaryRecord

COUNTED_KINDS = [ChangeKind.REGULAR, ChangeKind.EARLY, ChangeKind.SENIORITY, ChangeKind.PROMOTION]
GROUPS = {"kind": "Hình thức", "unit_kind": "Đơn vị và hình thức"}


@register
class SalaryRaisesReport(Report):
    name = "salary-raises"
    title = "Nâng lương theo hình thức và kỳ"
    description = (
        "Số lượt nâng lương và số người được nâng lương trong một khoảng thời gian, theo hình thức: thường xuyên, "
        "trước thời hạn, phụ cấp thâm niên vượt khung, nâng ngạch/thăng hạng; có thể chia theo đơn vị."
    )
    period_kind = INTERVAL
    option_fields = {
        "group": forms.ChoiceField(
            label="Chia theo",
            required=False,
            initial="kind",
            choices=list(GROUPS.items()),
            error_messages={"invalid_choice": "Cách chia “%(value)s” không hợp lệ."},
        )
    }

    def run(self, *, user, params):
        by_unit = params.options.get("group") == "unit_kind"
        qs = SalaryRecord.objects.filter(
            scope_q(user=user, params=params),
            kind__in=COUNTED_KINDS,
            effective_on__gte=params.date_from,
            effective_on__lte=params.date_to,
        ).order_by()
        keys = ["unit__path", "unit__name", "kind"] if by_unit else ["kind"]
        grouped = list(qs.values(*keys).annotate(raises=Count("pk"), persons=Count("person", distinct=True)))
        total = qs.aggregate(raises=Count("pk"), persons=Count("person", distinct=True))
        order = {k: n for n, k in enumerate(COUNTED_KINDS)}
        grouped.sort(key=lambda g: (g.get("unit__path") or "", order[g["kind"]]))
        rows = []
        for g in grouped:
            values = {"kind": str(ChangeKind(g["kind"]).label)}
            if by_unit:
                values = {"unit": g["unit__name"] or "—", **values}
            values.update(raises=g["raises"], persons=g["persons"])
            rows.append(Row(values))
        first = "unit" if by_unit else "kind"
        columns = [Column("unit", "Đơn vị")] if by_unit else []
        columns += [
            Column("kind", "Hình thức"),
            Column("raises", "Số lượt nâng lương", "int"),
            Column("persons", "Số người", "int"),
        ]
        notes = [
            f"Từ ngày {fmt_date(params.date_from)} đến ngày {fmt_date(params.date_to)}: "
            f"{fmt_int(total['raises'])} lượt nâng lương, {fmt_int(total['persons'])} người.",
            "Định nghĩa: quyết định nâng lương có ngày hưởng trong khoảng (tính cả hai đầu), theo đơn vị của người "
            "được nâng lương khi quyết định. Số người đếm mỗi người một lần; lượt và người đếm riêng.",
        ]
        meta = {"by_kind": {g["kind"]: g["raises"] for g in grouped if not by_unit}, **total}
        return ReportResult(
            columns=columns,
            rows=rows,
            totals=[Row({first: "Tổng cộng", **total}, kind="total")],
            notes=notes,
            meta=meta,
        )
