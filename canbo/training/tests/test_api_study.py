"""/api/v1/study-assignments/...: proposal with eligibility explained, sending, graduation, drop, breach."""

import datetime

import pytest
from rest_framework.test import APIClient

from canbo.evaluation.models import AnnualRating
from canbo.people.models import Qualification
from canbo.training.choices import StudyStatus
from canbo.training.models import Enrolment, StudyAssignment
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db
D = datetime.date
STUDY = "/api/v1/study-assignments/"


def client_for(user=None):
    client = APIClient()
    if user is not None:
        client.force_login(user)
    return client


def url(assignment, rest=""):
    return f"{STUDY}{assignment.pk}/{rest}"


@pytest.fixture
def lan(tree):
    """35 years old in 2026, in service since 2015, rated well 2023–2025: eligible."""
    person = PersonFactory(
        full_name="Quàng Thị Lan",
        gender="NU",
        current_unit=tree["dept_a"],
        date_of_birth=D(1990, 6, 1),
        start_date=D(2015, 9, 1),
    )
    for year, level in ((2023, "HTT"), (2024, "HTT"), (2025, "HTXS")):
        AnnualRating.objects.create(person=person, year=year, unit=person.current_unit, level=level)
    return person


def proposal(person, **extra):
    body = {
        "person": str(person.uuid),
        "programme": "DT_THAC_SI",
        "institution": "Học viện Hành chính Quốc gia",
        "field_of_study": "Quản lý công",
        "mode": "KHONG_TAP_TRUNG",
        "start_date": "01/03/2024",
        "expected_end": "01/03/2026",
        "cost": 72_000_000,
    }
    body.update(extra)
    return body


@pytest.fixture
def proposed(alice, lan):
    response = client_for(alice).post(
        STUDY, proposal(lan, start_date="01/09/2025", expected_end="01/09/2026"), format="json"
    )
    assert response.status_code == 201, response.json()
    return StudyAssignment.objects.get(pk=response.json()["id"])


def test_proposal_answers_the_commitment(proposed):
    body = client_for(proposed.proposed_by).get(url(proposed)).json()

    assert (body["status"], body["status_label"], body["commitment_months"]) == (
        "PROPOSED",
        "Đề nghị cử đi học",
        36,
    )
    assert body["rule"].startswith("NĐ 171/2025") and body["enrolment"] is None


def test_every_unmet_condition_is_explained(alice, tree):
    young = PersonFactory(current_unit=tree["dept_a"], date_of_birth=D(1975, 1, 1), start_date=D(2024, 6, 1))
    response = client_for(alice).post(
        STUDY, proposal(young, start_date="01/03/2026", expected_end="01/03/2028"), format="json"
    )

    assert response.status_code == 400
    text = " ".join(response.json()["non_field_errors"])
    assert "chưa đủ điều kiện" in text and "Cần ít nhất 3 năm công tác" in text and "Quá tuổi" in text
    assert not StudyAssignment.objects.exists()


def test_proposal_refusals(alice, bob, charlie, lan):
    assert client_for(bob).post(STUDY, proposal(lan), format="json").status_code == 403
    outside = client_for(charlie).post(STUDY, proposal(lan), format="json")
    assert outside.status_code == 400 and "Không tìm thấy 1 cán bộ" in outside.json()["person"][0]
    bad = client_for(alice).post(
        STUDY, proposal(lan, mode="X", expected_end="hôm qua", funding=""), format="json"
    )
    assert bad.status_code == 400 and set(bad.json()) == {"mode", "expected_end", "funding"}
    order = client_for(alice).post(STUDY, proposal(lan, expected_end="01/01/2024"), format="json")
    assert order.status_code == 400 and "Ngày dự kiến kết thúc phải sau ngày nhập học." in str(order.json())
    assert not StudyAssignment.objects.exists()


def test_scoping_of_reads(proposed, board, bob, charlie, dana):
    assert client_for(bob).get(url(proposed)).status_code == 200
    assert client_for(board).get(STUDY, {"status": "PROPOSED", "unit": "SO_A"}).json()["count"] == 1
    assert client_for(charlie).get(STUDY).json()["results"] == []
    assert client_for(charlie).get(url(proposed)).status_code == 404
    assert client_for(dana).get(url(proposed)).status_code == 404
    assert client_for(board).get(STUDY, {"status": "X"}).json()["status"] == [
        "“X” không phải là giá trị hợp lệ."
    ]


def test_sending_graduation_and_the_qualification(proposed, alice, bob, charlie, lan):
    client = client_for(alice)
    send = {"decision_number": "45/QĐ-UBND", "decision_date": "20/08/2025", "version": 1}

    assert client_for(bob).post(url(proposed, "send/"), send, format="json").status_code == 403
    assert client_for(charlie).post(url(proposed, "send/"), send, format="json").status_code == 404
    assert client.post(url(proposed, "send/"), {**send, "version": 7}, format="json").status_code == 409
    sent = client.post(url(proposed, "send/"), send, format="json")
    assert sent.status_code == 200 and sent.json()["status"] == "STUDYING" and sent.json()["enrolment"]
    again = client.post(url(proposed, "send/"), {**send, "version": 2}, format="json")
    assert again.status_code == 400 and "trạng thái “Đang học”" in again.json()["non_field_errors"][0]
    finish = {"end_date": "01/09/2026", "certificate_number": "ThS-01", "certificate_date": "15/09/2026"}
    stale = client.post(url(proposed, "complete/"), {**finish, "version": 1}, format="json")
    assert stale.status_code == 409
    done = client.post(url(proposed, "complete/"), {**finish, "version": 2}, format="json")

    assert done.status_code == 200
    assert (done.json()["status"], done.json()["commitment_end"]) == ("COMPLETED", "2029-09-01")
    assert Qualification.objects.get(person=lan, level="THAC_SI").document_number == "ThS-01"
    breach = client.post(url(proposed, "breach/"), {"left_on": "01/09/2027", "version": 3}, format="json")
    assert breach.status_code == 200 and breach.json()["status"] == "BREACHED"
    assert breach.json()["refund_amount"] == 48_000_000  # 12 of 36 months served


def test_drop_out_needs_a_reason_and_refunds(proposed, alice):
    client = client_for(alice)
    client.post(
        url(proposed, "send/"),
        {"decision_number": "45/QĐ", "decision_date": "20/08/2025", "version": 1},
        format="json",
    )

    missing = client.post(url(proposed, "drop/"), {"on": "01/06/2026", "version": 2}, format="json")
    early = client.post(url(proposed, "breach/"), {"left_on": "01/06/2026", "version": 2}, format="json")
    dropped = client.post(
        url(proposed, "drop/"), {"on": "01/06/2026", "reason": "Gia đình", "version": 2}, format="json"
    )

    assert missing.status_code == 400 and missing.json()["reason"] == ["Trường này là bắt buộc."]
    assert early.status_code == 400 and "trạng thái" in early.json()["non_field_errors"][0]
    assert dropped.status_code == 200
    assert (dropped.json()["status"], dropped.json()["refund_amount"]) == (StudyStatus.DROPPED, 72_000_000)
    assert Enrolment.objects.get().result == "WITHDRAWN"


@pytest.mark.parametrize("rows", [2, 12])
def test_list_query_count(rows, alice, board, tree, django_assert_max_num_queries):
    from .factories import StudyAssignmentFactory

    for _ in range(rows):
        StudyAssignmentFactory(person=PersonFactory(current_unit=tree["dept_a"]), proposed_by=alice)
    client = client_for(board)
    with django_assert_max_num_queries(5):
        response = client.get(STUDY)
    assert response.json()["count"] == rows
