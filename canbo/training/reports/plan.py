"""A year's training plan: each line's target and budget against what was done and spent.

Rows: the lines (PlanLine) of the plans of year `year` (TrainingPlan.year) the user may read (plans are not
personal data: every report reader sees them). For each line:
- actual (lượt) = Enrolment rows linked to the line (Enrolment.plan_line) whose result is not WITHDRAWN,
  persons = the distinct people among them; spent = SUM(Enrolment.cost) of the same rows;
- % achieved = actual ÷ target × 100, rounded half up to one decimal (seed 001: 2019, 44 ÷ 55 → 80,0);
- target and budget: the line's own, for the whole province; with --org, or for a user who reads only a
  subtree, the SUM of the line's PlanAllocation rows for units in that subtree (0 when none), and actual,
  persons and spent counted only for enrolments whose unit at enrolment is in that subtree.
The total row sums the lines; its persons are distinct over all lines.
"""

from django import forms
from django.db.models import OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from canbo.accounts.scoping import reads_all_units
from canbo.core.numbers import fmt_pct
from canbo.reports.base import UNDATED, Column, Report, ReportResult, Row, scope_q
from canbo.reports.formatting import fmt_int
from canbo.reports.registry import register
from canbo.training.choices import TrainingMode, Venue
from canbo.training.models import PlanAllocation, PlanLine, TrainingPlan
from canbo.training.selectors import counted_enrolments, plan_achievement, plan_queryset_for

from .measures import PERSONS_NOTE, grouped_counts


