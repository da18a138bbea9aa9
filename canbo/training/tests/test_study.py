"""Sending people to study: eligibility explained, the sending decision, graduation, dropping out, breach."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from canbo.evaluation.models import AnnualRating
from canbo.people.models import Qualification
from canbo.training import services
from canbo.training.choices import StudyStatus
from canbo.training.models import Enrolment
from canbo.training.rules import commitment_months, months_between, sponsorship_rule_on
from tests.factories import PersonFactory

from .factories import programme

D = datetime.date


def rate(person, *pairs):
    for year, level in pairs:
        AnnualRating.objects.create(person=person, year=year, unit=person.current_unit, level=level)


@pytest.fixture
def lan(tree):
    """35 years old in 2026, in service since 2015, rated HTT in 2024 and 2025."""
    person = PersonFactory(
        full_name="Quàng Thị Lan",
        gender="NU",
        current_unit=tree["dept_a"],
        date_of_birth=D(1990, 6, 1),
        start_date=D(2015, 9, 1),
    )
    rate(person, (2024, "HTT"), (2025, "HTXS"))
    return person


def proposal(**extra):
    data = {
        "programme": programme("DT_THAC_SI"),
        "institution": "Học viện Hành chính Quốc gia",
        "field_of_study": "Quản lý công",
        "mode": "KHONG_TAP_TRUNG",
        "start_date": D(2026, 3, 1),
        "expected_end": D(2028, 3, 1),
        "cost": 72_000_000,
    }
    data.update(extra)
    return data


@pytest.mark.django_db
def test_rule_is_effective_dated():
    assert sponsorship_rule_on(D(2024, 1, 1)).commitment_multiplier == 2
    assert sponsorship_rule_on(D(2025, 7, 1)).commitment_multiplier == 3
    assert sponsorship_rule_on(D(2025, 7, 1)).max_age == 45
    assert months_between(D(2026, 3, 1), D(2028, 3, 1)) == 24
    assert months_between(D(2026, 3, 1), D(2028, 3, 2)) == 25
    rule = sponsorship_rule_on(D(2026, 3, 1))
    assert commitment_months(rule, D(2026, 3, 1), D(2028, 3, 1), "TU_TUC") == 0


def test_eligible_person_is_proposed_with_the_commitment_of_the_2025_rules(alice, lan):
    assignment = services.study_propose(actor=alice, person=lan, data=proposal())
    assert assignment.status == StudyStatus.PROPOSED
    assert assignment.commitment_months == 72  # 3 × 24 months (NĐ 171/2025)
    assert assignment.rule.legal_basis.startswith("NĐ 171/2025")
    assert not Enrolment.objects.exists()  # a proposal is not yet a lượt


def test_before_july_2025_the_commitment_was_twice(alice, lan):
    data = proposal(start_date=D(2024, 9, 1), expected_end=D(2026, 9, 1))
    rate(lan, (2022, "HTT"), (2023, "HTT"))
    assignment = services.study_propose(actor=alice, person=lan, data=data)
    assert assignment.commitment_months == 48


def test_every_unmet_condition_is_explained(alice, tree):
    person = PersonFactory(
        full_name="Lường Văn Tú",
        current_unit=tree["dept_a"],
        date_of_birth=D(1975, 1, 1),
        start_date=D(2024, 6, 1),
    )
    rate(person, (2025, "HT"))
    with pytest.raises(ValidationError) as exc:
        services.study_propose(actor=alice, person=person, data=proposal())
    text = " ".join(exc.value.messages)
    assert "chưa đủ điều kiện" in text
    assert "Cần ít nhất 3 năm công tác" in text
    assert "Chưa có kết quả xếp loại năm 2024" in text
    assert "Năm 2025 xếp loại “Hoàn thành nhiệm vụ”" in text
    assert "Quá tuổi" in text and "tối đa 45 tuổi" in text


def test_age_limit_was_40_before_the_2025_rules(alice, lan):
    lan.date_of_birth = D(1982, 1, 1)  # 42 in 2024
    lan.save()
    rate(lan, (2022, "HTT"), (2023, "HTT"))
    with pytest.raises(ValidationError, match="tối đa 40 tuổi"):
        services.study_propose(
            actor=alice, person=lan, data=proposal(start_date=D(2024, 9, 1), expected_end=D(2026, 9, 1))
        )


def test_self_funded_or_undergraduate_is_not_held_to_the_postgraduate_rule(alice, tree):
    person = PersonFactory(current_unit=tree["dept_a"], date_of_birth=D(1970, 1, 1), start_date=D(2025, 1, 1))
    assignment = services.study_propose(actor=alice, person=person, data=proposal(funding="TU_TUC"))
    assert assignment.commitment_months == 0
    services.study_propose(
        actor=alice,
        person=person,
        data=proposal(
            programme=programme("DT_DAI_HOC"), start_date=D(2026, 9, 1), expected_end=D(2030, 6, 30)
        ),
    )


def test_outside_units_and_leaders_cannot_propose(charlie, bob, lan):
    for actor in (charlie, bob):
        with pytest.raises(PermissionDenied):
            services.study_propose(actor=actor, person=lan, data=proposal())


def test_sending_graduation_and_qualification(alice, lan):
    assignment = services.study_propose(actor=alice, person=lan, data=proposal())
    with pytest.raises(ValidationError):
        services.study_send(actor=alice, assignment=assignment, decision_number="", decision_date=None)
    services.study_send(
        actor=alice, assignment=assignment, decision_number="45/QĐ-UBND", decision_date=D(2026, 2, 20)
    )
    enrolment = assignment.enrolment
    assert (enrolment.programme.code, enrolment.start_date, enrolment.cost) == (
        "DT_THAC_SI",
        D(2026, 3, 1),
        72_000_000,
    )
    with pytest.raises(ValidationError, match="trạng thái"):
        services.study_send(
            actor=alice, assignment=assignment, decision_number="x", decision_date=D(2026, 2, 20)
        )
    assignment.enrolment.start_date = D(2024, 3, 1)  # a finished course, recorded today
    assignment.enrolment.save()
    services.study_complete(
        actor=alice,
        assignment=assignment,
        end_date=D(2026, 3, 1),
        certificate_number="ThS-0099",
        certificate_date=D(2026, 3, 15),
    )
    qual = Qualification.objects.get(person=lan, level="THAC_SI")
    assert (qual.awarded_on, qual.field, qual.issuer) == (
        D(2026, 3, 15),
        "Quản lý công",
        "Học viện Hành chính Quốc gia",
    )
    assert assignment.commitment_end == D(2032, 3, 1)


def test_drop_out_refunds_everything_and_breach_pro_rata(alice, lan):
    assignment = services.study_propose(actor=alice, person=lan, data=proposal())
    services.study_send(
        actor=alice, assignment=assignment, decision_number="45/QĐ", decision_date=D(2026, 2, 20)
    )
    with pytest.raises(ValidationError):
        services.study_drop(actor=alice, assignment=assignment, on=D(2026, 6, 1), reason="")
    services.study_drop(actor=alice, assignment=assignment, on=D(2026, 6, 1), reason="Lý do gia đình")
    assert (assignment.status, assignment.refund_amount) == (StudyStatus.DROPPED, 72_000_000)
    assert assignment.enrolment.result == "WITHDRAWN"

    other = services.study_propose(
        actor=alice, person=lan, data=proposal(start_date=D(2026, 4, 1), expected_end=D(2026, 10, 1))
    )
    services.study_send(actor=alice, assignment=other, decision_number="46/QĐ", decision_date=D(2026, 3, 20))
    services.study_complete(actor=alice, assignment=other, end_date=D(2026, 10, 1))
    assert other.commitment_months == 18 and other.commitment_end == D(2028, 4, 1)
    with pytest.raises(ValidationError, match="đủ thời gian cam kết"):
        services.study_breach(actor=alice, assignment=other, left_on=D(2028, 5, 1), reason="Chuyển công tác")
    services.study_breach(actor=alice, assignment=other, left_on=D(2027, 4, 1), reason="Thôi việc")
    assert other.status == StudyStatus.BREACHED
    assert other.refund_amount == round(72_000_000 * 12 / 18)  # 6 of 18 months served, 12 owed


def test_deleting_a_person_takes_their_training_records_along(alice, board, lan):
    from canbo.people.services import person_delete

    assignment = services.study_propose(actor=alice, person=lan, data=proposal())
    services.study_send(
        actor=alice, assignment=assignment, decision_number="45/QĐ", decision_date=D(2026, 2, 20)
    )
    person_delete(actor=board, person=lan)
    assert not Enrolment.objects.exists()


def test_the_age_limit_holds_for_the_first_postgraduate_course_only(alice, lan):
    # NĐ 171/2025: 45 at most when sent on the *first* postgraduate course; a later doctorate is not held to it
    lan.date_of_birth = D(1978, 1, 1)  # 48 in 2026
    lan.save()
    with pytest.raises(ValidationError, match="sau đại học lần đầu"):
        services.study_propose(actor=alice, person=lan, data=proposal())
    lan.date_of_birth = D(1981, 1, 1)  # 40 when the master's starts in 2021
    lan.save()
    rate(lan, (2019, "HTT"), (2020, "HTT"))
    services.study_propose(
        actor=alice, person=lan, data=proposal(start_date=D(2021, 3, 1), expected_end=D(2023, 3, 1))
    )
    lan.date_of_birth = D(1978, 1, 1)
    lan.save()
    doctorate = services.study_propose(
        actor=alice, person=lan, data=proposal(programme=programme("DT_TIEN_SI"))
    )
    assert doctorate.pk
