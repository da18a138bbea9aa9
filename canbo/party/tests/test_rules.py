"""The admission rules as dated rows (QĐ 29 → QĐ 24 → QĐ 232 → QĐ 294-QĐ/TW with HD 06-HD/TW): each case is judged by the text in force
on the chi bộ's vote, and the probation by the rule in force on the admission day."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from canbo.core.dates import add_months
from canbo.core.rulebook import rule_version_append, rules_in_force
from canbo.party import rules, services
from canbo.party.choices import PartyStatus
from canbo.party.models import Admission, PartyRule

from .conftest import admit_data, today

D = datetime.date


def _candidate(alice, party_a, *, vote, born, **extra):
    data = admit_data(party_a, cell_vote_date=vote, decision_date=vote, admitted_on=vote)
    data.update(extra)
    return services.admission_record(actor=alice, candidate_name="Lò Văn Pánh", birth_date=born, **data)


@pytest.mark.parametrize(
    "vote, cited, not_cited",
    [
        (D(2025, 1, 19), "Quy định 24-QĐ/TW", "232-QĐ/TW"),
        (D(2025, 1, 20), "Quy định 232-QĐ/TW", "24-QĐ/TW ngày"),
        (D(2025, 6, 30), "Quy định 232-QĐ/TW", "294-QĐ/TW"),
        (D(2025, 7, 1), "Quy định 294-QĐ/TW", "Quy định 232-QĐ/TW"),
        (D(2021, 7, 29), "Quy định 29-QĐ/TW", "24-QĐ/TW"),
        (D(2021, 7, 30), "Quy định 24-QĐ/TW", "29-QĐ/TW"),
    ],
)
def test_the_refusal_cites_the_text_in_force_on_the_vote(alice, party_a, vote, cited, not_cited):
    with pytest.raises(ValidationError) as exc:
        _candidate(alice, party_a, vote=vote, born=add_months(vote, -17 * 12))
    message = exc.value.message_dict["birth_date"][0]
    assert cited in message and not_cited not in message
    assert "17 tuổi" in message


def test_a_vote_before_any_recorded_text_is_refused_clearly(alice, party_a):
    vote = D(2016, 7, 24)
    with pytest.raises(ValidationError) as exc:
        _candidate(alice, party_a, vote=vote, born=D(1990, 1, 1))
    assert "Chưa có quy định về tuổi người vào Đảng áp dụng ngày 24/07/2016" in str(exc.value)
    assert not Admission.objects.exists()


def test_over_60_needs_the_consent_of_a_committee_directly_under_the_central_committee(alice, party_a):
    vote = today() - datetime.timedelta(days=30)
    born = add_months(vote, -(60 * 12 + 5))  # 60 years 5 months at the vote
    with pytest.raises(ValidationError) as exc:
        _candidate(alice, party_a, vote=vote, born=born)
    message = exc.value.message_dict["birth_date"][0]
    assert "60 tuổi 5 tháng" in message and "cấp ủy trực thuộc Trung ương" in message
    assert not Admission.objects.exists()

    admission = _candidate(
        alice, party_a, vote=vote, born=born, over_age_approval="125-CV/TU ngày 02/11/2026"
    )
    assert admission.status == PartyStatus.DU_BI
    assert admission.over_age_approval == "125-CV/TU ngày 02/11/2026"


def test_the_consent_does_not_lower_the_minimum_age(alice, party_a):
    vote = today() - datetime.timedelta(days=30)
    with pytest.raises(ValidationError) as exc:
        _candidate(alice, party_a, vote=vote, born=add_months(vote, -17 * 12), over_age_approval="125-CV/TU")
    assert "birth_date" in exc.value.message_dict


def test_primary_education_is_enough_in_the_areas_the_text_names(alice, party_a):
    vote = today() - datetime.timedelta(days=30)
    born = D(1995, 3, 1)
    with pytest.raises(ValidationError) as exc:
        _candidate(alice, party_a, vote=vote, born=born, education="TIEU_HOC")
    assert "trung học cơ sở" in exc.value.message_dict["education"][0]

    admission = _candidate(
        alice, party_a, vote=vote, born=born, education="TIEU_HOC", education_exception="DTTS"
    )
    assert admission.education_exception == "DTTS"


def test_an_unknown_exception_area_is_refused(alice, party_a):
    vote = today() - datetime.timedelta(days=30)
    with pytest.raises(ValidationError) as exc:
        _candidate(
            alice, party_a, vote=vote, born=D(1995, 3, 1), education="TIEU_HOC", education_exception="XYZ"
        )
    assert "education_exception" in exc.value.message_dict


def test_an_area_the_rule_in_force_drops_is_refused(alice, board, party_a):
    """A correction of the rule (a new dated version) narrows the areas from its date on, not before."""
    change = today() - datetime.timedelta(days=60)
    value = {"minimum": "THCS", "exception_minimum": "TIEU_HOC", "exception_areas": ["MIEN_NUI", "HAI_DAO"]}
    rule_version_append(
        actor=board,
        model=PartyRule,
        code="admission_education",
        valid_from=change,
        value=value,
        legal_basis="Hướng dẫn thử nghiệm của Ban Bí thư",
    )
    data = {"born": D(1995, 3, 1), "education": "TIEU_HOC", "education_exception": "DTTS"}
    with pytest.raises(ValidationError) as exc:
        _candidate(alice, party_a, vote=change, **data)
    assert "không thuộc các vùng được áp dụng ngoại lệ" in exc.value.message_dict["education_exception"][0]
    assert (
        _candidate(alice, party_a, vote=change - datetime.timedelta(days=1), **data).status
        == PartyStatus.DU_BI
    )


def test_probation_is_read_by_the_admission_day_and_rechecked_at_full_membership(alice, anh, board, party_a):
    admission = services.admission_record(actor=alice, person=anh, **admit_data(party_a))
    change = admission.admitted_on + datetime.timedelta(days=1)
    rule_version_append(
        actor=board,
        model=PartyRule,
        code="probation_months",
        valid_from=change,
        value=18,
        legal_basis="Thử nghiệm",
    )
    assert rules.probation_months(admission.admitted_on) == 12
    assert rules.probation_months(change) == 18

    early = add_months(admission.admitted_on, 12) - datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as exc:
        services.admission_confirm(actor=alice, admission=admission, vote_date=early, decision_number="1")
    assert "Chưa đủ 12 tháng dự bị" in exc.value.message_dict["vote_date"][0]
    admission = services.admission_confirm(
        actor=alice, admission=admission, vote_date=add_months(admission.admitted_on, 12), decision_number="2"
    )
    assert admission.full_member_on == add_months(admission.admitted_on, 12)


def test_the_rules_are_on_the_legal_page_with_their_source(db):
    areas = dict(rules_in_force(D(2026, 12, 1)))
    rows = {r.code: r for r in areas["Kết nạp đảng viên"]}
    assert set(rows) == {"admission_age", "admission_education", "probation_months"}
    assert "Quy định 294-QĐ/TW" in rows["admission_age"].legal_basis
    assert "Hướng dẫn 06-HD/TW" in rows["admission_education"].legal_basis
    mid = {r.code: r for r in dict(rules_in_force(D(2025, 3, 1)))["Kết nạp đảng viên"]}
    assert "Quy định 232-QĐ/TW" in mid["admission_age"].legal_basis
    old = {r.code: r for r in dict(rules_in_force(D(2024, 12, 1)))["Kết nạp đảng viên"]}
    assert "24-QĐ/TW" in old["admission_age"].legal_basis


def test_the_api_takes_the_exception_and_the_consent(alice, party_a):
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(alice)
    vote = today() - datetime.timedelta(days=30)
    body = {
        "candidate_name": "Hờ A Chứ",
        "birth_date": add_months(vote, -(61 * 12)).strftime("%d/%m/%Y"),
        "general_education": "TIEU_HOC",
        "education_exception": "MIEN_NUI",
        "party_org": party_a.code,
        "cell": "Chi bộ bản Mế",
        "cell_vote_date": vote.strftime("%d/%m/%Y"),
        "decision_number": "20-QĐ/ĐU",
        "decision_date": vote.strftime("%d/%m/%Y"),
        "admitted_on": vote.strftime("%d/%m/%Y"),
    }
    response = client.post("/api/v1/party/admissions/", body, format="json")
    assert response.status_code == 400
    assert "cấp ủy trực thuộc Trung ương" in str(response.json())
    response = client.post(
        "/api/v1/party/admissions/", {**body, "over_age_approval": "88-CV/TU"}, format="json"
    )
    assert response.status_code == 201, response.json()
    assert response.json()["education_exception"] == "MIEN_NUI"


def test_the_entry_page_takes_the_consent_and_shows_the_refusal(client, alice, party_a):
    client.force_login(alice)
    vote = today() - datetime.timedelta(days=30)
    data = {
        "candidate_name": "Giàng A Sử",
        "birth_date": add_months(vote, -(62 * 12)).strftime("%d/%m/%Y"),
        "education": "THCS",
        "education_exception": "",
        "party_org": party_a.code,
        "cell": "Chi bộ thôn",
        "cell_vote_date": vote.strftime("%d/%m/%Y"),
        "decision_number": "30-QĐ/ĐU",
        "decision_date": vote.strftime("%d/%m/%Y"),
        "admitted_on": vote.strftime("%d/%m/%Y"),
    }
    response = client.post("/dang-vien/ket-nap/", data)
    assert response.status_code == 200 and "cấp ủy trực thuộc Trung ương" in response.content.decode()
    assert not Admission.objects.exists()
    response = client.post("/dang-vien/ket-nap/", {**data, "over_age_approval": "15-CV/TU ngày 01/11/2026"})
    assert response.status_code == 302
    assert Admission.objects.get().over_age_approval == "15-CV/TU ngày 01/11/2026"
