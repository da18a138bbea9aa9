"""People sent to study: list, proposal with the live eligibility explanation, and the actions of the record."""

import datetime

import pytest
from django.urls import reverse

from canbo.evaluation.models import AnnualRating
from canbo.people.models import Person, Qualification
from canbo.training import services
from canbo.training.choices import StudyStatus
from canbo.training.models import Enrolment, StudyAssignment
from tests.factories import PersonFactory

from .factories import programme

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def lan(tree):
    """35 years old in 2026, in service since 2015, rated HTT in 2024 and 2025: eligible for a master's."""
    person = PersonFactory(
        full_name="Quàng Thị Lan",
        gender="NU",
        current_unit=tree["dept_a"],
        date_of_birth=D(1990, 6, 1),
        start_date=D(2015, 9, 1),
    )
    for year, level in ((2024, "HTT"), (2025, "HTXS")):
        AnnualRating.objects.create(person=person, year=year, unit=person.current_unit, level=level)
    return person


def _proposal(person, **extra):
    data = {
        "person": person.uuid,
        "programme": programme("DT_THAC_SI").pk,
        "institution": "Học viện Hành chính Quốc gia",
        "field_of_study": "Quản lý công",
        "mode": "KHONG_TAP_TRUNG",
        "venue": "TRONG_NUOC",
        "start_date": "01/03/2026",
        "expected_end": "01/03/2028",
        "funding": "NGAN_SACH",
        "cost": 72_000_000,
    }
    data.update(extra)
    return data


@pytest.fixture
def proposed(lan, alice):
    return services.study_propose(
        actor=alice,
        person=lan,
        data={
            "programme": programme("DT_THAC_SI"),
            "institution": "Học viện Hành chính Quốc gia",
            "mode": "KHONG_TAP_TRUNG",
            "start_date": D(2026, 3, 1),
            "expected_end": D(2028, 3, 1),
            "cost": 72_000_000,
        },
    )


def test_propose_an_eligible_person(client, alice, lan):
    client.force_login(alice)
    assert client.get(reverse("training:study_propose")).status_code == 200
    response = client.post(reverse("training:study_propose"), _proposal(lan))
    assignment = StudyAssignment.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "training:study_detail", args=[assignment.pk]
    )
    assert assignment.commitment_months == 72
    html = client.get(response["Location"]).content.decode()
    assert "72 tháng" in html and "Ghi quyết định cử đi học" in html


def test_every_unmet_condition_is_explained_and_nothing_written(client, alice, tree):
    young = PersonFactory(full_name="Lò Văn Trẻ", current_unit=tree["dept_a"], start_date=D(2024, 1, 1))
    client.force_login(alice)
    response = client.post(reverse("training:study_propose"), _proposal(young))
    html = response.content.decode()
    assert response.status_code == 200
    assert "chưa đủ điều kiện cử đi học" in html and "Chưa có kết quả xếp loại năm 2024" in html
    assert "năm công tác" in html
    assert not StudyAssignment.objects.exists()


def test_the_eligibility_is_explained_live(client, alice, lan, tree, outsider_person):
    client.force_login(alice)
    url = reverse("training:study_eligibility")
    params = {
        "person": lan.uuid,
        "programme": programme("DT_THAC_SI").pk,
        "start_date": "01/03/2026",
        "funding": "NGAN_SACH",
    }
    assert "đủ điều kiện cử đi học" in client.get(url, params).content.decode()
    html = client.get(url, {**params, "start_date": "01/03/2037"}).content.decode()
    assert "chưa đủ điều kiện" in html and "Quá tuổi" in html
    assert (
        "Chọn người, chương trình"
        in client.get(url, {**params, "person": outsider_person.uuid}).content.decode()
    )
    assert (
        "Chọn người, chương trình"
        in client.get(url, {**params, "programme": "x", "start_date": "x"}).content.decode()
    )


def test_a_person_outside_the_officers_units_cannot_be_proposed(client, alice, outsider_person):
    client.force_login(alice)
    response = client.post(reverse("training:study_propose"), _proposal(outsider_person, funding="TU_TUC"))
    assert "Không tìm thấy người này" in response.content.decode()
    assert not StudyAssignment.objects.exists()


