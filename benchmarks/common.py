"""What every benchmark shares: Django set-up, percentiles, Vietnamese numbers, the data check and the one table.

A benchmark script records each figure with `record(...)`; `run.py` collects the figures of every script (a JSON
line each, in the file named by BENCH_RESULTS) and prints them as one table. Run alone, a script prints its own
rows as it goes. A script that finds no data calls `require(...)`, which exits non-zero: a benchmark never passes
on an empty database.

    from common import setup; setup()          # before importing anything from canbo
    from common import record, require, timed
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NO_DATA_EXIT = 3  # the exit code of a benchmark that found no data to measure


def setup() -> None:
    """Django with the local settings, DEBUG off (DEBUG records every query), the test client's host allowed."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    os.environ.setdefault("DJANGO_DEBUG", "False")
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
    import django

    django.setup()


def vn(x: float, digits: int = 1) -> str:
    """25944 → 25.944; 54.3 → 54,3 (the screens' format)."""
    return f"{x:,.{digits}f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def timed(fn: Callable[[], object], repeat: int, warm: int = 1) -> list[float]:
    """Milliseconds of `repeat` calls of fn after `warm` untimed calls."""
    for _ in range(warm):
        fn()
    out = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        out.append(1000 * (time.perf_counter() - started))
    return out


def require(condition: bool, message: str) -> None:
    """Stop with a non-zero exit code when the data to measure is missing (never a pass on empty data)."""
    if not condition:
        print(f"LỖI – thiếu dữ liệu: {message}", file=sys.stderr, flush=True)
        sys.exit(NO_DATA_EXIT)


def record(
    figure: str,
    value: float,
    unit: str = "ms",
    *,
    baseline: float | None = None,
    baseline_label: str = "",
    goal: str = "",
    met: bool | None = None,
    group: str = "",
) -> dict:
    """One row of the table: the figure, its baseline measured in the same run, the ratio, the goal, met or not.

    `met` is computed by the caller (it knows whether the goal is a time or a ratio); None when there is no goal.
    """
    ratio = value / baseline if baseline else None
    row = {
        "group": group or Path(sys.argv[0]).stem,
        "figure": figure,
        "value": value,
        "unit": unit,
        "baseline": baseline,
        "baseline_label": baseline_label,
        "ratio": ratio,
        "goal": goal,
        "met": met,
    }
    path = os.environ.get("BENCH_RESULTS")
    if path:
        with open(path, "a", encoding="utf-8") as out:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(format_row(row), flush=True)
    return row


def _num(x: float | None, unit: str) -> str:
    if x is None:
        return "–"
    digits = 0 if unit in ("truy vấn", "người", "dòng") else (2 if x < 10 else 1 if x < 1000 else 0)
    return f"{vn(x, digits)} {unit}".strip()


def format_row(row: dict) -> str:
    met = {True: "đạt", False: "CHƯA ĐẠT", None: "–"}[row["met"]]
    base = _num(row["baseline"], row["unit"]) if row["baseline"] is not None else "–"
    if row["baseline_label"] and row["baseline"] is not None:
        base = f"{base} ({row['baseline_label']})"
    ratio = f"{vn(row['ratio'], 2)} ×" if row["ratio"] is not None else "–"
    return (
        f"{row['figure'][:58]:<58} {_num(row['value'], row['unit']):>14}  {base[:34]:<34} {ratio:>8}  "
        f"{row['goal'][:22]:<22} {met}"
    )


HEADER = f"{'số đo':<58} {'giá trị':>14}  {'mốc cùng lần chạy':<34} {'tỷ lệ':>8}  {'mục tiêu':<22} đạt?"


def print_table(rows: list[dict]) -> None:
    group = None
    print(HEADER)
    print("-" * len(HEADER))
    for row in rows:
        if row["group"] != group:
            group = row["group"]
            print(f"[{group}]")
        print(format_row(row))
    met = [r for r in rows if r["met"] is True]
    missed = [r for r in rows if r["met"] is False]
    print("-" * len(HEADER))
    print(f"{len(rows)} số đo; đạt mục tiêu {len(met)}, chưa đạt {len(missed)}.")


def median(values: list[float]) -> float:
    return statistics.median(values)


# Set by run.py once bench_load_search has loaded the demo at this scale into DATABASE_URL's database: a script
# that needs the same data in a database of its own copies that one (PostgreSQL's CREATE DATABASE … TEMPLATE, a
# file copy of seconds) instead of loading the demo again.
LOADED_SCALE_ENV = "BENCH_LOADED_SCALE"


def postgres_throwaway(url: str, suffix: str, *, keep: bool, scale: int) -> tuple[str, Callable[[], None]]:
    """A PostgreSQL database beside `url` ("<name><suffix>") that a script may create and drop, and its drop.

    Created empty, or — when run.py loaded the demo at `scale` into `url`'s database in this run — as a copy of
    it. `keep`: an existing one is kept (and reused by the script)."""
    from urllib.parse import urlsplit, urlunsplit

    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    source = parts.path.lstrip("/") or "canbo"
    name = source + suffix
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    copy = os.environ.get(LOADED_SCALE_ENV) == str(scale)
    with psycopg.connect(admin_url, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and not keep:
            conn.execute(sql.SQL("DROP DATABASE {}").format(sql.Identifier(name)))
        if not exists or not keep:
            create = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
            if copy:
                create += sql.SQL(" TEMPLATE {}").format(sql.Identifier(source))
                print(f"Cơ sở dữ liệu {name}: chép từ {source} (tỉnh mẫu {vn(scale, 0)} người đã nạp).")
            conn.execute(create)

    def drop() -> None:
        from django.db import connections

        connections.close_all()
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))

    return urlunsplit(parts._replace(path="/" + name)), drop
