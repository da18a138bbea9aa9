"""Pages, API and report of discipline: roles, scoping (outside → 404), bad input, query counts."""

import datetime

import pytest
from django.urls import reverse

from canbo.discipline.models import CaseStatus, DisciplineCase, DisciplineRecord
from canbo.discipline.models import DisciplineForm as F
from canbo.discipline.services import case_decide, case_open
from canbo.reports.registry import get_report
from tests.factories import PersonFactory

from .conftest import act

D = datetime.date
JSON = "application/json"


def test_the_officer_sees_the_case_and_another_unit_gets_404(client, alice, charlie, opened):
    client.force_login(alice)
    assert "Nguyễn Văn Ánh" in client.get(reverse("discipline:index")).content.decode()
    assert client.get(reverse("discipline:case_detail", args=[opened.pk])).status_code == 200
    client.force_login(charlie)
    assert client.get(reverse("discipline:case_detail", args=[opened.pk])).status_code == 404
    assert client.get(f"/api/v1/discipline/cases/{opened.pk}/").status_code == 404
    assert client.get("/api/v1/discipline/cases/").json()["count"] == 0


@pytest.mark.parametrize("who", ["dana", "sysadmin"])
def test_officials_and_the_administrator_have_no_access(client, request, who, opened):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("discipline:index")).status_code == 403
    assert client.get("/api/v1/discipline/cases/").status_code == 403


def test_a_leader_reads_but_cannot_act(client, bob, opened):
    client.force_login(bob)
    assert client.get(reverse("discipline:case_detail", args=[opened.pk])).status_code == 200
    url = reverse("discipline:case_action", args=[opened.pk, "de-nghi"])
    assert client.post(url, {"version": 1, "proposed_form": "KHIEN_TRACH"}).status_code == 403
    assert client.post(f"/api/v1/discipline/cases/{opened.pk}/review/", {"proposed_form": "KHIEN_TRACH"},
                       content_type=JSON).status_code == 403  # fmt: skip
    opened.refresh_from_db()
    assert opened.status == CaseStatus.OPENED


def test_the_page_explains_a_wrong_form(client, alice, opened):
    client.force_login(alice)
    url = reverse("discipline:case_action", args=[opened.pk, "de-nghi"])
    response = client.post(url, {"version": opened.version, "proposed_form": "CANH_CAO"})
    assert response.status_code == 400 and "Theo quy định phải áp dụng" in response.content.decode()
    assert client.post(url, {"version": opened.version, "proposed_form": "KHIEN_TRACH"}).status_code == 302


def test_the_whole_case_through_the_api(client, alice, anh):
    client.force_login(alice)
    bad = client.post("/api/v1/discipline/cases/", {"person": str(anh.uuid), "opened_on": "01/02/2026", "acts": [
        {"description": "x", "committed_on": "05/01/2026", "form": "CACH_CHUC"}]}, content_type=JSON)  # fmt: skip
    assert bad.status_code == 400 and "lãnh đạo" in bad.json()["acts"][0]
    assert not DisciplineCase.objects.exists()
    created = client.post("/api/v1/discipline/cases/", {"person": str(anh.uuid), "opened_on": "01/02/2026", "acts": [
        {"description": "x", "committed_on": "05/01/2026", "form": "CANH_CAO"}]}, content_type=JSON)  # fmt: skip
    pk = created.json()["id"]
    reviewed = client.post(f"/api/v1/discipline/cases/{pk}/review/", {"proposed_form": "CANH_CAO", "version": 1},
                           content_type=JSON)  # fmt: skip
    assert reviewed.status_code == 200 and reviewed.json()["required_form"] == "CANH_CAO"
    stale = client.post(f"/api/v1/discipline/cases/{pk}/decide/", {"decision_number": "1", "decided_on": "02/03/2026",
                        "version": 1}, content_type=JSON)  # fmt: skip
    assert stale.status_code == 409
    decided = client.post(f"/api/v1/discipline/cases/{pk}/decide/", {"decision_number": "1",
                          "decided_on": "02/03/2026", "version": 2}, content_type=JSON)  # fmt: skip
    assert decided.status_code == 201 and decided.json()["effective_until"] == "2027-03-01"
    blocked = client.get(f"/api/v1/discipline/promotion-blocked/{anh.uuid}/").json()
    assert blocked["blocked_until"] == "2029-03-02"  # 36 months after a warning
    page = client.get(reverse("discipline:case_detail", args=[pk])).content.decode()
    assert "Số 1 ngày 02/03/2026" in page and "02/03/2029" in page


def test_lists_and_export_take_a_fixed_number_of_queries(
    client, alice, tree, django_assert_max_num_queries, export_via_job
):
    for i in range(12):
        p = PersonFactory(full_name=f"Người {i}", gender="NAM", current_unit=tree["dept_a"])
        case = case_open(actor=alice, person=p, opened_on=D(2026, 2, 1), acts=[act(), act(form=F.WARNING)])
        DisciplineRecord.objects.create(person=p, unit=tree["dept_a"], form=F.WARNING, decision_number=str(i),
                                        decided_on=D(2026, 3, 1), case=case)  # fmt: skip
    client.force_login(alice)
    with django_assert_max_num_queries(8):
        assert client.get(reverse("discipline:index")).status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get(reverse("discipline:record_list")).status_code == 200
    # start (session, user, roles, job row), the job (claim, job, roles, count, rows, save) and the download
    with django_assert_max_num_queries(
        19
    ):  # +3: the persons in the file, their units and accounts, one access-log insert
        assert export_via_job(reverse("discipline:record_export")).status_code == 200
    with django_assert_max_num_queries(7):
        assert client.get("/api/v1/discipline/cases/").json()["count"] == 12


def test_the_report_counts_decisions_by_form_in_scope(alice, board, charlie, reviewed, tree, outsider_person):
    case_decide(actor=alice, case=reviewed, decision_number="1", decided_on=D(2026, 3, 2))
    DisciplineRecord.objects.create(person=outsider_person, unit=tree["dept_b"], form=F.WARNING,
                                    decision_number="2", decided_on=D(2026, 4, 1))  # fmt: skip
    report = get_report("discipline-by-form")
    data = {"from": "01/01/2026", "to": "31/12/2026"}
    assert report.execute(user=board, data=data).meta["by_form"] == {"KHIEN_TRACH": 1, "CANH_CAO": 1}
    assert report.execute(user=alice, data=data).meta["by_form"] == {"KHIEN_TRACH": 1}
    assert report.execute(user=charlie, data=data).meta["decisions"] == 1
    by_unit = report.execute(user=board, data={**data, "group": "unit_form"})
    assert [(r.values["unit"], r.values["form_code"]) for r in by_unit.rows] == [
        ("Văn phòng Sở A", "KHIEN_TRACH"),
        ("Sở B", "CANH_CAO"),
    ]


@pytest.mark.parametrize("name", ["discipline:index", "discipline:record_list"])
def test_lists_sort_by_column_and_survive_bad_paging_parameters(client, alice, charlie, opened, name):
    DisciplineRecord.objects.create(
        person=opened.person, unit=opened.unit, form=F.WARNING, decision_number="9", decided_on=D(2026, 3, 1)
    )
    client.force_login(alice)
    for params in ({"sap_xep": "-ten"}, {"sap_xep": "don_vi"}, {"sap_xep": "zz", "sau": "x"}, {"chu": "A"}):
        response = client.get(reverse(name), params)
        assert response.status_code == 200 and len(response.context["page"].object_list) == 1
    client.force_login(charlie)
    assert not client.get(reverse(name), {"sap_xep": "-ten"}).context["page"].object_list
