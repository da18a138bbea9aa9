"""Excel exports of registrations and awards, run as jobs: the pages' filters, the starter's scope and texts
written as text (never a formula)."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from canbo.jobs.models import Job

from .test_emulation import award, today

pytestmark = pytest.mark.django_db


def _sheet(response):
    return load_workbook(io.BytesIO(b"".join(response.streaming_content))).active


def test_a_typed_formula_in_an_award_is_exported_as_text(client, alice, anh, export_via_job):
    formula = '=HYPERLINK("//x","a")'
    award(alice, person=anh, issuing_body=formula)
    client.force_login(alice)

    sheet = _sheet(export_via_job(reverse("emulation:award_export")))

    header = [c.value for c in sheet[1]]
    cell = sheet.cell(row=2, column=header.index("Cấp khen") + 1)
    assert cell.data_type == "s" and cell.value == formula
    assert sheet.cell(row=2, column=header.index("Tập thể / cá nhân") + 1).value == "Nguyễn Văn Ánh"


def test_the_award_export_keeps_the_filters_and_the_scope(client, alice, charlie, anh, export_via_job):
    award(alice, person=anh)
    year = str(today().year - 1)
    client.force_login(alice)

    same_year = _sheet(export_via_job(reverse("emulation:award_export"), {"year": year, "unit": "SO_A"}))
    other_year = _sheet(export_via_job(reverse("emulation:award_export"), {"year": "2001"}))
    client.force_login(charlie)
    outside = _sheet(export_via_job(reverse("emulation:award_export")))

    assert same_year.max_row == 2 and other_year.max_row == 1 and outside.max_row == 1


def test_the_registration_export_has_the_registrations(client, alice, anh, hcm, export_via_job):
    from canbo.emulation import services

    services.registration_record(actor=alice, movement=hcm, year=today().year, kind="CA_NHAN", person=anh,
                                 note="@SUM(1+1)")  # fmt: skip
    client.force_login(alice)

    rows = list(_sheet(export_via_job(reverse("emulation:registration_export"))).iter_rows(values_only=True))

    assert rows[0][:3] == ("STT", "Năm", "Phong trào")
    assert rows[1][4] == "Nguyễn Văn Ánh" and rows[1][7] == "@SUM(1+1)"


def test_filters_the_page_would_ignore_go_back_to_it_with_the_reason(client, alice):
    client.force_login(alice)

    response = client.post(reverse("emulation:award_export") + "?unit=SO_B&year=x", follow=True)

    assert response.redirect_chain[-1][0] == reverse("emulation:awards") + "?unit=SO_B&year=x"
    page = response.content.decode()
    assert "Không tìm thấy đơn vị “SO_B”" in page and "Năm “x” không hợp lệ." in page
    assert not Job.objects.exists()


def test_the_pages_offer_the_exports_as_post_buttons_and_the_old_links_lead_there(client, bob):
    client.force_login(bob)

    body = client.get(reverse("emulation:registrations"), {"year": "2024"}).content.decode()
    old = client.get(reverse("emulation:awards"), {"year": "2024", "format": "xlsx"})

    assert f'method="post" action="{reverse("emulation:registration_export")}?year=2024"' in body
    assert old.status_code == 302 and old.url == reverse("emulation:award_export") + "?year=2024"


def test_officials_cannot_export(client, dana):
    client.force_login(dana)
    assert client.post(reverse("emulation:award_export")).status_code == 403
    assert client.post(reverse("emulation:registration_export")).status_code == 403


def test_the_person_sees_the_award_export_on_their_own_page(client, alice, anh, export_via_job):
    from tests.access_log import assert_the_person_sees_the_export

    award(alice, person=anh)
    client.force_login(alice)
    assert export_via_job(reverse("emulation:award_export")).status_code == 200
    assert_the_person_sees_the_export(client, anh, alice)
