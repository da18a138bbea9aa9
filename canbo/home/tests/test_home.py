import datetime

import pytest
from django.urls import reverse

from canbo.accounts.models import Role
from canbo.home.navigation import menu_for
from canbo.people.models import ChangeRequest
from canbo.salary.models import SalaryScale
from canbo.salary.services import salary_record_create
from tests.factories import OrgUnitFactory, PersonFactory, UserFactory, grant

pytestmark = pytest.mark.django_db


def _urls(user) -> set[str]:
    return {entry["url"] for section in menu_for(user) for entry in section["entries"]}


@pytest.fixture
def unit():
    return OrgUnitFactory()


def test_the_menu_offers_each_role_only_what_it_may_open(unit, client):
    board = grant(UserFactory(), Role.PROVINCE_BOARD)
    officer = grant(UserFactory(), Role.UNIT_OFFICER, unit)
    leader = grant(UserFactory(), Role.LEADER, unit)
    sysadmin = grant(UserFactory(), Role.SYSADMIN)
    official = grant(UserFactory(), Role.OFFICIAL)
    PersonFactory(current_unit=unit, user=official)
    assert {"/bao-cao/", "/can-bo/", "/nhap-xuat/", "/dao-tao/"} <= _urls(board)
    assert "/quan-tri/" not in _urls(board) and "/ho-so-cua-toi/" not in _urls(board)
    assert "/nhap-xuat/" in _urls(officer)
    assert "/nhap-xuat/" not in _urls(leader) and "/bao-cao/" in _urls(leader)
    assert _urls(sysadmin) == {"/", "/quan-tri/", "/nhap-xuat/cach-viet-khac/"}
    assert _urls(official) == {
        "/",
        "/ho-so-cua-toi/",
        "/dong-bo-csdl-quoc-gia/ho-so-dien-tu-cua-toi/",
        "/dong-bo-csdl-quoc-gia/ai-da-xem-ho-so-cua-toi/",
        "/danh-gia/cua-toi/",
        "/khao-sat/",
    }
    # every entry the menu offers opens for that role (no 403 behind a menu entry)
    for user in (board, officer, leader, sysadmin, official):
        client.force_login(user)
        for url in _urls(user) - {"/quan-tri/"}:
            response = client.get(url, follow=True)
            assert response.status_code == 200, (user, url)


def test_the_official_gets_their_own_summary(unit, client):
    official = grant(UserFactory(first_name="Văn Páo", last_name="Lò"), Role.OFFICIAL)
    person = PersonFactory(
        current_unit=unit, user=official, place_of_birth="Điện Biên", date_of_birth=datetime.date(1980, 1, 2)
    )
    ChangeRequest.objects.create(person=person, requested_by=official, changes={"phone": "0912345678"})
    client.force_login(official)
    response = client.get(reverse("home:dashboard"))
    html = response.content.decode()
    assert response.templates[0].name == "home/official.html"
    assert response.context["pending_requests"] == 1
    assert "quan hệ gia đình" in response.context["missing"] and "nơi sinh" not in response.context["missing"]
    assert 0 < response.context["completeness"] < 100
    assert "Lò Văn Páo" in html  # the Vietnamese order: family name first
    assert "cấp tỉnh" not in html
    assert client.get(reverse("home:my_record")).url == reverse("people:detail", kwargs={"uuid": person.uuid})


def test_the_sysadmin_is_told_why_there_is_no_personal_data(client):
    sysadmin = grant(UserFactory(), Role.SYSADMIN)
    client.force_login(sysadmin)
    html = client.get(reverse("home:dashboard")).content.decode()
    assert "không xem dữ liệu cá nhân" in html
    assert client.get(reverse("home:my_record")).status_code == 404


def test_the_official_sees_their_next_regular_raise(unit, client, monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: datetime.date(2026, 12, 7))
    official = grant(UserFactory(), Role.OFFICIAL)
    person = PersonFactory(current_unit=unit, user=official)
    client.force_login(official)
    response = client.get(reverse("home:dashboard"))
    assert (
        response.context["next_raise"] is None and "Nâng bậc lương lần tới" not in response.content.decode()
    )
    officer = grant(UserFactory(), Role.UNIT_OFFICER, unit)
    scale = SalaryScale.objects.get(code="A1")
    salary_record_create(actor=officer, person=person, kind="XEP_LUONG", effective_on=datetime.date(2024, 1, 1),
                         scale=scale, step=3)  # fmt: skip
    response = client.get(reverse("home:dashboard"))
    step_four = scale.grades.get(step=4).coefficient
    assert response.context["next_raise"].due_on == datetime.date(2027, 1, 1)
    html = response.content.decode()
    assert f"Nâng bậc lương lần tới: 01/01/2027 (bậc 4, hệ số {step_four:.2f})".replace(".", ",") in html
    assert reverse("salary:person", args=[person.uuid]) in html
