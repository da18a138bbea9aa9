"""Training money by level (tỉnh, huyện, xã): allocated, spent, and cost per lượt and per person.

For an interval [from, to] and the units in scope, per AdminLevel:
- allocated = SUM(PlanAllocation.budget) of the lines of every approved or issued plan whose year is between
  the years of `from` and `to`, by the level of the allocation's unit (drafts allocate nothing yet);
- spent = SUM(Enrolment.cost) of enrolments with start_date within [from, to], by the level of the unit at
  enrolment; persons = COUNT(DISTINCT person) and lượt = COUNT(*) of the same rows;
- spent ÷ allocated in %, cost per lượt = spent ÷ lượt and per person = spent ÷ persons, in whole đồng
  (rounded half up). The total row's persons are distinct over all levels.
Seed 000 (Bến Tre): more money allocated to communes — compare the XA row with the others.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Sum

from canbo.core.numbers import share
from canbo.org.models import AdminLevel
from canbo.reports.base import INTERVAL, Column, Report, ReportResult, Row, scope_q
from canbo.reports.formatting import fmt_date, fmt_int
from canbo.reports.registry import register
from canbo.training.choices import PlanStatus
from canbo.training.models import Enrolment, PlanAllocation, TrainingPlan
from canbo.training.selectors import plan_queryset_for

from .measures import PERSONS_NOTE, enrolment_link, grouped_counts, measure_q


def per(amount: int, count: int) -> int | None:
    if not count:
        return None
    return int((Decimal(amount) / count).quantize(Decimal(1), rounding=ROUND_HALF_UP))


@register
class TrainingSpendingReport(Report):
    name = "training-spending"
    title = "Kinh phí đào tạo, bồi dưỡng theo cấp"
    description = (
        "Kinh phí đào tạo, bồi dưỡng được phân bổ và đã chi theo cấp của đơn vị (tỉnh, huyện, xã) trong một "
        "khoảng thời gian, số người, số lượt và chi phí bình quân mỗi lượt, mỗi người."
    )
    period_kind = INTERVAL

    def run(self, *, user, params):
        scope = scope_q(user=user, params=params)
        # Query 1: spent, persons and lượt per level and overall. Query 2: allocations per level.
        counts = grouped_counts(
            Enrolment.objects.filter(scope, measure_q("started", params)),
            ["unit__level"],
            sums={"spent": "cost"},
        )
        plans = TrainingPlan.objects.all() if user is None else plan_queryset_for(user=user)
        allocated = dict(
            PlanAllocation.objects.filter(
                scope,
                line__plan__in=plans.order_by().values("pk"),
                line__plan__status__in=[PlanStatus.APPROVED, PlanStatus.ISSUED],
                line__plan__year__gte=params.date_from.year,
                line__plan__year__lte=params.date_to.year,
            )
            .order_by()
            .values_list("unit__level")
            .annotate(Sum("budget"))
        )
        rows = []
        for level, label in AdminLevel.choices:
            cell = counts.cells.get((level,))
            if cell is None and not allocated.get(level):
                continue
            cell = cell or {"persons": 0, "turns": 0, "spent": 0}
            values = self._values(str(label), int(allocated.get(level) or 0), cell)
            level_link = enrolment_link(params, measure="started", level=level)
            rows.append(Row(values, links={"spent": level_link, "persons": level_link, "turns": level_link}))
        total = self._values("Tổng cộng", sum(int(v or 0) for v in allocated.values()), counts.total)
        link = enrolment_link(params, measure="started")
        totals = [Row(total, kind="total", links={"spent": link, "persons": link, "turns": link})]
        columns = [
            Column("level", "Cấp"),
            Column("allocated", "Kinh phí phân bổ (đồng)", "int"),
            Column("spent", "Đã chi (đồng)", "int"),
            Column("spent_share", "Đã chi / phân bổ (%)", "pct"),
            Column("persons", "Số người", "int"),
            Column("turns", "Số lượt", "int"),
            Column("per_turn", "Bình quân mỗi lượt (đồng)", "int"),
            Column("per_person", "Bình quân mỗi người (đồng)", "int"),
        ]
        span = f"từ ngày {fmt_date(params.date_from)} đến ngày {fmt_date(params.date_to)}"
        years = f"{params.date_from.year}" + (
            f"–{params.date_to.year}" if params.date_to.year != params.date_from.year else ""
        )
        notes = [
            f"Kinh phí phân bổ: tổng phân bổ theo đơn vị của các kế hoạch năm {years}, theo cấp của đơn vị được "
            "phân bổ.",
            f"Đã chi: tổng kinh phí các lượt học có ngày bắt đầu {span} (tính cả hai đầu), theo cấp của đơn vị "
            "khi cử đi học; bình quân làm tròn đến đồng.",
            f"Tổng cộng: phân bổ {fmt_int(total['allocated'])} đồng, đã chi {fmt_int(total['spent'])} đồng.",
            PERSONS_NOTE,
        ]
        chart = {
            "type": "bar",
            "stacked": False,
            "labels": [r.values["level"] for r in rows],
            "datasets": [
                {"label": "Kinh phí phân bổ", "data": [r.values["allocated"] for r in rows]},
                {"label": "Đã chi", "data": [r.values["spent"] for r in rows]},
            ],
            "unit": "đồng",
        }
        meta = {
            "allocated": total["allocated"],
            "spent": total["spent"],
            "persons": total["persons"],
            "turns": total["turns"],
        }
        return ReportResult(columns=columns, rows=rows, totals=totals, notes=notes, chart=chart, meta=meta)

    @staticmethod
    def _values(label: str, allocated: int, cell: dict) -> dict:
        spent = int(cell.get("spent", 0))
        return {
            "level": label,
            "allocated": allocated,
            "spent": spent,
            "spent_share": share(spent, allocated),
            "persons": cell["persons"],
            "turns": cell["turns"],
            "per_turn": per(spent, cell["turns"]),
            "per_person": per(spent, cell["persons"]),
        }
