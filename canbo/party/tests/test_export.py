"""The admissions list's Excel export, run as a job: the page's filters, the starter's scope, texts as text."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from canbo.jobs.models import Job
from canbo.party import services
from canbo.party.models import AdmissionTarget

from .conftest import admit_data

pytestmark = pytest.mark.django_db


def _sheet(response):
    return load_workbook(io.BytesIO(b"".join(response.streaming_content))).active


def test_a_typed_formula_is_exported_as_text(client, alice, anh, party_a, export_via_job):
    formula = '=HYPERLINK("//x","a")'
    services.admission_record(actor=alice, person=anh, **admit_data(party_a, cell=formula))
    client.force_login(alice)

    sheet = _sheet(export_via_job(reverse("party:export")))

    header = [c.value for c in sheet[1]]
    cell = sheet.cell(row=2, column=header.index("Chi bộ") + 1)
    assert cell.data_type == "s" and cell.value == formula
    assert sheet.cell(row=2, column=header.index("Họ và tên") + 1).value == "Nguyễn Văn Ánh"


def test_the_export_keeps_the_filters_and_the_scope(
    client, board, alice, charlie, anh, party_a, export_via_job
):
    AdmissionTarget.objects.create(party_org=party_a, start_year=2020, end_year=2025, target=50,
                                   resolution_number="NQ 01", recorded_by=board)  # fmt: skip
    services.admission_record(actor=alice, person=anh, **admit_data(party_a))
    client.force_login(alice)

    mine = _sheet(export_via_job(reverse("party:export"), {"party_org": "DB_SO_A", "status": "DU_BI"}))
    removed = _sheet(export_via_job(reverse("party:export"), {"status": "XOA_TEN"}))
    client.force_login(charlie)
    outside = _sheet(export_via_job(reverse("party:export")))

    assert mine.max_row == 2 and removed.max_row == 1 and outside.max_row == 1


def test_filters_the_page_would_ignore_go_back_to_it_with_the_reason(client, alice, party_b):
    client.force_login(alice)

    response = client.post(reverse("party:export") + "?party_org=DB_SO_B", follow=True)

    assert response.redirect_chain[-1][0] == reverse("party:index") + "?party_org=DB_SO_B"
    assert "Không tìm thấy tổ chức đảng “DB_SO_B”" in response.content.decode()
    assert not Job.objects.exists()


def test_the_page_offers_the_export_as_a_post_button_and_the_old_link_leads_there(client, bob, anh):
    client.force_login(bob)

    body = client.get(reverse("party:index"), {"q": "anh"}).content.decode()
    old = client.get(reverse("party:index"), {"q": "anh", "format": "xlsx"})

    assert f'method="post" action="{reverse("party:export")}?q=anh"' in body
    assert old.status_code == 302 and old.url == reverse("party:export") + "?q=anh"
    assert not Job.objects.exists()


def test_officials_cannot_export(client, dana):
    client.force_login(dana)
    assert client.post(reverse("party:export")).status_code == 403


def test_the_person_sees_the_admissions_export_on_their_own_page(client, alice, anh, party_a, export_via_job):
    from tests.access_log import assert_the_person_sees_the_export

    services.admission_record(actor=alice, person=anh, **admit_data(party_a))
    client.force_login(alice)
    assert export_via_job(reverse("party:export")).status_code == 200
    assert_the_person_sees_the_export(client, anh, alice)
