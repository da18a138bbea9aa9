#!/usr/bin/env python
"""The headcount report through the reports framework against a hand-written SQL query, same data, same run.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/canbo_bench python benchmarks/bench_reports.py \
        [--on 31/12/2019] [--repeat 9]

Assumes the database is migrated and loaded, e.g. `manage.py load_demo --scale 100000`. Prints the median
of each, their ratio (goal: framework ≤ 1,5 × hand-written SQL) and checks that both give the same figures.
"""

import argparse
import os
import statistics
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

from canbo.org.models import AdminLevel, OrgSector  # noqa: E402
from canbo.people.choices import PersonnelCategory  # noqa: E402
from canbo.people.models import Employment  # noqa: E402
from canbo.people.reports.headcount import sector_key  # noqa: E402
from canbo.reports.base import ReportParams  # noqa: E402
from canbo.reports.registry import get_report  # noqa: E402

GOAL = 1.5

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


def timed(on, repeat: int) -> tuple[list[float], list[float], dict, dict]:
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


def vn(number: float, places: int = 1) -> str:
    return f"{number:,.{places}f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--on", default="31/12/2019", help="ngày chốt số liệu, dd/mm/yyyy")
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()
    on = datetime.strptime(args.on, "%d/%m/%Y").date()

    rows = Employment.objects.count()
    print(f"Cơ sở dữ liệu: {connection.vendor} · {vn(rows, 0)} dòng quá trình công tác · ngày {args.on}")
    sql_times, fw_times, sql_figures, fw_figures = timed(on, args.repeat)
    sql_time, fw_time = statistics.median(sql_times), statistics.median(fw_times)

    print(f"SQL viết tay:      {vn(sql_time * 1000)} ms (trung vị {args.repeat} lần)")
    print(f"Khung báo cáo:     {vn(fw_time * 1000)} ms (trung vị {args.repeat} lần)")
    ratio = fw_time / sql_time if sql_time else float("inf")
    print(f"Tỷ lệ khung / SQL: {vn(ratio, 2)} × (mục tiêu ≤ {vn(GOAL)} ×)")
    levels = ", ".join(f"{lv} {vn(n, 0)}" for lv, n in fw_figures["by_level"].items())
    print(f"Tổng cộng {vn(fw_figures['total'], 0)} người ({levels})")

    assert fw_figures == sql_figures, f"Số liệu khác nhau:\nkhung: {fw_figures}\nSQL:   {sql_figures}"
    print("Hai cách tính cho cùng số liệu.")
    if ratio > GOAL:
        print("CHƯA ĐẠT mục tiêu tỷ lệ.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