@register
class TrainingPlanReport(Report):
    name = "training-plan"
    title = "Kế hoạch đào tạo, bồi dưỡng: chỉ tiêu và kết quả"
    description = (
        "Từng dòng kế hoạch đào tạo, bồi dưỡng của một năm: chỉ tiêu, số đã cử đi học, tỷ lệ đạt, kinh phí "
        "kế hoạch và kinh phí đã chi; theo đơn vị thì lấy phần chỉ tiêu, kinh phí phân bổ cho đơn vị."
    )
    period_kind = UNDATED
    option_fields = {
        "year": forms.IntegerField(
            label="Năm kế hoạch",
            required=True,
            min_value=1990,
            max_value=2100,
            help_text="Ví dụ 2019.",
            error_messages={
                "required": "Cần nhập năm kế hoạch, ví dụ 2019.",
                "invalid": "Năm kế hoạch phải là một số, ví dụ 2019.",
                "min_value": "Năm kế hoạch từ 1990 đến 2100.",
                "max_value": "Năm kế hoạch từ 1990 đến 2100.",
            },
        )
    }

    def default_options(self, *, user):
        return {"year": timezone.localdate().year}

    def run(self, *, user, params):
        year = int(params.options["year"])
        scoped = params.org is not None or (user is not None and not reads_all_units(user))
        plans = TrainingPlan.objects.all() if user is None else plan_queryset_for(user=user)
        # The columns the table shows, as plain values: no model instance per line, the choices' labels read
        # once per run (a model's get_FOO_display builds its choices' mapping again on every call).
        lines = (
            PlanLine.objects.filter(plan__year=year, plan__in=plans.order_by().values("pk"))
            .order_by("plan__owner_unit__path", "programme__sort_order", "mode", "id")
            .values(
                "pk", "plan_id", "plan__title", "programme__name", "programme__code", "mode", "venue",
                "target_count", "budget",
            )
        )  # fmt: skip
        if scoped:  # the subtree's share of each line, 0 when nothing is allocated to it
            shares = (
                PlanAllocation.objects.filter(scope_q(user=user, params=params), line=OuterRef("pk"))
                .order_by()
                .values("line")
            )
            lines = lines.annotate(
                share_target=Coalesce(Subquery(shares.annotate(t=Sum("target_count")).values("t")), 0),
                share_budget=Coalesce(Subquery(shares.annotate(b=Sum("budget")).values("b")), 0),
            )
        # Query 1: the lines (with the subtree's share). Query 2: persons, lượt and cost per line and overall.
        lines = list(lines)
        counts = (
            grouped_counts(
                counted_enrolments(
                    scope_q(user=user, params=params), plan_line__in=[line["pk"] for line in lines]
                ),
                ["plan_line"],
                sums={"spent": "cost"},
            )
            if lines
            else None
        )

        modes = {code: str(label) for code, label in TrainingMode.choices}
        venues = {code: str(label) for code, label in Venue.choices}
        several_plans = len({line["plan_id"] for line in lines}) > 1
        rows = []
        sums = {"target": 0, "turns": 0, "budget": 0, "spent": 0}
        for line in lines:
            done = counts.cells.get((line["pk"],), {}) if counts else {}
            values = {
                "plan": line["plan__title"],
                "programme": line["programme__name"],
                "programme_code": line["programme__code"],
                "mode": modes.get(line["mode"], line["mode"]) if line["mode"] else "—",
                "venue": venues.get(line["venue"], line["venue"]),
                "target": line["share_target"] if scoped else line["target_count"],
                "persons": done.get("persons", 0),
                "turns": done.get("turns", 0),
                "budget": line["share_budget"] if scoped else line["budget"],
                "spent": done.get("spent", 0),
            }
            values["achieved"] = plan_achievement(values["turns"], values["target"])
            for key in sums:
                sums[key] += values[key]
            rows.append(Row(values))
        persons = counts.total["persons"] if counts else 0
        total = {"programme": "Tổng cộng", "mode": "", "venue": "", "persons": persons, **sums}
        total["achieved"] = plan_achievement(sums["turns"], sums["target"])
        if several_plans:
            total = {**total, "plan": "Tổng cộng", "programme": ""}

        columns = [Column("plan", "Kế hoạch")] if several_plans else []
        columns += [
            Column("programme", "Chương trình"),
            Column("mode", "Hệ"),
            Column("venue", "Nơi học"),
            Column("target", "Chỉ tiêu (người)", "int"),
            Column("turns", "Thực hiện (lượt)", "int"),
            Column("persons", "Thực hiện (người)", "int"),
            Column("achieved", "Đạt (%)", "pct"),
            Column("budget", "Kinh phí kế hoạch (đồng)", "int"),
            Column("spent", "Đã chi (đồng)", "int"),
        ]
        return ReportResult(
            columns=columns,
            rows=rows,
            totals=[Row(total, kind="total")],
            notes=self._notes(year, scoped, lines, sums, total["achieved"]),
            chart=self._chart(rows),
            meta={"year": year, "scoped": scoped, "lines": len(rows), **sums, "persons": persons},
        )

    @staticmethod
    def _notes(year, scoped, lines, sums, pct) -> list[str]:
        if not lines:
            return [f"Không có kế hoạch đào tạo, bồi dưỡng năm {year} trong phạm vi được xem."]
        share = "phần phân bổ cho các đơn vị trong phạm vi" if scoped else "toàn bộ kế hoạch"
        notes = [
            f"Năm {year} ({share}): thực hiện {fmt_int(sums['turns'])} lượt trên chỉ tiêu "
            f"{fmt_int(sums['target'])} người, đạt {fmt_pct(pct)}; đã chi {fmt_int(sums['spent'])} "
            f"trên {fmt_int(sums['budget'])} đồng kinh phí kế hoạch.",
            "Định nghĩa: thực hiện = số lượt học gắn với dòng kế hoạch, trừ người thôi học; tỷ lệ đạt = thực "
            "hiện ÷ chỉ tiêu × 100, làm tròn một chữ số thập phân; đã chi = tổng kinh phí của các lượt đó.",
        ]
        if scoped:
            notes.append(
                "Theo đơn vị: chỉ tiêu và kinh phí là phần phân bổ cho các đơn vị trong phạm vi (0 khi dòng kế "
                "hoạch không phân bổ cho đơn vị nào trong đó); thực hiện và đã chi tính theo đơn vị khi cử đi "
                "học."
            )
        notes.append(PERSONS_NOTE)
        return notes

    @staticmethod
    def _chart(rows) -> dict:
        return {
            "type": "bar",
            "stacked": False,
            "labels": [
                r.values["programme"] + ("" if r.values["mode"] == "—" else f" – {r.values['mode']}")
                for r in rows
            ],
            "datasets": [
                {"label": "Chỉ tiêu", "data": [r.values["target"] for r in rows]},
                {"label": "Thực hiện (lượt)", "data": [r.values["turns"] for r in rows]},
            ],
        }
