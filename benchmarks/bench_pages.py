#!/usr/bin/env python
"""Every page of the navigation, for the province board and for a unit officer: queries and p50/p95 through the
Django test client (the whole stack but the socket), against an idle request (/healthz) timed in the same run.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/canbo_bench python benchmarks/bench_pages.py [--repeat 15]

The pages are those canbo.home.navigation.menu_for gives each demo login (bantochuc: the board; sonoivu: the
unit officer of Sở Nội vụ), plus the long lists behind them named in issue 12 and the REST list of 50 persons.
Needs the demo loaded (load_demo, any scale ≥ 1.000 persons; its logins): exits non-zero otherwise, and when a
page does not answer 200. Goals (issue 12): p95 < 300 ms per page, < 150 ms for the person list, REST list
p50 < 20 ms.
"""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import median, percentile, record, require, setup, timed  # noqa: E402

setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from canbo.accounts.models import User  # noqa: E402
from canbo.home.navigation import menu_for  # noqa: E402
from canbo.home.snapshot import refresh  # noqa: E402
from canbo.people.models import Person  # noqa: E402

PAGE_GOAL_MS = 300
GOALS_MS = {"/can-bo/": 150}
REST_GOAL_MS = 20
# Long lists reached from the menu's pages, measured as pages of their own (issue 12's table).
EXTRA_PAGES = ["/quy-hoach/thieu-trinh-do/", "/dao-tao/luot-hoc/"]
LOGINS = [("bantochuc", "Ban Tổ chức"), ("sonoivu", "cán bộ tổ chức Sở Nội vụ")]


def get(client: Client, url: str, **headers):
    response = client.get(url, follow=True, **headers)  # a menu entry may redirect (e.g. to this year's page)
    if response.status_code != 200:
        print(f"LỖI: {url} trả về {response.status_code}", file=sys.stderr)
        sys.exit(1)
    if hasattr(response, "streaming_content"):
        b"".join(response.streaming_content)
    return response


def count_queries(client: Client, url: str, **headers) -> int:
    """Statements sent during one request (an execute wrapper: the request's own reset_queries cannot hide any)."""
    statements = []

    def wrapper(execute, sql, params, many, context):
        statements.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        get(client, url, **headers)
    return len(statements)


def measure(client: Client, url: str, repeat: int, **headers) -> tuple[int, list[float]]:
    """(queries, timings in ms). A page over 1,5 s is timed 3 times and one over 10 s once (the query-count
    request): enough to show it misses its goal without spending many minutes on it."""
    started = time.perf_counter()
    count = count_queries(client, url, **headers)
    first = 1000 * (time.perf_counter() - started)
    if first > 10_000:
        return count, [first]
    slow = first > 1500
    return count, timed(lambda: get(client, url, **headers), 3 if slow else repeat, warm=0 if slow else 1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    persons = Person.objects.count()
    require(persons >= 1000, f"chỉ có {persons} hồ sơ (cần ≥ 1.000): chạy load_demo trước")
    users = {u.username: u for u in User.objects.filter(username__in=[name for name, _ in LOGINS])}
    require(len(users) == len(LOGINS), "thiếu tài khoản mẫu bantochuc/sonoivu: chạy load_demo trước")

    idle = timed(lambda: get(Client(), "/healthz"), 30, warm=3)
    idle_p50, idle_p95 = percentile(idle, 50), percentile(idle, 95)
    record("yêu cầu rỗng /healthz, p95", idle_p95, goal="", group="trang (mốc)")

    for username, label in LOGINS:
        client = Client()
        client.force_login(users[username])
        urls = [e["url"] for section in menu_for(users[username]) for e in section["entries"]]
        require(len(urls) >= 5, f"{username} chỉ thấy {len(urls)} mục trong menu")
        # The dashboard's heavy figures, computed by the task queue every 10 minutes (canbo/home/snapshot.py):
        # what that costs, shown beside the page that reads them.
        refresh_ms = timed(lambda user=users[username]: refresh(user), 3, warm=0)
        record(
            "/ : tính số liệu tổng quan (hàng đợi, mỗi 10 phút), trung vị",
            median(refresh_ms),
            goal="",
            group=f"trang: {label}",
        )
        for url in [*urls, *EXTRA_PAGES]:
            count, samples = measure(client, url, args.repeat)
            p50, p95 = percentile(samples, 50), percentile(samples, 95)
            goal = GOALS_MS.get(url, PAGE_GOAL_MS)
            record(
                f"{url} p95 · {count} truy vấn · p50 {p50:.0f} ms",
                p95,
                baseline=idle_p95,
                baseline_label="/healthz",
                goal=f"p95 < {goal} ms",
                met=p95 < goal,
                group=f"trang: {label}",
            )
        count, samples = measure(client, "/api/v1/persons/?page_size=50", args.repeat * 2)
        p50 = percentile(samples, 50)
        record(
            f"REST /api/v1/persons/ 50 người, phiên, p50 · {count} truy vấn",
            p50,
            baseline=idle_p50,
            baseline_label="/healthz p50",
            goal=f"p50 < {REST_GOAL_MS} ms",
            met=p50 < REST_GOAL_MS,
            group=f"REST: {label}",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
