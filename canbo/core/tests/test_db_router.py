"""The replica router's rules (canbo/core/db_router.py), on any database: no replica needs to run.

The router is called directly with a `replica` alias name; `in_atomic_block` is read from the real `default`
connection, which is outside any transaction in the tests without the `db` fixture.
"""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import transaction
from django.http import HttpResponse
from django.test import RequestFactory

from canbo.core.db_router import (
    PIN_COOKIE,
    PrimaryReplicaRouter,
    ReadYourWritesMiddleware,
    replica_reads,
    replica_reads_active,
    request_routing,
)
from canbo.people.models import Person

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def router():
    return PrimaryReplicaRouter(replica="replica")


def test_reads_go_to_the_primary_by_default(router):
    assert router.db_for_read(Person) == "default"


def test_reads_inside_replica_reads_go_to_the_replica(router):
    with replica_reads():
        assert router.db_for_read(Person) == "replica"
    assert router.db_for_read(Person) == "default"


def test_replica_reads_works_as_a_decorator(router):
    @replica_reads()
    def list_page():
        return replica_reads_active(), router.db_for_read(Person)

    assert list_page() == (True, "replica")
    assert list_page() == (True, "replica")  # a fresh context on every call
    assert replica_reads_active() is False


def test_writes_always_go_to_the_primary(router):
    assert router.db_for_write(Person) == "default"
    with replica_reads():
        assert router.db_for_write(Person) == "default"


def test_sessions_and_login_throttling_are_always_read_from_the_primary(router):
    with replica_reads():
        assert router.db_for_read(Session) == "default"
        assert router.db_for_read(AccessAttempt) == "default"


def test_inside_a_transaction_every_read_goes_to_the_primary(router, db):
    with replica_reads(), transaction.atomic():
        assert router.db_for_read(Person) == "default"


def test_a_browser_pinned_after_its_write_reads_from_the_primary(router):
    with request_routing(pinned=True), replica_reads():
        assert router.db_for_read(Person) == "default"


def test_after_a_write_in_the_request_the_rest_of_it_reads_from_the_primary(router):
    with request_routing() as state, replica_reads():
        assert router.db_for_read(Person) == "replica"
        router.db_for_write(Person)
        assert state.wrote
        assert router.db_for_read(Person) == "default"


def test_a_session_write_does_not_pin_the_browser(router):
    with request_routing() as state:
        router.db_for_write(Session)
    assert not state.wrote


def test_migrations_run_only_on_the_primary_and_relations_are_allowed(router):
    assert router.allow_migrate("default", "people") is True
    assert router.allow_migrate("replica", "people") is False
    assert router.allow_relation(Person(), Person()) is True


def test_without_a_replica_the_router_and_the_context_change_nothing():
    if "replica" in settings.DATABASES:
        pytest.skip("DATABASE_REPLICA_URL is set for this run")
    assert PrimaryReplicaRouter().replica is None
    with replica_reads():
        assert PrimaryReplicaRouter().db_for_read(Person) == "default"
        assert Person.objects.all().db == "default"
    assert "canbo.core.db_router.PrimaryReplicaRouter" not in settings.DATABASE_ROUTERS
    assert "canbo.core.db_router.ReadYourWritesMiddleware" not in settings.MIDDLEWARE


# --- read your own writes: the pin cookie -----------------------------------------------------------------


def _middleware(view):
    return ReadYourWritesMiddleware(view)


def _seen_by_view(router, request):
    seen = {}

    def view(request):
        with replica_reads():
            seen["db"] = router.db_for_read(Person)
        return HttpResponse("ok")

    response = _middleware(view)(request)
    return seen["db"], response


def test_a_post_pins_the_browser_to_the_primary_for_a_few_seconds(router, settings):
    settings.DATABASE_REPLICA_PIN_SECONDS = 7
    before = time.time()

    _db, response = _seen_by_view(router, RequestFactory().post("/can-bo/them/"))

    cookie = response.cookies[PIN_COOKIE]
    assert cookie["max-age"] == 7
    assert cookie["httponly"]
    assert before + 7 <= float(cookie.value) <= time.time() + 9


def test_a_get_that_wrote_pins_the_browser_too(router):
    def view(request):
        router.db_for_write(Person)
        return HttpResponse("ok")

    response = _middleware(view)(RequestFactory().get("/"))

    assert PIN_COOKIE in response.cookies


def test_a_plain_get_reads_from_the_replica_and_sets_no_cookie(router):
    db, response = _seen_by_view(router, RequestFactory().get("/can-bo/"))

    assert db == "replica"
    assert PIN_COOKIE not in response.cookies


def test_the_next_request_within_the_pin_reads_from_the_primary(router):
    request = RequestFactory().get("/can-bo/")
    request.COOKIES[PIN_COOKIE] = str(int(time.time()) + 5)

    db, _response = _seen_by_view(router, request)

    assert db == "default"


def test_an_expired_or_garbled_pin_is_ignored(router):
    for value in (str(int(time.time()) - 1), "not-a-number"):
        request = RequestFactory().get("/can-bo/")
        request.COOKIES[PIN_COOKIE] = value

        db, _response = _seen_by_view(router, request)

        assert db == "replica", value


# --- settings -----------------------------------------------------------------------------------------------


def test_database_replica_url_adds_the_alias_the_router_and_the_middleware():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "DJANGO_SECRET_KEY": "x" * 60,
            "DJANGO_ALLOWED_HOSTS": "canbo.dienbien.gov.vn",
            "DATABASE_URL": "postgres://canbo@db1.invalid:5432/canbo",
            "DATABASE_REPLICA_URL": "postgres://canbo@db2.invalid:5432/canbo",
        }
    )
    code = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps({'db': s.DATABASES['replica'], 'routers': s.DATABASE_ROUTERS, "
        "'middleware': s.MIDDLEWARE}, default=str))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )

    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    replica = out["db"]
    assert (replica["HOST"], replica["NAME"]) == ("db2.invalid", "canbo")
    assert replica["OPTIONS"]["options"] == "-c jit=off"
    assert replica["CONN_MAX_AGE"] == 60
    assert replica["TEST"]["MIRROR"] == "default"
    assert out["routers"] == ["canbo.core.db_router.PrimaryReplicaRouter"]
    assert out["middleware"][-1] == "canbo.core.db_router.ReadYourWritesMiddleware"
