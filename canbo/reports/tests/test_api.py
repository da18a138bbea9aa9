"""GET /api/v1/reports/ and /api/v1/reports/<name>/."""

import pytest


def test_it_lists_the_reports_with_parameter_descriptions(client, alice):
    client.force_login(alice)
    response = client.get("/api/v1/reports/")

    assert response.status_code == 200
    reports = {r["name"]: r for r in response.json()["results"]}
    assert reports["headcount"]["title"] == "Số lượng CBCCVC theo cấp, phân loại, khối"
    on = next(p for p in reports["headcount"]["parameters"] if p["name"] == "on")
    assert on["type"] == "date"
    kind = next(p for p in reports["org-units"]["parameters"] if p["name"] == "kind")
    assert {"value": "AGENCY", "label": "Cơ quan"} in kind["choices"]


def test_it_runs_a_report_with_the_same_parameters(client, staff, board):
    client.force_login(board)
    response = client.get("/api/v1/reports/qualification-share/", {"from": "31/12/2015", "to": "2019-12-31"})

    assert response.status_code == 200
    data = response.json()
    assert data["parameters"]["from"] == "2015-12-31"
    university = next(r for r in data["rows"] if r["values"]["measure"] == "Chuyên môn từ đại học trở lên")
    assert university["values"]["change"] == 2.3


def test_it_is_scoped_to_the_user(client, staff, bob):
    client.force_login(bob)
    data = client.get("/api/v1/reports/headcount/", {"on": "31/12/2019"}).json()

    assert data["meta"]["total"] == 3


def test_bad_parameters_answer_400_in_vietnamese(client, staff, alice):
    client.force_login(alice)
    response = client.get("/api/v1/reports/headcount/", {"on": "31-13-2019"})

    assert response.status_code == 400
    assert response.json() == {
        "detail": "Tham số báo cáo không hợp lệ.",
        "code": "invalid",
        "errors": {"on": ["Ngày không hợp lệ: hãy nhập theo dạng dd/mm/yyyy (ví dụ 31/12/2019)."]},
    }


def test_another_units_org_answers_404(client, staff, charlie):
    client.force_login(charlie)
    response = client.get("/api/v1/reports/headcount/", {"org": "SO_A"})

    assert response.status_code == 404
    assert response.json()["detail"] == "Không tìm thấy bản ghi."


def test_an_unknown_report_answers_404(client, alice):
    client.force_login(alice)

    assert client.get("/api/v1/reports/khong-co/").status_code == 404


@pytest.mark.parametrize("url", ["/api/v1/reports/", "/api/v1/reports/headcount/"])
def test_an_official_and_the_sysadmin_may_not_read_reports(client, dana, sysadmin, url):
    for user in (dana, sysadmin):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 403
        assert response.json()["detail"] == "Anh/chị không có quyền thực hiện thao tác này."


def test_it_requires_authentication(client, db):
    assert client.get("/api/v1/reports/").status_code in (401, 403)
