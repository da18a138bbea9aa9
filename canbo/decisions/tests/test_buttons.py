"""The record pages offer "Tải dự thảo quyết định (.docx)" to the roles that may act on the record only."""

import pytest
from django.utils import timezone

from canbo.core.dates import add_months
from canbo.people.retirement import retirement_date
from tests.factories import PersonFactory

LABEL = "Tải dự thảo quyết định (.docx)"


@pytest.fixture
def pages(appointment, rotation, decided_discipline_case, streamlining_case, study):
    return {
        "appointment": (
            f"/bo-nhiem/de-xuat/{appointment.pk}/",
            f"/quyet-dinh/du-thao/appointment/{appointment.pk}/",
        ),
        "movement": (f"/bo-nhiem/dieu-dong/{rotation.pk}/", f"/quyet-dinh/du-thao/movement/{rotation.pk}/"),
        "discipline": (
            f"/ky-luat/{decided_discipline_case.pk}/",
            f"/quyet-dinh/du-thao/discipline/{decided_discipline_case.pk}/",
        ),
        "streamlining": (
            f"/bien-che/tinh-gian/{streamlining_case.pk}/",
            f"/quyet-dinh/du-thao/streamlining/{streamlining_case.pk}/",
        ),
        "study": (f"/dao-tao/cu-di-hoc/{study.pk}/", f"/quyet-dinh/du-thao/study/{study.pk}/"),
    }


@pytest.mark.parametrize("kind", ["appointment", "movement", "discipline", "streamlining", "study"])
def test_the_officer_of_the_unit_gets_the_button_and_it_downloads(client, alice, pages, kind):
    page, draft = pages[kind]
    client.force_login(alice)
    html = client.get(page).content.decode()
    assert LABEL in html
    assert f'href="{draft}"' in html
    assert client.get(draft).status_code == 200


@pytest.mark.parametrize("kind", ["appointment", "movement", "discipline", "streamlining", "study"])
def test_a_read_only_leader_gets_no_button(client, bob, pages, kind):
    page, _ = pages[kind]
    client.force_login(bob)
    response = client.get(page)
    assert response.status_code == 200
    assert LABEL not in response.content.decode()


def test_the_due_list_offers_a_retirement_draft_per_person(client, alice, bob, tree):
    today = timezone.localdate()
    # a birth date that reaches the NĐ 135 retirement age within the next six months, whatever day it runs
    birth = next(
        b
        for b in (add_months(today, -m) for m in range(700, 800))
        if today < retirement_date("NAM", b) <= add_months(today, 5)
    )
    soon = PersonFactory(
        full_name="Lò Văn Sơn", gender="NAM", current_unit=tree["dept_a"], date_of_birth=birth
    )
    client.force_login(alice)
    html = client.get("/bo-nhiem/den-han/").content.decode()
    assert "Lò Văn Sơn" in html
    assert f'href="/quyet-dinh/du-thao/retirement/{soon.uuid}/"' in html
    client.force_login(bob)
    assert "/quyet-dinh/du-thao/retirement/" not in client.get("/bo-nhiem/den-han/").content.decode()


def test_the_board_finds_the_templates_page_in_the_module_tabs(client, board, alice):
    client.force_login(board)
    assert 'href="/quyet-dinh/mau/"' in client.get("/bo-nhiem/").content.decode()
    client.force_login(alice)
    assert 'href="/quyet-dinh/mau/"' not in client.get("/bo-nhiem/").content.decode()
