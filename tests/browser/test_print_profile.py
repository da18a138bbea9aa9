"""An officer opens a profile and prints it: the PDF opens from the "In SYLL (PDF)" button and the Word file
downloads from "Tải 2C (Word)" — in a real browser."""

import io
import os

import pytest
from docx import Document
from pypdf import PdfReader

from canbo.accounts.models import Role
from canbo.dossier.services import family_member_add
from tests.factories import OrgUnitFactory, PersonFactory, UserFactory, grant

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # see test_search.py

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "mat-khau-thu-nghiem"  # UserFactory's default


@pytest.fixture
def officer_and_person():
    province = OrgUnitFactory(code="T11", name="Tỉnh Điện Biên", kind="AREA")
    department = OrgUnitFactory(code="SNV", name="Sở Nội vụ", parent=province)
    officer = grant(UserFactory(username="canbotochuc"), Role.UNIT_OFFICER, department)
    person = PersonFactory(full_name="Nguyễn Văn Ánh", gender="NAM", current_unit=department)
    family_member_add(user=officer, person=person, data={"relation": "FATHER", "full_name": "Nguyễn Văn Bố"})
    return officer, person


def test_officer_prints_a_profile_as_pdf_and_word(officer_and_person, live_server, chromium_page):
    officer, person = officer_and_person
    page = chromium_page

    # Given an officer logged in on the person's profile
    page.goto(f"{live_server.url}/tai-khoan/dang-nhap/?next=/can-bo/{person.uuid}/")
    page.fill("#id_username", officer.username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"**/can-bo/{person.uuid}/")

    # When they press "In SYLL (PDF)", a PDF of the person's SYLL comes back
    with page.context.expect_event(
        "response", lambda r: "/ho-so-in/" in r.url and r.url.endswith(".pdf")
    ) as info:
        page.get_by_role("link", name="In SYLL (PDF)").click()
    response = info.value
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    pdf = page.request.get(response.url).body()
    assert pdf.startswith(b"%PDF")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "NGUYỄN VĂN ÁNH" in text and "Nguyễn Văn Bố" in text

    # And "Tải 2C (Word)" downloads the 2C as a Word file
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Tải 2C (Word)").click()
    download = download_info.value
    assert download.suggested_filename.startswith("mau-2c-") and download.suggested_filename.endswith(".docx")
    doc = Document(download.path())
    assert "Mẫu 2C-BNV/2008" in "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
