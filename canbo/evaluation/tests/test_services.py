import datetime
from decimal import Decimal as D

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from canbo.core.exceptions import ConflictError
from canbo.discipline.models import DisciplineRecord
from canbo.evaluation import services
from canbo.evaluation.models import AnnualRating, RatingCampaign, RatingSheet, SheetStatus
from canbo.people.choices import PersonStatus
from tests.factories import PersonFactory

from .conftest import decided, proposed, sheet_of


def messages(exc) -> str:
    return " ".join(exc.value.messages)


# --- campaigns -----------------------------------------------------------------------------------------------


def test_opening_creates_a_sheet_per_working_person_of_the_subtree(
    campaign, dana, anh, outsider_person, year
):
    sheets = RatingSheet.objects.filter(campaign=campaign)
    assert {s.person_id for s in sheets} == {dana.person.pk, anh.pk}
    assert {s.months_worked for s in sheets} == {12}
    assert all(s.year == year and s.status == SheetStatus.PENDING for s in sheets)
    assert sheet_of(anh).unit == anh.current_unit


def test_months_worked_come_from_the_career_rows(alice, tree, year):
    late = PersonFactory(current_unit=tree["dept_a"], start_date=datetime.date(year, 9, 1))
    gone = PersonFactory(
        current_unit=tree["dept_a"], status=PersonStatus.RETIRED, status_date=datetime.date(year, 3, 1)
    )
    services.campaign_open(actor=alice, year=year, unit=tree["dept_a"], deadline=datetime.date(year, 12, 1))
    assert sheet_of(late).months_worked == 4
    assert not RatingSheet.objects.filter(person=gone).exists()


def test_deadline_after_15_december_is_refused(alice, tree, year):
    with pytest.raises(ValidationError) as exc:
        services.campaign_open(
            actor=alice, year=year, unit=tree["dept_a"], deadline=datetime.date(year, 12, 16)
        )
    assert exc.value.message_dict["deadline"] == [
        f"Hạn hoàn thành đánh giá năm {year} trong năm {year}, chậm nhất ngày 15/12/{year}."
    ]
    assert not RatingCampaign.objects.exists()


def test_a_unit_opens_one_campaign_a_year_and_a_person_has_one_sheet_a_year(
    campaign, alice, tree, year, board
):
    with pytest.raises(ValidationError) as exc:
        services.campaign_open(
            actor=alice, year=year, unit=tree["dept_a"], deadline=datetime.date(year, 12, 1)
        )
    assert "đã có đợt đánh giá" in messages(exc)
    province = services.campaign_open(
        actor=board, year=year, unit=tree["province"], deadline=datetime.date(year, 12, 1)
    )
    assert list(province.sheets.values_list("person__full_name", flat=True)) == ["Trần Thị Bích"]
    with pytest.raises(IntegrityError), transaction.atomic():
        RatingSheet.objects.create(
            campaign=province,
            person=sheet_of(campaign.sheets.first().person).person,
            year=year,
            unit=tree["dept_a"],
        )


@pytest.mark.parametrize("who", ["bob", "charlie", "dana", "standing"])
def test_only_the_units_officer_or_the_board_opens_a_campaign(request, who, tree, year):
    user = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        services.campaign_open(
            actor=user, year=year, unit=tree["dept_a"], deadline=datetime.date(year, 12, 1)
        )


# --- self-assessment ----------------------------------------------------------------------------------------


def test_the_official_self_assesses_their_own_sheet(dana_sheet, dana):
    services.sheet_self_assess(actor=dana, sheet=dana_sheet, level="HTT", text="Tốt")
    dana_sheet.refresh_from_db()
    assert (dana_sheet.status, dana_sheet.self_level, dana_sheet.version) == ("SELF_ASSESSED", "HTT", 2)


@pytest.mark.parametrize("who", ["alice", "bob", "board"])
def test_nobody_self_assesses_for_another(request, who, dana_sheet, anh_sheet):
    user = request.getfixturevalue(who)
    for sheet in (dana_sheet, anh_sheet):
        with pytest.raises(PermissionDenied) as exc:
            services.sheet_self_assess(actor=user, sheet=sheet, level="HTT", text="Tốt")
        assert str(exc.value) == services.NOT_YOUR_SHEET
    assert RatingSheet.objects.filter(status="PENDING").count() == 2


def test_self_assessment_needs_a_level_and_a_text(dana_sheet, dana):
    with pytest.raises(ValidationError) as exc:
        services.sheet_self_assess(actor=dana, sheet=dana_sheet, level="X", text="  ")
    assert set(exc.value.message_dict) == {"level", "text"}


def test_a_stale_version_is_a_conflict(dana_sheet, dana):
    with pytest.raises(ConflictError):
        services.sheet_self_assess(actor=dana, sheet=dana_sheet, level="HTT", text="Tốt", expected_version=7)


# --- proposal -----------------------------------------------------------------------------------------------


