"""Benchmark of the Excel import against a raw bulk insert of the same rows (not part of the test suite).

    python benchmarks/bench_import.py --rows 30000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/canbo_dev python benchmarks/bench_import.py --rows 30000

It never touches the database named in DATABASE_URL: it migrates a throwaway one beside it (a temporary
SQLite file, or "<name>_bench_import" on the same PostgreSQL server), generates a valid file of N person rows
(each with one earlier employment row and one qualification unless told otherwise), times `run_import`, then
deletes the imported rows and times a hand-written executemany INSERT of exactly the rows the import wrote
(persons, employments, qualifications; the import also writes one audit row per record, not in the baseline).
"""

import argparse
import datetime
import os
import random
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.local"
# Local settings turn DEBUG on, which records every query; a benchmark measures without it.
os.environ.setdefault("DJANGO_DEBUG", "False")

FAMILY = ["Nguyễn", "Lò", "Quàng", "Lường", "Giàng", "Vừ", "Trần", "Lê", "Cà", "Tòng", "Sùng", "Phạm"]
MIDDLE = ["Văn", "Thị", "A", "Minh", "Thu", "Đức", "Hồng", "Ngọc", "Mạnh", ""]
GIVEN = ["Páo", "Hoa", "Chứ", "Sơn", "Ánh", "Dua", "Mỷ", "Thắng", "Lan", "Pằng", "Hương", "Tú", "Dế"]
ETHNIC = ["Kinh", "Thái", "HMông", "Khơ-mú", "Dao", "Hà Nhì", "Lào", "Cống", "Si La", "Xinh-mun"]


def throwaway_database(url: str) -> tuple[str, callable]:
    """A database URL beside `url` that this script may create and drop, and a function that drops it."""
    if not url or url.startswith("sqlite"):
        handle, path = tempfile.mkstemp(prefix="canbo-bench-import-", suffix=".sqlite3")
        os.close(handle)

        def drop():
            for suffix in ("", "-wal", "-shm"):
                Path(path + suffix).unlink(missing_ok=True)

        return f"sqlite:///{path}", drop
    import psycopg

    parts = urlsplit(url)
    name = (parts.path.lstrip("/") or "canbo") + "_bench_import"
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')

    def drop():
        from django.db import connections

        connections.close_all()
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')

    return urlunsplit(parts._replace(path="/" + name)), drop


def make_units(count: int):
    from canbo.org.models import AdminLevel, OrgSector, OrgUnit, UnitKind
    from canbo.org.services import set_paths

    province = OrgUnit.objects.create(
        code="T11", name="Tỉnh Điện Biên", level=AdminLevel.TINH, kind=UnitKind.AREA,
        sector=OrgSector.CHINH_QUYEN, valid_from=datetime.date(2000, 1, 1),
    )  # fmt: skip
    units = [
        OrgUnit(
            code=f"DV{i:03d}",
            name=f"Đơn vị {i}",
            level=AdminLevel.TINH,
            kind=UnitKind.AGENCY,
            sector=OrgSector.CHINH_QUYEN,
            parent=province,
            valid_from=datetime.date(2000, 1, 1),
        )  # fmt: skip
        for i in range(count)
    ]
    OrgUnit.objects.bulk_create(units)
    units = list(OrgUnit.objects.order_by("pk"))
    set_paths(units)
    OrgUnit.objects.bulk_update(units, ["path", "depth"])
    return [u.code for u in units if u.kind != UnitKind.AREA]


def generate_file(path: str, rows: int, unit_codes: list[str], history: bool, qualifications: bool) -> None:
    from openpyxl import Workbook

    from canbo.imports.columns import HISTORY, PERSONS, QUALIFICATIONS, header_text
    from tests.factories import national_id_for

    rng = random.Random(2019)
    workbook = Workbook(write_only=True)
    sheets = {spec.key: workbook.create_sheet(spec.title) for spec in (PERSONS, HISTORY, QUALIFICATIONS)}
    for spec in (PERSONS, HISTORY, QUALIFICATIONS):
        sheets[spec.key].append([header_text(c) for c in spec.columns])
    for i in range(rows):
        female = rng.random() < 0.45
        birth = datetime.date(rng.randint(1965, 2000), rng.randint(1, 12), rng.randint(1, 28))
        nid = national_id_for("NU" if female else "NAM", birth, i + 1)
        start = datetime.date(rng.randint(2016, 2024), rng.randint(1, 12), 1)
        sheets["persons"].append([
            f"HS{i + 1:06d}", f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}".replace("  ", " "),
            "Nữ" if female else "Nam", birth, nid, rng.choice(ETHNIC), "Không", "Điện Biên", "Điện Biên",
            f"09{rng.randint(10000000, 99999999)}", "", rng.choice(["Công chức", "Viên chức", "Cán bộ"]),
            rng.choice(unit_codes), "CHUYEN_VIEN", "01.003", rng.randint(1, 9), 2.34 + rng.randint(0, 6) * 0.33,
            datetime.date(start.year - 1, 1, 1), None, None, start,
        ])  # fmt: skip
        if history:
            sheets["history"].append([
                nid, rng.choice(unit_codes), "", "Công chức", datetime.date(start.year - 1, 1, 1),
                start - datetime.timedelta(days=1), "Tuyển dụng", f"{i}/QĐ-UBND",
            ])  # fmt: skip
        if qualifications:
            sheets["qualifications"].append([
                nid, "Trình độ chuyên môn", rng.choice(["Đại học", "Thạc sĩ", "Cao đẳng"]), "Luật",
                datetime.date(birth.year + 22, 6, 30), f"VB{i:07d}", "Trường Đại học Tây Bắc",
            ])  # fmt: skip
    workbook.save(path)


