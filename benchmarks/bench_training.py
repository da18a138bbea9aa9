#!/usr/bin/env python
"""The training report through the reports framework against one hand-written SQL query, and bulk enrolment.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/canbo_bench python benchmarks/bench_training.py \
        [--persons 100000] [--enrolments 1000000] [--from 01/01/2015 --to 31/12/2020] [--repeat 9] [--keep]

It never touches the database named in DATABASE_URL: it migrates a throwaway one beside it ("<name>_training"
on the same PostgreSQL server, a temporary file on SQLite), loads the demo province with `load_demo --scale N`,
adds N generated enrolments (lượt) with canbo.core.bulk.insert_rows (COPY), runs ANALYZE, then
1. times `training-enrolments` (group programme, measure started, the interval) through the framework
   (`Report.execute`: parameters, scoping, aggregate, labels) against one hand-written GROUPING SETS query,
   interleaved, median of --repeat runs each; checks they give the same figures; prints the ratio (goal ≤ 1,5×);
2. times `canbo.training.services.enrol_bulk` of 5.000 working persons into one class (median of 3 classes).
`--keep` keeps the database, and reuses it when it already holds the data (a second run skips the loading).
"""

import argparse
import datetime
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.local"
os.environ.setdefault("DJANGO_DEBUG", "False")  # DEBUG records every query: measure without it

GOAL = 1.5
BULK_SIZE = 5000
FIRST_DAY, LAST_DAY = datetime.date(2010, 1, 1), datetime.date(2025, 12, 31)
DATA_UNTIL = datetime.date(2025, 11, 1)  # results known up to here; later courses are still running

# One statement: persons and lượt per programme and overall, on the enrolment table alone (the best case: no
# join; the programme codes are read once, outside the timing, to compare with the report's rows).
SQL_POSTGRES = """
SELECT programme_id, GROUPING(programme_id) AS g, COUNT(DISTINCT person_id), COUNT(*)
FROM training_enrolment
WHERE start_date BETWEEN %(start)s AND %(end)s
GROUP BY GROUPING SETS ((programme_id), ())
"""
SQL_SQLITE = """
WITH t AS (SELECT programme_id, person_id FROM training_enrolment WHERE start_date BETWEEN %(start)s AND %(end)s)
SELECT programme_id, 0, COUNT(DISTINCT person_id), COUNT(*) FROM t GROUP BY programme_id
UNION ALL SELECT NULL, 1, COUNT(DISTINCT person_id), COUNT(*) FROM t
"""


def vn(number: float, places: int = 1) -> str:
    return f"{number:,.{places}f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def throwaway_database(url: str, keep: bool, scale: int) -> tuple[str, callable]:
    """A database URL beside `url` that this script may create and drop (on PostgreSQL a copy of `url`'s when
    run.py loaded the demo at --persons there), and a function that drops it."""
    if not url or url.startswith("sqlite"):
        path = str(Path(tempfile.gettempdir()) / "canbo-bench-training.sqlite3")
        if not keep:
            Path(path).unlink(missing_ok=True)

        def drop():
            for suffix in ("", "-wal", "-shm"):
                Path(path + suffix).unlink(missing_ok=True)

        return f"sqlite:///{path}", drop
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from common import postgres_throwaway

    return postgres_throwaway(url, "_training", keep=keep, scale=scale)


def enrolment_rows(rng, persons, programmes, count: int):
    """`count` lượt spread over 2010–2025: mostly fostering, some political theory and degrees."""
    from canbo.training.choices import EnrolmentResult, TrainingMode, Venue

    weights = {"DEGREE": 0.6, "POLITICAL_THEORY": 2.0}
    population = list(programmes)
    cumulative, total = [], 0.0
    for p in population:
        total += weights.get(p.kind, 1.0)
        cumulative.append(total)
    span = (LAST_DAY - FIRST_DAY).days
    for _ in range(count):
        person_id, unit_id = persons[rng.randrange(len(persons))]
        programme = rng.choices(population, cum_weights=cumulative)[0]
        start = FIRST_DAY + datetime.timedelta(days=rng.randrange(span + 1))
        end = start + datetime.timedelta(days=30 * programme.typical_months)
        mode, venue = TrainingMode.FULL_TIME, Venue.DOMESTIC
        if programme.kind == "DEGREE":
            mode = TrainingMode.PART_TIME if rng.random() < 0.7 else TrainingMode.FULL_TIME
            venue = Venue.ABROAD if rng.random() < 0.01 else Venue.DOMESTIC
        elif programme.code == "LLCT_CAO_CAP":
            r = rng.random()
            mode = (
                TrainingMode.FULL_TIME
                if r < 0.4
                else TrainingMode.PART_TIME
                if r < 0.9
                else TrainingMode.COMPLETION
            )
        result, result_date = EnrolmentResult.PENDING, None
        if end < DATA_UNTIL:
            r = rng.random()
            if r < 0.9:
                result, result_date = EnrolmentResult.COMPLETED, end
            elif r < 0.93:
                result, result_date = EnrolmentResult.NOT_COMPLETED, end
            else:
                result, result_date = (
                    EnrolmentResult.WITHDRAWN,
                    start + datetime.timedelta(days=rng.randrange(20)),
                )
        yield {
            "person_id": person_id,
            "training_class_id": None,
            "programme_id": programme.pk,
            "plan_line_id": None,
            "unit_id": unit_id,
            "mode": mode,
            "venue": venue,
            "start_date": start,
            "end_date": end,
            "result": result,
            "result_date": result_date,
            "cost": 1_000_000 * programme.typical_months,
        }


