"""The training endpoints are in the OpenAPI schema, which still validates without a warning, and their
browsable pages render."""

import pytest
from django.urls import include, path
from drf_spectacular.drainage import GENERATOR_STATS
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema
from rest_framework.test import APIClient

from canbo.training import services

from .factories import EnrolmentFactory, StudyAssignmentFactory, TrainingClassFactory

pytestmark = pytest.mark.django_db

TRAINING_PATTERNS = [path("api/v1/", include("canbo.training.api_urls"))]


def generate(patterns=None):
    GENERATOR_STATS.reset()
    schema = SchemaGenerator(patterns=patterns).get_schema(request=None, public=True)
    validate_schema(schema)
    warnings = (dict(GENERATOR_STATS._warn_cache), dict(GENERATOR_STATS._error_cache))
    return schema, warnings


def test_training_endpoints_generate_a_valid_schema_without_warnings():
    schema, warnings = generate(TRAINING_PATTERNS)

    assert warnings == ({}, {})
    assert {
        "/api/v1/plans/{id}/transition/",
        "/api/v1/plans/{id}/lines/{line_id}/allocations/",
        "/api/v1/classes/{id}/bulk-enrol/",
        "/api/v1/enrolments/{id}/",
        "/api/v1/study-assignments/{id}/breach/",
    } <= set(schema["paths"])


def test_with_the_register_endpoints_still_no_warnings():
    """Enum names are global: the training choice sets must not collide with the register's ("status",
    "kind", "scale")."""
    schema, warnings = generate(
        [
            path("api/v1/", include("canbo.org.api_urls")),
            path("api/v1/", include("canbo.people.api_urls")),
            *TRAINING_PATTERNS,
        ]
    )

    assert warnings == ({}, {})
    assert "/api/v1/persons/" in schema["paths"] and "/api/v1/plans/" in schema["paths"]


def test_filters_and_bodies_are_documented():
    schema, _ = generate(TRAINING_PATTERNS)

    enrolments = {p["name"] for p in schema["paths"]["/api/v1/enrolments/"]["get"]["parameters"]}
    assert {
        "unit",
        "from",
        "to",
        "measure",
        "form",
        "kind",
        "programme",
        "mode",
        "venue",
        "page",
    } <= enrolments
    transition = schema["components"]["schemas"]["PlanTransitionRequest"]
    assert {"action", "version"} <= set(transition["required"])
    assert "version" in schema["components"]["schemas"]["PatchedEnrolmentResult"]["properties"]


def test_browsable_pages_render(board, tree, anh):
    plan = services.plan_create(actor=board, year=2026, owner_unit=tree["province"])
    klass = TrainingClassFactory(organiser_unit=tree["dept_a"])
    enrolment = EnrolmentFactory(training_class=klass, person=anh)
    study = StudyAssignmentFactory(person=anh, proposed_by=board)
    client = APIClient()
    client.force_login(board)
    urls = [
        "/api/v1/programmes/",
        "/api/v1/plans/",
        f"/api/v1/plans/{plan.pk}/",
        f"/api/v1/plans/{plan.pk}/lines/",
        "/api/v1/needs/",
        "/api/v1/classes/",
        f"/api/v1/classes/{klass.pk}/",
        f"/api/v1/classes/{klass.pk}/roster/",
        "/api/v1/enrolments/",
        f"/api/v1/enrolments/{enrolment.pk}/",
        "/api/v1/study-assignments/",
        f"/api/v1/study-assignments/{study.pk}/",
    ]

    statuses = {url: client.get(url, HTTP_ACCEPT="text/html").status_code for url in urls}

    assert set(statuses.values()) == {200}, statuses
