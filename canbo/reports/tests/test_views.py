"""The report pages /bao-cao/ and /bao-cao/<name>/."""

import io

import openpyxl
import pytest


def test_the_index_lists_every_report(client, alice):
    client.force_login(alice)
    response = client.get("/bao-cao/")

    assert response.status_code == 200
    for name in ("headcount", "org-units", "qualification-share"):
        assert f'href="/bao-cao/{name}/"' in response.content.decode()


def test_it_requires_login(client, db):
    response = client.get("/bao-cao/headcount/")

    assert response.status_code == 302
    assert "/tai-khoan/dang-nhap/" in response["Location"]


@pytest.mark.parametrize("url", ["/bao-cao/", "/bao-cao/headcount/"])
def test_an_official_may_not_read_reports(client, dana, url):
    client.force_login(dana)

    assert client.get(url).status_code == 403


def test_the_page_shows_the_table_the_chart_and_the_excel_link(client, staff, board):
    client.force_login(board)
    response = client.get("/bao-cao/headcount/", {"on": "31/12/2019"})
    html = response.content.decode()

    assert response.status_code == 200
    assert "Tính đến ngày 31/12/2019; phạm vi: toàn tỉnh" in html
    assert '<tr class="row-total">' in html
    assert "vendor/chartjs/chart.umd.min.js" in html
    assert 'id="report-chart-data"' in html
    assert (
        '<form class="inline" method="post" action="/bao-cao/headcount/xuat-excel/?on=31%2F12%2F2019">'
        in html
    )
    assert 'href="/can-bo/?on=31%2F12%2F2019&amp;level=TINH&amp;category=CC"' in html


def test_without_parameters_it_shows_today(client, staff, alice):
    client.force_login(alice)
    response = client.get("/bao-cao/qualification-share/")

    assert response.status_code == 200
    assert response.context["result"].parameters["on"] is not None


def test_an_officer_sees_only_their_units_figures(client, staff, alice):
    client.force_login(alice)
    response = client.get("/bao-cao/headcount/", {"on": "31/12/2019"})

    assert response.context["result"].meta["total"] == 3


def test_another_units_org_answers_404(client, staff, alice):
    client.force_login(alice)

    assert client.get("/bao-cao/headcount/", {"on": "31/12/2019", "org": "SO_B"}).status_code == 404


def test_an_unknown_report_answers_404(client, alice):
    client.force_login(alice)

    assert client.get("/bao-cao/khong-co/").status_code == 404


def test_bad_parameters_show_field_errors(client, staff, alice):
    client.force_login(alice)
    response = client.get("/bao-cao/qualification-share/", {"from": "31/12/2019", "to": "xx"})

    assert response.status_code == 200
    assert response.context["result"] is None
    assert "Ngày không hợp lệ" in response.content.decode()


def _workbook(response):
    return openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active


def test_the_excel_download_has_the_same_figures(client, staff, board, export_via_job):
    client.force_login(board)
    response = export_via_job("/bao-cao/org-units/xuat-excel/", {"on": "31/12/2019"})

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="bao-cao-org-units-20191231.xlsx"'
    ws = _workbook(response)
    assert [row for row in ws.iter_rows(values_only=True) if row[0] == "Tổng cộng"][0][-1] == 8


def test_the_excel_job_is_named_after_the_report_and_keeps_the_scope(client, staff, alice, export_via_job):
    from canbo.jobs.models import Job

    client.force_login(alice)
    ws = _workbook(export_via_job("/bao-cao/headcount/xuat-excel/", {"on": "31/12/2019"}))

    assert Job.objects.get().title == "Xuất Excel: Số lượng CBCCVC theo cấp, phân loại, khối"
    assert ws["B2"].value is None and "phạm vi: các đơn vị anh/chị được xem" in ws["A2"].value
    assert [row for row in ws.iter_rows(values_only=True) if row[0] == "Tổng cộng"][0][-1] == 3


def test_bad_parameters_go_back_to_the_page_and_another_units_org_answers_404(client, staff, alice):
    from canbo.jobs.models import Job

    client.force_login(alice)
    bad = client.post("/bao-cao/headcount/xuat-excel/?on=xx")

    assert bad.status_code == 302 and bad.url == "/bao-cao/headcount/?on=xx"
    assert client.post("/bao-cao/headcount/xuat-excel/?on=31/12/2019&org=SO_B").status_code == 404
    assert client.post("/bao-cao/khong-co/xuat-excel/").status_code == 404
    assert not Job.objects.exists()


def test_the_former_download_link_leads_to_the_export_page(client, staff, alice):
    client.force_login(alice)
    response = client.get("/bao-cao/headcount/", {"on": "31/12/2019", "export": "xlsx"})

    assert response.status_code == 302 and response.url == "/bao-cao/headcount/xuat-excel/?on=31%2F12%2F2019"
    assert "Bắt đầu xuất" in client.get(response.url).content.decode()


def test_an_official_may_not_export(client, dana):
    client.force_login(dana)

    assert client.post("/bao-cao/headcount/xuat-excel/").status_code == 403
