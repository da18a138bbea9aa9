"""The planning API: scoping of every endpoint, the actions through the services, Vietnamese errors, query
counts of the lists, and a schema without warnings."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import include, path
from drf_spectacular.drainage import GENERATOR_STATS
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema
from rest_framework.test import APIClient

from canbo.planning.choices import EntryStatus
from canbo.planning.models import PlanningEntry
from canbo.training.tests.factories import TrainingPlanFactory
from tests.factories import OrgUnitFactory, PersonFactory

from .factories import DecisionFactory, EntryFactory, PostFactory, TermFactory, approved, position

D = datetime.date
BASE = "/api/v1/planning"
DECISION = {"number": "9-QĐ/TU", "date": "15/11/2025", "approving_body": "Ban Thường vụ Tỉnh ủy"}


@pytest.fixture
def world(tree, db):
    term = TermFactory()
    a = PostFactory(term=term, unit=tree["dept_a"])
    b = PostFactory(term=term, unit=tree["dept_b"])
    decision = DecisionFactory(term=term)
    deputy = position("PHO_GIAM_DOC_SO")
    people = {k: PersonFactory(current_unit=tree[u], position=deputy) for k, u in
              [("in_a", "dept_a"), ("proposed_a", "dept_a"), ("in_b", "dept_b"), ("free_a", "dept_a")]}  # fmt: skip
    entries = {
        "in_a": approved(a, people["in_a"], decision=decision),
        "proposed_a": EntryFactory(post=a, person=people["proposed_a"]),
        "in_b": approved(b, people["in_b"], decision=decision),
    }
    return {"term": term, "a": a, "b": b, "decision": decision, "people": people, "entries": entries}


def api(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_login(user)
    return client


READS = [
    lambda w: "/terms/",
    lambda w: f"/terms/{w['term'].pk}/",
    lambda w: f"/terms/{w['term'].pk}/composition/",
    lambda w: f"/terms/{w['term'].pk}/removal-proposals/",
    lambda w: f"/terms/{w['term'].pk}/needs/",
    lambda w: "/posts/",
    lambda w: f"/posts/{w['a'].pk}/",
    lambda w: "/entries/",
    lambda w: f"/entries/{w['entries']['in_a'].pk}/",
    lambda w: "/decisions/",
    lambda w: f"/decisions/{w['decision'].pk}/",
]


@pytest.mark.parametrize("url", READS)
@pytest.mark.parametrize("who,status", [("board", 200), ("standing", 200), ("alice", 200), ("bob", 200),
                                        ("dana", 403), ("sysadmin", 403), (None, 403)])  # fmt: skip
def test_readers_read_every_endpoint_and_others_are_refused(request, world, url, who, status):
    user = request.getfixturevalue(who) if who else None
    response = api(user).get(BASE + url(world))
    assert response.status_code == status
    if status == 403:
        assert response.json()["detail"] in (
            "Anh/chị không có quyền xem quy hoạch cán bộ.",
            "Anh/chị chưa đăng nhập.",
        )


@pytest.mark.parametrize(
    "url", [lambda w: f"/posts/{w['a'].pk}/", lambda w: f"/entries/{w['entries']['in_a'].pk}/"]
)
def test_charlie_gets_404_for_records_of_another_unit(charlie, world, url):
    assert api(charlie).get(BASE + url(world)).status_code == 404


def test_lists_are_scoped(charlie, world):
    client = api(charlie)
    assert [p["unit"] for p in client.get(f"{BASE}/posts/").json()["results"]] == ["SO_B"]
    assert [e["full_name"] for e in client.get(f"{BASE}/entries/").json()["results"]] == [
        world["people"]["in_b"].full_name
    ]
    composition = client.get(f"{BASE}/terms/{world['term'].pk}/composition/", {"on": "01/06/2026"}).json()
    assert [r["unit"] for r in composition["rows"]] == ["SO_B"] and composition["total"]["persons"] == 1
    decision = client.get(f"{BASE}/decisions/{world['decision'].pk}/").json()
    assert [e["unit"] for e in decision["additions"]] == ["SO_B"]


def test_alice_proposes_and_gets_the_rule_10_refusal_in_vietnamese(alice, world):
    client = api(alice)
    data = {"post": world["a"].pk, "person": str(world["people"]["free_a"].uuid), "note": "Tại chỗ"}
    response = client.post(f"{BASE}/entries/", data, format="json")
    assert response.status_code == 201 and response.json()["status"] == "PROPOSED"

    response = client.post(
        f"{BASE}/entries/", {**data, "person": str(world["people"]["in_a"].uuid)}, format="json"
    )
    assert response.status_code == 400
    assert "đã có trong quy hoạch chức danh này" in response.json()["non_field_errors"][0]
    response = client.post(f"{BASE}/entries/", {**data, "post": world["b"].pk}, format="json")
    assert response.status_code == 404


def test_bob_and_charlie_cannot_propose_for_alices_post(bob, charlie, world):
    data = {"post": world["a"].pk, "person": str(world["people"]["free_a"].uuid)}
    response = api(bob).post(f"{BASE}/entries/", data, format="json")
    assert response.status_code == 403 and "không có quyền" in response.json()["detail"]
    assert api(charlie).post(f"{BASE}/entries/", data, format="json").status_code == 404
    assert not PlanningEntry.objects.filter(person=world["people"]["free_a"]).exists()


def test_the_board_approves_and_removes_by_decision(board, alice, world):
    proposed, in_a = world["entries"]["proposed_a"], world["entries"]["in_a"]
    body = {"entries": [proposed.pk], "is_supplement": True, **DECISION}
    assert api(alice).post(f"{BASE}/entries/approve/", body, format="json").status_code == 403

    response = api(board).post(f"{BASE}/entries/approve/", body, format="json")
    assert response.status_code == 200 and [e["status"] for e in response.json()["additions"]] == ["APPROVED"]
    response = api(board).post(f"{BASE}/entries/remove/", {"entries": [in_a.pk], **DECISION}, format="json")
    assert response.status_code == 400 and "reason" in response.json()
    response = api(board).post(
        f"{BASE}/entries/remove/", {"entries": [in_a.pk], "reason": "MOVED", **DECISION}, format="json"
    )
    assert response.status_code == 200 and response.json()["removals"][0]["removal_reason"] == "MOVED"
    response = api(board).post(f"{BASE}/entries/approve/", {**body, "entries": [99999]}, format="json")
    assert response.status_code == 400 and "99999" in response.json()["entries"][0]


def test_alice_withdraws_her_proposal_and_charlie_cannot_see_it(alice, charlie, world):
    pk = world["entries"]["proposed_a"].pk
    assert api(charlie).post(f"{BASE}/entries/{pk}/withdraw/").status_code == 404
    response = api(alice).post(f"{BASE}/entries/{pk}/withdraw/")
    assert response.status_code == 200 and response.json()["status"] == EntryStatus.REMOVED


def test_terms_and_posts_are_created_by_those_entitled(board, alice, bob, world, tree):
    term = {"code": "2026-2031", "kind": "STATE", "start_date": "01/07/2026", "end_date": "30/06/2031"}
    assert api(alice).post(f"{BASE}/terms/", term, format="json").status_code == 403
    response = api(board).post(f"{BASE}/terms/", term, format="json")
    assert response.status_code == 201 and response.json()["min_women_pct"] == 25
    assert api(board).post(f"{BASE}/terms/", term, format="json").json() == {
        "code": ["Nhiệm kỳ 2026-2031 đã có."]
    }

    post = {"term": world["term"].pk, "unit": "SO_A", "position": "PHO_GIAM_DOC_SO", "tier": "TINH"}
    assert api(alice).post(f"{BASE}/posts/", post, format="json").status_code == 201
    assert (
        api(bob).post(f"{BASE}/posts/", {**post, "position": "TRUONG_PHONG"}, format="json").status_code
        == 403
    )
    assert api(alice).post(f"{BASE}/posts/", {**post, "unit": "SO_B"}, format="json").status_code == 404
    response = api(alice).post(f"{BASE}/posts/", {**post, "position": "KHONG_CO"}, format="json")
    assert response.json() == {"position": ["Không có chức vụ mã “KHONG_CO”."]}


def test_removal_proposals_are_confirmed_by_the_board(board, world):
    person = world["people"]["in_b"]
    person.status, person.status_date = "RETIRED", D(2026, 1, 31)
    person.save()
    url = f"{BASE}/terms/{world['term'].pk}/removal-proposals/"
    listed = api(board).get(url).json()
    assert [(p["entry"]["id"], p["reason"]) for p in listed] == [(world["entries"]["in_b"].pk, "MOVED")]

    response = api(board).post(url, {"entries": [world["entries"]["in_b"].pk], **DECISION}, format="json")

    assert response.status_code == 200 and response.json() == []


def test_needs_are_read_and_sent_to_next_years_plan(board, world, tree):
    needs = api(board).get(f"{BASE}/terms/{world['term'].pk}/needs/", {"on": "01/06/2026"}).json()
    assert {(c["tier"], c["label"], c["persons"]) for c in needs["by_tier"]} >= {
        ("TINH", "thiếu cao cấp LLCT", 2)
    }
    plan = TrainingPlanFactory(year=2027, owner_unit=tree["province"])

    response = api(board).post(
        f"{BASE}/terms/{world['term'].pk}/needs/", {"plan": plan.pk, "on": "01/06/2026"}, format="json"
    )

    assert response.status_code == 200
    assert {"programme": "LLCT_CAO_CAP", "target_count": 2} in [
        {k: v for k, v in line.items() if k != "id"} for line in response.json()["lines"]
    ]


def test_bad_query_parameters_answer_in_vietnamese(board, world):
    response = api(board).get(f"{BASE}/entries/", {"status": "DONE"})
    assert response.status_code == 400 and "không phải là giá trị hợp lệ" in response.json()["status"][0]
    response = api(board).get(f"{BASE}/terms/{world['term'].pk}/composition/", {"on": "31/02/2026"})
    assert response.status_code == 400 and "Ngày không hợp lệ" in response.json()["on"][0]


@pytest.mark.parametrize("url", ["/entries/", "/posts/", "/decisions/", "/terms/"])
def test_lists_take_the_same_queries_whatever_their_length(board, world, tree, url):
    client = api(board)
    client.get(BASE + url)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(BASE + url).status_code == 200
        return len(queries)

    before = count()
    for _ in range(5):
        decision = DecisionFactory(term=world["term"])
        post = PostFactory(term=world["term"], unit=OrgUnitFactory(parent=tree["dept_b"]))
        approved(post, PersonFactory(current_unit=tree["dept_b"]), decision=decision)
    assert count() == before <= 6


def test_the_planning_schema_has_no_warning(db):
    GENERATOR_STATS.reset()
    schema = SchemaGenerator(patterns=[path("api/v1/", include("canbo.planning.api_urls"))]).get_schema(
        request=None, public=True
    )
    validate_schema(schema)
    assert (dict(GENERATOR_STATS._warn_cache), dict(GENERATOR_STATS._error_cache)) == ({}, {})
    assert "/api/v1/planning/entries/approve/" in schema["paths"]
