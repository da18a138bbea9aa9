"""Pages and API: scoping (outside → 404), the right and wrong role at each step, bad input, query counts."""

import datetime
import io

from django.urls import reverse
from openpyxl import load_workbook
from rest_framework.test import APIClient

from canbo.evaluation.models import AnnualRating, RatingSheet

from .conftest import decided, decision_day, proposed


def api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def sheet_url(sheet, action=None):
    base = f"/api/v1/rating-sheets/{sheet.pk}/"
    return base + (f"{action}/" if action else "")


def test_official_self_assesses_own_sheet_through_the_api(dana, dana_sheet):
    response = api(dana).post(
        sheet_url(dana_sheet, "self-assess"), {"level": "HTT", "text": "Tốt"}, format="json"
    )
    assert response.status_code == 200, response.json()
    assert response.json()["status"] == "SELF_ASSESSED"
    assert response.json()["actions"] == ["self-assess"]


def test_official_cannot_reach_anothers_sheet(dana, anh_sheet):
    client = api(dana)
    assert client.get(sheet_url(anh_sheet)).status_code == 404
    assert (
        client.post(
            sheet_url(anh_sheet, "self-assess"), {"level": "HT", "text": "x"}, format="json"
        ).status_code
        == 404
    )
    assert RatingSheet.objects.get(pk=anh_sheet.pk).status == "PENDING"


def test_officer_self_assessing_for_someone_is_refused(alice, dana_sheet):
    response = api(alice).post(
        sheet_url(dana_sheet, "self-assess"), {"level": "HTXS", "text": "x"}, format="json"
    )
    assert response.status_code == 403
    assert response.json()["detail"] == "Chỉ chính người được đánh giá tự đánh giá trên phiếu của mình."


def test_leader_reads_but_does_not_propose(bob, anh_sheet):
    client = api(bob)
    assert client.get(sheet_url(anh_sheet)).status_code == 200
    assert client.post(sheet_url(anh_sheet, "propose"), {"level": "HT"}, format="json").status_code == 403


def test_outside_officer_gets_404(charlie, anh_sheet, campaign):
    client = api(charlie)
    assert client.get(sheet_url(anh_sheet)).status_code == 404
    assert client.get(f"/api/v1/rating-campaigns/{campaign.pk}/").status_code == 404
    assert client.post(sheet_url(anh_sheet, "propose"), {"level": "HT"}, format="json").status_code == 404


def test_bad_input_and_a_refused_rule_are_400_with_vietnamese_reasons(alice, anh_sheet):
    client = api(alice)
    response = client.post(sheet_url(anh_sheet, "propose"), {"level": "ZZ", "general": 31}, format="json")
    assert response.status_code == 400 and set(response.json()) == {"level", "general"}
    response = client.post(
        sheet_url(anh_sheet, "propose"), {"level": "HTXS", "general": 20, "tasks": 50}, format="json"
    )
    assert response.status_code == 400
    assert "thuộc khung “Hoàn thành tốt nhiệm vụ”" in response.json()["level"][0]
    response = client.post(sheet_url(anh_sheet, "propose"), {"level": "HT", "version": 9}, format="json")
    assert response.status_code == 409


def test_decision_through_the_api_writes_the_rating(alice, anh_sheet, anh, year):
    proposed(anh_sheet, alice, "HT")
    body = {"level": "HT", "decision_number": "7/QĐ", "decided_on": f"{decision_day(year):%d/%m/%Y}"}
    response = api(alice).post(sheet_url(anh_sheet, "decide"), body, format="json")
    assert response.status_code == 200, response.json()
    assert AnnualRating.objects.get(person=anh, year=year).level == "HT"


def test_campaign_api_open_list_close(alice, bob, tree, year, dana, anh):
    client = api(alice)
    body = {"year": year, "unit": "SO_A", "deadline": f"16/12/{year}"}
    assert client.post("/api/v1/rating-campaigns/", body, format="json").status_code == 400
    body["deadline"] = f"15/12/{year}"
    assert api(bob).post("/api/v1/rating-campaigns/", body, format="json").status_code == 403
    response = client.post("/api/v1/rating-campaigns/", body, format="json")
    assert response.status_code == 201
    pk = response.json()["id"]
    assert [c["id"] for c in api(bob).get("/api/v1/rating-campaigns/").json()["results"]] == [pk]
    assert api(dana).get("/api/v1/rating-campaigns/").json()["count"] == 1  # her own sheet's campaign
    assert len(api(dana).get("/api/v1/rating-sheets/mine/").json()) == 1
    close = client.post(f"/api/v1/rating-campaigns/{pk}/close/", {}, format="json")
    assert close.status_code == 400 and "Còn 2 phiếu" in close.json()["non_field_errors"][0]


