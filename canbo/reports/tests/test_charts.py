"""Issue 13: every report with counts gets a chart — its own, or the table's (table_chart) — on the demo."""

import pytest

from canbo.accounts.models import User
from canbo.demo.builder import build_demo
from canbo.reports.base import Column, ReportResult, Row, table_chart
from canbo.reports.registry import all_reports

pytestmark = pytest.mark.django_db
# A list of people (one row per person, no counts) has no chart that would say more than the table.
WITHOUT_CHART = {"rating-not-completed-twice"}


def test_the_table_chart_names_rows_by_their_text_and_leaves_the_total_out():
    result = ReportResult(
        columns=[Column("unit", "Đơn vị"), Column("a", "A", "int"), Column("total", "Tổng số", "int")],
        rows=[
            Row({"unit": "Sở A", "a": 3, "total": 3}),
            Row({"unit": "Tổng", "a": 3, "total": 3}, kind="total"),
        ],
    )
    chart = table_chart(result)
    assert chart["labels"] == ["Sở A"] and chart["datasets"] == [{"label": "A", "data": [3]}]
    assert table_chart(result, columns=("total",))["datasets"][0]["label"] == "Tổng số"
    assert table_chart(ReportResult(columns=[Column("unit", "Đơn vị")], rows=[])) is None


def test_every_report_with_rows_but_a_list_of_people_opens_with_a_chart_on_the_demo():
    build_demo(scale=300, seed=11)
    board = User.objects.get(username="bantochuc")
    missing, charted = [], 0
    for report in all_reports():  # with the defaults the report page opens with
        result = report.execute(user=board, data=report.default_options(user=board))
        has_rows = any(r.kind == "data" for r in result.rows)
        if (
            has_rows
            and not (result.chart and result.chart.get("labels"))
            and report.name not in WITHOUT_CHART
        ):
            missing.append(report.name)
        charted += bool(result.chart and result.chart.get("labels"))
    assert not missing
    assert charted >= 15  # the demo has rows for most reports' defaults
