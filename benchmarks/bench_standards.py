#!/usr/bin/env python
"""The bulk standards check through the engine against one hand-written SQL query, same data, same run.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/canbo_bench python benchmarks/bench_standards.py \
        [--persons 100000] [--on 31/12/2025] [--repeat 7] [--keep]

It never touches the database named in DATABASE_URL: it migrates a throwaway one beside it ("<name>_standards"
on the same PostgreSQL server, a temporary file on SQLite) and loads the demo province with
`load_demo --scale N`, then runs ANALYZE. It checks every working person against the standard of Giám đốc sở
in force on --on, as for a higher appointment (all eight criteria of the catalogue: four qualifications, years
of service, months in the lower post, service left before retirement, in the approved plan):
1. the engine: `canbo.standards.gaps.count_group` (engine.evaluate + one aggregate: how many miss anything,
   how many miss each criterion);
2. one hand-written SQL query giving the same counts (CTEs over qualifications, employments and the plan).
Interleaved, median of --repeat runs each; asserts equal counts; prints the ratio (goal ≤ 2×).
`--keep` keeps the database and reuses it when it already holds the data.
"""

import argparse
import datetime
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.local"
os.environ.setdefault("DJANGO_DEBUG", "False")  # DEBUG records every query: measure without it

GOAL = 2.0
EXPECTED_KINDS = {"QUALIFICATION", "SERVICE_YEARS", "POST_MONTHS", "SERVICE_LEFT", "IN_PLAN"}

# The same question written by hand: per person the highest rank on four scales, the start of service and of
# the lower post, whether in the approved plan; then one pass of COUNT(*) FILTER. Thresholds are parameters.
SQL = """
WITH q AS (
  SELECT person_id,
         MAX(rank) FILTER (WHERE scale = %(s1)s) AS r1, MAX(rank) FILTER (WHERE scale = %(s2)s) AS r2,
         MAX(rank) FILTER (WHERE scale = %(s3)s) AS r3, MAX(rank) FILTER (WHERE scale = %(s4)s) AS r4
  FROM people_qualification WHERE awarded_on <= %(on)s GROUP BY person_id
), e AS (
  SELECT e.person_id, MIN(e.start_date) AS first_start,
         MIN(e.start_date) FILTER (WHERE p.tier >= %(lower_tier)s) AS lower_start
  FROM people_employment e LEFT JOIN people_position p ON p.id = e.position_id
  WHERE e.start_date <= %(on)s GROUP BY e.person_id
), planned AS (
  SELECT DISTINCT pe.person_id FROM planning_planningentry pe
  JOIN planning_plannedpost pp ON pp.id = pe.post_id
  JOIN planning_planningterm t ON t.id = pp.term_id
  JOIN people_position pos ON pos.id = pp.position_id
  WHERE pe.status IN ('APPROVED', 'REMOVED') AND pe.approved_on <= %(on)s
    AND (pe.removed_on IS NULL OR pe.removed_on > %(on)s)
    AND t.start_date <= %(on)s AND t.end_date >= %(on)s
    AND (pp.position_id = %(position)s OR pos.tier = %(tier)s)
), f AS (
  SELECT COALESCE(q.r1, 0) < %(m1)s AS u1, COALESCE(q.r2, 0) < %(m2)s AS u2,
         COALESCE(q.r3, 0) < %(m3)s AS u3, COALESCE(q.r4, 0) < %(m4)s AS u4,
         NOT (COALESCE(per.recruited_on <= %(service_cut)s, false)
              OR COALESCE(e.first_start <= %(service_cut)s, false)) AS u_years,
         NOT COALESCE(e.lower_start <= %(post_cut)s, false) AS u_post,
         NOT ((per.gender = 'NAM' AND per.date_of_birth > %(born_nam)s)
              OR (per.gender = 'NU' AND per.date_of_birth > %(born_nu)s)) AS u_left,
         planned.person_id IS NULL AS u_plan
  FROM people_person per
  LEFT JOIN q ON q.person_id = per.id
  LEFT JOIN e ON e.person_id = per.id
  LEFT JOIN planned ON planned.person_id = per.id
  WHERE per.status = 'WORKING'
)
SELECT COUNT(*),
       COUNT(*) FILTER (WHERE u1 OR u2 OR u3 OR u4 OR u_years OR u_post OR u_left OR u_plan),
       COUNT(*) FILTER (WHERE u1), COUNT(*) FILTER (WHERE u2), COUNT(*) FILTER (WHERE u3),
       COUNT(*) FILTER (WHERE u4), COUNT(*) FILTER (WHERE u_years), COUNT(*) FILTER (WHERE u_post),
       COUNT(*) FILTER (WHERE u_left), COUNT(*) FILTER (WHERE u_plan)
FROM f
"""


def vn(number: float, places: int = 1) -> str:
    return f"{number:,.{places}f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def throwaway_database(url: str, args) -> tuple[str, callable]:
    """A database URL beside `url` that this script may create and drop (a copy of `url`'s when run.py loaded
    the demo at --persons there), and a function that drops it."""
    if not url or url.startswith("sqlite"):
        raise SystemExit(
            "Benchmark này cần PostgreSQL (DATABASE_URL=postgres://…): câu SQL viết tay dùng FILTER."
        )
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from common import postgres_throwaway

    return postgres_throwaway(url, "_standards", keep=args.keep, scale=args.persons)