def test_sheet_list_api_is_scoped_and_its_queries_bounded(
    alice, campaign, make_people, tree, django_assert_max_num_queries
):
    client = api(alice)
    with django_assert_max_num_queries(12):
        response = client.get(f"/api/v1/rating-campaigns/{campaign.pk}/sheets/")
    assert response.json()["count"] == 2


# --- pages ----------------------------------------------------------------------------------------------------


def test_pages_for_the_officer(client, alice, campaign, anh_sheet, django_assert_max_num_queries):
    client.force_login(alice)
    assert "Mở đợt đánh giá" in client.get(reverse("evaluation:index")).content.decode()
    with django_assert_max_num_queries(14):
        page = client.get(reverse("evaluation:campaign_detail", args=[campaign.pk]))
    assert page.status_code == 200 and "Nguyễn Văn Ánh" in page.content.decode()
    page = client.get(reverse("evaluation:sheet_detail", args=[anh_sheet.pk])).content.decode()
    assert 'id="action-propose"' in page and 'id="action-self-assess"' not in page


def test_page_steps_and_refusals(client, alice, dana, anh_sheet, dana_sheet):
    client.force_login(dana)
    assert client.get(reverse("evaluation:sheet_detail", args=[anh_sheet.pk])).status_code == 404
    url = reverse("evaluation:sheet_action", args=[dana_sheet.pk, "self-assess"])
    assert client.post(url, {"level": "HT", "text": "Đã làm"}).status_code == 302
    client.force_login(alice)
    url = reverse("evaluation:sheet_action", args=[dana_sheet.pk, "self-assess"])
    assert client.post(url, {"level": "HTXS", "text": "x"}).status_code == 403
    url = reverse("evaluation:sheet_action", args=[anh_sheet.pk, "propose"])
    response = client.post(
        url, {"level": "HTT", "general": "20", "tasks": "30", "version": anh_sheet.version}
    )
    assert response.status_code == 400 and "thuộc khung" in response.content.decode()


def test_open_campaign_page_refuses_a_late_deadline(client, alice, tree, year):
    client.force_login(alice)
    response = client.post(
        reverse("evaluation:index"),
        {"year": year, "unit": tree["dept_a"].pk, "deadline": f"20/12/{year}"},
    )
    assert response.status_code == 200 and "chậm nhất ngày 15/12" in response.content.decode()


def test_excel_export_holds_the_results_in_scope(client, alice, charlie, campaign, anh_sheet, export_via_job):
    decided(anh_sheet, alice, "HT")
    client.force_login(alice)
    response = export_via_job(reverse("evaluation:campaign_xlsx", args=[campaign.pk]))
    assert response["Content-Disposition"].endswith(
        f'-{campaign.unit.code}-{datetime.date.today():%Y%m%d}.xlsx"'
    )
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=4)]
    assert {r[1]: r[7] for r in rows} == {"Lò Thị Dana": None, "Nguyễn Văn Ánh": "HT"}
    client.force_login(charlie)
    assert client.get(reverse("evaluation:campaign_xlsx", args=[campaign.pk])).status_code == 404
    assert client.post(reverse("evaluation:campaign_xlsx", args=[campaign.pk])).status_code == 404


def test_excel_export_writes_names_as_text(client, alice, campaign, anh_sheet, export_via_job):
    from canbo.people.models import Person

    Person.objects.filter(pk=anh_sheet.person_id).update(full_name='=HYPERLINK("//x","a")')
    client.force_login(alice)
    sheet = load_workbook(
        io.BytesIO(
            b"".join(
                export_via_job(reverse("evaluation:campaign_xlsx", args=[campaign.pk])).streaming_content
            )
        )
    ).active
    cell = next(c for c in sheet["B"] if c.value == '=HYPERLINK("//x","a")')
    assert cell.data_type == "s"


def test_my_sheets_page(client, dana, dana_sheet):
    client.force_login(dana)
    page = client.get(reverse("evaluation:my_sheets")).content.decode()
    assert str(max(datetime.date.today().year - 1, 2026)) in page and "Chờ tự đánh giá" in page


def test_dashboard_tile_counts_waiting_sheets_in_scope(alice, charlie, dana, campaign):
    from canbo.evaluation.selectors import rating_tile

    assert rating_tile(user=alice)["figure"] == 2
    assert rating_tile(user=charlie)["figure"] == 0
    assert rating_tile(user=dana) is None


def test_the_person_sees_the_campaign_export_on_their_own_page(client, alice, campaign, anh, anh_sheet,
                                                                 export_via_job):  # fmt: skip
    from tests.access_log import assert_the_person_sees_the_export

    decided(anh_sheet, alice, "HT")
    client.force_login(alice)
    assert export_via_job(reverse("evaluation:campaign_xlsx", args=[campaign.pk])).status_code == 200
    assert_the_person_sees_the_export(client, anh, alice)