def raw_baseline(models) -> tuple[float, int]:
    """Copy the imported rows out, delete them, and time a hand-written executemany INSERT of the same rows."""
    from django.db import connection, transaction

    tables = []
    for model in models:
        columns = [f.column for f in model._meta.concrete_fields]
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {', '.join(columns)} FROM {model._meta.db_table}")  # noqa: S608
            tables.append((model._meta.db_table, columns, cursor.fetchall()))
    with transaction.atomic(), connection.cursor() as cursor:
        for table, _columns, _rows in reversed(tables):
            cursor.execute(f"DELETE FROM {table}")  # noqa: S608
    count = sum(len(rows) for _t, _c, rows in tables)
    started = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        for table, columns, rows in tables:
            marks = ", ".join(["%s"] * len(columns))
            sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"  # noqa: S608
            for i in range(0, len(rows), 5000):
                cursor.executemany(sql, rows[i : i + 5000])
    return time.perf_counter() - started, count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=30000, help="person rows in the file (default 30000)")
    parser.add_argument("--no-history", action="store_true", help="no rows on the history sheet")
    parser.add_argument(
        "--no-qualifications", action="store_true", help="no rows on the qualifications sheet"
    )
    parser.add_argument("--units", type=int, default=200)
    parser.add_argument(
        "--profile", metavar="FILE", help="write cProfile statistics of the timed import to FILE"
    )
    args = parser.parse_args()

    url, drop = throwaway_database(os.environ.get("DATABASE_URL", ""))
    os.environ["DATABASE_URL"] = url
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    path = None
    try:
        call_command("migrate", verbosity=0)
        from auditlog.models import LogEntry

        from canbo.accounts.models import Role, User
        from canbo.accounts.services import role_assignment_create_active_for_seed
        from canbo.imports.importer import run_import
        from canbo.people.models import Employment, Person, Qualification

        board = User.objects.create(username="bench-board")
        role_assignment_create_active_for_seed(user=board, role=Role.PROVINCE_BOARD)
        codes = make_units(args.units)
        handle, path = tempfile.mkstemp(prefix="canbo-bench-import-", suffix=".xlsx")
        os.close(handle)
        started = time.perf_counter()
        generate_file(path, args.rows, codes, not args.no_history, not args.no_qualifications)
        generated = time.perf_counter() - started

        stages: dict[str, list[tuple[float, float]]] = {}

        def progress(stage, done, total):
            now = (time.perf_counter(), time.process_time())
            stages.setdefault(stage, [now, now])[1] = now

        profiler = None
        if args.profile:
            import cProfile

            profiler = cProfile.Profile()
        started, cpu_started = time.perf_counter(), time.process_time()
        if profiler:
            profiler.enable()
        outcome = run_import(path, actor=board, progress=progress)
        if profiler:
            profiler.disable()
            profiler.dump_stats(args.profile)
        imported, imported_cpu = time.perf_counter() - started, time.process_time() - cpu_started
        if not outcome.ok:
            sys.exit(f"import refused the generated file: {outcome.errors[:5]}")
        written = {m.__name__: m.objects.count() for m in (Person, Employment, Qualification, LogEntry)}
        started = time.perf_counter()
        again = run_import(path, actor=board)
        reimported = time.perf_counter() - started
        assert again.ok and again.counts["persons_unchanged"] == args.rows
        baseline, baseline_rows = raw_baseline([Person, Employment, Qualification])

        if connection.vendor == "sqlite":
            version = ".".join(map(str, connection.Database.sqlite_version_info))
        else:
            version = str(connection.pg_version)
        size = Path(path).stat().st_size / 1e6
        print(f"database: {connection.vendor} {version}")
        print(
            f"file: {args.rows} person rows, {outcome.counts['rows']} ({size:.1f} MB), generated in {generated:.1f} s"
        )
        print(f"written: {written}")
        load = os.getloadavg()[0]
        print(
            f"load average (1 min) at the end: {load:.1f} on {os.cpu_count()} cores; wall time suffers when high"
        )
        for stage, (first, last) in stages.items():
            print(f"  stage {stage:<6} {last[0] - first[0]:7.2f} s wall {last[1] - first[1]:7.2f} s cpu")
        rate = args.rows / imported
        print(f"import:            {imported:7.2f} s wall {imported_cpu:7.2f} s cpu ({rate:,.0f} rows/s)")
        print(f"re-import (no-op): {reimported:7.2f} s")
        print(
            f"raw bulk insert:   {baseline:7.2f} s  ({baseline_rows} rows: persons, employments, qualifications)"
        )
        print(f"ratio import / raw insert: {imported / baseline:.1f}x")
    finally:
        if path:
            Path(path).unlink(missing_ok=True)
        drop()


if __name__ == "__main__":
    main()
