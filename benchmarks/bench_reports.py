#!/usr/bin/env python
"""Every report through the reports framework against the SQL it sends, replayed raw in the same run; and the
headcount report against one hand-written SQL query (same figures asserted).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/canbo_bench python benchmarks/bench_reports.py \
        [--on 31/12/2019] [--repeat 9]

For each registered report, as the province board opening it with its default parameters (a snapshot on --on;
an interval report over --on's year when its default interval has no figure): the median of `Report.execute`
(parameters parsed, the report run, its result labelled: what every door does) against the median of the very
SQL statements it sent (captured with their parameters, then replayed through a raw cursor with the same
parameters and fetched: the text with the values written in as literals replays faster than the statement the
report sends — 3,3 against 8,8 ms for feedback-handling's, interleaved, 08/12/2026 — and understated it). The ratio is the framework's overhead; goal ≤ 1,5 ×
(staffing-quota ≤ 1,2 ×), and qualification-share over two dates < 500 ms.
Needs the demo loaded (stops with a non-zero exit otherwise); a report that shows no figure at all on the demo is
listed as not measured (“không có số liệu để đo”, not met), never as a pass.
"""

import argparse
import statistics
import sys
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import percentile, record, require, setup, timed, vn  # noqa: E402

setup()

from django.db import connection  # noqa: E402

from canbo.accounts.models import User  # noqa: E402
from canbo.org.models import AdminLevel, OrgSector  # noqa: E402
from canbo.people.choices import PersonnelCategory  # noqa: E402
from canbo.people.models import Employment  # noqa: E402
from canbo.people.reports.headcount import sector_key  # noqa: E402
from canbo.reports.base import INTERVAL, SNAPSHOT, ReportParams  # noqa: E402
from canbo.reports.registry import all_reports, get_report  # noqa: E402

GOAL = 1.5
GOALS = {"staffing-quota": 1.2}
TWO_DATES_GOAL_MS = 500

# One statement: the cells, the level totals and the grand total, each a COUNT(DISTINCT person).
SQL_POSTGRES = """
SELECT u.level, e.category, u.sector, GROUPING(u.level, e.category, u.sector) AS g,
       COUNT(DISTINCT e.person_id)
FROM people_employment e JOIN org_orgunit u ON u.id = e.unit_id
WHERE e.start_date <= %(on)s AND (e.end_date IS NULL OR e.end_date >= %(on)s)
GROUP BY GROUPING SETS ((u.level, e.category, u.sector), (u.level), ())
"""
# SQLite has no GROUPING SETS: the same three groupings with UNION ALL.
SQL_SQLITE = """
WITH active AS (
  SELECT u.level, e.category, u.sector, e.person_id FROM people_employment e
  JOIN org_orgunit u ON u.id = e.unit_id
  WHERE e.start_date <= %(on)s AND (e.end_date IS NULL OR e.end_date >= %(on)s))
SELECT level, category, sector, 0, COUNT(DISTINCT person_id) FROM active GROUP BY level, category, sector
UNION ALL SELECT level, NULL, NULL, 3, COUNT(DISTINCT person_id) FROM active GROUP BY level
UNION ALL SELECT NULL, NULL, NULL, 7, COUNT(DISTINCT person_id) FROM active
"""


def hand_written(on) -> dict:
    sql = SQL_POSTGRES if connection.vendor == "postgresql" else SQL_SQLITE
    with connection.cursor() as cursor:
        cursor.execute(sql, {"on": on})
        rows = cursor.fetchall()
    figures = {"cells": {}, "by_level": dict.fromkeys(AdminLevel.values, 0), "total": 0}
    for level, category, sector, grouping, n in rows:
        if grouping == 0:
            figures["cells"][(level, category, sector)] = n
        elif grouping == 7:
            figures["total"] = n
        else:
            figures["by_level"][level] = n
    return figures


def framework(on) -> dict:
    result = get_report("headcount").run_with(user=None, params=ReportParams(on=on))
    level_codes = {str(label): code for code, label in AdminLevel.choices}
    category_codes = {str(label): code for code, label in PersonnelCategory.choices}
    cells = {}
    for row in result.rows:
        if row.kind != "data":
            continue
        level, category = level_codes[row.values["level"]], category_codes[row.values["category"]]
        for sector in OrgSector.values:
            if row.values[sector_key(sector)]:
                cells[(level, category, sector)] = row.values[sector_key(sector)]
    return {"cells": cells, "by_level": result.meta["by_level"], "total": result.meta["total"]}


def timed_headcount(on, repeat: int) -> tuple[list[float], list[float], dict, dict]:
    """Interleave the two, run after run, so that load on the machine falls on both alike."""
    hand_written(on), framework(on)  # warm the caches once
    sql_times, fw_times = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        sql_figures = hand_written(on)
        sql_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        fw_figures = framework(on)
        fw_times.append(time.perf_counter() - start)
    return sql_times, fw_times, sql_figures, fw_figures


def has_figures(result) -> bool:
    numeric = [c.key for c in result.columns if c.numeric]
    return any(row.values.get(k) for row in [*result.rows, *result.totals] for k in numeric)


