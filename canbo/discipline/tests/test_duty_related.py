"""Whether the acts relate to the duty (rule 16): asked at opening, copied on the decision, every door."""

import datetime

from django.urls import reverse

from canbo.discipline.models import DisciplineCase, DisciplineRecord
from canbo.discipline.models import DisciplineForm as F
from canbo.discipline.services import case_decide, case_open, case_review

from .conftest import act

D = datetime.date
JSON = "application/json"


def _decide(alice, case):
    case = case_review(actor=alice, case=case, proposed_form=F.REPRIMAND)
    return case_decide(actor=alice, case=case, decision_number="7/QĐ", decided_on=D(2026, 3, 2))


def test_a_case_is_duty_related_unless_said_otherwise_and_the_decision_copies_it(alice, anh):
    default = case_open(actor=alice, person=anh, opened_on=D(2026, 2, 1), acts=[act()])
    assert default.duty_related is True
    assert _decide(alice, default).duty_related is True


def test_a_case_not_related_to_the_duty_gives_a_decision_not_related(alice, anh):
    case = case_open(actor=alice, person=anh, opened_on=D(2026, 2, 1), acts=[act()], duty_related=False)

    record = _decide(alice, case)

    assert DisciplineRecord.objects.get(pk=record.pk).duty_related is False


def page_data(person, **extra):
    data = {
        "person": str(person.uuid),
        "opened_on": "01/02/2026",
        "act1_description": "Uống rượu bia ngoài giờ làm việc",
        "act1_committed_on": "05/01/2026",
        "act1_form": F.REPRIMAND,
    }
    return {**data, **extra}


def test_the_page_asks_the_question_and_records_the_answer(client, alice, anh):
    client.force_login(alice)
    page = client.get(reverse("discipline:case_open")).content.decode()
    assert "Vi phạm liên quan đến thực thi nhiệm vụ, công vụ" in page

    unticked = client.post(reverse("discipline:case_open"), page_data(anh))
    ticked = client.post(reverse("discipline:case_open"), page_data(anh, duty_related="on"))

    assert unticked.status_code == ticked.status_code == 302
    assert list(DisciplineCase.objects.order_by("pk").values_list("duty_related", flat=True)) == [False, True]
    detail = client.get(ticked["Location"]).content.decode()
    assert "Liên quan đến thực thi nhiệm vụ, công vụ" in detail


def test_the_page_picks_the_person_with_the_shared_picker_within_the_officers_units(
    client, alice, anh, outsider_person
):
    client.force_login(alice)
    assert "person-picker" in client.get(reverse("discipline:case_open")).content.decode()

    outside = client.post(reverse("discipline:case_open"), page_data(outsider_person))
    typed_code = client.post(reverse("discipline:case_open"), {**page_data(anh), "person": anh.code})

    assert outside.status_code == typed_code.status_code == 200
    assert "Không tìm thấy người này trong đơn vị bạn quản lý." in outside.content.decode()
    assert "Chọn một người trong danh sách tìm được." in typed_code.content.decode()
    assert not DisciplineCase.objects.exists()


def test_the_api_takes_the_answer_and_defaults_to_related(client, alice, anh):
    client.force_login(alice)
    body = {"person": str(anh.uuid), "opened_on": "01/02/2026", "acts": [
        {"description": "Chậm hồ sơ", "committed_on": "05/01/2026", "form": F.REPRIMAND}]}  # fmt: skip

    default = client.post("/api/v1/discipline/cases/", body, content_type=JSON)
    no = client.post("/api/v1/discipline/cases/", {**body, "duty_related": False}, content_type=JSON)
    bad = client.post("/api/v1/discipline/cases/", {**body, "duty_related": "hmm"}, content_type=JSON)

    assert (default.status_code, no.status_code) == (201, 201)
    assert (default.json()["duty_related"], no.json()["duty_related"]) == (True, False)
    assert bad.status_code == 400 and "duty_related" in bad.json()
    assert DisciplineCase.objects.count() == 2


def test_the_open_page_is_refused_to_a_leader_and_an_official(client, bob, dana):
    client.force_login(bob)
    assert client.get(reverse("discipline:index")).status_code == 200
    assert client.get(reverse("discipline:case_open")).status_code == 403
    client.force_login(dana)
    assert client.get(reverse("discipline:case_open")).status_code == 403
    assert client.get(reverse("discipline:index")).status_code == 403
    client.logout()
    assert client.get(reverse("discipline:index")).status_code == 302
