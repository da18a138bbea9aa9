"""One framework report per statistical form (registered in StatformsConfig.ready()), so the same query
serves the command line (`report bieu-0203n --on 31/12/2019`), the page `/bao-cao/bieu-0203n/`, the API and
the "Tải Excel" job, which writes the Ministry's layout (`canbo.statforms.excel`).

Rows: one per unit of the user's scope with people in the form's population on the date (by the unit's tree
order), then the total counted on its own; the notes start with the reconciliation line (khớp / KHÔNG KHỚP).
"""

from __future__ import annotations

from typing import ClassVar

from canbo.accounts.scoping import reads_all_units, unit_paths
from canbo.org.models import OrgUnit
from canbo.reports.base import Column, Report, ReportParams, ReportResult, Row
from canbo.reports.formatting import fmt_date, fmt_int
from canbo.reports.registry import register

from .counting import FormCounts, form_counts
from .definitions import DISCIPLINE, FORMS, QUALITY, RATING, StatForm
from .excel import write_form_xlsx
from .reconciliation import reconcile

DEFINITIONS = {
    QUALITY: (
        "Đếm số người (không trùng) thuộc đối tượng của biểu có quá trình công tác đang diễn ra vào ngày chốt "
        "số liệu, theo đơn vị của quá trình công tác. Trình độ: mức cao nhất theo văn bằng, chứng chỉ cấp đến "
        "ngày chốt (mỗi người tính một lần trong mỗi nhóm). Độ tuổi tính đến ngày chốt; “trên tuổi nghỉ hưu”: "
        "đã qua ngày nghỉ hưu theo lộ trình Nghị định 135/2020/NĐ-CP (theo giới tính và ngày sinh)."
    ),
    RATING: (
        "Đếm số người (không trùng) thuộc đối tượng của biểu có quá trình công tác đang diễn ra vào ngày chốt "
        "số liệu, theo kết quả đánh giá, xếp loại chất lượng của năm chốt số liệu; “chưa có kết quả”: chưa ghi "
        "nhận kết quả năm đó."
    ),
    DISCIPLINE: (
        "Đếm các quyết định kỷ luật từ ngày 01/01 của năm đến ngày chốt số liệu, theo đơn vị ghi trên quyết "
        "định, đối với người thuộc đối tượng của biểu vào ngày quyết định; một quyết định một hình thức."
    ),
}


def column_label(group, column) -> str:
    return column.label if len(group.columns) == 1 else f"{group.label}: {column.label}"


def reporting_unit_name(*, user, params: ReportParams) -> str:
    """The unit named on the form: the chosen unit, else the province (root) for the board and the system,
    else the units the user's roles are attached to."""
    if params.org is not None:
        return params.org.name
    if user is None or reads_all_units(user):
        root = OrgUnit.objects.filter(parent__isnull=True).active_on(params.on).order_by("path").first()
        return root.name if root else ""
    paths = unit_paths(user)
    names = OrgUnit.objects.filter(path__in=paths).order_by("path").values_list("name", flat=True)
    return "; ".join(names)


class StatFormReport(Report):
    stat_form: ClassVar[StatForm]

    def run(self, *, user, params):
        form = self.stat_form
        counts = form_counts(form, user=user, params=params)
        columns = [Column("stt", "STT"), Column("unit", "Tên cơ quan, đơn vị")]
        columns += [Column(c.key, column_label(g, c), "int") for g in form.groups for c in g.columns]
        rows = []
        ordered = sorted(counts.by_unit, key=lambda unit: counts.units[unit]["path"])
        for number, unit in enumerate(ordered, start=1):
            values = {"stt": number, "unit": counts.units[unit]["name"], **counts.by_unit[unit]}
            rows.append(Row(values))
        totals = [Row({"stt": "", "unit": "Tổng cộng", **counts.total}, kind="total")]
        check = reconcile(form, [(counts.units[u]["name"], counts.by_unit[u]) for u in ordered], counts.total)
        return ReportResult(
            columns=columns,
            rows=rows,
            totals=totals,
            notes=[check.text, *self._notes(counts, params)],
            chart=self._chart(counts),
            meta={
                "form": form.code,
                "legal_basis": form.legal_basis,
                "in_force": form.in_force_on(params.on),
                "unit_name": reporting_unit_name(user=user, params=params),
                "on": params.on.isoformat(),
                "total": counts.total.get("total", 0),
                "reconciliation": check.as_meta(),
            },
        )

    def _notes(self, counts: FormCounts, params: ReportParams) -> list[str]:
        form, on = self.stat_form, params.on
        noun = "quyết định" if form.kind == DISCIPLINE else "người"
        notes = [
            f"Biểu {form.code}, đối tượng: {form.population_label}. Đến ngày {fmt_date(on)}: "
            f"{fmt_int(counts.total.get('total', 0))} {noun}.",
            "Định nghĩa: " + DEFINITIONS[form.kind],
            f"Căn cứ: {form.legal_basis} (áp dụng từ ngày {fmt_date(form.valid_from)}).",
        ]
        if not form.in_force_on(on):
            notes.append(f"Lưu ý: ngày {fmt_date(on)} biểu mẫu này chưa có hoặc đã hết hiệu lực.")
        if form.superseded_by and form.superseded_from and on >= form.superseded_from:
            notes.append(f"Lưu ý: {form.superseded_by}.")
        if form.kind != DISCIPLINE:
            notes.append(
                "Ngạch, chức danh nghề nghiệp: ngạch của bậc lương đang hưởng tại ngày chốt (diễn biến lương); "
                "người chưa có diễn biến lương theo ngạch ghi trong hồ sơ."
            )
        if form.quota_kind:
            notes.append(
                f"Biên chế được giao: số giao năm {on.year} cho chính đơn vị của dòng (nếu có); dòng tổng cộng "
                "cộng các dòng."
            )
        return notes

    def _chart(self, counts: FormCounts) -> dict:
        group = next((g for g in self.stat_form.groups if g.check == "partition"), None)
        if group is None:
            return {}
        return {
            "type": "bar",
            "stacked": False,
            "labels": [c.label for c in group.columns],
            "datasets": [{"label": group.label, "data": [counts.total.get(c.key, 0) for c in group.columns]}],
        }

    def write_xlsx(self, result: ReportResult, fileobj, progress=None) -> int:
        return write_form_xlsx(self.stat_form, result, fileobj, progress)


def _register(form: StatForm) -> type[StatFormReport]:
    attributes = {
        "name": form.slug,
        "title": f"Biểu {form.code} — {form.title}",
        "description": f"{form.legal_basis}. Đối tượng: {form.population_label}; theo đơn vị, có tổng cộng.",
        "stat_form": form,
        "__module__": __name__,
    }
    return register(type(f"StatFormReport_{form.slug.replace('-', '_')}", (StatFormReport,), attributes))


STAT_FORM_REPORTS = [_register(form) for form in FORMS]
