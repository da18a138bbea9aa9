"""Production serving, end to end: migrate, collectstatic, then gunicorn with config.settings.production.

Skipped unless CANBO_SERVING_TEST=1 (`.ci/run` sets it): it starts real worker processes on a loopback port
(127.0.0.1:8100–8199). It needs PostgreSQL, whose server DATABASE_URL names (the test creates, migrates and at
the end drops its own database, `test_<name>_gunicorn`), and Redis at REDIS_URL (redis://127.0.0.1:6379/3 by
default) for the task queue that /healthz pings. Requests carry `X-Forwarded-Proto: https`, as from the TLS
proxy in front, so the production redirects and the Secure cookies stay as they are in production.

`collectstatic` with the strict manifest fails on a file referenced but missing (the Chart.js source map once
was), and every page links hashed static files: a broken static build fails this test.
"""

import contextlib
import http.client
import json
import os
import re
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
BIN = Path(sys.executable).parent
PORTS = range(8100, 8200)
USERNAME = "bantochuc-serving"

pytestmark = [
    pytest.mark.serving,
    pytest.mark.skipif(
        os.environ.get("CANBO_SERVING_TEST") != "1",
        reason="starts gunicorn on PostgreSQL and Redis: set CANBO_SERVING_TEST=1 (.ci/run does)",
    ),
]


def _free_port() -> int:
    for port in PORTS:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    pytest.fail("no free port on 127.0.0.1 between 8100 and 8199")