def load(args) -> None:
    from django.core.management import call_command
    from django.db import connection, transaction

    from canbo.core.bulk import insert_rows
    from canbo.people.models import Person
    from canbo.training.models import Enrolment, Programme

    if Enrolment.objects.count() >= args.enrolments:  # kept from an earlier run (--keep)
        print(
            f"Dữ liệu đã có: {vn(Person.objects.count(), 0)} hồ sơ, {vn(Enrolment.objects.count(), 0)} lượt."
        )
        return
    if Person.objects.exists():  # a copy of the run's database (run.py), or a kept one without the lượt
        print(f"Tỉnh mẫu đã có: {vn(Person.objects.count(), 0)} hồ sơ.")
    else:
        started = time.perf_counter()
        call_command("load_demo", scale=args.persons, verbosity=0)
        print(f"load_demo --scale {args.persons}: {vn(time.perf_counter() - started)} giây")
    persons = list(Person.objects.order_by("pk").values_list("pk", "current_unit_id"))
    programmes = list(Programme.objects.order_by("sort_order"))
    rng = random.Random(f"canbo-bench-training-{args.seed}")
    started = time.perf_counter()
    with transaction.atomic():
        written = insert_rows(Enrolment, enrolment_rows(rng, persons, programmes, args.enrolments))
    print(f"{vn(written, 0)} lượt (insert_rows): {vn(time.perf_counter() - started)} giây")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def hand_written(start, end, codes: dict) -> dict:
    from django.db import connection

    sql = SQL_POSTGRES if connection.vendor == "postgresql" else SQL_SQLITE
    with connection.cursor() as cursor:
        cursor.execute(sql, {"start": start, "end": end})
        rows = cursor.fetchall()
    figures = {"rows": {}, "total": (0, 0)}
    for programme_id, grouping, persons, turns in rows:
        if grouping:
            figures["total"] = (persons, turns)
        else:
            figures["rows"][codes[programme_id]] = (persons, turns)
    return figures


def framework(data: dict) -> dict:
    from canbo.reports.registry import get_report

    result = get_report("training-enrolments").execute(user=None, data=data)
    rows = {r.values["programme_code"]: (r.values["persons"], r.values["turns"]) for r in result.rows}
    total = result.totals[0].values
    return {"rows": rows, "total": (total["persons"], total["turns"])}


