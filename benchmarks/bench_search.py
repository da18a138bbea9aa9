#!/usr/bin/env python
"""Unaccented person search as the list page runs it: first page of 50 in the Vietnamese order plus the exact
count, as the province board, against the same two queries written by hand in SQL (issue 12: p95 < 50 ms for
every query, short tokens "xi", "pa" included, with the count).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/canbo_bench python benchmarks/bench_search.py [--repeat 5]

Expects the data `load_demo --scale 100000` leaves (bench_load_search.py); exits non-zero on an empty
database or when a query the sample was built from finds nobody.

As a module: `rows(repeat=5)` returns [(name, value_ms, baseline_ms, goal_ms)] for benchmarks/run.py's table
(the figure is the p95 of the whole page: rows + count; the baseline the p95 of the hand-written SQL).
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
os.environ.setdefault("DJANGO_DEBUG", "False")  # DEBUG records every query; measure without it

import django  # noqa: E402

django.setup()

from common import record  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import RequestFactory  # noqa: E402

from canbo.accounts.models import Role, RoleAssignment  # noqa: E402
from canbo.core.paging import keyset_page  # noqa: E402
from canbo.core.text import SHORT_TOKEN, letter_key, unaccent  # noqa: E402
from canbo.people.models import Person  # noqa: E402
from canbo.people.selectors import PERSON_DEFAULT_SORT, PERSON_SORT_COLUMNS, person_list  # noqa: E402

GOAL_MS = 50.0
PAGE = 50
# Typed as officers type them: two letters, a prefix, a whole unaccented name, a personal-ID prefix.
FIXED_QUERIES = ["xi", "pa", "an", "th", "ng", "lo", "vi", "nguyen van anh", "lo thi", "hoa", "tuan", "xom"]


def board_user():
    assignment = (
        RoleAssignment.objects.filter(role=Role.PROVINCE_BOARD).select_related("user").order_by("pk").first()
    )
    if assignment is None:
        raise SystemExit("bench_search: no province-board account — load the demo first")
    return assignment.user


def sample_queries() -> list[str]:
    """The fixed list plus a whole name, a family + given name and an ID prefix of real records."""
    working = Person.objects.filter(status="WORKING").order_by("pk")
    picks = list(working.values_list("full_name", "national_id")[::9973][:6])
    queries = list(FIXED_QUERIES)
    for name, national_id in picks:
        words = unaccent(name).split()
        queries += [" ".join(words), f"{words[0]} {words[-1]}", national_id[:6]]
    return queries


def _sql_condition(query: str) -> tuple[str, list]:
    parts, params = [], []
    for token in unaccent(query).split()[:8]:
        if len(token) < SHORT_TOKEN:
            parts.append("(p.search_text LIKE %s OR p.search_text LIKE %s)")
            params += [token + "%", "% " + token + "%"]
        else:
            parts.append("p.search_text LIKE %s")
            params.append("%" + token + "%")
    return " AND ".join(parts), params


def baseline(query: str) -> tuple[int, int]:
    """Hand-written SQL: the working persons matching, first 51 in the Vietnamese order, and their count (the
    board sees every unit, so no scope join)."""
    where, params = _sql_condition(query)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT p.id, p.full_name, p.date_of_birth, u.name FROM people_person p "
            f"JOIN org_orgunit u ON u.id = p.current_unit_id "
            f"WHERE p.status = 'WORKING' AND {where} ORDER BY p.sort_key, p.id LIMIT {PAGE + 1}",
            params,
        )
        shown = len(cursor.fetchall())
        cursor.execute(f"SELECT count(*) FROM people_person p WHERE p.status = 'WORKING' AND {where}", params)
        return shown, cursor.fetchone()[0]


def through_the_page(user, query: str) -> tuple[int, int]:
    """The person list's code path: the scoped selector and the keyset page with its exact count."""
    request = RequestFactory().get("/can-bo/", {"q": query})
    request.user = user
    qs = person_list(user=user, filters={"q": query, "status": "WORKING"})
    page = keyset_page(request, qs, PERSON_SORT_COLUMNS, default=PERSON_DEFAULT_SORT, size=PAGE)
    return len(page.object_list), page.count


BROWSE_GOAL_MS = 150.0
BROWSES = {"first page": {}, "last page": {"cuoi": "1"}, "letter T": {"chu": "T"}}


def browse_page(user, params: dict) -> int:
    """The unfiltered person list (people working today) as the board opens it: keyset page + capped count."""
    request = RequestFactory().get("/can-bo/", params)
    request.user = user
    qs = person_list(user=user, filters={"status": "WORKING"})
    page = keyset_page(request, qs, PERSON_SORT_COLUMNS, default=PERSON_DEFAULT_SORT, size=PAGE)
    return len(page.object_list)


