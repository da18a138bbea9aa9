"""The fixed cast of the test suite (after Healthchecks' alice/bob/charlie).

province ─┬─ dept_a (Sở A) ── dept_a_office (Văn phòng Sở A)
          └─ dept_b (Sở B)
alice: unit officer of dept_a · bob: leader of dept_a · charlie: unit officer of dept_b (outside)
board: province organisation board · dana: official with her own record in dept_a · admin: sysadmin
"""

import datetime

import pytest
from hypothesis import HealthCheck, settings

from canbo.accounts.models import Role
from canbo.org.models import AdminLevel, UnitKind
from tests.factories import OrgUnitFactory, PersonFactory, UserFactory, grant

# CI shares a loaded 2-core machine: generated inputs are judged by what they find, never by how fast they come
settings.register_profile("canbo", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("canbo")

pytest_plugins = ["tests.shared_demo"]  # a demo province shared by the tests of one xdist group


@pytest.fixture
def tree(db):
    province = OrgUnitFactory(code="T11", name="Tỉnh Điện Biên", kind=UnitKind.AREA)
    dept_a = OrgUnitFactory(code="SO_A", name="Sở A", parent=province)
    dept_a_office = OrgUnitFactory(code="SO_A_VP", name="Văn phòng Sở A", parent=dept_a)
    dept_b = OrgUnitFactory(code="SO_B", name="Sở B", parent=province)
    return {
        "province": province,
        "dept_a": dept_a,
        "dept_a_office": dept_a_office,
        "dept_b": dept_b,
        "level": AdminLevel.TINH,
    }


@pytest.fixture
def alice(tree):
    return grant(UserFactory(username="alice"), Role.UNIT_OFFICER, tree["dept_a"])


@pytest.fixture
def bob(tree):
    return grant(UserFactory(username="bob"), Role.LEADER, tree["dept_a"])


@pytest.fixture
def charlie(tree):
    return grant(UserFactory(username="charlie"), Role.UNIT_OFFICER, tree["dept_b"])


@pytest.fixture
def board(tree):
    return grant(UserFactory(username="board"), Role.PROVINCE_BOARD)


@pytest.fixture
def sysadmin(tree):
    return grant(UserFactory(username="admin", is_staff=True, is_superuser=False), Role.SYSADMIN)


@pytest.fixture
def anh(tree):
    """A person in dept_a's office."""
    return PersonFactory(
        full_name="Nguyễn Văn Ánh",
        gender="NAM",
        current_unit=tree["dept_a_office"],
        date_of_birth=datetime.date(1985, 5, 17),
    )


@pytest.fixture
def dana(tree):
    user = grant(UserFactory(username="dana"), Role.OFFICIAL)
    PersonFactory(full_name="Lò Thị Dana", gender="NU", current_unit=tree["dept_a"], user=user)
    return user


@pytest.fixture
def outsider_person(tree):
    return PersonFactory(full_name="Trần Thị Bích", gender="NU", current_unit=tree["dept_b"])


@pytest.fixture
def standing(tree):
    """A member of the provincial Party Standing Committee: approves plans, reads the whole province."""
    return grant(UserFactory(username="standing"), Role.STANDING_COMMITTEE)


@pytest.fixture
def board2(tree):
    """A second board member (appraisal is done by someone other than the submitter)."""
    return grant(UserFactory(username="board2"), Role.PROVINCE_BOARD)


@pytest.fixture
def export_via_job(client):
    """POST an "Xuất Excel" address (the queue runs the job eagerly), follow to the job and download the file.
    Returns the download response; the client must be logged in."""
    from urllib.parse import urlencode

    from django.urls import resolve, reverse

    def run(url: str, params: dict | None = None):
        response = client.post(url + (f"?{urlencode(params, doseq=True)}" if params else ""))
        assert response.status_code == 302, response
        match = resolve(response["Location"])
        assert match.view_name == "jobs:detail", response["Location"]
        return client.get(reverse("jobs:download", args=[match.kwargs["job_id"]]))

    return run
