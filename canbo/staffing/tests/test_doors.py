"""Pages and API: roles (board approves and records quotas; officers propose for their units; leaders and the
Standing Committee read; charlie gets 404 outside his unit), bad input, the Excel export and query counts."""

import datetime
import io

import pytest
from openpyxl import load_workbook

from canbo.staffing.models import StaffingQuota, StreamliningCase

from .conftest import today

D = datetime.date


@pytest.fixture
def case(anh, alice):
    from canbo.staffing.services import case_propose

    return case_propose(
        actor=alice, person=anh, reason="DOI_DU_BO_MAY", reason_detail="Sáp nhập", policy="THOI_VIEC_NGAY"
    )


def login(client, user):
    client.force_login(user)
    return client


# --- pages ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["alice", "bob", "board", "standing"])
def test_staff_read_the_quota_page(request, client, quotas, who):
    page = login(client, request.getfixturevalue(who)).get("/bien-che/?year=2024")
    assert page.status_code == 200
    assert "Sở A" in page.content.decode()


def test_quota_page_is_scoped_and_formats(client, quotas, charlie):
    body = login(client, charlie).get("/bien-che/?year=2024").content.decode()
    assert "Sở B" in body and "Sở A" not in body


@pytest.mark.parametrize("who", ["dana", "sysadmin"])
def test_officials_and_sysadmin_refused(request, client, who):
    assert login(client, request.getfixturevalue(who)).get("/bien-che/").status_code == 403
    assert client.get("/bien-che/tinh-gian/").status_code == 403


def test_anonymous_goes_to_login(client, tree):
    assert client.get("/bien-che/").status_code == 302


def test_quota_page_query_count(client, quotas, board, django_assert_max_num_queries):
    login(client, board)
    with django_assert_max_num_queries(8):
        assert client.get("/bien-che/?year=2024").status_code == 200


def test_excel_export_of_the_quota_table(client, quotas, alice, export_via_job):
    login(client, alice)
    response = export_via_job("/bien-che/xuat-excel/", {"year": 2024})
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('filename="bien-che-2024.xlsx"')
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    cells = [c for row in sheet.iter_rows(values_only=True) for c in row if c is not None]
    assert "Sở A" in cells and "Sở B" not in cells


def test_the_quota_export_with_a_bad_year_goes_back_to_the_page(client, quotas, alice):
    from canbo.jobs.models import Job

    response = login(client, alice).post("/bien-che/xuat-excel/?year=abc")
    assert response.status_code == 302 and response.url == "/bien-che/?year=abc"
    assert client.post("/bien-che/xuat-excel/?unit=SO_B").status_code == 404  # outside alice's units
    assert not Job.objects.exists()


def test_the_quota_page_offers_the_export_as_a_post_button(client, quotas, alice):
    body = login(client, alice).get("/bien-che/?year=2024").content.decode()
    assert '<form class="inline" method="post" action="/bien-che/xuat-excel/?year=2024">' in body


def test_board_records_a_quota_on_the_page(client, tree, board):
    data = {
        "unit": "SO_B",
        "year": "2025",
        "kind": "VC",
        "approved_count": "30",
        "decision_number": "QĐ 3",
        "decision_date": "05/01/2025",
    }
    response = login(client, board).post("/bien-che/giao/them/", data)
    assert response.status_code == 302
    assert StaffingQuota.objects.get().approved_count == 30
    again = client.post("/bien-che/giao/them/", data)
    assert "đã có số lượng người làm việc hưởng lương nsnn năm 2025" in again.content.decode()


@pytest.mark.parametrize("who", ["alice", "bob"])
def test_only_board_opens_the_quota_form(request, client, tree, who):
    assert login(client, request.getfixturevalue(who)).get("/bien-che/giao/them/").status_code == 403


def test_officer_proposes_on_the_page(client, anh, alice):
    data = {
        "person": str(anh.uuid),
        "reason": "DOI_DU_VTVL",
        "reason_detail": "Cơ cấu lại",
        "policy": "THOI_VIEC_NGAY",
    }
    response = login(client, alice).post("/bien-che/tinh-gian/de-nghi/", data)
    assert response.status_code == 302
    assert StreamliningCase.objects.get().person == anh


def test_exemption_shown_on_the_form(client, anh, alice):
    data = {
        "person": str(anh.uuid),
        "reason": "DOI_DU_VTVL",
        "reason_detail": "x",
        "policy": "THOI_VIEC_NGAY",
        "is_pregnant": "on",
    }
    body = login(client, alice).post("/bien-che/tinh-gian/de-nghi/", data).content.decode()
    assert "đang mang thai" in body and not StreamliningCase.objects.exists()