def test_proposal_waits_for_the_self_assessment_of_a_person_with_a_login(dana_sheet, anh_sheet, alice):
    with pytest.raises(ValidationError) as exc:
        services.sheet_propose(actor=alice, sheet=dana_sheet, level="HTT")
    assert "chưa tự đánh giá" in messages(exc)
    services.sheet_propose(actor=alice, sheet=anh_sheet, level="HT")  # anh has no login
    assert anh_sheet.status == "PROPOSED"


@pytest.mark.parametrize("who", ["bob", "charlie", "dana", "standing"])
def test_only_the_officer_of_the_persons_unit_proposes(request, who, anh_sheet):
    with pytest.raises(PermissionDenied):
        services.sheet_propose(actor=request.getfixturevalue(who), sheet=anh_sheet, level="HT")


def test_the_proposed_level_must_agree_with_the_score(anh_sheet, alice):
    with pytest.raises(ValidationError) as exc:
        services.sheet_propose(actor=alice, sheet=anh_sheet, level="HTXS", general=D(25), tasks=D(60))
    assert "thuộc khung “Hoàn thành tốt nhiệm vụ” (từ 70 đến dưới 90 điểm)" in messages(exc)
    services.sheet_propose(actor=alice, sheet=anh_sheet, level="HTT", general=D(25), tasks=D(60))
    assert anh_sheet.proposed_score == D(85)


def test_under_six_months_is_not_rated_except_maternity(anh_sheet, alice):
    services.sheet_set_facts(actor=alice, sheet=anh_sheet, months_worked=5, leave_months=0, maternity=False)
    with pytest.raises(ValidationError) as exc:
        services.sheet_propose(actor=alice, sheet=anh_sheet, level="HT")
    assert "công tác 5 tháng trong năm" in messages(exc) and "không xếp loại" in messages(exc)
    services.sheet_propose(actor=alice, sheet=anh_sheet, level="KHONG_XEP_LOAI")
    services.sheet_set_facts(actor=alice, sheet=anh_sheet, months_worked=5, leave_months=0, maternity=True)
    services.sheet_propose(actor=alice, sheet=anh_sheet, level="HTT")


def test_three_to_six_months_of_leave_caps_at_completed(anh_sheet, alice):
    services.sheet_set_facts(actor=alice, sheet=anh_sheet, months_worked=12, leave_months=4, maternity=False)
    with pytest.raises(ValidationError) as exc:
        services.sheet_propose(actor=alice, sheet=anh_sheet, level="HTT")
    assert "nghỉ 4 tháng" in messages(exc)
    services.sheet_propose(actor=alice, sheet=anh_sheet, level="HT")


def test_discipline_in_the_year_forces_not_completed(anh_sheet, anh, alice, year):
    DisciplineRecord.objects.create(
        person=anh, form="CANH_CAO", decision_number="12/QĐ-UBND", decided_on=datetime.date(year, 5, 4)
    )
    DisciplineRecord.objects.create(
        person=anh, form="KHIEN_TRACH", decision_number="1/QĐ", decided_on=datetime.date(year - 1, 5, 4)
    )
    with pytest.raises(ValidationError) as exc:
        services.sheet_propose(actor=alice, sheet=anh_sheet, level="HT")
    assert f"bị kỷ luật cảnh cáo theo quyết định số 12/QĐ-UBND ngày 04/05/{year}" in messages(exc)
    services.sheet_propose(actor=alice, sheet=anh_sheet, level="KHT")


def test_facts_are_checked(anh_sheet, alice, bob):
    with pytest.raises(ValidationError) as exc:
        services.sheet_set_facts(
            actor=alice, sheet=anh_sheet, months_worked=13, leave_months=-1, maternity=False
        )
    assert set(exc.value.message_dict) == {"months_worked", "leave_months"}
    with pytest.raises(PermissionDenied):
        services.sheet_set_facts(actor=bob, sheet=anh_sheet, months_worked=3, leave_months=0, maternity=False)


# --- decision -----------------------------------------------------------------------------------------------


def test_the_decision_writes_the_annual_rating(anh_sheet, anh, alice, year, decided_on):
    decided(anh_sheet, alice, "HTT", general=D(20), tasks=D(55))
    rating = AnnualRating.objects.get(person=anh, year=year)
    assert (rating.level, rating.score, rating.decided_on, rating.decision_number, rating.unit) == (
        "HTT",
        D(75),
        decided_on,
        "15/QĐ-SNV",
        anh.current_unit,
    )
    assert LogEntry.objects.get_for_object(rating).exists()


def test_the_decision_updates_an_existing_rating_row(anh_sheet, anh, alice, year, decided_on):
    old = AnnualRating.objects.create(
        person=anh, year=year, unit=anh.current_unit, level="HT", decision_number="cũ"
    )
    decided(anh_sheet, alice, "HTT")
    old.refresh_from_db()
    assert (old.level, old.decision_number, old.version) == ("HTT", "15/QĐ-SNV", 2)
    assert AnnualRating.objects.filter(person=anh).count() == 1


