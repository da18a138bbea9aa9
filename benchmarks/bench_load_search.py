#!/usr/bin/env python
"""`load_demo` time and unaccented-search latency (p50/p95) at 100.000 persons (not part of the test suite).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/canbo_bench python benchmarks/bench_load_search.py \
        [--scale 100000] [--queries 200] [--keep]

Replaces the demo province in the database named in DATABASE_URL (`load_demo --delete`, then `load_demo`: the demo's rows are
deleted, the catalogues the migrations filled stay, so a clean migrated database works), times `load_demo --scale N` (N persons working on 31/12/2019 with the demo's
structure and proportions; the history adds about 19 % more records), runs ANALYZE, then times ~200 unaccented
queries (full names, partial names, given names, personal-ID and record-code prefixes) through
Person.objects.search with the list page's Vietnamese order and LIMIT 50, and prints p50/p95/max.
--keep skips the load and only measures the search on the data already there (after checking they are there).
Exits non-zero (common.require) when there are no persons to search.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
os.environ.setdefault("DJANGO_DEBUG", "False")  # DEBUG records every query; measure without it

from common import record, require, setup  # noqa: E402

setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from canbo.core.text import unaccent  # noqa: E402
from canbo.people.models import Person  # noqa: E402

PAGE = 50
LOAD_SECONDS_PER_MILLION = 15 * 60  # issue 12: 1.000.000 persons in under 15 minutes


def vn(x: float, digits: int = 1) -> str:
    return f"{x:,.{digits}f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def describe_database() -> str:
    settings = connection.settings_dict
    return f"{connection.vendor} {settings.get('NAME')}"


def reset_and_load(scale: int, seed: int) -> float:
    """Delete the demo province (not the catalogues: `flush` would empty those the migrations filled), then
    time the load alone."""
    call_command("load_demo", delete=True, verbosity=0)
    started = time.perf_counter()
    call_command("load_demo", scale=scale, seed=seed, verbosity=2)
    return time.perf_counter() - started


def analyze() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def make_queries(count: int, seed: int) -> list[str]:
    """Realistic queries typed without accents: 'nguyen van anh', 'lo hoa', 'anh', '01108', 'db0012'."""
    rng = random.Random(seed)
    ids = list(Person.objects.values_list("pk", flat=True).order_by("pk"))
    sample = Person.objects.filter(pk__in=rng.sample(ids, min(count, len(ids)))).order_by("pk")
    people = list(sample.values_list("full_name", "national_id", "code"))
    queries = []
    for i, (name, national_id, code) in enumerate(people):
        words = unaccent(name).split()
        kind = i % 8
        if kind in (0, 1):
            queries.append(" ".join(words))  # full name
        elif kind == 2:
            queries.append(f"{words[0]} {words[-1]}")  # family + given name
        elif kind == 3:
            queries.append(words[-1])  # given name only: many hits
        elif kind == 4:
            queries.append(f"{words[-2]} {words[-1][:3]}")  # typing in progress
        elif kind == 5:
            queries.append(national_id[: rng.randint(6, 12)])  # personal-ID prefix
        elif kind == 6:
            queries.append(code.lower()[: rng.randint(5, 8)])  # record-code prefix
        else:
            queries.append(words[0][:4])  # a family-name prefix
    return queries


def time_search(queries: list[str]) -> tuple[list[float], list[float], int]:
    page_ms, count_ms, hits = [], [], 0
    for q in queries[:10]:  # warm-up
        list(Person.objects.search(q).vietnamese_order()[:PAGE])
    for q in queries:
        started = time.perf_counter()
        page = list(Person.objects.search(q).vietnamese_order().values_list("pk", "full_name")[:PAGE])
        page_ms.append(1000 * (time.perf_counter() - started))
        started = time.perf_counter()
        hits += Person.objects.search(q).count()
        count_ms.append(1000 * (time.perf_counter() - started))
        assert page or q, q
    return page_ms, count_ms, hits


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def explain(query: str) -> str:
    qs = Person.objects.search(query).vietnamese_order().values_list("pk")[:PAGE]
    return qs.explain()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=2019)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--keep", action="store_true", help="measure the search on the data already loaded")
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL") and not args.keep:
        print(
            "Đặt DATABASE_URL tới một cơ sở dữ liệu dùng riêng cho benchmark: lệnh này xóa toàn bộ dữ liệu."
        )
        return 2
    print(f"Cơ sở dữ liệu: {describe_database()}")
    if not args.keep:
        seconds = reset_and_load(args.scale, args.seed)
        print(f"load_demo --scale {args.scale}: {vn(seconds)} giây")
        goal = LOAD_SECONDS_PER_MILLION * args.scale / 1_000_000
        record(
            f"load_demo --scale {vn(args.scale, 0)}",
            seconds,
            "s",
            goal=f"< {vn(goal, 0)} s (15 phút/1 triệu)",
            met=seconds < goal,
            group="nạp dữ liệu",
        )
    analyze()
    persons = Person.objects.count()
    require(persons >= 1000, f"chỉ có {persons} hồ sơ; chạy bỏ --keep để nạp load_demo")
    queries = make_queries(args.queries, args.seed)
    page_ms, count_ms, hits = time_search(queries)
    print(f"Tìm kiếm không dấu trên {vn(persons, 0)} hồ sơ, {len(queries)} truy vấn, trang {PAGE} dòng:")
    print(
        f"  trang kết quả: p50 {vn(percentile(page_ms, 50), 2)} ms, p95 {vn(percentile(page_ms, 95), 2)} ms, "
        f"lớn nhất {vn(max(page_ms), 2)} ms"
    )
    print(
        f"  đếm tổng số (phân trang): p50 {vn(percentile(count_ms, 50), 2)} ms, "
        f"p95 {vn(percentile(count_ms, 95), 2)} ms; trung bình {vn(hits / len(queries), 0)} kết quả/truy vấn"
    )
    slowest = sorted(zip(page_ms, queries, strict=True), reverse=True)[:3]
    print("  chậm nhất: " + "; ".join(f"“{q}” {vn(ms, 1)} ms" for ms, q in slowest))
    if connection.vendor == "postgresql":
        sample = queries[:24]
        with_index = sum("person_search_trgm" in explain(q) for q in sample)
        print(f"  kế hoạch dùng chỉ mục trigram person_search_trgm: {with_index}/{len(sample)} truy vấn mẫu")
    print(f"  (trung vị {vn(statistics.median(page_ms), 2)} ms)")
    p95 = percentile(page_ms, 95)
    record(
        f"tìm kiếm không dấu, trang {PAGE} dòng, p95", p95, goal="p95 < 50 ms", met=p95 < 50, group="tìm kiếm"
    )
    count_p95 = percentile(count_ms, 95)
    record("tìm kiếm: đếm tổng số, p95", count_p95, goal="p95 < 50 ms", met=count_p95 < 50, group="tìm kiếm")
    return 0


if __name__ == "__main__":
    sys.exit(main())