def time_report(args, start, end) -> None:
    from django.db import connection

    from canbo.reports.formatting import fmt_date
    from canbo.training.models import Enrolment, Programme

    codes = dict(Programme.objects.values_list("pk", "code"))
    data = {"from": fmt_date(start), "to": fmt_date(end), "group": "programme", "measure": "started"}
    rows = Enrolment.objects.count()
    print(f"\nCơ sở dữ liệu: {connection.vendor} · {vn(rows, 0)} lượt · từ {data['from']} đến {data['to']}")
    hand_written(start, end, codes), framework(data)  # warm the caches once
    sql_times, fw_times = [], []
    for _ in range(args.repeat):  # interleaved: load on the machine falls on both alike
        t0 = time.perf_counter()
        sql_figures = hand_written(start, end, codes)
        sql_times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        fw_figures = framework(data)
        fw_times.append(time.perf_counter() - t0)
    sql_time, fw_time = statistics.median(sql_times), statistics.median(fw_times)
    ratio = fw_time / sql_time if sql_time else float("inf")
    print(f"SQL viết tay:      {vn(sql_time * 1000)} ms (trung vị {args.repeat} lần)")
    print(f"Khung báo cáo:     {vn(fw_time * 1000)} ms (trung vị {args.repeat} lần)")
    print(f"Tỷ lệ khung / SQL: {vn(ratio, 2)} × (mục tiêu ≤ {vn(GOAL)} ×)")
    persons, turns = fw_figures["total"]
    print(f"Tổng cộng {vn(persons, 0)} người, {vn(turns, 0)} lượt, {len(fw_figures['rows'])} chương trình")
    assert fw_figures == sql_figures, f"Số liệu khác nhau:\nkhung: {fw_figures}\nSQL:   {sql_figures}"
    print("Hai cách tính cho cùng số liệu.")
    if ratio > GOAL:
        print("CHƯA ĐẠT mục tiêu tỷ lệ.")
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from common import record, require

    require(turns > 0, "không có lượt đào tạo nào trong khoảng thời gian: báo cáo không có số liệu")
    record(
        f"training-enrolments, {vn(turns, 0)} lượt",
        fw_time * 1000,
        baseline=sql_time * 1000,
        baseline_label="SQL viết tay",
        goal=f"≤ {vn(GOAL)} × SQL",
        met=ratio <= GOAL,
        group="đào tạo",
    )
    if args.explain and connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + SQL_POSTGRES, {"start": start, "end": end})
            print("\n".join(line for (line,) in cursor.fetchall()))


def time_bulk_enrolment(args) -> None:
    from django.contrib.auth import get_user_model

    from canbo.accounts.models import Role
    from canbo.accounts.services import role_assignment_create_active_for_seed
    from canbo.org.models import OrgUnit
    from canbo.people.choices import PersonStatus
    from canbo.people.models import Person
    from canbo.training.models import Programme, TrainingClass
    from canbo.training.services import enrol_bulk

    actor, created = get_user_model().objects.get_or_create(username="bench_training_board")
    if created:
        role_assignment_create_active_for_seed(user=actor, role=Role.PROVINCE_BOARD)
    ids = list(
        Person.objects.filter(status=PersonStatus.WORKING)
        .order_by("pk")
        .values_list("pk", flat=True)[:BULK_SIZE]
    )
    root = OrgUnit.objects.filter(parent__isnull=True).order_by("pk").first()
    programme = Programme.objects.get(code="KY_NANG_SO")
    times = []
    stamp = f"{time.time():.0f}"
    for i in range(3):
        klass = TrainingClass.objects.create(
            code=f"BENCH-{stamp}-{i}",
            name="Lớp kỹ năng số (benchmark)",
            programme=programme,
            organiser_unit=root,
            start_date=datetime.date(2026, 3, 2),
            end_date=datetime.date(2026, 3, 13),
            capacity=BULK_SIZE,
            cost_per_trainee=1_500_000,
        )
        t0 = time.perf_counter()
        batch = enrol_bulk(actor=actor, training_class=klass, persons=ids, criteria={"benchmark": True})
        times.append(time.perf_counter() - t0)
        assert batch.enrolled == len(ids), batch.enrolled
    print(
        f"\nGhi danh {vn(len(ids), 0)} người vào một lớp (enrol_bulk, kèm nhật ký): "
        f"{vn(statistics.median(times), 2)} giây (trung vị 3 lớp: {', '.join(vn(t, 2) for t in times)})"
    )
    from common import record

    record(
        f"enrol_bulk: ghi danh {vn(len(ids), 0)} người vào một lớp (kèm nhật ký), trung vị 3 lớp",
        statistics.median(times) * 1000,
        goal="",
        group="đào tạo",
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=int, default=100_000, help="load_demo --scale")
    parser.add_argument("--enrolments", type=int, default=1_000_000)
    parser.add_argument("--from", dest="start", default="01/01/2015", help="dd/mm/yyyy")
    parser.add_argument("--to", dest="end", default="31/12/2020", help="dd/mm/yyyy")
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", action="store_true", help="giữ (và dùng lại) cơ sở dữ liệu thử")
    parser.add_argument("--explain", action="store_true", help="in kế hoạch truy vấn của PostgreSQL")
    args = parser.parse_args()
    start = datetime.datetime.strptime(args.start, "%d/%m/%Y").date()
    end = datetime.datetime.strptime(args.end, "%d/%m/%Y").date()

    url, drop = throwaway_database(os.environ.get("DATABASE_URL", ""), args.keep, args.persons)
    os.environ["DATABASE_URL"] = url
    import django

    django.setup()
    from django.core.management import call_command

    try:
        call_command("migrate", verbosity=0)
        load(args)
        time_report(args, start, end)
        time_bulk_enrolment(args)
    finally:
        if not args.keep:
            drop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
