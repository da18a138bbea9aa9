"""Shared by the training reports: the options, what "started" and "completed" count, the one grouped query
(persons and lượt per group and overall) and the link from a figure to the enrolment list.

Every training report aggregates `Enrolment` (one row = one lượt), scoped by the unit at enrolment
(`Enrolment.unit`): a person who has since moved is counted where they were sent from.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django import forms
from django.core.exceptions import EmptyResultSet, ValidationError
from django.db import connections
from django.db.models import F, Q

from canbo.reports.base import ReportParams
from canbo.reports.formatting import fmt_date
from canbo.training.choices import EnrolmentResult, ProgrammeKind, TrainingForm, TrainingMode, Venue
from canbo.training.models import Programme

ENROLMENT_LIST_URL = "/dao-tao/luot-hoc/"
STARTED, COMPLETED = "started", "completed"
MEASURES = {
    STARTED: "Cử đi học, tham gia (ngày bắt đầu học trong khoảng)",
    COMPLETED: "Hoàn thành (có kết quả hoàn thành trong khoảng)",
}
ALL = [("", "— Tất cả —")]


def _choice(label: str, choices, what: str, **kwargs) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        required=False,
        choices=choices,
        error_messages={"invalid_choice": f"{what} “%(value)s” không hợp lệ."},
        **kwargs,
    )


def measure_field() -> forms.ChoiceField:
    return _choice(
        "Cách đếm",
        list(MEASURES.items()),
        "Cách đếm",
        initial=STARTED,
        help_text="started: người được cử đi học trong khoảng; completed: người hoàn thành trong khoảng.",
    )


def validate_programme(code: str) -> None:
    if code and not Programme.objects.filter(code=code).exists():
        raise ValidationError("Không có chương trình mã “%(code)s”.", params={"code": code})


def filter_fields() -> dict[str, forms.Field]:
    """The filters the enrolment list page also takes (same names): form, kind, programme, mode, venue."""
    return {
        "form": _choice("Hình thức", ALL + TrainingForm.choices, "Hình thức"),
        "kind": _choice("Nhóm chương trình", ALL + ProgrammeKind.choices, "Nhóm chương trình"),
        "programme": forms.CharField(
            label="Chương trình",
            required=False,
            max_length=40,
            help_text="Mã chương trình, ví dụ LLCT_CAO_CAP.",
            validators=[validate_programme],
        ),
        "mode": _choice("Hệ", ALL + TrainingMode.choices, "Hệ"),
        "venue": _choice("Trong nước / nước ngoài", ALL + Venue.choices, "Nơi học"),
    }


FILTER_PATHS = {
    "form": "programme__form",
    "kind": "programme__kind",
    "programme": "programme__code",
    "mode": "mode",
    "venue": "venue",
}


def filters_q(options: dict) -> Q:
    condition = Q()
    for name, path in FILTER_PATHS.items():
        if options.get(name):
            condition &= Q(**{path: options[name]})
    return condition


def measure_q(measure: str, params: ReportParams) -> Q:
    """started: start_date in the interval (every row, whatever its result); completed: result COMPLETED dated
    in the interval. Both ends of the interval included."""
    if measure == COMPLETED:
        return Q(
            result=EnrolmentResult.COMPLETED,
            result_date__gte=params.date_from,
            result_date__lte=params.date_to,
        )
    return Q(start_date__gte=params.date_from, start_date__lte=params.date_to)


def enrolment_link(params: ReportParams, **filters) -> str:
    """The enrolment list behind a figure: /dao-tao/luot-hoc/?unit=&from=&to=&measure=&form=&kind=&programme=
    &mode=&venue= (dates dd/mm/yyyy; also level=); the report's own filters are kept, `filters` add or override."""
    data = {
        "unit": params.org.code if params.org else "",
        "from": fmt_date(params.date_from) if params.date_from else "",
        "to": fmt_date(params.date_to) if params.date_to else "",
        "measure": params.options.get("measure") or STARTED,
    }
    data.update({name: params.options.get(name) or "" for name in FILTER_PATHS})
    data.update(filters)
    return ENROLMENT_LIST_URL + "?" + urlencode({k: v for k, v in data.items() if v})


@dataclass
class Grouped:
    """Per group (a tuple of the dimension values): persons, lượt and sums; `total` the same over all rows,
    persons counted distinct over everything (not the sum of the groups)."""

    cells: dict[tuple, dict] = field(default_factory=dict)
    total: dict = field(default_factory=lambda: {"persons": 0, "turns": 0})


def grouped_counts(queryset, dims: list[str], *, sums: dict[str, str] | None = None) -> Grouped:
    """COUNT(DISTINCT person), COUNT(*) and SUM of `sums` per value of `dims` and overall — one query.

    `dims` are field paths of the queryset's model ("programme", "unit__level"); `sums` maps an output key to a
    field path. PostgreSQL: GROUPING SETS ((dims), ()); SQLite: UNION ALL over a CTE.
    """
    sums = sums or {}
    aliases = [f"g{i}" for i in range(len(dims))]
    summed = [f"s{i}" for i in range(len(sums))]
    values = {a: F(d) for a, d in zip(aliases, dims, strict=True)}
    values.update({a: F(path) for a, path in zip(summed, sums.values(), strict=True)})
    inner = queryset.order_by().values(**values, p_=F("person"))
    result = Grouped(total={"persons": 0, "turns": 0, **dict.fromkeys(sums, 0)})
    try:
        inner_sql, params = inner.query.sql_with_params()
    except EmptyResultSet:  # a user who sees no unit
        return result
    group = ", ".join(aliases)
    figures = "COUNT(DISTINCT p_), COUNT(*)" + "".join(f", SUM({a})" for a in summed)
    connection = connections[queryset.db]
    if connection.vendor == "postgresql":
        sql = (
            f"SELECT {group}, GROUPING(g0), {figures} FROM ({inner_sql}) AS t "  # noqa: S608
            f"GROUP BY GROUPING SETS (({group}), ())"
        )
    else:
        nulls = ", ".join(["NULL"] * len(aliases))
        sql = (
            f"WITH t AS ({inner_sql}) SELECT {group}, 0, {figures} FROM t GROUP BY {group} "  # noqa: S608
            f"UNION ALL SELECT {nulls}, 1, {figures} FROM t"
        )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for row in cursor.fetchall():
            keys, (overall, persons, turns, *totals) = tuple(row[: len(aliases)]), row[len(aliases) :]
            cell = {"persons": persons, "turns": turns}
            cell.update({k: int(v or 0) for k, v in zip(sums, totals, strict=True)})
            if overall:
                if turns:
                    result.total = cell
            else:
                result.cells[keys] = cell
    return result


PERSONS_NOTE = (
    "Số người đếm mỗi người một lần; số lượt đếm mỗi lần học (một người học hai chương trình là 1 người, "
    "2 lượt). Dòng tổng cộng đếm số người không trùng trên toàn bộ, nên có thể nhỏ hơn tổng số người của "
    "các dòng."
)
