"""Pages of streamlining cases: the person picker on the proposal, the Excel export of the filtered list, the
rehire page (rule 18) and the repayment form: roles, scoping, bad input and query counts."""

import datetime
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from canbo.accounts.models import Role
from canbo.core.dates import add_months
from canbo.staffing import services
from canbo.staffing.models import StreamliningCase
from tests.factories import PersonFactory, UserFactory, grant

from .conftest import today
from .test_rehire import exited_case, rehire


def login(client, user):
    client.force_login(user)
    return client


def propose(alice, person, reason="DOI_DU_BO_MAY"):
    return services.case_propose(
        actor=alice, person=person, reason=reason, reason_detail="Sáp nhập", policy="THOI_VIEC_NGAY"
    )


# --- proposal with the shared person picker -------------------------------------------------------------------


def test_the_proposal_form_shows_the_person_picker(client, alice):
    body = login(client, alice).get("/bien-che/tinh-gian/de-nghi/").content.decode()
    assert 'name="person_q"' in body and "/can-bo/tim-nguoi/?field=person" in body


def test_a_proposal_without_a_picked_person_is_refused(client, alice, anh):
    data = {"person": "", "reason": "DOI_DU_VTVL", "reason_detail": "x", "policy": "THOI_VIEC_NGAY"}
    body = login(client, alice).post("/bien-che/tinh-gian/de-nghi/", data).content.decode()
    assert "Chọn một người trong danh sách tìm được." in body
    data["person"] = anh.code  # a code is no longer accepted: only a person picked in the search
    body = client.post("/bien-che/tinh-gian/de-nghi/", data).content.decode()
    assert "Chọn một người trong danh sách tìm được." in body
    assert not StreamliningCase.objects.exists()


def test_leaders_cannot_open_the_proposal_form(client, bob):
    assert login(client, bob).get("/bien-che/tinh-gian/de-nghi/").status_code == 403


# --- Excel export of the case list ----------------------------------------------------------------------------


def _rows(response):
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    return list(sheet.iter_rows(values_only=True))


def export(client, user, export_via_job, **params):
    login(client, user)
    return export_via_job("/bien-che/tinh-gian/xuat-excel/", params)


def test_the_export_follows_the_list_filters(client, alice, tree, anh, export_via_job):
    other = PersonFactory(full_name="Lò Văn Minh", current_unit=tree["dept_a"])
    propose(alice, anh)
    propose(alice, other, reason="DOI_DU_VTVL")
    response = export(client, alice, export_via_job, reason="DOI_DU_VTVL")
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('filename="tinh-gian-bien-che.xlsx"')
    rows = _rows(response)
    assert rows[0][:3] == ("STT", "Mã hồ sơ", "Họ và tên")
    assert [r[2] for r in rows[1:]] == ["Lò Văn Minh"]
    assert isinstance(rows[1][6], datetime.datetime) and rows[1][6].date() == today()


def test_the_export_is_scoped(client, alice, charlie, anh, export_via_job):
    propose(alice, anh)
    rows = _rows(export(client, charlie, export_via_job))
    assert rows == [rows[0]]  # the header only


def test_the_export_carries_the_allowance(client, alice, board, anh, export_via_job):
    exited_case(alice, board, anh, allowance=Decimal("98500000"))
    rows = _rows(export(client, board, export_via_job))
    assert rows[1][11] == 98500000


def test_the_list_links_to_the_export_with_its_filters(client, alice):
    body = login(client, alice).get("/bien-che/tinh-gian/?reason=DOI_DU_VTVL").content.decode()
    assert "/bien-che/tinh-gian/xuat-excel/?reason=DOI_DU_VTVL" in body


def test_the_export_with_invalid_filters_goes_back_to_the_list(client, alice):
    from canbo.jobs.models import Job

    response = login(client, alice).post("/bien-che/tinh-gian/xuat-excel/?unit=SO_B&page=2")
    assert response.status_code == 302 and response.url == "/bien-che/tinh-gian/?unit=SO_B"
    assert not Job.objects.exists()


@pytest.mark.parametrize("who", ["dana", "sysadmin"])
def test_officials_cannot_export(request, client, who):
    login(client, request.getfixturevalue(who))
    assert client.get("/bien-che/tinh-gian/xuat-excel/").status_code == 403
    assert client.post("/bien-che/tinh-gian/xuat-excel/").status_code == 403


# --- rehire page and repayment -----------------------------------------------------------------------------


