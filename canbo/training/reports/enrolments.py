"""Training and fostering by programme (or kind, form, mode, venue, level): persons and lượt in an interval.

Counted rows: `Enrolment` (one row = one lượt) whose unit at enrolment is in scope, matching the filters, and
- measure `started` (default): start_date within [from, to] — everyone sent or enrolled, whatever the result
  (a withdrawal still was a lượt sent);
- measure `completed`: result COMPLETED with result_date within [from, to].
persons = COUNT(DISTINCT person), lượt = COUNT(*), per group; the total row counts distinct persons over all
rows, so it may be less than the sum of the groups. Grouping by `level` is the level (tỉnh, huyện, xã) of the
unit at enrolment. Seed 001: 2015–2020, form BOI_DUONG → 85.289 lượt; kind POLITICAL_THEORY → 5.764 persons;
2020, programme LLCT_CAO_CAP, group mode → 47 full-time, 143 part-time. `exclude_kind` leaves one kind out (seed
000: everything but the degree courses, the persons of the political-theory, state-management, leadership, English
and IT courses together, counted once).
"""

from dataclasses import dataclass

from django import forms

from canbo.org.models import AdminLevel
from canbo.reports.base import INTERVAL, Column, Report, ReportResult, Row, scope_q
from canbo.reports.formatting import fmt_date, fmt_int
from canbo.reports.registry import register
from canbo.training.choices import ProgrammeKind, TrainingForm, TrainingMode, Venue
from canbo.training.models import Enrolment, Programme

from .measures import (
    COMPLETED,
    PERSONS_NOTE,
    enrolment_link,
    filter_fields,
    filters_q,
    grouped_counts,
    measure_field,
    measure_q,
)


@dataclass(frozen=True)
class Dim:
    key: str  # the column key
    path: str  # field path on Enrolment
    label: str
    choices: type | None  # a TextChoices; None: the programme (labels read from the catalogue)
    link_param: str | None  # the enrolment list's filter for this dimension (None: no such filter)


PROGRAMME = Dim("programme", "programme", "Chương trình", None, "programme")
MODE = Dim("mode", "mode", "Hệ", TrainingMode, "mode")
DIMS = {
    "programme": [PROGRAMME],
    "kind": [Dim("kind", "programme__kind", "Nhóm chương trình", ProgrammeKind, "kind")],
    "form": [Dim("form", "programme__form", "Hình thức", TrainingForm, "form")],
    "mode": [MODE],
    "venue": [Dim("venue", "venue", "Trong nước / nước ngoài", Venue, "venue")],
    "level": [Dim("level", "unit__level", "Cấp", AdminLevel, "level")],
    "programme_mode": [PROGRAMME, MODE],
}
GROUP_LABELS = {
    "programme": "Chương trình",
    "kind": "Nhóm chương trình",
    "form": "Hình thức (đào tạo / bồi dưỡng)",
    "mode": "Hệ",
    "venue": "Trong nước / nước ngoài",
    "level": "Cấp của đơn vị",
    "programme_mode": "Chương trình và hệ",
}


