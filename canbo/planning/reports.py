"""The planning reports, registered with canbo.reports (imported by PlanningConfig.ready):

- planning-changes: approved additions (first approval or supplement) and removals in an interval, by decision,
  tier or unit (seed 002: 71 supplements approved from the congress to 06/2023, terms 2020–2025 / 2021–2026);
- planning-composition: the plan's posts, candidates, ratio and women / young / full-term shares per unit and
  for the whole scope, as of a date, against the term's targets (rule 11);
- planning-gaps: people sitting in or planned for the posts of each tier who lack a qualification (default
  advanced political theory), by tier (seed 001: 31 / 20 / 842). Definitions in canbo/planning/gaps.py.
Scope: the post's unit, within the user's units.
"""

from urllib.parse import urlencode

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Count, F

from canbo.accounts.scoping import reads_all_units
from canbo.org.models import OrgUnit
from canbo.people.choices import ALL_LEVEL_CHOICES, QualificationScale, level_label, level_rank
from canbo.reports.base import INTERVAL, Column, Report, ReportResult, Row
from canbo.reports.formatting import fmt_date, fmt_decimal, fmt_int, fmt_pct, round1
from canbo.reports.forms import ReportForm
from canbo.reports.registry import register

from .choices import PlanningTier
from .gaps import TIERS, gap_counts, gap_terms
from .models import PlanningDecision, PlanningEntry, PlanningTerm
from .selectors import MIN_PLAN_RATIO, plan_composition, scope_condition, term_default

PLAN_URL = "/quy-hoach/{term}/"
GAP_LIST_URL = "/quy-hoach/thieu-trinh-do/"
OK_TEXT = {True: "Đạt", False: "Chưa đạt", None: "—"}


def _validate_term(code: str) -> None:
    if code and not PlanningTerm.objects.filter(code=code).exists():
        raise ValidationError("Không có nhiệm kỳ quy hoạch “%(code)s”.", params={"code": code})


def term_field(help_text: str) -> forms.CharField:
    return forms.CharField(
        label="Nhiệm kỳ", required=False, max_length=20, help_text=help_text, validators=[_validate_term]
    )


def _term(code: str) -> PlanningTerm | None:
    return PlanningTerm.objects.filter(code=code).first() if code else None


# --- changes ---------------------------------------------------------------------------------------------------

GROUPS = {  # option -> (label, field of additions, field of removals)
    "decision": ("Quyết định", "approved_by", "removed_by"),
    "tier": ("Nhóm quy hoạch", "post__tier", "post__tier"),
    "unit": ("Đơn vị", "post__unit", "post__unit"),
}
KINDS = [
    ("", "Tất cả (phê duyệt và bổ sung)"),
    ("supplement", "Bổ sung quy hoạch"),
    ("initial", "Phê duyệt lần đầu"),
]


