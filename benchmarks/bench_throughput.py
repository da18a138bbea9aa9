#!/usr/bin/env python
"""Throughput of the list endpoints under 50 concurrent clients, through gunicorn with the production settings,
against the idle /healthz measured in the same run (issue 12: ≥ 300 requests/s on the list endpoints).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/canbo_bench python benchmarks/bench_throughput.py \
        [--connections 50] [--seconds 10] [--workers N]

Starts gunicorn (gunicorn.conf.py, `config.settings.production`, a random secret key, DEBUG off, static files
collected into a temporary folder) on a free loopback port against DATABASE_URL's data, then drives it with
`wrk` (Debian: `apt-get install -y wrk`), or, when wrk is missing, with a multi-process Python client (one
keep-alive connection per thread), and records requests per second for:
  - GET /healthz (no login, one `SELECT 1`): the baseline, the ceiling of this machine for any request;
  - GET /api/v1/persons/ (50 persons, first page) with an API key (`Authorization: Token …`) of the board;
  - GET /can-bo/ (the person list page) with a session of the board (bantochuc).
The requests carry `X-Forwarded-Proto: https`, as the reverse proxy in front sets it.

The key is issued for the run and revoked at its end (both audited, as every key). Exits non-zero (3) when there
are no persons or no board account, and (1) when an endpoint does not answer 200 before the load starts.
"""

import argparse
import atexit
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

ROOT = Path(__file__).resolve().parent.parent
GOAL_RPS = 300.0
STARTUP_SECONDS = 180  # five workers importing Django on a busy 2-CPU machine
BOARD_LOGIN = "bantochuc"
HTTPS = {"X-Forwarded-Proto": "https"}

# Production settings for this process (sessions, keys) and for gunicorn alike: one secret shared by both.
STATIC_ROOT = tempfile.mkdtemp(prefix="canbo-bench-static-")
atexit.register(shutil.rmtree, STATIC_ROOT, True)  # also when require() stops the run
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
    "DJANGO_STATIC_ROOT": STATIC_ROOT,
    "DJANGO_DEBUG": "False",
}
os.environ.update(PRODUCTION_ENV)

from common import record, require, setup, vn  # noqa: E402

setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from canbo.accounts.models import User  # noqa: E402
from canbo.accounts.tokens import api_token_issue, api_token_revoke  # noqa: E402
from canbo.people.models import Person  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_gunicorn(port: int, workers: int | None) -> subprocess.Popen:
    env = {**os.environ, **PRODUCTION_ENV, "HOST": "127.0.0.1", "PORT": str(port)}
    if workers:
        env["WEB_CONCURRENCY"] = str(workers)
    gunicorn = Path(sys.executable).with_name("gunicorn")
    command = [str(gunicorn), "--config", str(ROOT / "gunicorn.conf.py"), "--access-logfile", "/dev/null"]
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, start_new_session=True)


def get(url: str, headers: dict) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers={**HTTPS, **headers})  # noqa: S310 - our own URL
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - http://127.0.0.1 only
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def wait_until_up(base: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"bench_throughput: gunicorn stopped (exit {server.returncode})")
        try:
            if get(base + "/healthz", {})[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise SystemExit(f"bench_throughput: gunicorn did not answer /healthz within {STARTUP_SECONDS} s")


# --- load generators ---------------------------------------------------------------------------------------


def run_wrk(url: str, headers: dict, connections: int, seconds: int) -> float:
    threads = max(1, min(connections, os.cpu_count() or 1))
    command = ["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{seconds}s", "--timeout", "30s"]
    for name, value in {**HTTPS, **headers}.items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if errors:
        raise SystemExit(f"bench_throughput: {url}: {errors.group(1)} answers were not 200\n{output}")
    return float(re.search(r"Requests/sec:\s*([\d.]+)", output).group(1))


def _client_process(args) -> int:
    """One process of the Python load generator: `threads` keep-alive connections, each in a loop."""
    host, port, path, headers, threads, seconds = args
    import http.client

    done = [0] * threads
    stop = time.monotonic() + seconds

    def loop(i):
        connection = http.client.HTTPConnection(host, port, timeout=30)
        while time.monotonic() < stop:
            try:
                connection.request("GET", path, headers=headers)
                response = connection.getresponse()
                response.read()
                if response.status != 200:
                    raise SystemExit(f"{path}: {response.status}")
                done[i] += 1
                if response.getheader("Connection", "").lower() == "close":
                    connection.close()
            except (ConnectionError, http.client.HTTPException):
                connection.close()

    workers = [threading.Thread(target=loop, args=(i,)) for i in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return sum(done)


def run_python_client(url: str, headers: dict, connections: int, seconds: int) -> float:
    _scheme, _empty, hostport, *rest = url.split("/", 3)
    host, port = hostport.split(":")
    path = "/" + (rest[0] if rest else "")
    processes = max(1, min(connections, os.cpu_count() or 1))
    shares = [connections // processes + (1 if i < connections % processes else 0) for i in range(processes)]
    started = time.monotonic()
    with Pool(processes) as pool:
        done = pool.map(
            _client_process, [(host, int(port), path, {**HTTPS, **headers}, n, seconds) for n in shares]
        )
    return sum(done) / (time.monotonic() - started)


# --- the run -----------------------------------------------------------------------------------------------


def board_session_cookie(user: User) -> str:
    client = Client()
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument(
        "--workers", type=int, default=None, help="gunicorn workers (default: gunicorn.conf.py)"
    )
    args = parser.parse_args()

    persons = Person.objects.count()
    require(persons >= 1000, f"chỉ có {persons} hồ sơ; nạp dữ liệu mẫu trước (load_demo --scale 100000)")
    board = User.objects.filter(username=BOARD_LOGIN, is_active=True).first()
    require(board is not None, f"không có tài khoản {BOARD_LOGIN}; nạp dữ liệu mẫu trước (load_demo)")
    load = run_wrk if shutil.which("wrk") else run_python_client
    tool = "wrk" if load is run_wrk else "Python nhiều tiến trình"
    print(
        f"{persons:,} hồ sơ; công cụ tạo tải: {tool}; {args.connections} kết nối, {args.seconds} s mỗi trang"
    )

    call_command("collectstatic", interactive=False, verbosity=0)
    token, key = api_token_issue(user=board, name="bench_throughput (tự thu hồi)", approved=True)
    port = free_port()
    server = start_gunicorn(port, args.workers)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base, server)
        endpoints = [
            ("/healthz (không đăng nhập, mốc)", "/healthz", {}),
            (
                "REST /api/v1/persons/ 50 người, khóa API",
                "/api/v1/persons/",
                {"Authorization": f"Token {key}"},
            ),
            ("trang /can-bo/ (Ban Tổ chức, phiên)", "/can-bo/", {"Cookie": board_session_cookie(board)}),
        ]
        baseline = None
        for label, path, headers in endpoints:
            status, body = get(base + path, headers)
            if status != 200:
                print(f"LỖI: {path} trả về {status}: {body[:300]!r}", file=sys.stderr)
                return 1
            rps = load(base + path, headers, args.connections, args.seconds)
            if baseline is None:
                baseline = rps
                record(f"{label}, {args.connections} kết nối", rps, "yc/s", group="thông lượng")
                continue
            record(
                f"{label}, {args.connections} kết nối",
                rps,
                "yc/s",
                baseline=baseline,
                baseline_label="/healthz",
                goal=f"≥ {vn(GOAL_RPS, 0)} yc/s",
                met=rps >= GOAL_RPS,
                group="thông lượng",
            )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        api_token_revoke(token=token)
    return 0


if __name__ == "__main__":
    sys.exit(main())
