"""A personnel officer logs in, searches without accents and opens the profile — in a real browser."""

import os
import re

import pytest
from playwright.sync_api import expect

from canbo.accounts.models import Role
from tests.factories import OrgUnitFactory, PersonFactory, UserFactory, grant

# Playwright's sync API runs an event loop in this thread; Django's ORM calls made by the test while it runs
# are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
# The data fixture is listed before `chromium_page`: the database rows are written before Playwright starts.
# ORM calls made while its loop runs use a connection of their own (another context) that the test database
# teardown would find still open on PostgreSQL.

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "mat-khau-thu-nghiem"  # UserFactory's default


@pytest.fixture
def officer_and_people():
    province = OrgUnitFactory(code="T11", name="Tỉnh Điện Biên", kind="AREA")
    department = OrgUnitFactory(code="SNV", name="Sở Nội vụ", parent=province)
    officer = grant(UserFactory(username="canbotochuc"), Role.UNIT_OFFICER, department)
    anh = PersonFactory(full_name="Nguyễn Văn Ánh", gender="NAM", current_unit=department)
    PersonFactory(full_name="Lò Thị Hoa", gender="NU", current_unit=department)
    return officer, anh


def test_officer_finds_a_person_with_an_unaccented_query_and_opens_the_profile(
    officer_and_people, live_server, chromium_page
):
    officer, anh = officer_and_people
    page = chromium_page

    # Given a unit personnel officer who logs in through the login page
    page.goto(f"{live_server.url}/tai-khoan/dang-nhap/?next=/can-bo/")
    page.fill("#id_username", officer.username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/can-bo/")
    expect(page.get_by_role("link", name="Lò Thị Hoa")).to_be_visible()

    # When they type the name without accents into the search box of the person list
    search = page.locator("input[name=q]").first
    search.fill("nguyen van anh")
    search.press("Enter")
    page.wait_for_url(re.compile(r".*[?&]q=nguyen(\+|%20)van(\+|%20)anh.*"))

    # Then "Nguyễn Văn Ánh" is listed, the other person is not
    result = page.get_by_role("link", name="Nguyễn Văn Ánh")
    expect(result.first).to_be_visible()
    expect(page.get_by_text("Lò Thị Hoa")).to_have_count(0)

    # And clicking the result opens the profile with the full name
    result.first.click()
    page.wait_for_url(f"**/can-bo/{anh.uuid}/")
    expect(page.locator("h1").first).to_contain_text("Nguyễn Văn Ánh")
    expect(page).to_have_title(re.compile("Nguyễn Văn Ánh"))
