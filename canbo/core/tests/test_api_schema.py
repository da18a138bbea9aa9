"""The OpenAPI schema and its docs page: served to signed-in users, generated without warnings, no CDN."""

import pytest
from django.urls import include, path
from drf_spectacular.drainage import GENERATOR_STATS
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db

REGISTER_PATTERNS = [
    path("api/v1/", include("canbo.org.api_urls")),
    path("api/v1/", include("canbo.people.api_urls")),
]


@pytest.fixture
def signed_in(alice):
    client = APIClient()
    client.force_login(alice)
    return client


def test_schema_is_served_to_a_signed_in_user(signed_in):
    response = signed_in.get("/api/schema/", {"format": "json"})

    assert response.status_code == 200
    paths = response.json()["paths"]
    assert {
        "/api/v1/units/",
        "/api/v1/persons/{uuid}/",
        "/api/v1/persons/{uuid}/qualifications/{id}/",
    } <= set(paths)


def test_docs_page_is_served_from_local_static_files(signed_in):
    response = signed_in.get("/api/docs/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "drf_spectacular_sidecar/swagger-ui-dist" in html
    assert "cdn" not in html.lower()


def test_register_endpoints_generate_a_valid_schema_without_warnings():
    GENERATOR_STATS.reset()

    schema = SchemaGenerator(patterns=REGISTER_PATTERNS).get_schema(request=None, public=True)

    validate_schema(schema)
    assert not GENERATOR_STATS._warn_cache and not GENERATOR_STATS._error_cache, (
        dict(GENERATOR_STATS._warn_cache),
        dict(GENERATOR_STATS._error_cache),
    )


def test_person_filters_and_write_bodies_are_documented():
    schema = SchemaGenerator(patterns=REGISTER_PATTERNS).get_schema(request=None, public=True)

    persons = schema["paths"]["/api/v1/persons/"]
    params = {p["name"] for p in persons["get"]["parameters"]}
    assert {"q", "unit", "category", "level", "age_band", "qualification_level", "page"} <= params
    create = schema["components"]["schemas"]["PersonCreate"]
    assert {"unit", "category", "start_date", "position", "national_id"} <= set(create["required"]) | set(
        create["properties"]
    )
    assert "version" in schema["components"]["schemas"]["PatchedPersonUpdate"]["properties"]


def test_browsable_pages_render_for_every_register_endpoint(signed_in, anh):
    row = anh.employments.get()
    base = f"/api/v1/persons/{anh.uuid}/"
    urls = ["/api/v1/units/", "/api/v1/units/SO_A/", "/api/v1/persons/", base, f"{base}employments/"]
    urls += [f"{base}employments/{row.pk}/", f"{base}qualifications/"]

    statuses = {url: signed_in.get(url, HTTP_ACCEPT="text/html").status_code for url in urls}

    assert set(statuses.values()) == {200}, statuses