def test_send_complete_through_the_page(client, alice, proposed):
    client.force_login(alice)
    url = lambda action: reverse("training:study_action", args=[proposed.pk, action])  # noqa: E731
    response = client.post(
        url("send"), {"send-decision_number": "", "send-decision_date": "01/02/2026", "send-version": 1}
    )
    assert "Số quyết định cử đi học" in response.content.decode() and not Enrolment.objects.exists()
    response = client.post(
        url("send"), {"send-decision_number": "15/QĐ", "send-decision_date": "01/02/2026", "send-version": 1}
    )
    assert response.status_code == 302
    proposed.refresh_from_db()
    assert proposed.status == StudyStatus.STUDYING and Enrolment.objects.count() == 1
    response = client.post(url("send"), {"send-decision_number": "15/QĐ", "send-decision_date": "01/02/2026"})
    assert "Không thể ra quyết định cử đi học" in response.content.decode()
    response = client.post(
        url("complete"), {"complete-end_date": "01/10/2026", "complete-certificate_number": "ThS-9"}
    )
    assert response.status_code == 302
    proposed.refresh_from_db()
    assert proposed.status == StudyStatus.COMPLETED and proposed.commitment_end is not None
    assert Qualification.objects.filter(person=proposed.person, level="THAC_SI").exists()


def test_drop_needs_a_reason_and_breach_records_the_refund(client, alice, proposed):
    services.study_send(
        actor=alice, assignment=proposed, decision_number="15/QĐ", decision_date=D(2026, 2, 1)
    )
    client.force_login(alice)
    url = lambda action: reverse("training:study_action", args=[proposed.pk, action])  # noqa: E731
    response = client.post(url("drop"), {"drop-on": "01/06/2026", "drop-reason": ""})
    assert "reason" in response.context["forms"]["drop"].errors
    proposed.refresh_from_db()
    assert proposed.status == StudyStatus.STUDYING
    services.study_complete(actor=alice, assignment=proposed, end_date=D(2026, 10, 1))
    Person.objects.filter(pk=proposed.person_id).update(status="MOVED_OUT", status_date=D(2026, 11, 1))
    page = client.get(reverse("training:study_detail", args=[proposed.pk])).content.decode()
    assert "dự tính phải bồi hoàn" in page
    response = client.post(
        url("breach"), {"breach-left_on": "01/11/2026", "breach-reason": "Chuyển công tác"}
    )
    assert response.status_code == 302
    proposed.refresh_from_db()
    assert proposed.status == StudyStatus.BREACHED and proposed.refund_amount > 0


def test_readers_and_outsiders(client, bob, charlie, dana, proposed):
    detail = reverse("training:study_detail", args=[proposed.pk])
    send = reverse("training:study_action", args=[proposed.pk, "send"])
    data = {"send-decision_number": "15/QĐ", "send-decision_date": "01/02/2026"}
    client.force_login(bob)
    assert client.get(detail).status_code == 200
    assert "Ghi quyết định cử đi học" not in client.get(detail).content.decode()
    assert client.post(send, data).status_code == 403
    assert client.get(reverse("training:study_propose")).status_code == 403
    client.force_login(charlie)
    assert client.get(detail).status_code == 404
    assert client.post(send, data).status_code == 404
    assert "Quàng Thị Lan" not in client.get(reverse("training:study_list")).content.decode()
    client.force_login(dana)
    assert client.get(detail).status_code == 403
    proposed.refresh_from_db()
    assert proposed.status == StudyStatus.PROPOSED


def test_list_filters_and_query_count(client, board, alice, tree, proposed, django_assert_max_num_queries):
    for i in range(30):
        person = PersonFactory(current_unit=tree["dept_a"])
        services.study_propose(
            actor=alice,
            person=person,
            data={
                "programme": programme("DT_DAI_HOC"),
                "institution": f"Trường {i}",
                "mode": "KHONG_TAP_TRUNG",
                "start_date": D(2026, 9, 1),
                "expected_end": D(2030, 9, 1),
                "funding": "TU_TUC",
            },
        )
    client.force_login(board)
    with django_assert_max_num_queries(7):
        response = client.get(reverse("training:study_list"), {"q": "quang thi lan"})
    assert [a.pk for a in response.context["page"].object_list] == [proposed.pk]
    with django_assert_max_num_queries(7):
        assert len(client.get(reverse("training:study_list")).context["page"].object_list) == 31
