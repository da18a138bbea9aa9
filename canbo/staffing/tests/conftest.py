"""Fixtures of the staffing tests on top of the root cast: quotas of dept_a and dept_b (2021 and this year)
and people of both categories in dept_a's subtree. Dates are relative to today where the services refuse
the future."""

import datetime

import pytest
from django.utils import timezone

from canbo.staffing.models import StaffingQuota
from tests.factories import PersonFactory

D = datetime.date


def today() -> datetime.date:
    return timezone.localdate()


def quota(unit, year, kind, count, number="QĐ 1/QĐ-UBND"):
    return StaffingQuota.objects.create(
        unit=unit,
        year=year,
        kind=kind,
        approved_count=count,
        decision_number=number,
        decision_date=D(year, 1, 5),
    )


@pytest.fixture
def quotas(tree):
    """dept_a: 2021 CC 100 → 2024 CC 96 (4 of the 5 required); VC 50 → 45 (5 of 5). dept_b: CC 40 → 40."""
    a, b = tree["dept_a"], tree["dept_b"]
    return {
        "a_cc_2021": quota(a, 2021, "CC", 100),
        "a_vc_2021": quota(a, 2021, "VC", 50),
        "b_cc_2021": quota(b, 2021, "CC", 40),
        "a_cc": quota(a, 2024, "CC", 96),
        "a_vc": quota(a, 2024, "VC", 45),
        "b_cc": quota(b, 2024, "CC", 40),
    }


@pytest.fixture
def staff_a(tree):
    """In dept_a's subtree on 31/12/2024: 2 CC + 1 CB (office), 1 VC; one CC who left in 2023; one in dept_b."""
    office, a, b = tree["dept_a_office"], tree["dept_a"], tree["dept_b"]
    people = [
        PersonFactory(current_unit=office, category="CC"),
        PersonFactory(current_unit=a, category="CC"),
        PersonFactory(current_unit=office, category="CB"),
        PersonFactory(current_unit=a, category="VC"),
        PersonFactory(current_unit=b, category="CC"),
    ]
    gone = PersonFactory(current_unit=a, category="CC")
    gone.employments.update(end_date=D(2023, 6, 30))
    return people
