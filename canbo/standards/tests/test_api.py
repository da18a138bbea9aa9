"""The standards API: catalogue, check, gap list, review campaigns — shapes, bad input and scoping."""

import datetime

import pytest
from django.urls import reverse

from canbo.org.models import AdminLevel
from canbo.standards import services
from tests.factories import OrgUnitFactory

from .factories import deputy_director, director_standard
from .test_campaigns import commune_person

D = datetime.date


@pytest.fixture
def ready(tree, board):
    director_standard()
    return deputy_director(tree["dept_a"], board)


def test_the_catalogue_is_read_by_every_signed_in_user(client, dana, django_assert_max_num_queries):
    client.force_login(dana)
    with django_assert_max_num_queries(6):
        body = client.get(reverse("api-standards"), {"on": "2026-01-01"}).json()
    director = next(s for s in body["results"] if s["position"] == "GIAM_DOC_SO")
    assert director["valid_from"] == "2020-11-27"
    assert {c["kind"] for c in director["criteria"]} == {
        "QUALIFICATION",
        "SERVICE_YEARS",
        "POST_MONTHS",
        "SERVICE_LEFT",
        "IN_PLAN",
    }
    assert client.get(reverse("api-standards"), {"on": "x"}).status_code == 400


def test_anonymous_callers_are_refused(client, db):
    for name in ("api-standards", "api-standards-check", "api-standards-gaps", "api-review-campaigns"):
        assert client.get(reverse(name)).status_code in (401, 403)


def test_the_check_answers_met_or_the_gaps(client, alice, ready):
    client.force_login(alice)
    params = {"person": str(ready.uuid), "position": "GIAM_DOC_SO", "on": "01/06/2026", "kind": "HIGHER"}
    body = client.get(reverse("api-standards-check"), params).json()
    assert body["met"] is True and body["gaps"] == [] and body["standard"]["position"] == "GIAM_DOC_SO"
    body = client.get(reverse("api-standards-check"), {**params, "on": "01/06/2024"}).json()
    assert body["met"] is False
    assert [g["kind"] for g in body["gaps"]] == ["IN_PLAN", "POST_MONTHS"]
    assert body["messages"][1].startswith("Cần ít nhất 24 tháng")


def test_the_check_refuses_bad_input_and_people_outside_the_users_units(client, alice, charlie, dana, ready):
    client.force_login(alice)
    bad = client.get(reverse("api-standards-check"), {"position": "X", "on": "32/01/2026"})
    assert bad.status_code == 400 and {"position", "on", "q"} <= set(bad.json())
    params = {"person": str(ready.uuid), "position": "GIAM_DOC_SO"}
    client.force_login(charlie)
    assert client.get(reverse("api-standards-check"), params).status_code == 404
    client.force_login(dana)
    response = client.get(reverse("api-standards-check"), params)
    assert response.status_code == 403 and "không có quyền" in response.json()["detail"]


def test_the_gap_list_gives_counts_per_criterion_and_a_page(client, alice, tree, ready):
    client.force_login(alice)
    params = {"unit": tree["dept_a"].pk, "position": "GIAM_DOC_SO", "mode": "HIGHER", "on": "01/06/2024"}
    body = client.get(reverse("api-standards-gaps"), params).json()
    assert body["count"] == 1 and body["results"][0]["full_name"] == "Lò Văn Đạt"
    group = body["groups"][0]
    assert group["checked"] == 1 and group["unmet"] == 1
    assert sorted(c["unmet"] for c in group["per_criterion"]) == [0, 0, 0, 0, 0, 1, 1]
    assert client.get(reverse("api-standards-gaps"), {**params, "page": "0"}).status_code == 400
    outside = client.get(reverse("api-standards-gaps"), {**params, "unit": tree["dept_b"].pk})
    assert outside.status_code == 400 and "unit" in outside.json()


@pytest.fixture
def campaign(board, tree):
    commune = OrgUnitFactory(code="XA_A", name="Xã A", parent=tree["dept_a"], level=AdminLevel.XA)
    commune_person("Quàng Văn Chứ", commune, IT="CO_BAN")
    return services.review_campaign_create(
        actor=board,
        name="Rà soát công chức xã",
        unit=tree["province"],
        categories=["CC_XA"],
        review_date=D(2021, 8, 1),
        deadline=D(2021, 12, 31),
    )


