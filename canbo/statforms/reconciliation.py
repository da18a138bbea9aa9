"""Does every row add up? For each row (each unit and the total): the parts of a "partition" group equal the
headcount column, the parts of an "at_most" group do not exceed it; for each count column: the units' rows add
up to the total counted on its own (a person with rows in two units on the same day would make them differ).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from canbo.reports.formatting import fmt_int

from .definitions import StatForm

OK_TEXT, FAIL_TEXT = "khớp", "KHÔNG KHỚP"


@dataclass
class Reconciliation:
    ok: bool = True
    problems: list[str] = field(default_factory=list)
    checks: int = 0

    def check(self, passed: bool, problem: str) -> None:
        self.checks += 1
        if not passed:
            self.ok = False
            self.problems.append(problem)

    @property
    def text(self) -> str:
        verdict = OK_TEXT if self.ok else FAIL_TEXT
        line = (
            f"Đối chiếu: {fmt_int(self.checks)} phép kiểm tra (các cột thành phần cộng lại bằng tổng số ở từng "
            f"dòng; các đơn vị cộng lại bằng dòng tổng cộng) — {verdict}."
        )
        if self.problems:
            line += " " + "; ".join(self.problems[:5]) + ("; …" if len(self.problems) > 5 else "")
        return line

    def as_meta(self) -> dict:
        return {"ok": self.ok, "checks": self.checks, "problems": self.problems}


def reconcile(form: StatForm, rows: list[tuple[str, dict]], total: dict) -> Reconciliation:
    """`rows`: (label, counts) per unit; `total`: the counts of the whole scope."""
    result = Reconciliation()
    whole = "total"
    for label, counts in [*rows, ("Tổng cộng", total)]:
        for group in form.groups:
            if not group.check:
                continue
            parts = sum(counts.get(c.key) or 0 for c in group.columns)
            expected = counts.get(whole) or 0
            if group.check == "partition":
                result.check(
                    parts == expected,
                    f"{label}, {group.label}: {fmt_int(parts)} ≠ {fmt_int(expected)}",
                )
            else:
                result.check(
                    parts <= expected,
                    f"{label}, {group.label}: {fmt_int(parts)} > {fmt_int(expected)}",
                )
    for column in form.columns:
        if column.special == "quota":
            continue
        summed = sum(counts.get(column.key) or 0 for _label, counts in rows)
        counted = total.get(column.key) or 0
        result.check(
            summed == counted,
            f"{column.label}: các đơn vị cộng lại {fmt_int(summed)}, tổng cộng {fmt_int(counted)} (một người có "
            "quá trình công tác ở hai đơn vị trong cùng ngày được tính ở cả hai dòng, một lần ở tổng cộng)",
        )
    return result
