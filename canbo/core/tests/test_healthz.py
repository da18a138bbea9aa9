"""/healthz: no login, no redirect; 200 when the database and the task broker answer, else 503 naming the part."""

from unittest import mock

import pytest
from django.db import connection
from django.test import Client

pytestmark = pytest.mark.django_db


def test_it_answers_ok_without_login_and_without_redirect():
    response = Client().get("/healthz")

    assert response.status_code == 200
    body = response.json()
    assert {key: body[key] for key in ("status", "database", "queue")} == {
        "status": "ok",
        "database": "ok",
        "queue": "ok",
    }
    assert 0 <= body["ms"] < 50
    assert "no-cache" in response.headers["Cache-Control"]


def test_it_answers_503_naming_the_queue_when_the_broker_is_down():
    with mock.patch("canbo.core.health.broker_ping", return_value=False):
        response = Client().get("/healthz")

    assert response.status_code == 503
    assert response.json()["status"] == "error"
    assert response.json()["database"] == "ok"
    assert response.json()["queue"] == "error"


def test_it_answers_503_naming_the_database_when_it_does_not_answer():
    with mock.patch.object(connection, "cursor", side_effect=RuntimeError("database is gone")):
        response = Client().get("/healthz")

    assert response.status_code == 503
    assert response.json() | {"ms": 0} == {"status": "error", "database": "error", "queue": "ok", "ms": 0}


def test_it_refuses_writes():
    assert Client().post("/healthz").status_code == 405


def test_the_old_address_gives_the_same_answer():
    response = Client().get("/suc-khoe/")

    assert response.status_code == 200
    assert response.json()["status"] == "ok"