@register
class PlanningChangesReport(Report):
    name = "planning-changes"
    title = "Biến động quy hoạch cán bộ"
    description = (
        "Số trường hợp được phê duyệt (bổ sung) vào quy hoạch và đưa ra khỏi quy hoạch trong một khoảng thời "
        "gian, theo quyết định, nhóm quy hoạch hoặc đơn vị."
    )
    period_kind = INTERVAL
    option_fields = {
        "term": term_field("Mã nhiệm kỳ, ví dụ 2020-2025; để trống: mọi nhiệm kỳ."),
        "kind": forms.ChoiceField(
            label="Loại phê duyệt",
            required=False,
            choices=KINDS,
            error_messages={"invalid_choice": "Loại “%(value)s” không hợp lệ (supplement hoặc initial)."},
        ),
        "group": forms.ChoiceField(
            label="Chia theo",
            required=False,
            initial="decision",
            choices=[(k, v[0]) for k, v in GROUPS.items()],
            error_messages={"invalid_choice": "Cách chia “%(value)s” không hợp lệ."},
        ),
    }

    def run(self, *, user, params):
        opts = params.options
        label, add_field, rem_field = GROUPS[opts.get("group") or "decision"]
        base = PlanningEntry.objects.filter(scope_condition(user=user, org=params.org))
        if opts.get("term"):
            base = base.filter(post__term__code=opts["term"])
        span = (params.date_from, params.date_to)
        added = base.filter(approved_by__isnull=False, approved_on__range=span)
        if opts.get("kind"):
            added = added.filter(is_supplement=opts["kind"] == "supplement")
        removed = base.filter(removed_by__isnull=False, removed_on__range=span)
        cells: dict = {}
        for row in (
            added.order_by().values(k=F(add_field)).annotate(n=Count("pk"), p=Count("person", distinct=True))
        ):
            cells.setdefault(row["k"], {})["added"], cells[row["k"]]["persons"] = row["n"], row["p"]
        for row in removed.order_by().values(k=F(rem_field)).annotate(n=Count("pk")):
            cells.setdefault(row["k"], {})["removed"] = row["n"]
        labels, order = self._labels(opts.get("group") or "decision", set(cells))
        rows = []
        for key in sorted(cells, key=order):
            c = cells[key]
            values = {"group": labels[key], "added": c.get("added", 0), "persons": c.get("persons", 0)}
            rows.append(Row({**values, "removed": c.get("removed", 0)}))
        total = added.aggregate(n=Count("pk"), p=Count("person", distinct=True))
        n_removed = removed.count()
        totals = [
            Row(
                {"group": "Tổng cộng", "added": total["n"], "persons": total["p"], "removed": n_removed},
                "total",
            )
        ]
        kind = {"": "", "supplement": " (bổ sung quy hoạch)", "initial": " (phê duyệt lần đầu)"}[
            opts.get("kind") or ""
        ]
        notes = [
            f"Từ ngày {fmt_date(params.date_from)} đến ngày {fmt_date(params.date_to)}: "
            f"{fmt_int(total['n'])} trường hợp được phê duyệt vào quy hoạch{kind}, {fmt_int(total['p'])} người; "
            f"{fmt_int(n_removed)} trường hợp đưa ra khỏi quy hoạch.",
            "Định nghĩa: một trường hợp là một người được phê duyệt vào quy hoạch một chức danh (ngày phê duyệt "
            "trong khoảng, tính cả hai đầu, theo quyết định của cơ quan có thẩm quyền), kể cả người sau đó đã "
            "được đưa ra; đưa ra khỏi quy hoạch tính theo ngày của quyết định đưa ra. Đề xuất bị rút trước khi "
            "phê duyệt không được tính.",
            "Số người đếm mỗi người một lần dù được quy hoạch nhiều chức danh.",
        ]
        return ReportResult(
            columns=[
                Column("group", label),
                Column("added", "Phê duyệt, bổ sung (trường hợp)", "int"),
                Column("persons", "Số người được phê duyệt", "int"),
                Column("removed", "Đưa ra khỏi quy hoạch (trường hợp)", "int"),
            ],
            rows=rows,
            totals=totals,
            notes=notes,
            chart={
                "type": "bar",
                "stacked": False,
                "labels": [r.values["group"] for r in rows],
                "datasets": [
                    {"label": "Phê duyệt, bổ sung", "data": [r.values["added"] for r in rows]},
                    {"label": "Đưa ra", "data": [r.values["removed"] for r in rows]},
                ],
            },
            meta={"added": total["n"], "persons": total["p"], "removed": n_removed},
        )

    @staticmethod
    def _labels(group: str, keys: set):
        if group == "decision":
            found = {d.pk: d for d in PlanningDecision.objects.filter(pk__in=keys).select_related("term")}
            labels = {
                k: f"Số {d.number} ngày {d.date:%d/%m/%Y} – {d.approving_body}" for k, d in found.items()
            }
            return labels, lambda k: (found[k].date, found[k].number)
        if group == "tier":
            return {k: str(PlanningTier(k).label) for k in keys}, lambda k: TIERS.index(k)
        units = {u.pk: u for u in OrgUnit.objects.filter(pk__in=keys).only("name", "code", "path")}
        return {k: f"{u.name} ({u.code})" for k, u in units.items()}, lambda k: units[k].path


# --- composition -----------------------------------------------------------------------------------------------