def browse_baseline(params: dict) -> int:
    """Hand-written: the same 51 rows by the name index and the count capped at 10.001."""
    where, order = "p.status = 'WORKING'", "p.sort_key, p.id"
    if params.get("cuoi"):
        order = "p.sort_key DESC, p.id DESC"
    if params.get("chu"):
        where += " AND p.sort_key >= '" + letter_key(params["chu"]) + "'"
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT p.id, p.full_name, u.name FROM people_person p JOIN org_orgunit u ON u.id = p.current_unit_id"
            f" WHERE {where} ORDER BY {order} LIMIT {PAGE + 1}"
        )
        shown = len(cursor.fetchall())
        cursor.execute(
            "SELECT count(*) FROM (SELECT 1 FROM people_person p WHERE p.status = 'WORKING' LIMIT 10001) t"
        )
        cursor.fetchone()
    return min(shown, PAGE)


def measure_browse(repeat: int = 5) -> dict:
    user = board_user()
    result = {}
    for name, params in BROWSES.items():
        if browse_page(user, params) != browse_baseline(params) or browse_baseline(params) == 0:
            raise SystemExit(f"bench_search: browse {name}: the page and the SQL disagree, or no rows")
        runs = [_time(browse_page, user, params)[0] for _ in range(repeat)]
        base = [_time(browse_baseline, params)[0] for _ in range(repeat)]
        result[name] = (p95(runs), p95(base))
    return result


def _time(fn, *args) -> tuple[float, object]:
    started = time.perf_counter()
    result = fn(*args)
    return (time.perf_counter() - started) * 1000, result


def p95(values: list[float]) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]


def measure(repeat: int = 5) -> dict:
    total = Person.objects.count()
    if total < 1000:
        raise SystemExit(f"bench_search: only {total} person records — load the demo data first")
    user = board_user()
    queries = sample_queries()
    page_ms, sql_ms, per_query = [], [], {}
    for query in queries:
        shown, count = through_the_page(user, query)  # warm-up, and the check that both agree
        expected = baseline(query)
        if (min(shown, PAGE), count) != (min(expected[0], PAGE), expected[1]):
            raise SystemExit(f"bench_search: {query!r}: page {shown}/{count} ≠ SQL {expected}")
        if query not in FIXED_QUERIES and count == 0:
            raise SystemExit(f"bench_search: {query!r} (taken from a record) finds nobody")
        runs = [_time(through_the_page, user, query)[0] for _ in range(repeat)]
        base = [_time(baseline, query)[0] for _ in range(repeat)]
        page_ms += runs
        sql_ms += base
        per_query[query] = (statistics.median(runs), statistics.median(base), count)
    return {"total": total, "page": page_ms, "sql": sql_ms, "per_query": per_query}


def rows(repeat: int = 5) -> list[tuple[str, float, float, float]]:
    """[(name, value, baseline, goal)] in milliseconds, for benchmarks/run.py's one table."""
    result = measure(repeat)
    browse = [
        (f"person list, {name}, p95", page, base, BROWSE_GOAL_MS)
        for name, (page, base) in measure_browse(repeat).items()
    ]
    return browse + [
        ("search, page of 50 + count, p95", p95(result["page"]), p95(result["sql"]), GOAL_MS),
        (
            "search, page of 50 + count, p50",
            statistics.median(result["page"]),
            statistics.median(result["sql"]),
            GOAL_MS,
        ),
    ]


def vn(x: float, digits: int = 1) -> str:
    return f"{x:,.{digits}f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    result = measure(args.repeat)
    print(f"{connection.vendor} {connection.settings_dict.get('NAME')}: {vn(result['total'], 0)} hồ sơ")
    print(f"{'query':<28}{'page ms':>10}{'SQL ms':>10}{'found':>9}")
    for query, (page, sql, count) in result["per_query"].items():
        print(f"{query:<28}{vn(page):>10}{vn(sql):>10}{vn(count, 0):>9}")
    # One row each in benchmarks/run.py's table; a goal not met shows there as "CHƯA ĐẠT" (missing data or a page
    # that disagrees with its SQL stops the run earlier with a non-zero exit).
    for name, (value, base) in measure_browse(args.repeat).items():
        record(
            f"danh sách cán bộ, {name}, p95",
            value,
            baseline=base,
            baseline_label="SQL viết tay",
            goal=f"< {vn(BROWSE_GOAL_MS, 0)} ms",
            met=value < BROWSE_GOAL_MS,
        )
    for name, value, base in [
        ("p95", p95(result["page"]), p95(result["sql"])),
        ("p50", statistics.median(result["page"]), statistics.median(result["sql"])),
    ]:
        record(
            f"tìm kiếm, trang 50 + đếm, {name}",
            value,
            baseline=base,
            baseline_label="SQL viết tay",
            goal=f"< {vn(GOAL_MS, 0)} ms" if name == "p95" else "",
            met=value < GOAL_MS if name == "p95" else None,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
