"""The report framework: a report is a class with a slug, a Vietnamese title, a parameters form and `run`.

Every door (command, HTML page, API, dashboard) goes through `Report.parse` (validation and scoping of the
parameters) and `Report.run` (a few aggregate queries), so a figure is computed once for all of them.
`user=None` means a system report with the whole province in scope (the command without --user).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar
from urllib.parse import urlencode

from django import forms
from django.db.models import Q

from canbo.accounts.models import Role
from canbo.accounts.scoping import has_role, unit_visibility_q
from canbo.core.db_router import replica_reads

from .formatting import fmt_date
from .forms import ReportForm
from .params import INTERVAL, SNAPSHOT, UNDATED, ReportParams  # noqa: F401 (reports import them from here)

PEOPLE_LIST_URL = "/can-bo/"
REPORT_ROLES = (Role.PROVINCE_BOARD, Role.STANDING_COMMITTEE, Role.UNIT_OFFICER, Role.LEADER)


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    # text | int | pct (a share in %) | pp (a change in percentage points); pct2 / pp2: the same with two decimals
    kind: str = "text"

    @property
    def numeric(self) -> bool:
        return self.kind != "text"


@dataclass
class Row:
    values: dict[str, Any]
    kind: str = "data"  # data | subtotal | total
    links: dict[str, str] = field(default_factory=dict)


@dataclass
class ReportResult:
    columns: list[Column]
    rows: list[Row]
    totals: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    chart: dict | None = None
    meta: dict = field(default_factory=dict)  # machine-readable extras (e.g. the reconciliation)
    # Filled in by Report.run_with: what was asked, for titles, file names and the JSON output.
    report: str = ""
    title: str = ""
    parameters: dict = field(default_factory=dict)
    parameters_text: str = ""


CHART_MAX_BARS = (
    40  # more bar groups than this are unreadable at 1366 px: the first ones, as the table orders
)


def table_chart(result: ReportResult, *, columns: tuple[str, ...] = (), stacked: bool = False) -> dict | None:
    """The chart of a table: its text columns name each row, its count columns (`columns`, by default all but a
    total) are the series. None for a table without counts or rows (a list of people has no chart)."""
    labels_from = [c for c in result.columns if not c.numeric][:2]
    series = [
        c
        for c in result.columns
        if c.kind == "int" and (c.key in columns if columns else c.key not in ("total", "tong"))
    ]
    rows = [r for r in result.rows if r.kind == "data"][:CHART_MAX_BARS]
    if not labels_from or not series or not rows:
        return None
    return {
        "type": "bar",
        "stacked": stacked,
        "labels": [" – ".join(str(r.values.get(c.key, "")) for c in labels_from) for r in rows],
        "datasets": [{"label": c.label, "data": [r.values.get(c.key) or 0 for r in rows]} for c in series],
    }


class ReportParameterError(Exception):
    """Bad parameters: `errors` maps a parameter to Vietnamese messages; `not_found` for an org outside scope."""

    def __init__(self, errors: dict[str, list[str]], *, not_found: bool = False):
        self.errors = errors
        self.not_found = not_found
        super().__init__(self.message)

    @property
    def message(self) -> str:
        parts = []
        for name, messages in self.errors.items():
            prefix = "" if name == "__all__" else f"{name}: "
            parts.extend(prefix + str(m) for m in messages)
        return "; ".join(parts)


def can_view_reports(user) -> bool:
    """Board, unit officers and leaders read reports; officials and the system administrator do not."""
    if user is None:
        return True
    return has_role(user, *REPORT_ROLES)


def scope_q(*, user, params: ReportParams, field: str = "unit__path") -> Q:
    """Units the acting user may see (board or system: all), narrowed to the --org subtree."""
    condition = Q()
    if user is not None:
        visible = unit_visibility_q(user, field)
        if visible is not None:
            condition &= visible
    if params.org is not None:
        condition &= Q(**{f"{field}__startswith": params.org.path})
    return condition


def people_link(params: ReportParams, **filters) -> str:
    """The person list behind a figure (canbo.people.filters.PersonFilterForm's GET parameters)."""
    as_of = params.date_to if params.is_period else params.on
    data = {"unit": params.org.code if params.org else "", "on": f"{as_of:%d/%m/%Y}" if as_of else ""}
    data.update(filters)
    return PEOPLE_LIST_URL + "?" + urlencode({k: v for k, v in data.items() if v})


class Report:
    """Subclass, set the class attributes, implement `run`, and decorate with `registry.register`."""

    name: ClassVar[str] = ""
    title: ClassVar[str] = ""
    description: ClassVar[str] = ""
    period_allowed: ClassVar[bool] = False  # True: --from/--to (two snapshots) besides --on
    period_kind: ClassVar[str] = SNAPSHOT  # SNAPSHOT, INTERVAL (from/to, no on) or UNDATED
    option_fields: ClassVar[dict[str, forms.Field]] = {}
    # A report whose `run` draws no chart gets table_chart(): bars of these count columns (by default every count
    # column but the total), one bar group per row.
    chart_columns: ClassVar[tuple[str, ...]] = ()
    chart_stacked: ClassVar[bool] = False

    def default_options(self, *, user) -> dict:
        """Values for options left empty (the current year, the latest term, ...), so that every report opens
        with figures; a report overrides this for its own options."""
        return {}

    def form(self, data=None, *, user):
        return ReportForm(data, report=self, user=user)

    def parse(self, data, *, user) -> ReportParams:
        form = self.form(data, user=user)
        if not form.is_valid():
            raise ReportParameterError(
                {k: [str(m) for m in v] for k, v in form.errors.items()}, not_found=form.org_not_found
            )
        return form.params()

    def run(self, *, user, params: ReportParams) -> ReportResult:
        raise NotImplementedError

    def run_with(self, *, user, params: ReportParams) -> ReportResult:
        """`run`, then label the result with the report and its parameters (what every door shows).

        The aggregates may read from the replica (canbo.core.db_router): every door runs reports through here.
        """
        with replica_reads():
            result = self.run(user=user, params=params)
        if result.chart is None:
            result.chart = table_chart(result, columns=self.chart_columns, stacked=self.chart_stacked)
        result.report, result.title = self.name, self.title
        result.parameters = params.as_dict()
        result.parameters_text = self.describe_params(user=user, params=params)
        return result

    def execute(self, *, user, data) -> ReportResult:
        return self.run_with(user=user, params=self.parse(data, user=user))

    def describe_params(self, *, user, params: ReportParams) -> str:
        if params.interval:
            when = f"Từ ngày {fmt_date(params.date_from)} đến ngày {fmt_date(params.date_to)}"
        elif self.period_kind == UNDATED:
            when = f"Số liệu ghi nhận đến ngày {fmt_date(params.on)}"
        elif params.is_period:
            when = f"So sánh ngày {fmt_date(params.date_from)} với ngày {fmt_date(params.date_to)}"
        else:
            when = f"Tính đến ngày {fmt_date(params.on)}"
        if params.org is not None:
            scope = f"đơn vị {params.org.name} ({params.org.code}) và các đơn vị trực thuộc"
        elif user is None or has_role(user, Role.PROVINCE_BOARD, Role.STANDING_COMMITTEE):
            scope = "toàn tỉnh"
        else:
            scope = "các đơn vị anh/chị được xem"
        parts = [when, f"phạm vi: {scope}"]
        form = self.form(user=user)
        for key, value in params.options.items():
            if value:
                field_ = form.fields[key]
                label = dict(getattr(field_, "choices", [])).get(value, value)
                parts.append(f"{str(field_.label).lower()}: {label}")
        return "; ".join(parts)

    def describe(self) -> dict:
        """Name, title and the parameters it accepts (the API's list and `report --list`)."""
        form = self.form(user=None)
        params = []
        for name, field_ in form.fields.items():
            item = {"name": name, "label": str(field_.label), "help": str(field_.help_text or "")}
            item["type"] = "date" if isinstance(field_, forms.DateField) else "string"
            if getattr(field_, "choices", None):
                item["choices"] = [{"value": v, "label": str(label)} for v, label in field_.choices if v]
            params.append(item)
        return {"name": self.name, "title": self.title, "description": self.description, "parameters": params}
