"""`feedback-handling`: feedback received in an interval per unit, and how much of it was handled in time.

Counted rows: `Feedback` received in the interval (both days included), in scope by its unit. Handled in time:
concluded on or before its deadline (and by the end of the interval); late: concluded after the deadline;
overdue: not concluded by the end of the interval and past the deadline. Leaders and the Standing Committee
read these counts (never the content): a report shows no names.
"""

from django.db.models import Case, Count, F, Q, Value, When

from canbo.core.numbers import fmt_pct, share
from canbo.reports.base import INTERVAL, Column, Report, ReportResult, Row, scope_q
from canbo.reports.formatting import fmt_date, fmt_int
from canbo.reports.registry import register

from .models import Feedback

FIGURES = ("received", "in_time", "late", "overdue", "pending")


@register
class FeedbackHandlingReport(Report):
    name = "feedback-handling"
    chart_columns, chart_stacked = ("in_time", "late", "overdue", "pending"), True
    title = "Tiếp nhận và xử lý phản ánh, kiến nghị về cán bộ"
    description = (
        "Số phản ánh, kiến nghị của công dân, doanh nghiệp, báo chí về cán bộ tiếp nhận trong một khoảng thời "
        "gian, theo đơn vị: đã kết luận đúng hạn, quá hạn, chưa kết luận (quá hạn / còn hạn)."
    )
    period_kind = INTERVAL

    def run(self, *, user, params):
        end = params.date_to
        # One state per item (the four exclude one another; the deadline is never empty), counted per unit and
        # state: a single CASE, cheaper to build and run than a filtered COUNT per figure.
        done = Q(closed_on__isnull=False, closed_on__lte=end)
        state = Case(
            When(done & Q(closed_on__lte=F("deadline")), then=Value("in_time")),
            When(done, then=Value("late")),
            When(deadline__lt=end, then=Value("overdue")),
            default=Value("pending"),
        )
        qs = (
            Feedback.objects.filter(
                scope_q(user=user, params=params), received_on__gte=params.date_from, received_on__lte=end
            )
            .order_by()
            .values_list("unit__path", "unit__code", "unit__name")
            .annotate(state=state, n=Count("pk"))
            .order_by("unit__path")
        )
        units: dict[str, dict] = {}  # in the units' tree order
        for path, code, name, state_, n in qs:
            values = units.setdefault(path, {"unit": name, "unit_code": code, **dict.fromkeys(FIGURES, 0)})
            values["received"] += n
            values[state_] += n
        rows, totals = [], dict.fromkeys(FIGURES, 0)
        for values in units.values():
            for key in FIGURES:
                totals[key] += values[key]
            values["in_time_pct"] = share(values["in_time"], values["received"])
            rows.append(Row(values))
        total_row = Row(
            {"unit": "Tổng cộng", **totals, "in_time_pct": share(totals["in_time"], totals["received"])},
            kind="total",
        )
        columns = [
            Column("unit", "Đơn vị"),
            Column("received", "Tiếp nhận", "int"),
            Column("in_time", "Kết luận đúng hạn", "int"),
            Column("late", "Kết luận quá hạn", "int"),
            Column("overdue", "Chưa kết luận, quá hạn", "int"),
            Column("pending", "Chưa kết luận, còn hạn", "int"),
            Column("in_time_pct", "Tỷ lệ đúng hạn (%)", "pct"),
        ]
        notes = [
            f"Từ ngày {fmt_date(params.date_from)} đến ngày {fmt_date(end)}: tiếp nhận "
            f"{fmt_int(totals['received'])} phản ánh, kết luận đúng hạn {fmt_int(totals['in_time'])} "
            f"({fmt_pct(total_row.values['in_time_pct'])}), chưa kết luận quá hạn "
            f"{fmt_int(totals['overdue'])}.",
            "Định nghĩa: phản ánh có ngày tiếp nhận trong khoảng (tính cả hai đầu), theo đơn vị bị phản ánh; hạn "
            "xử lý mặc định 15 ngày làm việc; tình trạng xét đến ngày cuối của khoảng.",
        ]
        return ReportResult(
            columns=columns, rows=rows, totals=[total_row], notes=notes, meta={"totals": totals}
        )
