"""Production behind its reverse proxy: the client's address (login throttling, audit rows) and the headers.

The first tests read config.settings.production itself (in a subprocess, like test_settings.py); the others
run the app with the settings production gives it: one trusted proxy (PROXY_COUNT = 1) whose address is every
request's REMOTE_ADDR, the client's address appended by the proxy as the right-most X-Forwarded-For entry.
"""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from auditlog.models import LogEntry
from axes.models import AccessAttempt
from django.contrib.auth.models import AnonymousUser
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse
from rest_framework.test import APIClient

from canbo.core.middleware import NoStoreMiddleware
from canbo.imports.tests.files import person_row, write_file
from canbo.people.models import Person
from canbo.people.tests.test_views_profile import _edit_data

ROOT = Path(__file__).resolve().parent.parent
LOGIN = "/tai-khoan/dang-nhap/"
PASSWORD = "mat-khau-thu-nghiem"  # UserFactory's default
PROXY = "10.0.0.2"
CLIENT_A = "203.0.113.5"
CLIENT_B = "198.51.100.7"
EXPECTED_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
}

DUMP = """
import json
from django.conf import settings
print(json.dumps({
    "PROXY_COUNT": settings.PROXY_COUNT,
    "AXES_CLIENT_IP_CALLABLE": settings.AXES_CLIENT_IP_CALLABLE,
    "MIDDLEWARE": settings.MIDDLEWARE,
    "CSP": settings.CONTENT_SECURITY_POLICY["DIRECTIVES"],
}))
"""


def _production_settings(**extra_env):
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
            "DJANGO_ALLOWED_HOSTS": "canbo.dienbien.gov.vn",
            "DATABASE_URL": "postgres://canbo@db.invalid:5432/canbo",
            **extra_env,
        }
    )
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()\n" + DUMP],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def _policy(response) -> dict[str, list[str]]:
    directives = (part.split() for part in response["Content-Security-Policy"].split(";") if part.strip())
    return {name: sources for name, *sources in directives}


# --- production's own settings -------------------------------------------------------------------------


def test_production_trusts_one_proxy_unless_told_otherwise_and_both_doors_read_the_same_rule():
    default = _production_settings()
    two = _production_settings(DJANGO_PROXY_COUNT="2")

    assert default["PROXY_COUNT"] == 1 and two["PROXY_COUNT"] == 2
    assert default["AXES_CLIENT_IP_CALLABLE"] == "canbo.core.client_ip.client_ip"
    assert "canbo.core.middleware.AuditlogMiddleware" in default["MIDDLEWARE"]
    assert "auditlog.middleware.AuditlogMiddleware" not in default["MIDDLEWARE"]
    assert {"csp.middleware.CSPMiddleware", "canbo.core.middleware.NoStoreMiddleware"} <= set(
        default["MIDDLEWARE"]
    )
    assert default["CSP"] == EXPECTED_CSP
    assert "'unsafe-inline'" not in default["CSP"]["script-src"]
    assert "'unsafe-eval'" not in default["CSP"]["script-src"]


# --- login throttling behind the proxy ------------------------------------------------------------------


@pytest.fixture
def behind_proxy(settings):
    settings.PROXY_COUNT = 1


def _login(client, forwarded, password):
    return client.post(
        LOGIN,
        {"username": "alice", "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded,
    )


@pytest.mark.django_db
def test_a_lockout_of_one_client_does_not_lock_another_behind_the_same_proxy(
    behind_proxy, client, alice, settings
):
    # Given someone at CLIENT_A who fails alice's password until the lockout
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, CLIENT_A, "sai")

    # Then CLIENT_A is locked, but alice at CLIENT_B, behind the same proxy, still signs in
    assert _login(client, CLIENT_A, PASSWORD).status_code == 429
    assert _login(client, CLIENT_B, PASSWORD).status_code == 302
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {CLIENT_A}


@pytest.mark.django_db
def test_a_spoofed_left_most_entry_does_not_escape_the_lockout(behind_proxy, client, alice, settings):
    # Given five failures from the real client, each with another made-up left-most entry
    for i in range(settings.AXES_FAILURE_LIMIT):
        _login(client, f"6.6.6.{i}, {CLIENT_A}", "sai")

    # Then the real client is locked, whatever it writes at the left
    assert _login(client, f"9.9.9.9, {CLIENT_A}", PASSWORD).status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {CLIENT_A}


