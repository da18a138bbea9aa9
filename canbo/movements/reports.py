"""The module's reports (registered in MovementsConfig.ready()): rotations by direction and period (seed 004:
district ↔ commune), appointments by kind and status.

Counted rows: `Movement` (one row = one rotation; persons counted distinct) dated in the interval, in scope when
the unit it left or the unit it went to is; `Appointment` proposed (created) or decided in the interval, in
scope by the unit of the post.
"""

from datetime import date
from urllib.parse import urlencode

from django import forms
from django.db.models import Count, Q

from canbo.accounts.scoping import unit_visibility_q
from canbo.reports.base import INTERVAL, Column, Report, ReportResult, Row
from canbo.reports.formatting import fmt_date, fmt_int
from canbo.reports.registry import register
from canbo.training.reports.measures import grouped_counts

from .choices import AppointmentKind, AppointmentStatus, Direction, MovementKind
from .models import Appointment, Movement

MOVEMENT_LIST_URL = "/bo-nhiem/dieu-dong/"
APPOINTMENT_LIST_URL = "/bo-nhiem/de-xuat/"
YEAR = "year"
GROUPS = {"direction": "Hướng", "year_direction": "Năm và hướng"}
DATED_KINDS = [
    (MovementKind.ROTATION.value, MovementKind.ROTATION.label),
    (MovementKind.TRANSFER.value, MovementKind.TRANSFER.label),
    (MovementKind.SECONDMENT.value, MovementKind.SECONDMENT.label),
]


def _choice(label, choices, initial, what):
    return forms.ChoiceField(
        label=label,
        required=False,
        initial=initial,
        choices=choices,
        error_messages={"invalid_choice": f"{what} “%(value)s” không hợp lệ."},
    )


def _either_unit_q(user, params, fields) -> Q:
    """In scope when any of `fields` (paths to OrgUnit.path) is a unit the user sees, inside --org."""
    condition = Q()
    if user is not None:
        parts = [unit_visibility_q(user, f) for f in fields]
        if all(p is not None for p in parts):
            visible = Q(pk__in=[])
            for part in parts:
                visible |= part
            condition &= visible
    if params.org is not None:
        within = Q(pk__in=[])
        for f in fields:
            within |= Q(**{f"{f}__startswith": params.org.path})
        condition &= within
    return condition


def _later(day, year, month, dom) -> str:
    return fmt_date(max(day, date(year, month, dom)))


def _earlier(day, year) -> str:
    return fmt_date(min(day, date(year, 12, 31)))


def _list_link(base: str, params, **filters) -> str:
    data = {
        "unit": params.org.code if params.org else "",
        "from": fmt_date(params.date_from),
        "to": fmt_date(params.date_to),
    }
    data.update(filters)
    return base + "?" + urlencode({k: v for k, v in data.items() if v not in ("", None)})


@register
class RotationsReport(Report):
    name = "rotations"
    title = "Luân chuyển, điều động cán bộ theo hướng"
    description = (
        "Số người và số lượt luân chuyển (hoặc điều động, biệt phái) bắt đầu trong một khoảng thời gian, theo "
        "hướng: tỉnh về huyện, huyện về xã, xã lên huyện, …; có thể chia theo năm."
    )
    period_kind = INTERVAL
    option_fields = {
        "kind": _choice("Hình thức", DATED_KINDS, MovementKind.ROTATION.value, "Hình thức"),
        "group": _choice("Chia theo", list(GROUPS.items()), "direction", "Cách chia"),
    }

    def run(self, *, user, params):
        kind = params.options.get("kind") or MovementKind.ROTATION
        by_year = params.options.get("group") == "year_direction"
        rows_in = Movement.objects.filter(
            _either_unit_q(user, params, ["from_unit__path", "to_unit__path"]),
            kind=kind,
            start_date__gte=params.date_from,
            start_date__lte=params.date_to,
        )
        dims = ["start_date__year", "direction"] if by_year else ["direction"]
        counts = grouped_counts(rows_in, dims)
        order = Direction.values
        keys = sorted(counts.cells, key=lambda k: (k[0], order.index(k[1])) if by_year else order.index(k[0]))
        rows, by_direction = [], {}
        for key in keys:
            year, direction = (int(key[0]), key[1]) if by_year else (None, key[0])
            cell = counts.cells[key]
            by_direction[direction] = by_direction.get(direction, 0) + cell["turns"]
            values = {"direction": str(Direction(direction).label), "direction_code": direction}
            span = {}
            if by_year:
                values = {YEAR: str(year), **values}
                span = {"from": _later(params.date_from, year, 1, 1), "to": _earlier(params.date_to, year)}
            link = _list_link(MOVEMENT_LIST_URL, params, kind=kind, direction=direction, **span)
            values.update(persons=cell["persons"], turns=cell["turns"])
            rows.append(Row(values, links={"persons": link, "turns": link}))
        first = YEAR if by_year else "direction"
        link = _list_link(MOVEMENT_LIST_URL, params, kind=kind)
        totals = [
            Row({first: "Tổng cộng", **counts.total}, kind="total", links={"persons": link, "turns": link})
        ]
        columns = [Column(YEAR, "Năm")] if by_year else []
        columns += [
            Column("direction", "Hướng"),
            Column("persons", "Số người", "int"),
            Column("turns", "Số lượt", "int"),
        ]
        between = by_direction.get(Direction.DISTRICT_TO_COMMUNE, 0) + by_direction.get(
            Direction.COMMUNE_TO_DISTRICT, 0
        )
        label = MovementKind(kind).label.lower()
        notes = [
            f"Từ ngày {fmt_date(params.date_from)} đến ngày {fmt_date(params.date_to)}: "
            f"{fmt_int(counts.total['persons'])} người, {fmt_int(counts.total['turns'])} lượt {label}; "
            f"giữa cấp huyện và cấp xã (hai chiều): {fmt_int(between)} lượt.",
            "Định nghĩa: đếm các quyết định có ngày bắt đầu trong khoảng (tính cả hai đầu); hướng theo cấp của "
            "đơn vị đi và đơn vị đến. Số người đếm mỗi người một lần.",
        ]
        chart = {
            "type": "bar",
            "stacked": False,
            "labels": [" – ".join(str(r.values[c.key]) for c in columns[:-2]) for r in rows],
            "datasets": [{"label": "Số lượt", "data": [r.values["turns"] for r in rows]}],
        }
        meta = {"by_direction": by_direction, "district_commune": between, **counts.total}
        return ReportResult(columns=columns, rows=rows, totals=totals, notes=notes, chart=chart, meta=meta)