def load(args) -> None:
    from django.core.management import call_command
    from django.db import connection

    from canbo.people.models import Person

    if Person.objects.exists():
        print(f"Dữ liệu đã có: {vn(Person.objects.count(), 0)} hồ sơ.")
    else:
        started = time.perf_counter()
        call_command("load_demo", scale=args.persons, verbosity=0)
        print(f"load_demo --scale {args.persons}: {vn(time.perf_counter() - started)} giây")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def the_standard(on):
    from canbo.people.models import Position
    from canbo.standards.gaps import standards_in_force

    position = Position.objects.get(code="GIAM_DOC_SO")
    standard = standards_in_force(on, [position]).get(position.pk)
    if standard is None:
        raise SystemExit(f"Chưa có tiêu chuẩn Giám đốc sở có hiệu lực ngày {on:%d/%m/%Y}.")
    criteria = list(standard.criteria.all())
    quals = [c for c in criteria if c.kind == "QUALIFICATION"]
    if {c.kind for c in criteria} != EXPECTED_KINDS or len(quals) != 4 or len(criteria) != 8:
        raise SystemExit("Tiêu chuẩn Giám đốc sở khác danh mục (4 trình độ + 4 tiêu chí khác): sửa câu SQL.")
    return position, standard, criteria


def sql_parameters(position, criteria, on) -> tuple[dict, list]:
    """The thresholds of the criteria as query parameters, and the criterion behind each count column."""
    from canbo.core.dates import add_months, add_years
    from canbo.people.retirement import latest_birth_retiring_before

    by_kind = {c.kind: c for c in criteria if c.kind != "QUALIFICATION"}
    quals = [c for c in criteria if c.kind == "QUALIFICATION"]
    params = {"on": on, "position": position.pk, "tier": position.tier}
    for i, c in enumerate(quals, start=1):
        params[f"s{i}"], params[f"m{i}"] = c.scale, c.min_rank
    params["service_cut"] = add_years(on, -by_kind["SERVICE_YEARS"].years)
    post = by_kind["POST_MONTHS"]
    params["post_cut"], params["lower_tier"] = add_months(on, -post.months), post.lower_tier
    until = add_years(on, by_kind["SERVICE_LEFT"].years)
    params["born_nam"] = latest_birth_retiring_before("NAM", until)
    params["born_nu"] = latest_birth_retiring_before("NU", until)
    order = [*quals, *(by_kind[k] for k in ("SERVICE_YEARS", "POST_MONTHS", "SERVICE_LEFT", "IN_PLAN"))]
    return params, order


def hand_written(params, order) -> dict:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(SQL, params)
        checked, unmet, *per = cursor.fetchone()
    return {"checked": checked, "unmet": unmet, "per": {c.pk: n for c, n in zip(order, per, strict=True)}}


def engine(position, standard, on) -> dict:
    from canbo.people.models import Person
    from canbo.standards.engine import HIGHER
    from canbo.standards.gaps import GapGroup, count_group

    group = count_group(GapGroup(position, standard, Person.objects.filter(status="WORKING"), HIGHER, on))
    return {"checked": group.checked, "unmet": group.unmet, "per": group.per_criterion}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=int, default=100_000, help="load_demo --scale")
    parser.add_argument("--on", default="31/12/2025", help="ngày kiểm tra, dd/mm/yyyy")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--keep", action="store_true", help="giữ (và dùng lại) cơ sở dữ liệu thử")
    args = parser.parse_args()
    on = datetime.datetime.strptime(args.on, "%d/%m/%Y").date()

    url, drop = throwaway_database(os.environ.get("DATABASE_URL", ""), args)
    os.environ["DATABASE_URL"] = url
    import django

    django.setup()
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from django.core.management import call_command

    try:
        call_command("migrate", verbosity=0)
        load(args)
        position, standard, criteria = the_standard(on)
        params, order = sql_parameters(position, criteria, on)
        engine(position, standard, on), hand_written(params, order)  # warm the cache once
        engine_times, sql_times = [], []
        for _ in range(args.repeat):
            started = time.perf_counter()
            by_engine = engine(position, standard, on)
            engine_times.append(time.perf_counter() - started)
            started = time.perf_counter()
            by_sql = hand_written(params, order)
            sql_times.append(time.perf_counter() - started)
            assert by_engine == by_sql, f"Hai cách đếm khác nhau:\n{by_engine}\n{by_sql}"
        from common import record, require

        require(by_engine["checked"] > 0, "không có người đang công tác nào để kiểm tra tiêu chuẩn")
        e, s = statistics.median(engine_times), statistics.median(sql_times)
        print(f"{standard.name} ({standard.legal_basis}), ngày {on:%d/%m/%Y}, {args.repeat} lần mỗi cách:")
        print(f"  đã kiểm tra {vn(by_engine['checked'], 0)} người; chưa đạt ít nhất một tiêu chí: "
              f"{vn(by_engine['unmet'], 0)}")  # fmt: skip
        from canbo.standards.selectors import criterion_label

        for c in order:
            print(f"    {criterion_label(c)}: {vn(by_engine['per'][c.pk], 0)}")
        print(f"  engine (evaluate + 1 truy vấn đếm): trung vị {vn(e * 1000, 0)} ms")
        print(f"  SQL viết tay:                       trung vị {vn(s * 1000, 0)} ms")
        ratio = e / s
        print(f"  tỉ lệ engine / SQL: {vn(ratio, 2)}× (mục tiêu ≤ {vn(GOAL, 0)}×) — "
              f"{'đạt' if ratio <= GOAL else 'CHƯA ĐẠT'}")  # fmt: skip
        record(
            f"kiểm tra tiêu chuẩn {vn(by_engine['checked'], 0)} người (engine)",
            e * 1000,
            baseline=s * 1000,
            baseline_label="SQL viết tay",
            goal=f"≤ {vn(GOAL, 0)} × SQL",
            met=ratio <= GOAL,
            group="tiêu chuẩn",
        )
    finally:
        if not args.keep:
            drop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