@register
class TrainingEnrolmentsReport(Report):
    name = "training-enrolments"
    title = "Đào tạo, bồi dưỡng theo chương trình"
    description = (
        "Số người và số lượt được cử đi đào tạo, bồi dưỡng (hoặc hoàn thành) trong một khoảng thời gian, theo "
        "chương trình, nhóm, hình thức, hệ, nơi học hoặc cấp của đơn vị cử đi học."
    )
    period_kind = INTERVAL
    option_fields = {
        "measure": measure_field(),
        "group": forms.ChoiceField(
            label="Chia theo",
            required=False,
            initial="programme",
            choices=list(GROUP_LABELS.items()),
            error_messages={"invalid_choice": "Cách chia “%(value)s” không hợp lệ."},
        ),
        **filter_fields(),
        "exclude_kind": forms.ChoiceField(
            label="Trừ nhóm chương trình",
            required=False,
            choices=[("", "— Không trừ —"), *ProgrammeKind.choices],
            help_text="Đếm mọi nhóm chương trình trừ nhóm này, ví dụ DEGREE (mọi lớp trừ đào tạo chuyên môn).",
            error_messages={"invalid_choice": "Nhóm chương trình “%(value)s” không hợp lệ."},
        ),
    }

    def run(self, *, user, params):
        measure = params.options.get("measure") or "started"
        dims = DIMS[params.options.get("group") or "programme"]
        excluded = params.options.get("exclude_kind") or ""
        rows_in = Enrolment.objects.filter(
            scope_q(user=user, params=params), measure_q(measure, params), filters_q(params.options)
        )
        if excluded:
            rows_in = rows_in.exclude(programme__kind=excluded)
        # Query 1: persons and lượt per group and overall. Query 2 (grouping by programme): the labels.
        counts = grouped_counts(rows_in, [d.path for d in dims])
        programmes = {}
        if PROGRAMME in dims and counts.cells:
            ids = {key[dims.index(PROGRAMME)] for key in counts.cells}
            programmes = {
                p.pk: p for p in Programme.objects.filter(pk__in=ids).only("code", "name", "sort_order")
            }

        rows = []
        for key in sorted(counts.cells, key=lambda k: self._order(dims, k, programmes)):
            cell = counts.cells[key]
            values, link_filters = {}, {}
            for dim, value in zip(dims, key, strict=True):
                if dim is PROGRAMME:
                    programme = programmes[value]
                    values[dim.key], code = programme.name, programme.code
                else:
                    values[dim.key], code = str(dim.choices(value).label), value
                values[f"{dim.key}_code"] = code
                if dim.link_param:
                    link_filters[dim.link_param] = code
            values.update(persons=cell["persons"], turns=cell["turns"])
            links = {}
            if all(d.link_param for d in dims) and not excluded:
                link = enrolment_link(params, measure=measure, **link_filters)
                links = {"persons": link, "turns": link}
            rows.append(Row(values, links=links))

        total = {**{d.key: "" for d in dims}, dims[0].key: "Tổng cộng", **counts.total}
        link = enrolment_link(params, measure=measure)
        total_links = {} if excluded else {"persons": link, "turns": link}
        totals = [Row(total, kind="total", links=total_links)]
        columns = [Column(d.key, d.label) for d in dims]
        columns += [Column("persons", "Số người", "int"), Column("turns", "Số lượt", "int")]
        return ReportResult(
            columns=columns,
            rows=rows,
            totals=totals,
            notes=self._notes(measure, params, counts.total, excluded),
            chart=self._chart(dims, rows),
            meta={"measure": measure, "persons": counts.total["persons"], "turns": counts.total["turns"]},
        )

    @staticmethod
    def _order(dims, key, programmes) -> tuple:
        order = []
        for dim, value in zip(dims, key, strict=True):
            if dim is PROGRAMME:
                order.append((programmes[value].sort_order, programmes[value].code))
            else:
                order.append((dim.choices.values.index(value), value))
        return tuple(order)

    @staticmethod
    def _notes(measure, params, total, excluded: str = "") -> list[str]:
        span = f"từ ngày {fmt_date(params.date_from)} đến ngày {fmt_date(params.date_to)}"
        verb = "hoàn thành" if measure == COMPLETED else "được cử đi học, tham gia"
        summary = f"{span[0].upper()}{span[1:]}: {fmt_int(total['persons'])} người {verb}, "
        summary += f"{fmt_int(total['turns'])} lượt."
        if measure == COMPLETED:
            definition = (
                "Định nghĩa: đếm các lượt học có kết quả “Hoàn thành” với ngày có kết quả trong khoảng (tính cả "
                "hai đầu); đơn vị là đơn vị công tác khi cử đi học."
            )
        else:
            definition = (
                "Định nghĩa: đếm các lượt học có ngày bắt đầu trong khoảng (tính cả hai đầu), kể cả người sau đó "
                "thôi học hoặc chưa có kết quả; đơn vị là đơn vị công tác khi cử đi học."
            )
        notes = [summary, definition, PERSONS_NOTE]
        if excluded:
            notes.insert(2, f"Không tính nhóm chương trình “{ProgrammeKind(excluded).label}”.")
        return notes

    @staticmethod
    def _chart(dims, rows) -> dict:
        labels = [" – ".join(str(r.values[d.key]) for d in dims) for r in rows]
        return {
            "type": "bar",
            "stacked": False,
            "labels": labels,
            "datasets": [
                {"label": "Số người", "data": [r.values["persons"] for r in rows]},
                {"label": "Số lượt", "data": [r.values["turns"] for r in rows]},
            ],
        }
