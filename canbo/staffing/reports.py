"""The module's reports (registered in StaffingConfig.ready()).

`staffing-quota`: each quota row of a year with the actual headcount of the unit's subtree on 31/12 and the
2022–2026 roadmap (KL 40-KL/TW: −5 % civil servants, −10 % public employees against the 2021 quota).
`streamlining-cases`: streamlining cases (one row = one person) by legal reason (NĐ 29/2023) — exited in the
interval (seed 002: 355) or proposed in it; in scope by the unit at the proposal.
"""

from urllib.parse import urlencode

from django import forms
from django.db.models import Count
from django.utils import timezone

from canbo.core.numbers import fmt_pct
from canbo.reports.base import INTERVAL, UNDATED, Column, Report, ReportResult, Row, scope_q
from canbo.reports.formatting import fmt_date, fmt_int, round1
from canbo.reports.registry import register

from .choices import QUOTA_CATEGORIES, CaseStatus, DownsizingReason, QuotaKind
from .models import StreamliningCase
from .selectors import quota_progress, snapshot_day

CASE_LIST_URL = "/bien-che/tinh-gian/"


def _choice(label, choices, initial, what):
    return forms.ChoiceField(
        label=label,
        required=False,
        initial=initial,
        choices=choices,
        error_messages={"invalid_choice": f"{what} “%(value)s” không hợp lệ."},
    )


@register
class StaffingQuotaReport(Report):
    name = "staffing-quota"
    chart_columns = ("approved", "actual")
    title = "Biên chế được giao, thực có và lộ trình tinh giản"
    description = (
        "Biên chế công chức và số lượng người làm việc hưởng lương NSNN được giao của từng đơn vị trong một năm, "
        "số thực có ngày 31/12 (cả các đơn vị trực thuộc) và tiến độ giảm so với năm 2021 (giảm 5 % công chức, "
        "10 % viên chức, giai đoạn 2022–2026)."
    )
    period_kind = UNDATED
    option_fields = {
        "year": forms.IntegerField(
            label="Năm",
            required=True,
            min_value=2000,
            max_value=2100,
            help_text="Ví dụ 2024.",
            error_messages={
                "required": "Cần nhập năm, ví dụ 2024.",
                "invalid": "Năm phải là một số, ví dụ 2024.",
                "min_value": "Năm từ 2000 đến 2100.",
                "max_value": "Năm từ 2000 đến 2100.",
            },
        )
    }
    columns = [
        Column("unit", "Đơn vị"),
        Column("kind", "Loại biên chế"),
        Column("base", "Giao năm gốc", "int"),
        Column("approved", "Được giao", "int"),
        Column("actual", "Thực có 31/12", "int"),
        Column("difference", "Chênh lệch (thực có − giao)", "int"),
        Column("required", "Phải giảm", "int"),
        Column("achieved", "Đã giảm", "int"),
        Column("progress", "Tiến độ (%)", "pct"),
        Column("status", "Lộ trình"),
    ]

    @staticmethod
    def _values(item, label) -> dict:
        return {
            "unit": label,
            "unit_code": item.quota.unit.code if item.quota else "",
            "kind": str(QuotaKind(item.kind).label),
            "kind_code": item.kind,
            "base": item.base,
            "approved": item.approved,
            "actual": item.actual,
            "difference": item.difference,
            "required": item.required,
            "achieved": item.achieved,
            "progress": round1(item.progress_pct),
            "status": item.roadmap_status,
        }

    def default_options(self, *, user):
        return {"year": timezone.localdate().year}

    def run(self, *, user, params):
        year = int(params.options["year"])
        items, totals = quota_progress(user=user, year=year, org=params.org)
        rows = [Row(self._values(i, i.unit_name)) for i in items]
        total_rows = [Row(self._values(t, "Tổng cộng"), kind="total") for t in totals.values()]
        on = snapshot_day(year)
        notes = [f"Năm {year}; thực có tính đến ngày {fmt_date(on)}."]
        for kind, total in totals.items():
            label = QuotaKind(kind).label.lower()
            line = f"{label.capitalize()}: giao {fmt_int(total.approved)}, thực có {fmt_int(total.actual)}"
            if total.required is not None and total.target is not None:
                line += (
                    f"; giảm {fmt_int(total.achieved)}/{fmt_int(total.required)} so với năm {total.target.base_year} "
                    f"(chỉ tiêu giảm {fmt_pct(total.target.percent)} giai đoạn {total.target.first_year}–"
                    f"{total.target.last_year}, {total.target.legal_basis}) = {fmt_pct(total.progress_pct)}"
                )
            notes.append(line + ".")
        if not items:
            notes.append(f"Không có biên chế được giao năm {year} trong phạm vi được xem.")
        notes.append(
            "Thực có: người có quá trình công tác tại đơn vị hoặc đơn vị trực thuộc ngày 31/12 (mỗi người một lần); "
            "biên chế công chức gồm cán bộ, công chức (kể cả cấp xã trước 01/07/2025). Tổng cộng chỉ cộng các "
            "đơn vị không nằm trong đơn vị khác đã có biên chế."
        )
        meta = {
            "year": year,
            "totals": {
                k: {
                    "approved": t.approved,
                    "actual": t.actual,
                    "base": t.base,
                    "required": t.required,
                    "achieved": t.achieved,
                    "progress": round1(t.progress_pct),
                }
                for k, t in totals.items()
            },
        }
        return ReportResult(columns=self.columns, rows=rows, totals=total_rows, notes=notes, meta=meta)