def test_charlie_cannot_propose_someone_of_dept_a(client, anh, charlie):
    data = {
        "person": str(anh.uuid),
        "reason": "DOI_DU_VTVL",
        "reason_detail": "x",
        "policy": "THOI_VIEC_NGAY",
    }
    body = login(client, charlie).post("/bien-che/tinh-gian/de-nghi/", data).content.decode()
    assert "Không tìm thấy người này" in body and not StreamliningCase.objects.exists()


def test_leader_reads_cases_but_cannot_propose(client, case, bob):
    login(client, bob)
    assert client.get(f"/bien-che/tinh-gian/{case.pk}/").status_code == 200
    assert client.get("/bien-che/tinh-gian/de-nghi/").status_code == 403


def test_charlie_gets_404_for_a_case_of_dept_a(client, case, charlie):
    login(client, charlie)
    assert client.get(f"/bien-che/tinh-gian/{case.pk}/").status_code == 404
    assert client.post(f"/bien-che/tinh-gian/{case.pk}/phe-duyet/", {}).status_code == 404


def test_board_approves_and_exits_on_the_page(client, case, board, anh):
    login(client, board)
    page = client.get(f"/bien-che/tinh-gian/{case.pk}/").content.decode()
    assert "Phê duyệt" in page
    response = client.post(
        f"/bien-che/tinh-gian/{case.pk}/phe-duyet/",
        {
            "decision_number": "9/QĐ",
            "decision_date": today().strftime("%d/%m/%Y"),
            "exit_date": today().strftime("%d/%m/%Y"),
        },
    )
    assert response.status_code == 302
    anh.refresh_from_db()
    assert anh.status == "MOVED_OUT" and StreamliningCase.objects.get().status == "EXITED"


def test_officer_cannot_approve_on_the_page(client, case, alice):
    response = login(client, alice).post(
        f"/bien-che/tinh-gian/{case.pk}/phe-duyet/", {"decision_number": "9", "decision_date": "01/01/2025"}
    )
    assert response.status_code == 403
    assert StreamliningCase.objects.get().status == "PROPOSED"


def test_approve_bad_input_keeps_the_page(client, case, board):
    response = login(client, board).post(
        f"/bien-che/tinh-gian/{case.pk}/phe-duyet/", {"decision_date": "31/02/2025"}
    )
    assert response.status_code == 400
    assert StreamliningCase.objects.get().status == "PROPOSED"


def test_case_list_filters_and_query_count(client, case, alice, django_assert_max_num_queries):
    login(client, alice)
    with django_assert_max_num_queries(8):
        body = client.get("/bien-che/tinh-gian/?reason=DOI_DU_BO_MAY").content.decode()
    assert case.person.full_name in body
    assert case.person.full_name not in client.get("/bien-che/tinh-gian/?status=EXITED").content.decode()
    assert "trong phạm vi được xem" in client.get("/bien-che/tinh-gian/?unit=SO_B").content.decode()


# --- API -----------------------------------------------------------------------------------------------------


def test_api_quota_list_and_progress_scoped(client, quotas, staff_a, alice):
    login(client, alice)
    data = client.get("/api/v1/staffing/quotas/?year=2024").json()
    assert {q["unit"] for q in data["results"]} == {"SO_A"}
    progress = client.get("/api/v1/staffing/progress/?year=2024").json()
    row = next(r for r in progress["rows"] if r["quota_kind"] == "CC")
    assert (row["base"], row["approved"], row["actual"], row["required"], row["achieved"]) == (
        100,
        96,
        3,
        5,
        4,
    )
    assert client.get("/api/v1/staffing/progress/?unit=SO_B").status_code == 400


def test_api_quota_detail_404_outside(client, quotas, charlie):
    assert login(client, charlie).get(f"/api/v1/staffing/quotas/{quotas['a_cc'].pk}/").status_code == 404


def test_api_board_records_and_corrects_a_quota(client, tree, board):
    login(client, board)
    body = {
        "unit": "SO_A",
        "year": 2025,
        "quota_kind": "CC",
        "approved_count": 95,
        "decision_number": "QĐ 4",
        "decision_date": "05/01/2025",
    }
    created = client.post("/api/v1/staffing/quotas/", body, content_type="application/json")
    assert created.status_code == 201
    pk = created.json()["id"]
    ok = client.put(
        f"/api/v1/staffing/quotas/{pk}/",
        {**body, "approved_count": 94, "version": 1},
        content_type="application/json",
    )
    assert ok.status_code == 200 and ok.json()["version"] == 2
    stale = client.put(
        f"/api/v1/staffing/quotas/{pk}/", {**body, "version": 1}, content_type="application/json"
    )
    assert stale.status_code == 409
    dup = client.post("/api/v1/staffing/quotas/", body, content_type="application/json")
    assert dup.status_code == 400 and "year" in dup.json()