def test_campaigns_are_listed_and_read_within_the_users_units(client, alice, charlie, campaign):
    client.force_login(alice)
    listed = client.get(reverse("api-review-campaigns")).json()
    assert [c["name"] for c in listed["results"]] == ["Rà soát công chức xã"]
    detail = client.get(reverse("api-review-campaign-detail", args=[campaign.pk])).json()
    assert detail["counts"] == {"findings": 1, "resolved": 0, "open": 1}
    findings = client.get(reverse("api-review-campaign-findings", args=[campaign.pk]), {"open": "1"}).json()
    assert findings["results"][0]["full_name"] == "Quàng Văn Chứ"
    client.force_login(charlie)
    assert (
        client.get(reverse("api-review-campaign-detail", args=[campaign.pk])).json()["counts"]["findings"]
        == 0
    )


def test_a_campaign_is_created_and_rechecked_through_the_api(client, alice, tree, bob):
    commune = OrgUnitFactory(code="XA_A", name="Xã A", parent=tree["dept_a"], level=AdminLevel.XA)
    person = commune_person("Quàng Văn Chứ", commune, IT="CO_BAN")
    client.force_login(alice)
    payload = {
        "name": "Rà soát xã A",
        "unit": "XA_A",
        "categories": ["CC_XA"],
        "review_date": "01/08/2021",
        "deadline": "31/12/2021",
    }
    created = client.post(reverse("api-review-campaigns"), payload, content_type="application/json")
    job = client.get(created["Location"]).json()  # queued (202), run eagerly in tests
    assert created.status_code == 202 and job["status"] == "SUCCEEDED", job["message"]
    pk = job["result"]["campaign"]
    assert client.get(reverse("api-review-campaign-detail", args=[pk])).json()["counts"]["open"] == 1
    from .factories import qualify

    qualify(person, awarded_on=D(2021, 10, 1), PROFESSIONAL="TRUNG_CAP")
    url = reverse("api-review-campaign-recheck", args=[pk])
    client.force_login(bob)
    assert client.post(url, {"on": "05/01/2022"}, content_type="application/json").status_code == 403
    client.force_login(alice)
    early = client.post(url, {"on": "01/07/2021"}, content_type="application/json")
    assert early.status_code == 400 and "phải từ ngày rà soát" in str(early.json())
    rechecked = client.post(url, {"on": "05/01/2022"}, content_type="application/json")
    job = client.get(rechecked["Location"]).json()
    assert rechecked.status_code == 202 and job["result"]["recheck"] == {"resolved": 1, "still_short": 0}
    assert client.get(reverse("api-review-campaign-detail", args=[pk])).json()["rechecked_on"] == "2022-01-05"


def test_bad_campaign_input_is_a_400_with_vietnamese_messages(client, alice, tree):
    client.force_login(alice)
    response = client.post(
        reverse("api-review-campaigns"),
        {"name": "", "unit": "SO_B", "review_date": "x", "deadline": "31/12/2021"},
        content_type="application/json",
    )
    assert response.status_code == 400
    body = response.json()
    assert {"name", "unit", "review_date"} <= set(body)
    assert "Ngày không hợp lệ" in body["review_date"][0]


def test_the_endpoints_generate_a_valid_schema_without_warnings(db):
    from django.urls import include, path
    from drf_spectacular.drainage import GENERATOR_STATS
    from drf_spectacular.generators import SchemaGenerator
    from drf_spectacular.validation import validate_schema

    GENERATOR_STATS.reset()
    patterns = [path("api/v1/", include("canbo.standards.api_urls"))]
    schema = SchemaGenerator(patterns=patterns).get_schema(request=None, public=True)
    validate_schema(schema)
    assert not GENERATOR_STATS._warn_cache and not GENERATOR_STATS._error_cache, (
        dict(GENERATOR_STATS._warn_cache),
        dict(GENERATOR_STATS._error_cache),
    )
    assert "/api/v1/review-campaigns/{id}/recheck/" in schema["paths"]