def capture(fn) -> list[tuple[str, object]]:
    """The statements fn sends, each with its parameters as the driver received them."""
    statements = []

    def wrapper(execute, sql, params, many, context):
        statements.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        fn()
    return statements


def replay(statements: list[tuple[str, object]]) -> None:
    """The same statements sent again through a raw cursor, with the same parameters, and fetched."""
    with connection.cursor() as cursor:
        for sql, params in statements:
            cursor.execute(sql, params)
            if cursor.description is not None:
                cursor.fetchall()


def report_data(report, on) -> list[dict]:
    """What the board would ask first: the default parameters, then --on (or --on's year for an interval)."""
    year = {"from": f"01/01/{on.year}", "to": f"{on:%d/%m/%Y}"}
    if report.period_kind == SNAPSHOT:
        return [{"on": f"{on:%d/%m/%Y}"}, {}]
    if report.period_kind == INTERVAL:
        return [{}, year]
    return [{}]


def bench_report(report, board, on, repeat: int) -> None:
    for data in report_data(report, on):
        result = report.execute(user=board, data=data)
        if has_figures(result):
            break
    if not has_figures(result):
        # a list that may be empty on the demo (e.g. nobody rated "not completed" twice): no figure, no ratio
        record(
            f"{report.name}: không có số liệu để đo ({result.parameters_text[:40]})",
            0,
            goal="",
            met=False,
            group="báo cáo (trung vị)",
        )
        return
    statements = capture(lambda: report.execute(user=board, data=data))
    fw, sql = [], []
    for _ in range(repeat):  # interleaved: load on the machine falls on both alike
        fw += timed(lambda: report.execute(user=board, data=data), 1, warm=0)
        sql += timed(lambda: replay(statements), 1, warm=0)
    fw_ms, sql_ms = statistics.median(fw), statistics.median(sql)
    goal = GOALS.get(report.name, GOAL)
    record(
        f"{report.name} · {len(statements)} truy vấn",
        fw_ms,
        baseline=sql_ms,
        baseline_label="SQL của nó",
        goal=f"≤ {vn(goal)} × SQL",
        met=fw_ms <= goal * sql_ms,
        group="báo cáo (trung vị)",
    )


def bench_two_dates(board, repeat: int) -> None:
    report = get_report("qualification-share")
    data = {"from": "31/12/2015", "to": "31/12/2019"}
    require(
        has_figures(report.execute(user=board, data=data)), "qualification-share hai ngày: không có số liệu"
    )
    samples = timed(lambda: report.execute(user=board, data=data), repeat)
    p95 = percentile(samples, 95)
    record(
        "qualification-share, hai ngày 31/12/2015 → 31/12/2019, p95",
        p95,
        goal=f"< {TWO_DATES_GOAL_MS} ms",
        met=p95 < TWO_DATES_GOAL_MS,
        group="báo cáo (trung vị)",
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--on", default="31/12/2019", help="ngày chốt số liệu, dd/mm/yyyy")
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()
    on = datetime.strptime(args.on, "%d/%m/%Y").date()

    rows = Employment.objects.count()
    require(rows >= 1000, f"chỉ có {rows} dòng quá trình công tác: chạy load_demo trước")
    print(f"Cơ sở dữ liệu: {connection.vendor} · {vn(rows, 0)} dòng quá trình công tác · ngày {args.on}")
    sql_times, fw_times, sql_figures, fw_figures = timed_headcount(on, args.repeat)
    sql_time, fw_time = statistics.median(sql_times), statistics.median(fw_times)

    print(f"SQL viết tay:      {vn(sql_time * 1000)} ms (trung vị {args.repeat} lần)")
    print(f"Khung báo cáo:     {vn(fw_time * 1000)} ms (trung vị {args.repeat} lần)")
    ratio = fw_time / sql_time if sql_time else float("inf")
    print(f"Tỷ lệ khung / SQL: {vn(ratio, 2)} × (mục tiêu ≤ {vn(GOAL)} ×)")
    levels = ", ".join(f"{lv} {vn(n, 0)}" for lv, n in fw_figures["by_level"].items())
    print(f"Tổng cộng {vn(fw_figures['total'], 0)} người ({levels})")

    assert fw_figures == sql_figures, f"Số liệu khác nhau:\nkhung: {fw_figures}\nSQL:   {sql_figures}"
    require(fw_figures["total"] > 0, f"không ai đang công tác ngày {args.on}")
    print("Hai cách tính cho cùng số liệu.")
    record(
        f"headcount ngày {args.on}, {vn(fw_figures['total'], 0)} người",
        fw_time * 1000,
        baseline=sql_time * 1000,
        baseline_label="SQL viết tay",
        goal=f"≤ {vn(GOAL)} × SQL",
        met=ratio <= GOAL,
        group="báo cáo (trung vị)",
    )
    board = User.objects.filter(username="bantochuc").first()
    require(board is not None, "thiếu tài khoản mẫu bantochuc: chạy load_demo trước")
    for report in all_reports():
        bench_report(report, board, on, args.repeat)
    bench_two_dates(board, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