@pytest.mark.parametrize(("who", "code"), [("alice", 403), ("bob", 403), ("standing", 403), ("dana", 403)])
def test_api_quota_write_refused(request, client, tree, who, code):
    body = {
        "unit": "SO_A",
        "year": 2025,
        "quota_kind": "CC",
        "approved_count": 95,
        "decision_number": "QĐ 4",
        "decision_date": "2025-01-05",
    }
    response = login(client, request.getfixturevalue(who)).post(
        "/api/v1/staffing/quotas/", body, content_type="application/json"
    )
    assert response.status_code == code and "detail" in response.json()
    assert not StaffingQuota.objects.exists()


def test_api_case_workflow(client, anh, alice, board):
    login(client, alice)
    body = {
        "person": str(anh.uuid),
        "downsizing_reason": "DOI_DU_BO_MAY",
        "reason_detail": "Sáp nhập",
        "downsizing_policy": "NGHI_HUU_TRUOC_TUOI",
    }
    created = client.post("/api/v1/staffing/cases/", body, content_type="application/json")
    assert created.status_code == 201 and created.json()["case_status"] == "PROPOSED"
    pk = created.json()["id"]
    refused = client.post(
        f"/api/v1/staffing/cases/{pk}/approve/",
        {"decision_number": "1", "decision_date": "2025-01-01"},
        content_type="application/json",
    )
    assert refused.status_code == 403 and "Ban Tổ chức" in refused.json()["detail"]
    login(client, board)
    day = today().isoformat()
    approved = client.post(
        f"/api/v1/staffing/cases/{pk}/approve/",
        {"decision_number": "1/QĐ", "decision_date": day},
        content_type="application/json",
    )
    assert approved.json()["case_status"] == "APPROVED"
    login(client, alice)
    exited = client.post(
        f"/api/v1/staffing/cases/{pk}/exit/", {"exit_date": day}, content_type="application/json"
    )
    assert exited.status_code == 200 and exited.json()["case_status"] == "EXITED"
    anh.refresh_from_db()
    row = anh.employments.get()  # the open row ended (no new row), noted as streamlining
    assert anh.status == "RETIRED" and row.end_date == today() and "Tinh giản biên chế 1/QĐ" in row.note


def test_api_case_bad_input_and_exemption(client, anh, alice):
    login(client, alice)
    bad = client.post(
        "/api/v1/staffing/cases/",
        {"person": str(anh.uuid), "downsizing_reason": "X"},
        content_type="application/json",
    )
    assert bad.status_code == 400 and {"downsizing_reason", "reason_detail", "downsizing_policy"} <= set(
        bad.json()
    )
    body = {
        "person": str(anh.uuid),
        "downsizing_reason": "DOI_DU_BO_MAY",
        "reason_detail": "x",
        "downsizing_policy": "THOI_VIEC_NGAY",
        "youngest_child_birth": today().isoformat(),
    }
    refused = client.post("/api/v1/staffing/cases/", body, content_type="application/json")
    assert refused.status_code == 400 and "dưới 36 tháng" in refused.json()["youngest_child_birth"][0]


def test_api_case_scoping(client, case, outsider_person, charlie, bob):
    login(client, charlie)
    assert client.get(f"/api/v1/staffing/cases/{case.pk}/").status_code == 404
    assert client.get("/api/v1/staffing/cases/").json()["count"] == 0
    body = {
        "person": str(case.person.uuid),
        "downsizing_reason": "DOI_DU_BO_MAY",
        "reason_detail": "x",
        "downsizing_policy": "THOI_VIEC_NGAY",
    }
    assert client.post("/api/v1/staffing/cases/", body, content_type="application/json").status_code == 404
    login(client, bob)
    assert client.get("/api/v1/staffing/cases/").json()["count"] == 1
    assert client.post("/api/v1/staffing/cases/", body, content_type="application/json").status_code == 403


def test_api_case_list_query_count(client, case, board, django_assert_max_num_queries):
    login(client, board)
    with django_assert_max_num_queries(6):
        assert client.get("/api/v1/staffing/cases/?downsizing_reason=DOI_DU_BO_MAY").json()["count"] == 1
