"""Pages, API, report and reminder of the salary history: roles, scoping (outside → 404), bad input."""

import datetime

import pytest
from django.urls import reverse

from canbo.notifications.models import Notification
from canbo.notifications.services import reminders_send
from canbo.reports.registry import get_report
from canbo.salary.models import SalaryRecord, SalaryScale
from canbo.salary.services import salary_raise, salary_record_create
from tests.factories import PersonFactory

D = datetime.date
JSON = "application/json"
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def today(monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: D(2026, 12, 7))


def test_the_due_page_lists_next_months_raises_in_scope(client, alice, charlie, graded):
    client.force_login(alice)
    page = client.get(reverse("salary:due")).content.decode()
    assert "Nguyễn Văn Ánh" in page and "01/01/2027" in page
    client.force_login(charlie)
    assert "Nguyễn Văn Ánh" not in client.get(reverse("salary:due")).content.decode()
    assert client.get(reverse("salary:person", args=[graded.uuid])).status_code == 404


def test_a_bad_month_is_explained(client, alice, graded):
    client.force_login(alice)
    page = client.get(reverse("salary:due"), {"month": "13/2027"}).content.decode()
    assert "Tháng không hợp lệ" in page


def test_the_batch_raise_from_the_page(client, alice, bob, graded):
    url = reverse("salary:batch_raise") + "?month=01/2027"
    client.force_login(bob)
    assert client.post(url, {"person": [graded.uuid], "decision_number": "7/QĐ"}).status_code == 403
    client.force_login(alice)
    bad = client.post(url, {"person": [graded.uuid], "decision_number": ""})
    assert bad.status_code == 400 and SalaryRecord.objects.count() == 1
    assert client.post(url, {"person": [graded.uuid], "decision_number": "7/QĐ"}).status_code == 302
    graded.refresh_from_db()
    assert graded.salary_step == 4


def test_the_person_page_and_its_forms(client, alice, graded):
    client.force_login(alice)
    page = client.get(reverse("salary:person", args=[graded.uuid])).content.decode()
    assert "Xếp lương" in page and "01/01/2027" in page and "Phụ cấp khu vực" in page
    url = reverse("salary:person_action", args=[graded.uuid, "truoc-han"])
    reason = graded.salary_records.model._meta.get_field("early_reason").related_model.objects.get(
        code="NGHI_HUU"
    )
    response = client.post(url, {"reason": reason.pk, "months": 6, "effective_on": "01/06/2026",
                                  "decision_number": "8/QĐ"})  # fmt: skip
    assert response.status_code == 400 and "sớm nhất" in response.content.decode()
    response = client.post(url, {"reason": reason.pk, "months": 6, "effective_on": "01/07/2026",
                                  "decision_number": "8/QĐ"})  # fmt: skip
    assert response.status_code == 302
    url = reverse("salary:person_action", args=[graded.uuid, "nghi-khong-luong"])
    response = client.post(url, {"start_date": "10/03/2025", "end_date": "01/03/2025"})
    assert response.status_code == 400 and "không được trước" in response.content.decode()


@pytest.mark.parametrize("who", ["dana", "sysadmin"])
def test_officials_and_the_administrator_do_not_open_the_pages(client, request, who, graded):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("salary:due")).status_code == 403
    assert client.get("/api/v1/salary/due/?month=01/2027").status_code == 403


def test_an_official_reads_only_their_own_history_through_the_api(client, dana, alice, graded, a1):
    own = dana.person
    salary_record_create(
        actor=alice, person=own, kind="XEP_LUONG", effective_on=D(2020, 1, 1), scale=a1, step=1
    )
    client.force_login(dana)
    rows = client.get("/api/v1/salary/records/").json()["results"]
    assert [r["person"]["full_name"] for r in rows] == ["Lò Thị Dana"]
    other = graded.salary_records.get()
    assert client.get(f"/api/v1/salary/records/{other.pk}/").status_code == 404


def test_the_api_lists_creates_and_raises(client, alice, charlie, graded):
    client.force_login(alice)
    due = client.get("/api/v1/salary/due/", {"month": "01/2027"}).json()
    assert [(d["person"]["full_name"], d["next_step"], d["due_on"]) for d in due] == [
        ("Nguyễn Văn Ánh", 4, "2027-01-01")
    ]
    bad = client.post("/api/v1/salary/records/", {"person": str(graded.uuid), "kind": "PHU_CAP",
                      "effective_on": "01/03/2025", "scale": "A1", "step": 12}, content_type=JSON)  # fmt: skip
    assert bad.status_code == 400 and "từ 1 đến 9" in bad.json()["step"][0]
    made = client.post("/api/v1/salary/records/", {"person": str(graded.uuid), "kind": "PHU_CAP",
                       "effective_on": "01/03/2025", "scale": "A1", "step": 3,
                       "allowances": [{"kind": "CHUC_VU", "coefficient": "0,2"}]}, content_type=JSON)  # fmt: skip
    assert made.status_code == 201 and made.json()["allowances"][0]["coefficient"] == "0.20"
    raised = client.post("/api/v1/salary/raises/", {"persons": [str(graded.uuid)], "decision_number": "9/QĐ"},
                         content_type=JSON)  # fmt: skip
    assert raised.status_code == 201, raised.json()
    assert raised.json()[0]["step"] == 4
    client.force_login(charlie)
    assert client.get("/api/v1/salary/records/", {"person": str(graded.uuid)}).status_code == 404
    refused = client.post("/api/v1/salary/raises/", {"persons": [str(graded.uuid)], "decision_number": "9"},
                          content_type=JSON)  # fmt: skip
    assert refused.status_code == 404


