"""The module's report (registered in PartyConfig.ready()): Party admissions against the congress target.

Counted rows: `Admission` (one row = one person admitted, whatever happened later) whose admission date falls in
the target's term — from the day of the congress resolution when it is recorded (else 1/1 of the first year) to
31/12 of the last year — and on or before the report's date (`on`, default today: progress mid-term), and whose
Party organisation is the target's or under it. Seed 002: `--on 30/06/2023 --term 2020-2025` → 2.715 admitted =
54,3 % of the target.
"""

from datetime import date

from django import forms
from django.db.models import Count, Q
from django.utils import timezone

from canbo.core.numbers import fmt_pct, share
from canbo.reports.base import SNAPSHOT, Column, Report, ReportResult, Row, scope_q
from canbo.reports.formatting import fmt_date, fmt_int
from canbo.reports.registry import register

from .models import Admission, AdmissionTarget

LIST_URL = "/dang-vien/"


def term_start(target: AdmissionTarget) -> date:
    """A term counts from its congress resolution (when recorded and in the first year or later), else 1/1."""
    first = date(target.start_year, 1, 1)
    return max(target.resolution_date, first) if target.resolution_date else first


@register
class PartyAdmissionsReport(Report):
    name = "party-admissions"
    chart_columns = ("target", "admitted")
    title = "Kết nạp đảng viên so với chỉ tiêu nghị quyết đại hội"
    description = (
        "Số người được kết nạp vào Đảng từ đầu nhiệm kỳ đến ngày chọn so với chỉ tiêu nghị quyết đại hội của "
        "từng tổ chức đảng (tính cả các tổ chức đảng trực thuộc), tỷ lệ đạt (%)."
    )
    period_kind = SNAPSHOT
    option_fields = {
        "term": forms.RegexField(
            label="Nhiệm kỳ",
            regex=r"^\d{4}-\d{4}$",
            required=False,
            help_text="Ví dụ 2020-2025; để trống: mọi nhiệm kỳ.",
            error_messages={"invalid": "Nhiệm kỳ ghi theo dạng 2020-2025."},
        )
    }

    def run(self, *, user, params):
        term = params.options.get("term") or ""
        targets = AdmissionTarget.objects.filter(scope_q(user=user, params=params, field="party_org__path"))
        if term:
            start, end = (int(y) for y in term.split("-"))
            targets = targets.filter(start_year=start, end_year=end)
        targets = list(targets.select_related("party_org").order_by("-start_year", "party_org__path"))
        on = params.on or timezone.localdate()
        counts = {}
        if targets:  # one aggregate query: a filtered count per target
            admitted = Admission.objects.filter(scope_q(user=user, params=params, field="party_org__path"))
            counts = admitted.aggregate(
                **{
                    f"t{i}": Count(
                        "pk",
                        filter=Q(
                            party_org__path__startswith=t.party_org.path,
                            admitted_on__gte=term_start(t),
                            admitted_on__lte=min(on, date(t.end_year, 12, 31)),
                        ),
                    )
                    for i, t in enumerate(targets)
                }
            )
        rows, sums = [], {}
        for i, t in enumerate(targets):
            done = counts[f"t{i}"]
            values = {
                "term": t.period,
                "party_org": t.party_org.name,
                "resolution": t.resolution_number,
                "target": t.target,
                "admitted": done,
                "pct": share(done, t.target),
            }
            link = f"{LIST_URL}?party_org={t.party_org.code}"
            rows.append(Row(values, links={"admitted": link}))
            nested = any(
                o is not t and o.period == t.period and t.party_org.path.startswith(o.party_org.path)
                for o in targets
            )
            if not nested:  # totals add up the outermost organisations only
                s = sums.setdefault(t.period, {"target": 0, "admitted": 0})
                s["target"] += t.target
                s["admitted"] += done
        totals = [
            Row(
                {"term": period, "party_org": "Tổng cộng", **s, "pct": share(s["admitted"], s["target"])},
                kind="total",
            )
            for period, s in sums.items()
        ]
        columns = [
            Column("term", "Nhiệm kỳ"),
            Column("party_org", "Tổ chức đảng"),
            Column("resolution", "Nghị quyết"),
            Column("target", "Chỉ tiêu", "int"),
            Column("admitted", "Đã kết nạp", "int"),
            Column("pct", "Đạt (%)", "pct"),
        ]
        notes = [
            f"Nhiệm kỳ {period}, đến ngày {fmt_date(on)}: kết nạp {fmt_int(s['admitted'])} đảng viên = "
            f"{fmt_pct(share(s['admitted'], s['target']))} chỉ tiêu ({fmt_int(s['target'])})."
            for period, s in sums.items()
        ] or ["Chưa có chỉ tiêu kết nạp đảng viên nào trong phạm vi."]
        notes.append(
            "Định nghĩa: đếm người được kết nạp (theo ngày kết nạp) từ ngày nghị quyết đại hội (nếu có, nếu không "
            "từ 01/01 năm đầu nhiệm kỳ) đến ngày chọn và không quá 31/12 năm cuối nhiệm kỳ, ở tổ chức đảng có chỉ "
            "tiêu và các tổ chức đảng trực thuộc; dòng tổng cộng chỉ cộng các tổ chức đảng cấp trên cùng."
        )
        meta = {period: {**s, "pct": str(share(s["admitted"], s["target"]))} for period, s in sums.items()}
        return ReportResult(columns=columns, rows=rows, totals=totals, notes=notes, meta=meta)