def test_the_decision_needs_a_proposal_and_a_decision(anh_sheet, alice, decided_on):
    with pytest.raises(ValidationError):
        services.sheet_decide(
            actor=alice, sheet=anh_sheet, level="HT", decision_number="1", decided_on=decided_on
        )
    services.sheet_propose(actor=alice, sheet=anh_sheet, level="HT")
    with pytest.raises(ValidationError) as exc:
        services.sheet_decide(actor=alice, sheet=anh_sheet, level="HT", decision_number=" ", decided_on=None)
    assert set(exc.value.message_dict) == {"decision_number", "decided_on"}
    assert not AnnualRating.objects.exists()


def test_an_officer_of_a_sub_unit_proposes_but_does_not_decide(tree, anh_sheet, alice, decided_on):
    from canbo.accounts.models import Role
    from tests.factories import UserFactory, grant

    office = grant(UserFactory(username="office"), Role.UNIT_OFFICER, tree["dept_a_office"])
    services.sheet_propose(actor=office, sheet=anh_sheet, level="HT")
    with pytest.raises(PermissionDenied) as exc:
        services.sheet_decide(
            actor=office, sheet=anh_sheet, level="HT", decision_number="1", decided_on=decided_on
        )
    assert str(exc.value) == services.NOT_DECIDER
    services.sheet_decide(
        actor=alice, sheet=anh_sheet, level="HT", decision_number="1", decided_on=decided_on
    )


def test_the_cap_on_excellent_is_checked_with_the_numbers(
    campaign, make_people, alice, board, year, decided_on
):
    people = make_people(4)
    fresh = services.campaign_open(
        actor=board, year=year, unit=people[0].current_unit.parent, deadline=datetime.date(year, 12, 1)
    )
    sheets = [sheet_of(p) for p in people]
    for sheet in sheets[:3]:
        decided(sheet, board, "HTT")
    with pytest.raises(ValidationError) as exc:
        decided(sheets[3], board, "HTXS")
    assert "1 người “Hoàn thành xuất sắc nhiệm vụ” vượt tỷ lệ tối đa 20 % của 3 người" in messages(exc)
    assert "(tối đa 0 người)" in messages(exc)
    assert fresh.pk  # the board's campaign holds the newcomers of dept_a's parent


def test_closing_needs_every_sheet_decided_and_the_cap(anh_sheet, dana_sheet, alice, bob, campaign):
    with pytest.raises(ValidationError) as exc:
        services.campaign_close(actor=alice, campaign=campaign)
    assert "Còn 2 phiếu chưa có kết quả xếp loại (Nguyễn Văn Ánh, Lò Thị Dana)" in messages(exc)
    decided(anh_sheet, alice, "HT")
    decided(dana_sheet, alice, "KHT")
    with pytest.raises(PermissionDenied):
        services.campaign_close(actor=bob, campaign=campaign)
    services.campaign_close(actor=alice, campaign=campaign)
    assert campaign.status == "CLOSED" and campaign.closed_on
    with pytest.raises(ValidationError) as exc:
        services.sheet_set_facts(
            actor=alice, sheet=sheet_of(anh_sheet.person), months_worked=1, leave_months=0, maternity=False
        )
    assert messages(exc) == services.CAMPAIGN_CLOSED


def test_closing_refuses_a_unit_over_the_cap(anh_sheet, alice, campaign, decided_on):
    proposed(anh_sheet, alice, "HTXS")
    anh_sheet.status, anh_sheet.level, anh_sheet.decision_number, anh_sheet.decided_on = (
        "DECIDED",
        "HTXS",
        "1",
        decided_on,
    )
    anh_sheet.save()  # e.g. decided before the HTT it leaned on was changed
    sheet = sheet_of(campaign.sheets.exclude(pk=anh_sheet.pk).get().person)
    decided(sheet, alice, "HT")
    with pytest.raises(ValidationError) as exc:
        services.campaign_close(actor=alice, campaign=campaign)
    assert (
        "Văn phòng Sở A: 1 người “Hoàn thành xuất sắc nhiệm vụ” vượt tỷ lệ tối đa 20 % của 0 người"
        in messages(exc)
    )


def test_sheet_actions_by_user(dana_sheet, anh_sheet, dana, alice, bob, board):
    assert services.sheet_actions(dana, dana_sheet) == ["self-assess"]
    assert services.sheet_actions(alice, dana_sheet) == ["facts"]
    assert services.sheet_actions(alice, anh_sheet) == ["facts", "propose"]
    assert services.sheet_actions(bob, anh_sheet) == []
    proposed(anh_sheet, alice, "HT")
    assert services.sheet_actions(board, anh_sheet) == ["facts", "propose", "decide"]