def _database_url() -> str:
    """DATABASE_URL's server with the test's own database name."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        pytest.fail(
            "the serving test needs DATABASE_URL=postgres://… (the server; it creates its own database)"
        )
    parts = urlsplit(url)
    name = parts.path.lstrip("/") or "canbo"
    return urlunsplit(parts._replace(path=f"/test_{name}_gunicorn"))


def _recreate_database(url: str, *, drop_only: bool = False) -> None:
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        if not drop_only:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def _redis_answers(url: str) -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=2).ping())
    except redis.RedisError:
        return False


def _manage(env: dict, *args: str, stdin: str | None = None) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if result.returncode != 0:
        pytest.fail(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}", pytrace=False)
    return result.stdout


CREATE_USER = """
from canbo.accounts.models import Role, User
from canbo.accounts.services import role_assignment_create_active_for_seed
user = User.objects.create_user(username={username!r}, password={password!r}, first_name="Ban Tổ chức")
role_assignment_create_active_for_seed(user=user, role=Role.PROVINCE_BOARD)
"""


class Browser:
    """A tiny HTTP client behind a pretend TLS proxy: keeps cookies (Secure ones too) and times each request."""

    def __init__(self, port: int):
        self.port = port
        self.origin = f"https://127.0.0.1:{port}"
        self.cookies: dict[str, str] = {}
        self.cookie_flags: dict[str, dict] = {}

    def request(self, method: str, path: str, *, body: dict | None = None, https: bool = True, headers=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        sent = {"Host": f"127.0.0.1:{self.port}", "Accept-Language": "vi", **(headers or {})}
        if https:
            sent["X-Forwarded-Proto"] = "https"
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        payload = None
        if body is not None:
            payload = urlencode(body)
            sent |= {"Content-Type": "application/x-www-form-urlencoded", "Origin": self.origin}
            sent["Referer"] = self.origin + path
        started = time.perf_counter()
        conn.request(method, path, body=payload, headers=sent)
        response = conn.getresponse()
        content = response.read()
        elapsed = time.perf_counter() - started
        conn.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            jar = SimpleCookie()
            jar.load(header)
            for name, morsel in jar.items():
                self.cookies[name] = morsel.value
                self.cookie_flags[name] = {
                    "secure": bool(morsel["secure"]),
                    "httponly": bool(morsel["httponly"]),
                }
        return response, content, elapsed

    def get(self, path: str, **kwargs):
        return self.request("GET", path, **kwargs)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """gunicorn on a free loopback port, serving a freshly migrated database and freshly collected files."""
    tmp = tmp_path_factory.mktemp("serving")
    database_url = _database_url()
    redis_url = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/3"
    if not _redis_answers(redis_url):
        pytest.fail(f"the serving test needs Redis at {redis_url} (REDIS_URL)", pytrace=False)
    port = _free_port()
    password = secrets.token_urlsafe(16)
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "HUEY_", "WHITENOISE_"))
        and key not in {"DATABASE_URL", "CACHE_URL", "REDIS_URL", "WEB_CONCURRENCY", "GUNICORN_CMD_ARGS"}
    }
    env |= {
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_STATIC_ROOT": str(tmp / "static"),
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "CACHE_URL": f"filecache://{tmp / 'cache'}",
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "WEB_CONCURRENCY": "2",
        "PYTHONUNBUFFERED": "1",
    }
    timings: dict[str, float] = {}
    _recreate_database(database_url)
    try:
        _prepare(env, timings, password=password)
        with _gunicorn(env, port, tmp / "gunicorn.log", timings) as log_path:
            print(
                "\nserving set-up:", ", ".join(f"{name} {seconds:.1f} s" for name, seconds in timings.items())
            )
            yield {"port": port, "username": USERNAME, "password": password, "log": log_path}
    finally:
        _recreate_database(database_url, drop_only=True)


def _prepare(env: dict, timings: dict, *, password: str) -> None:
    for name, args in (
        ("migrate", ["migrate", "--noinput"]),
        ("collectstatic", ["collectstatic", "--noinput"]),
        ("load_demo", ["load_demo", "--scale", "100"]),  # a small province: the pages draw tables and charts
    ):
        started = time.perf_counter()
        _manage(env, *args)
        timings[name] = time.perf_counter() - started
    _manage(env, "shell", stdin=CREATE_USER.format(username=USERNAME, password=password))


@contextlib.contextmanager
def _gunicorn(env: dict, port: int, log_path: Path, timings: dict):
    """gunicorn as `make serve` starts it, until it answers /healthz; stopped (SIGTERM) afterwards."""
    started = time.perf_counter()
    with open(log_path, "w") as log:
        process = subprocess.Popen(
            [str(BIN / "gunicorn"), "--config", "gunicorn.conf.py", "config.wsgi:application"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        browser = Browser(port)
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                pytest.fail(f"gunicorn stopped:\n{log_path.read_text()}", pytrace=False)
            with contextlib.suppress(OSError):
                if browser.get("/healthz", https=False)[0].status == 200:
                    break
            if time.monotonic() > deadline:
                pytest.fail(f"gunicorn did not answer in 30 s:\n{log_path.read_text()}", pytrace=False)
            time.sleep(0.2)
        timings["gunicorn start"] = time.perf_counter() - started
        yield log_path
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _static_urls(html: str) -> list[str]:
    return re.findall(r'(?:href|src)="(/static/[^"]+)"', html)


def test_healthz_answers_over_plain_http_quickly(server):
    browser = Browser(server["port"])

    response, content, _ = browser.get("/healthz", https=False)
    latencies = []
    for _ in range(20):
        response, content, elapsed = browser.get("/healthz", https=False)
        latencies.append(elapsed * 1000)

    body = json.loads(content)
    assert response.status == 200, content
    assert {key: body[key] for key in ("status", "database", "queue")} == {
        "status": "ok",
        "database": "ok",
        "queue": "ok",
    }
    median = statistics.median(latencies)
    print(f"\n/healthz over HTTP: median {median:.1f} ms, max {max(latencies):.1f} ms, view {body['ms']} ms")
    assert body["ms"] < 50
    assert median < 50


def test_pages_need_https_from_the_proxy(server):
    response, _, _ = Browser(server["port"]).get("/tai-khoan/dang-nhap/", https=False)

    assert response.status == 301
    assert response.headers["Location"].startswith("https://")


def test_a_user_signs_in_and_reads_the_pages_with_their_static_files(server):
    browser = Browser(server["port"])

    response, content, _ = browser.get("/tai-khoan/dang-nhap/")
    html = content.decode()
    assert response.status == 200, html
    assert browser.cookie_flags["csrftoken"]["secure"]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    static_urls = _static_urls(html)

    response, content, _ = browser.request(
        "POST",
        "/tai-khoan/dang-nhap/",
        body={"csrfmiddlewaretoken": token, "username": server["username"], "password": server["password"]},
    )
    assert response.status == 302, content.decode()
    assert response.headers["Location"] == "/"
    assert browser.cookie_flags["sessionid"] == {"secure": True, "httponly": True}

    pages = {}
    for path in ("/", "/can-bo/", "/bao-cao/headcount/"):
        response, content, elapsed = browser.get(path)
        pages[path] = round(elapsed * 1000)
        assert response.status == 200, (path, content.decode()[:2000])
        static_urls += _static_urls(content.decode())
    print(f"\npages (ms): {pages}")

    static_urls = sorted(set(static_urls))
    assert any("chart.umd.min." in url for url in static_urls), static_urls
    for url in static_urls:
        assert re.search(r"\.[0-9a-f]{12}\.(css|js)$", url), f"not a hashed name: {url}"
        response, content, _ = browser.get(url, headers={"Accept-Encoding": "gzip"})
        assert response.status == 200, url
        assert len(content) > 0
        assert "immutable" in response.headers["Cache-Control"], url
        assert response.headers.get("Content-Encoding") == "gzip", url


def test_a_missing_page_answers_the_vietnamese_404(server):
    response, content, _ = Browser(server["port"]).get("/khong-co-trang-nay/")

    html = content.decode()
    assert response.status == 404
    assert "Không tìm thấy trang" in html
    assert "Về trang chủ" in html


def test_the_server_logged_no_error(server):
    log = server["log"].read_text()

    assert log.count("Booting worker") == 2  # WEB_CONCURRENCY, read by gunicorn.conf.py
    assert '"GET /healthz HTTP/1.1" 200' in log  # the access log on stdout
    assert "Traceback" not in log and "Internal Server Error" not in log