@register
class PlanningCompositionReport(Report):
    name = "planning-composition"
    chart_columns = ("seats", "persons")
    title = "Cơ cấu, tỷ lệ quy hoạch cán bộ"
    description = (
        "Số chức danh, số người quy hoạch, hệ số quy hoạch, tỷ lệ nữ, cán bộ trẻ và người đủ tuổi công tác "
        "trọn nhiệm kỳ theo đơn vị và toàn tỉnh, tại một ngày, so với chỉ tiêu của nhiệm kỳ."
    )
    option_fields = {
        "term": term_field("Mã nhiệm kỳ; để trống: nhiệm kỳ đang diễn ra vào ngày chốt (hoặc nhiệm kỳ tới).")
    }

    def run(self, *, user, params):
        term = _term(params.options.get("term")) or term_default(params.on)
        columns = [
            Column("unit", "Đơn vị"),
            Column("seats", "Số chức danh", "int"),
            Column("entries", "Lượt quy hoạch (người × chức danh)", "int"),
            Column("persons", "Số người", "int"),
            Column("ratio", "Hệ số quy hoạch", "pct"),
            Column("ratio_ok", "Hệ số"),
            Column("women_pct", "Nữ (%)", "pct"),
            Column("women_ok", "Tỷ lệ nữ"),
            Column("young_pct", "Cán bộ trẻ (%)", "pct"),
            Column("young_ok", "Tỷ lệ trẻ"),
            Column("full_term_pct", "Đủ tuổi trọn nhiệm kỳ (%)", "pct"),
            Column("full_term_ok", "Độ tuổi"),
        ]
        if term is None:
            return ReportResult(columns=columns, rows=[], notes=["Chưa có nhiệm kỳ quy hoạch nào."])
        table = plan_composition(user=user, term=term, on=params.on, org=params.org)
        link = PLAN_URL.format(term=term.pk) + "?" + urlencode({"on": fmt_date(params.on)})
        rows = [
            Row(self._values(r, r.unit["name"]), links={"persons": f"{link}&unit={r.unit['code']}"})
            for r in table.rows
        ]
        whole = params.org is None and (user is None or reads_all_units(user))
        scope = "Toàn tỉnh" if whole else "Toàn bộ phạm vi"
        totals = [Row(self._values(table.total, scope), "total", links={"persons": link})]
        t = table.total
        notes = [
            f"Nhiệm kỳ {term.code} ({fmt_date(term.start_date)} – {fmt_date(term.end_date)}), tính đến ngày "
            f"{fmt_date(params.on)}: {fmt_int(t.persons)} người, {fmt_int(t.entries)} lượt quy hoạch cho "
            f"{fmt_int(t.seats)} chức danh; hệ số {fmt_decimal(round1(t.ratio))}; nữ {fmt_pct(t.women_pct)}.",
            f"Chỉ tiêu: hệ số quy hoạch từ {MIN_PLAN_RATIO} đến {term.max_per_post} người một chức danh; nữ từ "
            f"{term.min_women_pct} %; cán bộ trẻ (dưới {term.young_age} tuổi tại ngày bắt đầu nhiệm kỳ) từ "
            f"{term.min_young_pct} %; mọi người đủ tuổi công tác trọn nhiệm kỳ (ngày nghỉ hưu theo lộ trình "
            "NĐ 135/2020 không trước ngày kết thúc nhiệm kỳ).",
            "Định nghĩa: người trong quy hoạch là người được phê duyệt đến ngày chốt và chưa bị đưa ra; hệ số = "
            "lượt quy hoạch ÷ số chức danh; các tỷ lệ tính trên số người (mỗi người một lần).",
        ]
        return ReportResult(
            columns=columns,
            rows=rows,
            totals=totals,
            notes=notes,
            meta={
                "term": term.code,
                "persons": t.persons,
                "entries": t.entries,
                "seats": t.seats,
                "women": t.women,
                "young": t.young,
                "full_term": t.full_term,
            },
        )

    @staticmethod
    def _values(c, label: str) -> dict:
        return {
            "unit": label,
            "seats": c.seats,
            "entries": c.entries,
            "persons": c.persons,
            "ratio": round1(c.ratio),
            "ratio_ok": OK_TEXT[c.ratio_ok],
            "women_pct": round1(c.women_pct),
            "women_ok": OK_TEXT[c.women_ok],
            "young_pct": round1(c.young_pct),
            "young_ok": OK_TEXT[c.young_ok],
            "full_term_pct": round1(c.full_term_pct),
            "full_term_ok": OK_TEXT[c.full_term_ok],
        }


# --- gaps by tier ----------------------------------------------------------------------------------------------

DEFAULT_SCALE, DEFAULT_LEVEL = QualificationScale.POLITICAL_THEORY.value, "CAO_CAP"