MEASURES = {"exited": "Đã nghỉ trong khoảng (ngày nghỉ)", "proposed": "Đề nghị trong khoảng (ngày đề nghị)"}
CATEGORY_COLUMNS = [
    ("civil", "Cán bộ, công chức", QUOTA_CATEGORIES[QuotaKind.CIVIL_SERVANTS]),
    ("public", "Viên chức", QUOTA_CATEGORIES[QuotaKind.PUBLIC_EMPLOYEES]),
]


@register
class StreamliningCasesReport(Report):
    name = "streamlining-cases"
    title = "Tinh giản biên chế theo lý do"
    description = (
        "Số trường hợp tinh giản biên chế (NĐ 29/2023) đã nghỉ (hoặc được đề nghị) trong một khoảng thời gian, "
        "theo lý do và theo cán bộ, công chức / viên chức; có thể chia theo năm."
    )
    period_kind = INTERVAL
    option_fields = {
        "measure": _choice("Cách đếm", list(MEASURES.items()), "exited", "Cách đếm"),
        "group": _choice(
            "Chia theo", [("reason", "Lý do"), ("year_reason", "Năm và lý do")], "reason", "Cách chia"
        ),
    }

    def run(self, *, user, params):
        measure = params.options.get("measure") or "exited"
        by_year = params.options.get("group") == "year_reason"
        day = "exit_date" if measure == "exited" else "proposed_on"
        qs = StreamliningCase.objects.filter(
            scope_q(user=user, params=params),
            **{f"{day}__gte": params.date_from, f"{day}__lte": params.date_to},
        )
        if measure == "exited":
            qs = qs.filter(status=CaseStatus.EXITED)
        dims = [f"{day}__year", "reason", "category"] if by_year else ["reason", "category"]
        cells: dict[tuple, dict[str, int]] = {}
        for item in qs.order_by().values(*dims).annotate(n=Count("pk")):
            key = (item[f"{day}__year"], item["reason"]) if by_year else (item["reason"],)
            column = next((c for c, _l, cats in CATEGORY_COLUMNS if item["category"] in cats), "other")
            cell = cells.setdefault(key, {})
            cell[column] = cell.get(column, 0) + item["n"]
        reasons = DownsizingReason.values
        keys = sorted(cells, key=lambda k: (k[0], reasons.index(k[1])) if by_year else reasons.index(k[0]))
        if not by_year:  # every reason, in the decree's order
            keys = [(r,) for r in reasons]
        rows, totals = [], {"civil": 0, "public": 0, "other": 0}
        for key in keys:
            reason = key[-1]
            cell = cells.get(key, {})
            values = {"reason": str(DownsizingReason(reason).label), "reason_code": reason}
            if by_year:
                values = {"year": str(key[0]), **values}
            for column in totals:
                values[column] = cell.get(column, 0)
                totals[column] += values[column]
            values["total"] = sum(cell.values())
            link = self._link(params, reason=reason, measure=measure)
            rows.append(Row(values, links={"total": link}))
        first = "year" if by_year else "reason"
        total = sum(totals.values())
        total_row = Row({first: "Tổng cộng", **totals, "total": total}, kind="total")
        columns = [Column("year", "Năm")] if by_year else []
        columns += [Column("reason", "Lý do (NĐ 29/2023)")]
        columns += [Column(c, label, "int") for c, label, _cats in CATEGORY_COLUMNS]
        columns += [Column("other", "Khác", "int"), Column("total", "Tổng số", "int")]
        what = (
            "đã nghỉ theo chính sách tinh giản biên chế" if measure == "exited" else "được đề nghị tinh giản"
        )
        notes = [
            f"Từ ngày {fmt_date(params.date_from)} đến ngày {fmt_date(params.date_to)}: {fmt_int(total)} "
            f"trường hợp {what}.",
            f"Cách đếm: {MEASURES[measure].lower()}; đơn vị là đơn vị của người đó khi đề nghị.",
        ]
        chart = {
            "type": "bar",
            "stacked": True,
            "labels": [
                " – ".join(str(r.values[c.key]) for c in columns[: 2 if by_year else 1]) for r in rows
            ],
            "datasets": [
                {"label": label, "data": [r.values[c] for r in rows]} for c, label, _cats in CATEGORY_COLUMNS
            ],
        }
        meta = {"measure": measure, "total": total, **totals}
        return ReportResult(
            columns=columns, rows=rows, totals=[total_row], notes=notes, chart=chart, meta=meta
        )

    @staticmethod
    def _link(params, *, reason, measure) -> str:
        data = {"unit": params.org.code if params.org else "", "reason": reason}
        if measure == "exited":
            data["status"] = CaseStatus.EXITED
        return CASE_LIST_URL + "?" + urlencode({k: v for k, v in data.items() if v})