MEASURES = {
    "proposed": "Đề xuất trong khoảng (ngày lập đề xuất)",
    "decided": "Có quyết định trong khoảng (ngày quyết định)",
}


@register
class AppointmentsReport(Report):
    name = "appointments"
    chart_stacked = True
    title = "Bổ nhiệm, bổ nhiệm lại theo hình thức và trạng thái"
    description = (
        "Số đề xuất bổ nhiệm lập (hoặc số quyết định bổ nhiệm ký) trong một khoảng thời gian, theo hình thức "
        "(lần đầu, chức vụ cao hơn, bổ nhiệm lại) và trạng thái hiện nay; có thể chia theo năm."
    )
    period_kind = INTERVAL
    option_fields = {
        "measure": _choice("Cách đếm", list(MEASURES.items()), "proposed", "Cách đếm"),
        "group": _choice(
            "Chia theo", [("kind", "Hình thức"), ("year_kind", "Năm và hình thức")], "kind", "Cách chia"
        ),
    }

    def run(self, *, user, params):
        measure = params.options.get("measure") or "proposed"
        by_year = params.options.get("group") == "year_kind"
        date_field = "created_at__date" if measure == "proposed" else "decision_date"
        qs = Appointment.objects.filter(
            _either_unit_q(user, params, ["unit__path"]),
            **{f"{date_field}__gte": params.date_from, f"{date_field}__lte": params.date_to},
        )
        year_field = "created_at__year" if measure == "proposed" else "decision_date__year"
        keys = [year_field, "kind", "status"] if by_year else ["kind", "status"]
        cells: dict[tuple, dict[str, int]] = {}
        for item in qs.order_by().values(*keys).annotate(n=Count("pk")):
            group = (int(item[year_field]), item["kind"]) if by_year else (item["kind"],)
            cells.setdefault(group, {})[item["status"]] = item["n"]
        statuses = AppointmentStatus.values
        kinds = AppointmentKind.values
        rows = []
        totals = dict.fromkeys(statuses, 0)
        for group in sorted(cells, key=lambda g: (g[0], kinds.index(g[1])) if by_year else kinds.index(g[0])):
            kind = group[-1]
            values = {"kind": str(AppointmentKind(kind).label), "kind_code": kind}
            if by_year:
                values = {YEAR: str(group[0]), **values}
            for status in statuses:
                values[status] = cells[group].get(status, 0)
                totals[status] += values[status]
            values["total"] = sum(cells[group].values())
            link = _list_link(APPOINTMENT_LIST_URL, params, kind=kind)
            rows.append(Row(values, links={"total": link}))
        first = YEAR if by_year else "kind"
        total_row = Row({first: "Tổng cộng", **totals, "total": sum(totals.values())}, kind="total")
        columns = [Column(YEAR, "Năm")] if by_year else []
        columns += [Column("kind", "Hình thức")]
        columns += [Column(s, str(AppointmentStatus(s).label), "int") for s in statuses]
        columns.append(Column("total", "Tổng số", "int"))
        notes = [
            f"Từ ngày {fmt_date(params.date_from)} đến ngày {fmt_date(params.date_to)}: "
            f"{fmt_int(total_row.values['total'])} {'đề xuất' if measure == 'proposed' else 'quyết định'}.",
            f"Cách đếm: {MEASURES[measure].lower()}; trạng thái là trạng thái hiện nay của đề xuất.",
        ]
        meta = {"measure": measure, "totals": totals, "total": total_row.values["total"]}
        return ReportResult(columns=columns, rows=rows, totals=[total_row], notes=notes, meta=meta)
