"""People sent to (or completing) professional degree training, by the level the degree grants.

Counted rows: `Enrolment` of a programme of kind DEGREE, unit at enrolment in scope, with start_date within
[from, to] (measure `started`, default: sent to study) or result COMPLETED dated within [from, to] (measure
`completed`); optionally one mode or venue. Rows: the level the programme grants (Programme.grants_level:
Đại học, Thạc sĩ, Tiến sĩ always shown, 0 when none; Cao đẳng and any other level when counted), in the order of
the professional scale, persons = COUNT(DISTINCT person), lượt = COUNT(*);
the total row's persons are distinct over all levels. Seed 001: 2015–2020 sent 3.368 = 2.177 + 1.176 + 15.
"""

from canbo.people.choices import QualificationScale, level_choices
from canbo.reports.base import INTERVAL, Column, Report, ReportResult, Row, scope_q
from canbo.reports.formatting import fmt_date, fmt_int
from canbo.reports.registry import register
from canbo.training.choices import ProgrammeKind
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

SHOWN_LEVELS = ("DAI_HOC", "THAC_SI", "TIEN_SI")  # always a row; other levels (Cao đẳng) when counted
LEVEL_LABELS = dict(level_choices(QualificationScale.PROFESSIONAL))


@register
class TrainingDegreesReport(Report):
    name = "training-degrees"
    title = "Cử đi đào tạo chuyên môn theo trình độ"
    description = (
        "Số người và số lượt được cử đi đào tạo chuyên môn (cao đẳng, đại học, thạc sĩ, tiến sĩ) hoặc hoàn "
        "thành trong một khoảng thời gian, theo trình độ được cấp."
    )
    period_kind = INTERVAL
    option_fields = {
        "measure": measure_field(),
        **{k: v for k, v in filter_fields().items() if k in ("mode", "venue")},
    }

    def run(self, *, user, params):
        measure = params.options.get("measure") or "started"
        rows_in = Enrolment.objects.filter(
            scope_q(user=user, params=params),
            measure_q(measure, params),
            filters_q(params.options),
            programme__kind=ProgrammeKind.DEGREE,
        )
        # Query 1: persons and lượt per granted level and overall. Query 2: the degree programmes (links).
        counts = grouped_counts(rows_in, ["programme__grants_level"])
        codes: dict[str, list[str]] = {}
        for code, level in Programme.objects.filter(kind=ProgrammeKind.DEGREE).values_list(
            "code", "grants_level"
        ):
            codes.setdefault(level, []).append(code)
        ranked = [code for code, _ in level_choices(QualificationScale.PROFESSIONAL)]
        levels = sorted(
            {*SHOWN_LEVELS, *(key[0] for key in counts.cells)},
            key=lambda lv: (ranked.index(lv) if lv in ranked else 99, lv or ""),
        )

        rows = []
        for level in levels:
            cell = counts.cells.get((level,), {"persons": 0, "turns": 0})
            found = codes.get(level, [])
            filters = {"programme": found[0]} if len(found) == 1 else {"kind": ProgrammeKind.DEGREE}
            link = enrolment_link(params, measure=measure, **filters)
            values = {"level": LEVEL_LABELS.get(level, level or "Không rõ"), "level_code": level, **cell}
            rows.append(Row(values, links={"persons": link, "turns": link}))
        link = enrolment_link(params, measure=measure, kind=ProgrammeKind.DEGREE)
        totals = [
            Row({"level": "Tổng cộng", **counts.total}, kind="total", links={"persons": link, "turns": link})
        ]

        by_level = {r.values["level_code"]: r.values["persons"] for r in rows}
        parts = ", ".join(f"{r.values['level'].lower()} {fmt_int(r.values['persons'])}" for r in rows)
        verb = "hoàn thành đào tạo" if measure == COMPLETED else "được cử đi đào tạo"
        notes = [
            f"Từ ngày {fmt_date(params.date_from)} đến ngày {fmt_date(params.date_to)}: "
            f"{fmt_int(counts.total['persons'])} người {verb} chuyên môn ({parts}).",
            "Định nghĩa: lượt học các chương trình đào tạo chuyên môn (nhóm DEGREE) có "
            + (
                "kết quả “Hoàn thành” với ngày có kết quả trong khoảng (tính cả hai đầu)"
                if measure == COMPLETED
                else "ngày bắt đầu học trong khoảng (tính cả hai đầu), kể cả người sau đó thôi học"
            )
            + "; trình độ là trình độ văn bằng chương trình cấp; đơn vị là đơn vị khi cử đi học.",
            PERSONS_NOTE,
        ]
        chart = {
            "type": "bar",
            "stacked": False,
            "labels": [r.values["level"] for r in rows],
            "datasets": [
                {"label": "Số người", "data": [r.values["persons"] for r in rows]},
                {"label": "Số lượt", "data": [r.values["turns"] for r in rows]},
            ],
        }
        columns = [
            Column("level", "Trình độ"),
            Column("persons", "Số người", "int"),
            Column("turns", "Số lượt", "int"),
        ]
        meta = {"measure": measure, "by_level": by_level, **counts.total}
        return ReportResult(columns=columns, rows=rows, totals=totals, notes=notes, chart=chart, meta=meta)
