"""A plan's achievement for the plan page's export and the API: each line's and each unit's target against what
was done, in five queries whatever the size of the plan (the training-plan report counts the same way)."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, Sum

from canbo.accounts.scoping import reads_all_units, unit_visibility_q

from .models import PlanAllocation, PlanLine, TrainingPlan
from .selectors import counted_enrolments, plan_achievement

# A plan's achievement: each line's and each unit's target against what was done (the Excel export and the
# API answer the same figures; definitions as the training-plan report).
#
# - actual (lượt) = enrolments linked to the line whose result is not “withdrawn”; persons = distinct people
# among them; spent = the sum of their cost; % = actual ÷ target × 100, one decimal, half up (44/55 → 80,0).
# - a unit's share: its allocation's target and budget; its actual counts the enrolments whose unit at
# enrolment is that unit or below it.
# - a user who reads only a subtree (officer, leader) sees the allocations of units in that subtree, and each
# line's target as the sum of those allocations, its actual counted in that subtree alone.


@dataclass
class UnitShare:
    unit_code: str
    unit_name: str
    target: int
    budget: int
    turns: int = 0
    spent: int = 0

    @property
    def achieved(self) -> Decimal | None:
        return plan_achievement(self.turns, self.target)


@dataclass
class LineFigures:
    line: PlanLine
    target: int
    budget: int
    turns: int = 0
    persons: int = 0
    spent: int = 0
    shares: list[UnitShare] = field(default_factory=list)

    @property
    def achieved(self) -> Decimal | None:
        return plan_achievement(self.turns, self.target)


@dataclass
class PlanFigures:
    plan: TrainingPlan
    scoped: bool
    lines: list[LineFigures]
    persons: int = 0

    def total(self, key: str) -> int:
        return sum(getattr(line, key) for line in self.lines)

    @property
    def achieved(self) -> Decimal | None:
        return plan_achievement(self.total("turns"), self.total("target"))


def plan_achievements(*, user, plan: TrainingPlan) -> PlanFigures:
    """Five queries whatever the size of the plan."""
    scoped = not reads_all_units(user)
    visible = (unit_visibility_q(user, "unit__path") or Q()) if scoped else Q()
    lines = list(
        PlanLine.objects.filter(plan=plan)
        .select_related("programme", "responsible_unit")
        .order_by("programme__sort_order", "mode", "id")
    )
    allocations = (
        PlanAllocation.objects.filter(visible, line__plan=plan).select_related("unit").order_by("unit__path")
    )
    counted = counted_enrolments(visible, plan_line__plan=plan)
    per_line = {
        row["plan_line"]: row
        for row in counted.order_by()
        .values("plan_line")
        .annotate(turns=Count("id"), persons=Count("person", distinct=True), spent=Sum("cost"))
    }
    per_unit = list(
        counted.order_by().values("plan_line", "unit__path").annotate(turns=Count("id"), spent=Sum("cost"))
    )
    persons = counted.order_by().aggregate(n=Count("person", distinct=True))["n"] or 0

    shares: dict[int, list[tuple[str, UnitShare]]] = {}
    for a in allocations:
        share = UnitShare(a.unit.code, a.unit.name, a.target_count, a.budget)
        shares.setdefault(a.line_id, []).append((a.unit.path, share))
    for row in per_unit:
        for path, share in shares.get(row["plan_line"], []):
            if row["unit__path"].startswith(path):
                share.turns += row["turns"]
                share.spent += row["spent"] or 0

    figures = []
    for line in lines:
        line_shares = [share for _path, share in shares.get(line.pk, [])]
        done = per_line.get(line.pk, {})
        figures.append(
            LineFigures(
                line=line,
                target=sum(s.target for s in line_shares) if scoped else line.target_count,
                budget=sum(s.budget for s in line_shares) if scoped else line.budget,
                turns=done.get("turns", 0),
                persons=done.get("persons", 0),
                spent=done.get("spent") or 0,
                shares=line_shares,
            )
        )
    return PlanFigures(plan=plan, scoped=scoped, lines=figures, persons=persons)