@pytest.fixture
def rehired(alice, board, anh, tree):
    case = exited_case(alice, board, anh)
    rehire(board, anh, tree["dept_b"], add_months(case.exit_date, 30))
    return case


@pytest.mark.parametrize("who", ["alice", "bob", "charlie", "board", "standing"])
def test_readers_see_the_rehire_page(request, client, rehired, who):
    body = (
        login(client, request.getfixturevalue(who))
        .get("/bien-che/tinh-gian/tuyen-dung-lai/")
        .content.decode()
    )
    assert "Nguyễn Văn Ánh" in body and "120.000.000" in body and "Chưa hoàn trả" in body


@pytest.mark.parametrize("who", ["dana", "sysadmin"])
def test_officials_cannot_open_the_rehire_page(request, client, who):
    response = login(client, request.getfixturevalue(who)).get("/bien-che/tinh-gian/tuyen-dung-lai/")
    assert response.status_code == 403


def test_the_rehire_page_is_scoped(client, alice, board, tree):
    person = PersonFactory(full_name="Quàng Văn Khánh", current_unit=tree["dept_a"])
    case = exited_case(alice, board, person)
    rehire(board, person, tree["dept_a_office"], add_months(case.exit_date, 5))
    outsider = grant(UserFactory(username="dave"), Role.UNIT_OFFICER, tree["dept_b"])
    body = login(client, outsider).get("/bien-che/tinh-gian/tuyen-dung-lai/").content.decode()
    assert "Quàng Văn Khánh" not in body
    assert login(client, outsider).get(f"/bien-che/tinh-gian/{case.pk}/").status_code == 404


def test_the_rehire_page_query_count_does_not_grow(client, alice, board, tree, django_assert_max_num_queries):
    for n in range(4):
        person = PersonFactory(current_unit=tree["dept_a"])
        case = exited_case(alice, board, person)
        rehire(board, person, tree["dept_b"], add_months(case.exit_date, 10 + n))
    login(client, board)
    with django_assert_max_num_queries(6):
        body = client.get("/bien-che/tinh-gian/tuyen-dung-lai/").content.decode()
    assert body.count("<strong>Chưa hoàn trả") == 4


def test_officer_records_the_repayment_on_the_case_page(client, rehired, alice):
    page = login(client, alice).get(f"/bien-che/tinh-gian/{rehired.pk}/").content.decode()
    assert "Ghi nhận hoàn trả trợ cấp" in page and "phải hoàn trả trợ cấp" in page
    url = f"/bien-che/tinh-gian/{rehired.pk}/hoan-tra/"
    bad = client.post(url, {"repaid_on": "", "repaid_amount": "0", "version": rehired.version})
    assert bad.status_code == 400
    response = client.post(
        url,
        {"repaid_on": today().strftime("%d/%m/%Y"), "repaid_amount": "120000000", "version": rehired.version},
    )
    assert response.status_code == 302
    rehired.refresh_from_db()
    assert rehired.repaid_amount == 120000000 and rehired.repaid_on == today()


def test_leaders_cannot_record_a_repayment(client, rehired, bob):
    url = f"/bien-che/tinh-gian/{rehired.pk}/hoan-tra/"
    data = {"repaid_on": today().strftime("%d/%m/%Y"), "repaid_amount": "1", "version": rehired.version}
    assert login(client, bob).post(url, data).status_code == 403
    rehired.refresh_from_db()
    assert rehired.repaid_on is None


def test_the_api_records_the_repayment_through_the_same_service(rehired, alice, bob):
    from rest_framework.test import APIClient

    api = APIClient()
    url = f"/api/v1/staffing/cases/{rehired.pk}/repay/"
    data = {"repaid_on": today().strftime("%d/%m/%Y"), "repaid_amount": "500000"}
    api.force_authenticate(bob)
    assert api.post(url, data).status_code == 403
    api.force_authenticate(alice)
    bad = api.post(url, {**data, "repaid_amount": "130000000"})
    assert bad.status_code == 400 and "120.000.000 đồng" in str(bad.json())
    response = api.post(url, data)
    assert response.status_code == 200 and response.json()["repaid_amount"] == "500000"
    assert api.post(url, data).status_code == 400  # once only


def test_the_person_sees_the_case_export_on_their_own_page(client, alice, anh, export_via_job):
    from tests.access_log import assert_the_person_sees_the_export

    propose(alice, anh)
    assert export(client, alice, export_via_job).status_code == 200
    assert_the_person_sees_the_export(client, anh, alice)