def test_a_leader_gets_403_before_the_body_is_read(client, bob, graded):
    client.force_login(bob)
    assert client.post("/api/v1/salary/raises/", {"persons": "x"}, content_type=JSON).status_code == 403
    assert client.post("/api/v1/salary/early-raises/", {}, content_type=JSON).status_code == 403


def test_the_report_counts_raises_by_kind_in_scope(alice, board, charlie, graded, tree):
    salary_raise(actor=alice, person=graded, decision_number="9/QĐ", decision_date=D(2026, 12, 1))
    other = PersonFactory(current_unit=tree["dept_b"])
    salary_record_create(actor=board, person=other, kind="VUOT_KHUNG", effective_on=D(2027, 2, 1),
                         scale=SalaryScale.objects.get(code="A1"), step=9, seniority_percent=5)  # fmt: skip
    report = get_report("salary-raises")
    data = {"from": "01/01/2027", "to": "31/12/2027"}
    assert report.execute(user=board, data=data).meta["by_kind"] == {"THUONG_XUYEN": 1, "VUOT_KHUNG": 1}
    assert report.execute(user=alice, data=data).meta["by_kind"] == {"THUONG_XUYEN": 1}
    assert report.execute(user=charlie, data=data).meta["raises"] == 1
    assert report.execute(user=board, data={"from": "01/01/2026", "to": "31/12/2026"}).meta["raises"] == 0


def test_the_reminder_tells_the_unit_of_next_months_raises(alice, charlie, board, graded):
    reminders_send(today=D(2026, 12, 1), email=False)
    note = Notification.objects.get(user=alice, kind="SALARY_RAISE_DUE")
    assert "01/2027" in note.title and "1 người" in note.title and "Nguyễn Văn Ánh" in note.body
    assert note.link.startswith(reverse("salary:due"))
    assert Notification.objects.filter(user=board, kind="SALARY_RAISE_DUE").exists()
    assert not Notification.objects.filter(user=charlie, kind="SALARY_RAISE_DUE").exists()
    reminders_send(today=D(2026, 11, 1), email=False)  # not due in December
    assert Notification.objects.filter(kind="SALARY_RAISE_DUE", user=alice).count() == 1


def test_an_official_reads_her_own_salary_page_without_forms(client, dana, alice, a1, graded):
    salary_record_create(actor=alice, person=dana.person, kind="XEP_LUONG", effective_on=D(2020, 1, 1), scale=a1,
                         step=1)  # fmt: skip
    client.force_login(dana)
    page = client.get(reverse("salary:person", args=[dana.person.uuid]))
    assert page.status_code == 200 and "Quá trình lương" in page.content.decode()
    assert "Nâng trước thời hạn" not in page.content.decode()
    assert client.get(reverse("salary:person", args=[graded.uuid])).status_code == 404


def test_the_due_list_takes_a_constant_number_of_queries(client, alice, graded, tree, a1,
                                                         django_assert_max_num_queries):  # fmt: skip
    for n in range(6):
        person = PersonFactory(current_unit=tree["dept_a"])
        salary_record_create(actor=alice, person=person, kind="XEP_LUONG", effective_on=D(2024, 1, 1), scale=a1,
                             step=1 + n % 3)  # fmt: skip
    client.force_login(alice)
    with django_assert_max_num_queries(12):
        due = client.get("/api/v1/salary/due/", {"month": "01/2027"}).json()
    assert len(due) == 7
    with django_assert_max_num_queries(14):
        assert client.get(reverse("salary:due"), {"month": "01/2027"}).status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get("/api/v1/salary/records/").json()["count"] == 7


def test_the_administrator_edits_the_rules_and_nobody_deletes_them(client, sysadmin, alice):
    client.force_login(sysadmin)
    assert client.get("/quan-tri/salary/steprule/").status_code == 200
    assert client.get("/quan-tri/salary/basesalary/").status_code == 200
    client.force_login(alice)
    assert client.get("/quan-tri/salary/steprule/").status_code in (302, 403)