class GapsForm(ReportForm):
    def clean(self):
        data = super().clean()
        scale = data.get("scale") or DEFAULT_SCALE
        level = data.get("level") or (DEFAULT_LEVEL if scale == DEFAULT_SCALE else "")
        if "level" not in self.errors and level_rank(scale, level) is None:
            self.add_error("level", f"Chọn một trình độ của loại “{QualificationScale(scale).label}”.")
        return data


@register
class PlanningGapsReport(Report):
    name = "planning-gaps"
    title = "Cán bộ đương chức và trong quy hoạch chưa đạt trình độ"
    description = (
        "Số người đang giữ hoặc được quy hoạch các chức danh của từng nhóm (lãnh đạo cấp tỉnh, cấp huyện, "
        "trưởng phòng và tương đương) chưa có một trình độ (mặc định cao cấp lý luận chính trị), tại một ngày."
    )
    option_fields = {
        "term": term_field("Mã nhiệm kỳ; để trống: mọi nhiệm kỳ chưa kết thúc vào ngày chốt."),
        "scale": forms.ChoiceField(
            label="Loại trình độ",
            required=False,
            initial=DEFAULT_SCALE,
            choices=QualificationScale.choices,
            error_messages={"invalid_choice": "Loại trình độ “%(value)s” không hợp lệ."},
        ),
        "level": forms.ChoiceField(
            label="Trình độ tối thiểu",
            required=False,
            initial=DEFAULT_LEVEL,
            choices=[("", "—")] + ALL_LEVEL_CHOICES,
            error_messages={"invalid_choice": "Trình độ “%(value)s” không hợp lệ."},
        ),
    }

    def form(self, data=None, *, user):
        return GapsForm(data, report=self, user=user)

    def run(self, *, user, params):
        opts = params.options
        scale = opts.get("scale") or DEFAULT_SCALE
        level = opts.get("level") or DEFAULT_LEVEL
        rank = level_rank(scale, level)
        terms = gap_terms(params.on, _term(opts.get("term")))
        counts = gap_counts(user=user, on=params.on, terms=terms, scale=scale, rank=rank, org=params.org)
        query = {"on": fmt_date(params.on), "scale": scale, "level": level, "term": opts.get("term") or ""}
        if params.org is not None:
            query["org"] = params.org.code
        rows = []
        for tier in PlanningTier:
            if tier.value == PlanningTier.COMMUNE and not counts[tier.value]:
                continue
            link = GAP_LIST_URL + "?" + urlencode({**query, "tier": tier.value})
            rows.append(
                Row({"tier": str(tier.label), "persons": counts[tier.value]}, links={"persons": link})
            )
        totals = [Row({"tier": "Tổng số người (mỗi người một lần)", "persons": counts["total"]}, "total")]
        totals[0].links = {"persons": GAP_LIST_URL + "?" + urlencode(query)}
        what = f"{level_label(scale, level).lower()} {QualificationScale(scale).label.lower()}"
        notes = [
            f"Chưa đạt: không có văn bằng, chứng chỉ {QualificationScale(scale).label.lower()} từ mức "
            f"“{level_label(scale, level)}” trở lên cấp trước hoặc đúng ngày {fmt_date(params.on)}.",
            "Đương chức: người có quá trình công tác vào ngày chốt giữ chức vụ của một chức danh quy hoạch của "
            "nhóm đó tại chính đơn vị của chức danh. Trong quy hoạch: người được phê duyệt vào quy hoạch một chức "
            "danh của nhóm, chưa bị đưa ra vào ngày chốt.",
            "Nhiệm kỳ: "
            + (
                ", ".join(t.code for t in terms)
                if terms
                else "chưa có nhiệm kỳ nào chưa kết thúc vào ngày chốt"
            )
            + ". Một người có thể thuộc hai nhóm; dòng tổng đếm mỗi người một lần.",
        ]
        return ReportResult(
            columns=[Column("tier", "Nhóm chức danh"), Column("persons", f"Số người chưa có {what}", "int")],
            rows=rows,
            totals=totals,
            notes=notes,
            chart={
                "type": "bar",
                "stacked": False,
                "labels": [r.values["tier"] for r in rows],
                "datasets": [{"label": "Số người", "data": [r.values["persons"] for r in rows]}],
            },
            meta={**{t: counts[t] for t in TIERS}, "total": counts["total"]},
        )