# --- the audit address ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_an_audit_row_records_the_client_not_the_proxy_nor_a_spoofed_entry(behind_proxy, client, alice, anh):
    client.force_login(alice)

    client.post(
        reverse("people:edit", args=[anh.uuid]),
        {**_edit_data(anh), "phone": "0987654321"},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=f"6.6.6.6, {CLIENT_A}",
        HTTP_X_FORWARDED_PORT="31337",
    )

    entry = LogEntry.objects.get_for_object(anh).latest("timestamp")
    assert "phone" in entry.changes_dict
    assert entry.remote_addr == CLIENT_A and entry.remote_port is None


@pytest.mark.django_db
def test_an_import_through_the_api_records_the_client_address(behind_proxy, alice, tree, tmp_path):
    client = APIClient()
    client.force_login(alice)
    path = write_file(tmp_path / "a.xlsx", persons=[person_row(1)])

    response = client.post(
        reverse("api-imports"),
        {"file": SimpleUploadedFile(path.name, path.read_bytes())},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=f"6.6.6.6, {CLIENT_A}",
    )

    assert response.status_code == 202  # queued; run eagerly in tests
    person = Person.objects.get()
    assert set(LogEntry.objects.get_for_object(person).values_list("remote_addr", flat=True)) == {CLIENT_A}


# --- headers: Content-Security-Policy and no-store ------------------------------------------------------


@pytest.mark.django_db
def test_the_login_page_has_the_policy(client):
    response = client.get(LOGIN)

    assert response.status_code == 200
    assert _policy(response) == EXPECTED_CSP


@pytest.mark.django_db
def test_a_signed_in_page_has_the_policy_and_is_never_stored(client, alice):
    client.force_login(alice)

    response = client.get("/")

    assert response.status_code == 200
    assert _policy(response) == EXPECTED_CSP
    assert response["Cache-Control"] == "no-store" and response["Pragma"] == "no-cache"


@pytest.mark.django_db
def test_an_api_answer_has_the_policy_and_is_never_stored(alice):
    client = APIClient()
    client.force_login(alice)

    response = client.get("/api/v1/units/")

    assert response.status_code == 200
    assert _policy(response) == EXPECTED_CSP
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_an_api_refusal_to_an_anonymous_caller_is_never_stored_either(client):
    response = client.get("/api/v1/persons/")

    assert response.status_code in (401, 403)
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_an_excel_export_is_never_stored(client, alice, anh, export_via_job):
    client.force_login(alice)

    response = export_via_job(reverse("people:export"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_the_api_docs_allow_inline_styles_only_and_run_no_inline_script(client, alice):
    client.force_login(alice)

    page = client.get("/api/docs/")
    script = client.get("/api/docs/?script=")

    policy = _policy(page)
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert {k: v for k, v in policy.items() if k != "style-src"} == {
        k: v for k, v in EXPECTED_CSP.items() if k != "style-src"
    }
    assert "<script>" not in page.content.decode()
    assert script.status_code == 200 and script["Content-Type"].startswith("application/javascript")


def test_an_answer_that_chose_its_own_cache_keeps_it():
    request = RequestFactory().get("/static/css/canbo.css")
    request.user = SimpleNamespace(is_authenticated=True)

    def static_file(request):
        response = HttpResponse("body{}", content_type="text/css")
        response["Cache-Control"] = "max-age=315360000, public, immutable"
        return response

    response = NoStoreMiddleware(static_file)(request)

    assert response["Cache-Control"] == "max-age=315360000, public, immutable"
    assert not response.has_header("Pragma")


def test_an_anonymous_page_outside_the_api_is_left_to_the_view():
    request = RequestFactory().get("/tai-khoan/dang-nhap/")
    request.user = AnonymousUser()

    response = NoStoreMiddleware(lambda request: HttpResponse("ok"))(request)

    assert not response.has_header("Cache-Control")
