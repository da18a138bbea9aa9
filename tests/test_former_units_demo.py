"""Issue 18.7 on the demo province: huyện Tuần Giáo (DB-H099, ended 30/06/2025) as its officer `huyentuangiao`.

The generic walk of every door is tests/test_former_units.py; this re-probes with the demo's real rows: the
district's past is full of enrolments, study assignments, awards, movements, discipline and admissions that the
board lists, yet its officer's lists, API answers and exports name nobody, while its reports keep the figures.
"""

import io

import openpyxl
import pytest
from django.test import Client
from django.urls import resolve, reverse
from rest_framework.test import APIClient

from canbo.accounts.models import User
from canbo.demo.builder import build_demo
from canbo.reports.registry import get_report

pytestmark = pytest.mark.django_db

API_LISTS = [
    "/api/v1/persons/",
    "/api/v1/enrolments/",
    "/api/v1/study-assignments/",
    "/api/v1/emulation/awards/",
    "/api/v1/movements/",
    "/api/v1/discipline/cases/",
    "/api/v1/party/admissions/",
]
WIDE = {"from": "01/01/2000", "to": "31/12/2030", "year": "2024", "on": "01/01/2025"}


@pytest.fixture
def demo_users():
    build_demo(scale=300, seed=11)
    return {u.username: u for u in User.objects.filter(username__in=["bantochuc", "huyentuangiao"])}


def _count(user, url) -> int:
    client = APIClient()
    client.force_authenticate(user)
    response = client.get(url, {"page": 1})
    assert response.status_code == 200, url
    return response.json()["count"]


def test_the_former_district_lists_nobody_through_the_api(demo_users):
    board, former = demo_users["bantochuc"], demo_users["huyentuangiao"]
    seen_by_board = {url: _count(board, url) for url in API_LISTS}
    seen_by_former = {url: _count(former, url) for url in API_LISTS}

    assert all(seen_by_board[url] > 0 for url in API_LISTS), seen_by_board  # the rows exist
    assert seen_by_former == dict.fromkeys(API_LISTS, 0)


def test_the_former_districts_enrolment_export_is_empty_but_its_report_counts(demo_users):
    former = demo_users["huyentuangiao"]
    client = Client()
    client.force_login(former)
    response = client.post("/dao-tao/luot-hoc/xuat-excel/?" + "&".join(f"{k}={v}" for k, v in WIDE.items()))
    assert response.status_code == 302
    job = resolve(response["Location"].split("?")[0]).kwargs["job_id"]
    download = client.get(reverse("jobs:download", args=[job]))
    content = b"".join(download.streaming_content) if download.streaming else download.content
    sheet = openpyxl.load_workbook(io.BytesIO(content), read_only=True).worksheets[0]
    codes = [
        row[1] for row in sheet.iter_rows(values_only=True) if row and str(row[1] or "").startswith("DB")
    ]
    assert codes == []  # no person's code in any row
    figures = get_report("party-admissions").execute(
        user=former, data={"on": "31/12/2025", "term": "2020-2025"}
    )
    assert figures.meta["2020-2025"]["admitted"] > 0
