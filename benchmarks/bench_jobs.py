#!/usr/bin/env python
"""The whole-province person export as a queue job, timed from the click to the file, with a real worker; and
/healthz. Baselines measured in the same run: the export's rows fetched by hand-written SQL and written straight
to a write-only openpyxl workbook (what any export must at least do, with no queue, job row, progress, storage or
labels), and the two checks of /healthz done directly (SELECT 1, the broker's ping).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/canbo_bench REDIS_URL=redis://127.0.0.1:6379/7 \\
        python benchmarks/bench_jobs.py [--repeat 3]

Assumes the database is migrated and loaded (`manage.py load_demo`, any scale) and stops (exit 3, no data) on
fewer than 1.000 persons. Goals: the request that starts the export answers in < 300 ms whatever the size; the
file is ready within 1,5 × the bare SQL + openpyxl baseline; /healthz p95 < 50 ms. The figures go to the one table
(`common.record`); a goal not met is shown there, it does not fail the run. The queue's worker is started here
(`run_huey`, one thread): with REDIS_URL it uses that Redis database, otherwise the SQLite queue file.
"""

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import percentile, record, require, setup, vn  # noqa: E402

setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import resolve  # noqa: E402
from huey.contrib.djhuey import HUEY  # noqa: E402
from openpyxl import Workbook  # noqa: E402

from canbo.accounts.models import Role, User  # noqa: E402
from canbo.accounts.services import role_assignment_create_active_for_seed  # noqa: E402
from canbo.core.health import broker_ping  # noqa: E402
from canbo.jobs.models import Job  # noqa: E402
from canbo.people.models import Person  # noqa: E402

MIN_PERSONS = 1000
START_GOAL_MS = 300
FILE_GOAL_RATIO = 1.5
HEALTHZ_GOAL_MS = 50
# The export's columns, as canbo.people.exports.COLUMNS reads them, for the rows the export writes: the person
# list's default, everyone working today (canbo.people.filters: no status and no date → WORKING).
SQL = """
SELECT p.code, p.full_name, p.date_of_birth, p.gender, p.ethnicity, p.national_id, p.category, u.name, u.code,
       pos.name, r.code, p.salary_step, p.salary_coefficient, p.party_admission_date, p.status, p.status_date
FROM people_person p
LEFT JOIN org_orgunit u ON u.id = p.current_unit_id
LEFT JOIN people_position pos ON pos.id = p.position_id
LEFT JOIN people_rank r ON r.id = p.rank_id
WHERE p.status = 'WORKING'
ORDER BY p.sort_key, p.id
"""


def board_user() -> User:
    user, created = User.objects.get_or_create(username="bench-jobs-board")
    if created:
        role_assignment_create_active_for_seed(user=user, role=Role.PROVINCE_BOARD, unit=None)
    return user


def hand_written_rows() -> tuple[float, int]:
    """The rows by hand-written SQL, written to a write-only workbook as they come: the floor of any export."""
    started = time.perf_counter()
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("rows")
    count = 0
    with connection.cursor() as cursor:
        cursor.execute(SQL)
        while batch := cursor.fetchmany(2000):
            for row in batch:
                sheet.append([float(v) if isinstance(v, Decimal) else v for v in row])
            count += len(batch)
    with tempfile.TemporaryFile() as fileobj:
        workbook.save(fileobj)
    return time.perf_counter() - started, count


def start_worker() -> subprocess.Popen:
    return subprocess.Popen(  # noqa: S603
        [sys.executable, "manage.py", "run_huey", "--workers", "1", "--worker-type", "thread"],
        cwd=ROOT,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def export_once(client: Client) -> tuple[float, float, int]:
    started = time.perf_counter()
    response = client.post("/can-bo/xuat-excel/")
    start_ms = (time.perf_counter() - started) * 1000
    if response.status_code != 302:
        sys.exit(f"LỖI: bắt đầu xuất trả về {response.status_code}")
    job_id = resolve(response["Location"]).kwargs["job_id"]
    deadline = time.monotonic() + 900
    while time.monotonic() < deadline:
        job = Job.objects.get(pk=job_id)
        if job.is_finished:
            break
        time.sleep(0.1)
    else:
        sys.exit("LỖI: tệp chưa xong sau 15 phút")
    if not job.has_file:
        sys.exit(f"LỖI: tác vụ {job.status}: {job.message}")
    download = client.get(f"/tac-vu/{job_id}/tai-ve/")
    size = sum(len(chunk) for chunk in download.streaming_content)
    return start_ms, time.perf_counter() - started, job.result["rows"], size


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    persons = Person.objects.count()
    require(persons >= MIN_PERSONS, f"chỉ có {persons} hồ sơ (cần ≥ {MIN_PERSONS}): chạy load_demo trước")
    (ROOT / "var").mkdir(exist_ok=True)  # the SQLite queue file's folder, when there is no REDIS_URL
    client = Client()
    client.force_login(board_user())
    worker = start_worker()
    try:
        time.sleep(2)
        if worker.poll() is not None:
            sys.exit("LỖI: tiến trình xử lý (run_huey) không chạy")
        runs = [export_once(client) for _ in range(args.repeat)]
    finally:
        os.killpg(worker.pid, signal.SIGTERM)
        worker.wait(timeout=30)
    baseline = [hand_written_rows() for _ in range(args.repeat)]
    sql_s = statistics.median(b[0] for b in baseline)
    sql_rows = baseline[0][1]
    start_ms = statistics.median(r[0] for r in runs)
    file_s = statistics.median(r[1] for r in runs)
    rows = runs[0][2]
    if rows != sql_rows:
        sys.exit(f"LỖI: tệp có {rows} dòng, SQL có {sql_rows}")

    health = []
    for _ in range(50):
        started = time.perf_counter()
        response = Client().get("/healthz")
        health.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            sys.exit(f"LỖI: /healthz trả về {response.status_code}: {response.content[:200]!r}")
    direct = []
    for _ in range(50):
        started = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        broker_ping()
        direct.append((time.perf_counter() - started) * 1000)
    health_p95, direct_p95 = percentile(health, 95), percentile(direct, 95)
    print(f"{connection.vendor}, {vn(persons, 0)} hồ sơ, hàng đợi: {type(HUEY).__name__}")
    print(f"(tệp {runs[0][3] / 1e6:.1f} MB; mốc của tệp = SQL viết tay + openpyxl ghi thẳng, không hàng đợi)")
    record(
        "bấm Xuất Excel → trang tác vụ, trung vị",
        start_ms,
        goal=f"< {START_GOAL_MS} ms",
        met=start_ms < START_GOAL_MS,
        group="tác vụ",
    )
    record(
        f"bấm → tệp Excel sẵn sàng, {vn(rows, 0)} dòng, trung vị",
        file_s * 1000,
        baseline=sql_s * 1000,
        baseline_label="SQL + openpyxl",
        goal=f"≤ {vn(FILE_GOAL_RATIO)} × mốc",
        met=file_s <= FILE_GOAL_RATIO * sql_s,
        group="tác vụ",
    )
    record(
        "/healthz p95",
        health_p95,
        baseline=direct_p95,
        baseline_label="SELECT 1 + ping hàng đợi",
        goal=f"< {HEALTHZ_GOAL_MS} ms",
        met=health_p95 < HEALTHZ_GOAL_MS,
        group="tác vụ",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
