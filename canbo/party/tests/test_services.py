import datetime

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError

from canbo.core.dates import add_months
from canbo.party import services
from canbo.party.choices import PartyStatus
from canbo.party.models import Admission

from .conftest import admit_data, today


def errors(exc) -> dict:
    return exc.value.message_dict


def test_admitting_a_person_records_the_admission_and_the_persons_date(alice, anh, party_a):
    admission = services.admission_record(actor=alice, person=anh, **admit_data(party_a))

    anh.refresh_from_db()
    assert admission.status == PartyStatus.DU_BI
    assert admission.birth_date == anh.date_of_birth
    assert anh.party_admission_date == admission.admitted_on
    entry = LogEntry.objects.get_for_object(anh).latest("timestamp")
    assert entry.actor == alice and "party_admission_date" in entry.changes_dict


def test_age_in_months_is_exact():
    assert services.age_in_months(datetime.date(2000, 5, 17), datetime.date(2018, 5, 16)) == 215
    assert services.age_in_months(datetime.date(2000, 5, 17), datetime.date(2018, 5, 17)) == 216


@pytest.mark.parametrize(
    "years, offset, ok", [(18, 0, True), (18, 1, False), (60, 0, True), (60, -40, False)]
)
def test_age_18_to_60_at_the_cell_vote(alice, party_a, years, offset, ok):
    vote = today() - datetime.timedelta(days=30)
    born = add_months(vote, -12 * years) + datetime.timedelta(days=offset)
    data = admit_data(party_a, cell_vote_date=vote, decision_date=vote, admitted_on=vote)
    call = lambda: services.admission_record(  # noqa: E731
        actor=alice, candidate_name="Lò Văn Pánh", birth_date=born, **data
    )
    if ok:
        assert call().status == PartyStatus.DU_BI
    else:
        with pytest.raises(ValidationError) as exc:
            call()
        assert "đủ 18 tuổi đến đủ 60 tuổi" in errors(exc)["birth_date"][0]


def test_primary_education_is_refused(alice, anh, party_a):
    with pytest.raises(ValidationError) as exc:
        services.admission_record(actor=alice, person=anh, **admit_data(party_a, education="TIEU_HOC"))
    assert "trung học cơ sở" in errors(exc)["education"][0]
    assert not Admission.objects.exists()
    anh.refresh_from_db()
    assert anh.party_admission_date is None


def test_a_unit_outside_the_party_sector_is_refused(alice, anh, tree):
    with pytest.raises(ValidationError) as exc:
        services.admission_record(actor=alice, person=anh, **admit_data(tree["dept_a"]))
    assert "không phải tổ chức đảng" in errors(exc)["party_org"][0]


def test_dates_out_of_order_are_refused(alice, anh, party_a):
    vote = today() - datetime.timedelta(days=100)
    data = admit_data(party_a, cell_vote_date=vote, decision_date=vote - datetime.timedelta(days=1))
    with pytest.raises(ValidationError) as exc:
        services.admission_record(actor=alice, person=anh, **data)
    assert "decision_date" in errors(exc)


def test_a_member_cannot_be_admitted_twice(alice, anh, party_a):
    services.admission_record(actor=alice, person=anh, **admit_data(party_a))
    with pytest.raises(ValidationError) as exc:
        services.admission_record(actor=alice, person=anh, **admit_data(party_a))
    assert "đã là đảng viên" in errors(exc)["person"][0]


@pytest.mark.parametrize("who", ["charlie", "bob"])
def test_others_cannot_admit_in_dept_a(request, anh, party_a, who):
    with pytest.raises(PermissionDenied):
        services.admission_record(actor=request.getfixturevalue(who), person=anh, **admit_data(party_a))


def test_full_membership_after_12_months(alice, anh, party_a):
    admission = services.admission_record(actor=alice, person=anh, **admit_data(party_a))
    early = add_months(admission.admitted_on, 12) - datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as exc:
        services.admission_confirm(actor=alice, admission=admission, vote_date=early, decision_number="1")
    assert "Chưa đủ 12 tháng dự bị" in errors(exc)["vote_date"][0]

    admission = services.admission_confirm(
        actor=alice, admission=admission, vote_date=early + datetime.timedelta(days=1), decision_number="2"
    )
    anh.refresh_from_db()
    assert admission.status == PartyStatus.CHINH_THUC
    assert anh.party_full_member_date == add_months(admission.admitted_on, 12)


def test_removal_needs_a_reason(alice, anh, party_a):
    admission = services.admission_record(actor=alice, person=anh, **admit_data(party_a))
    with pytest.raises(ValidationError) as exc:
        services.admission_remove(
            actor=alice, admission=admission, kind="XOA_TEN", on=today(), decision_number="9", reason=" "
        )
    assert "reason" in errors(exc)
    admission = services.admission_remove(
        actor=alice, admission=admission, kind="KHAI_TRU", on=today(), decision_number="9", reason="Vi phạm"
    )
    assert admission.status == PartyStatus.KHAI_TRU
    with pytest.raises(ValidationError):
        services.admission_confirm(actor=alice, admission=admission, vote_date=today(), decision_number="3")


def test_a_target_is_one_per_org_and_term(board, party_a):
    services.target_create(
        actor=board, party_org=party_a, start_year=2020, end_year=2025, target=50, resolution_number="NQ 01"
    )
    with pytest.raises(ValidationError) as exc:
        services.target_create(
            actor=board,
            party_org=party_a,
            start_year=2020,
            end_year=2025,
            target=60,
            resolution_number="NQ 2",
        )
    assert "start_year" in errors(exc)
