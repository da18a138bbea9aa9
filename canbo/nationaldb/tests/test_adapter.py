"""The adapter to the national API: token from the configured credentials, the idempotency key on each request,
retries of a failing answer within a run, and the same outbox flow through it (against the stand-in)."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from canbo.nationaldb.adapter import NationalDbApiClient
from canbo.nationaldb.client import NationalDbUnavailable, national_db_client
from canbo.nationaldb.models import OutboxItem, OutboxState
from canbo.nationaldb.services import batch_approve, outbox_send_due
from canbo.people.services import person_update


@pytest.fixture
def national():
    """A fake national API: a token endpoint and a send endpoint that answers 503 `fail` times first."""
    state = {"fail": 1, "requests": [], "tokens": 0}

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def _answer(self, status, payload):
            body = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            if self.path == "/token":
                state["tokens"] += 1
                assert b"client_id=canbo-dienbien" in body and b"client_secret=s3cret" in body
                return self._answer(200, {"access_token": f"t{state['tokens']}", "expires_in": 3600})
            state["requests"].append(dict(self.headers))
            if state["fail"] > 0:
                state["fail"] -= 1
                return self._answer(503, {})
            items = json.loads(body)["items"]
            return self._answer(200, {"results": [{"key": i["key"], "status": "accepted"} for i in items]})

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    state["url"] = f"http://127.0.0.1:{server.server_port}"
    yield state
    server.shutdown()
    server.server_close()


def _client(national, **kwargs):
    return NationalDbApiClient(
        base_url=national["url"], token_url=national["url"] + "/token", client_id="canbo-dienbien",
        client_secret="s3cret", timeout=10, paths={"send": "/dong-bo"}, sleep=lambda s: None, **kwargs,
    )  # fmt: skip


def test_a_503_is_retried_with_the_same_idempotency_key_and_the_token(national):
    client = _client(national, retries=2)
    results = client.send_batch(batch="b-1", signature="", items=[{"key": "k1"}, {"key": "k2"}])
    assert [(r.key, r.status) for r in results] == [("k1", "accepted"), ("k2", "accepted")]
    assert len(national["requests"]) == 2 and national["tokens"] == 1  # one token, reused
    assert {r["Idempotency-Key"] for r in national["requests"]} == {"b-1"}
    assert {r["Authorization"] for r in national["requests"]} == {"Bearer t1"}


def test_when_the_retries_are_spent_the_items_wait(national):
    national["fail"] = 5
    with pytest.raises(NationalDbUnavailable, match="đã thử 2 lần"):
        _client(national, retries=1).send_batch(batch="b-2", signature="", items=[{"key": "k"}])


def test_without_an_address_the_adapter_refuses_to_start(settings):
    settings.NATIONAL_DB_URL = ""
    with pytest.raises(NationalDbUnavailable, match="NATIONAL_DB_URL"):
        NationalDbApiClient()


@pytest.mark.django_db
def test_the_outbox_goes_through_the_adapter_chosen_by_settings(settings, standin, alice, anh):
    settings.NATIONAL_DB_CLIENT = "canbo.nationaldb.adapter.NationalDbApiClient"
    settings.NATIONAL_DB_RETRIES = 0
    assert isinstance(national_db_client(), NationalDbApiClient)
    person_update(actor=alice, person=anh, data={"phone": "0987654321"})
    batch_approve(user=alice)
    outbox_send_due()
    assert not OutboxItem.objects.exclude(state=OutboxState.SENT).exists()
    assert standin.dossiers[anh.national_id]
