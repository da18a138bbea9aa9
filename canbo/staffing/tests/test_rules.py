"""NĐ 29/2023 checks (rule 18): exemptions and the "HT + KHT in two consecutive years" reason."""

import datetime

import pytest

from canbo.accounts.models import User
from canbo.discipline.models import DisciplineCase, DisciplineRecord
from canbo.evaluation.models import AnnualRating
from canbo.staffing.rules import case_rule_errors, low_rating_years, reason_basis
from canbo.staffing.services import case_propose

D = datetime.date
ON = D(2025, 3, 1)


def rate(person, year, level):
    AnnualRating.objects.create(person=person, year=year, unit=person.current_unit, level=level)


@pytest.mark.parametrize(
    ("levels", "expected"),
    [
        ({2023: "HT", 2024: "KHT"}, (2023, 2024)),
        ({2023: "KHT", 2024: "HT"}, (2023, 2024)),
        ({2024: "HT", 2025: "KHT"}, (2024, 2025)),
        ({2023: "HT", 2024: "HT"}, None),  # two HT: not the pair
        ({2022: "HT", 2023: "KHT", 2024: "HTT"}, None),  # not the latest two years
        ({2021: "HT", 2022: "KHT"}, None),  # too long ago
        ({2022: "HT", 2024: "KHT"}, None),  # not consecutive
        ({}, None),
    ],
)
def test_low_rating_years(anh, levels, expected):
    for year, level in levels.items():
        rate(anh, year, level)
    assert low_rating_years(anh, ON) == expected


def test_low_rating_reason_refused_without_the_pair(anh):
    rate(anh, 2024, "KHT")
    errors = case_rule_errors(person=anh, reason="XEP_LOAI_THAP", on=ON)
    assert "Hoàn thành nhiệm vụ" in errors["reason"][0]
    rate(anh, 2023, "HT")
    assert case_rule_errors(person=anh, reason="XEP_LOAI_THAP", on=ON) == {}


def test_other_reasons_need_no_ratings(anh):
    assert case_rule_errors(person=anh, reason="DOI_DU_BO_MAY", on=ON) == {}


def test_pregnancy_refused(anh):
    errors = case_rule_errors(person=anh, reason="DOI_DU_BO_MAY", on=ON, is_pregnant=True)
    assert "mang thai" in errors["is_pregnant"][0]


def test_child_under_36_months_refused_until_the_day(anh):
    errors = case_rule_errors(person=anh, reason="DOI_DU_DVHC", on=ON, youngest_child_birth=D(2022, 3, 2))
    assert "dưới 36 tháng" in errors["youngest_child_birth"][0]
    assert "02/03/2025" in errors["youngest_child_birth"][0]
    assert case_rule_errors(person=anh, reason="DOI_DU_DVHC", on=ON, youngest_child_birth=D(2022, 3, 1)) == {}


def test_child_born_after_the_day_is_bad_input(anh):
    errors = case_rule_errors(person=anh, reason="DOI_DU_DVHC", on=ON, youngest_child_birth=D(2025, 4, 1))
    assert errors["youngest_child_birth"] == ["Ngày sinh của con không được sau ngày xét."]


def test_prosecution_refused(anh):
    errors = case_rule_errors(person=anh, reason="DOI_DU_VTVL", on=ON, under_prosecution=True)
    assert "truy cứu trách nhiệm hình sự" in errors["under_prosecution"][0]


def test_a_decided_sanction_in_effect_no_longer_blocks_a_case(anh):
    # NĐ 154/2025 (and NĐ 29/2023): the test is "under consideration", not a decided sanction
    DisciplineRecord.objects.create(
        person=anh,
        form="CANH_CAO",
        decision_number="12/QĐ-KL",
        decided_on=D(2024, 6, 1),
        effective_until=None,
    )
    assert case_rule_errors(person=anh, reason="CHUA_DAT_CHUAN", on=ON) == {}


def open_case(person, opened_on):
    return DisciplineCase.objects.create(
        person=person, unit=person.current_unit, category=person.category, opened_on=opened_on,
        opened_by=User.objects.create(username=f"u{opened_on:%Y%m%d}"),
    )  # fmt: skip


def test_an_open_discipline_case_blocks_from_its_opening_day(anh):
    open_case(anh, ON)
    errors = case_rule_errors(person=anh, reason="CHUA_DAT_CHUAN", on=ON)
    assert "đang trong thời gian xem xét kỷ luật" in errors["__all__"][0]
    assert case_rule_errors(person=anh, reason="CHUA_DAT_CHUAN", on=ON - datetime.timedelta(days=1)) == {}


def test_a_case_decided_before_the_day_no_longer_blocks(anh):
    case = open_case(anh, D(2024, 1, 1))
    case.status, case.proposed_form, case.required_form = "DECIDED", "CANH_CAO", "CANH_CAO"
    case.save()
    DisciplineRecord.objects.create(
        person=anh, case=case, form="CANH_CAO", decision_number="1/QĐ", decided_on=D(2024, 3, 1)
    )
    assert case_rule_errors(person=anh, reason="CHUA_DAT_CHUAN", on=D(2024, 3, 1)) == {}
    assert case_rule_errors(
        person=anh, reason="CHUA_DAT_CHUAN", on=D(2024, 2, 29)
    )  # still under consideration


def test_inspection_blocks(anh):
    errors = case_rule_errors(person=anh, reason="DOI_DU_VTVL", on=ON, under_inspection=True)
    assert "thanh tra, kiểm tra" in errors["under_inspection"][0]


def test_a_voluntary_application_lifts_the_pregnancy_and_child_block(anh):
    kwargs = {"person": anh, "reason": "DOI_DU_DVHC", "on": ON, "is_pregnant": True}
    assert case_rule_errors(**kwargs, youngest_child_birth=D(2024, 1, 1))
    assert case_rule_errors(**kwargs, youngest_child_birth=D(2024, 1, 1), is_voluntary=True) == {}
    # voluntary does not lift prosecution
    assert case_rule_errors(**kwargs, is_voluntary=True, under_prosecution=True)


@pytest.mark.parametrize(
    ("on", "reason", "basis"),
    [
        (D(2023, 7, 19), "CHUA_DAT_CHUAN", "NĐ 108/2014"),
        (D(2023, 7, 20), "CHUA_DAT_CHUAN", "NĐ 29/2023"),
        (D(2024, 12, 31), "DOI_DU_BO_MAY", "NĐ 29/2023"),
        (D(2025, 1, 1), "DOI_DU_BO_MAY", "NĐ 178/2024"),
        (D(2025, 6, 14), "CHUA_DAT_CHUAN", "NĐ 29/2023"),
        (D(2025, 6, 15), "CHUA_DAT_CHUAN", "NĐ 154/2025"),
        (D(2026, 3, 1), "DOI_DU_DVHC", "NĐ 67/2025"),
    ],
)
def test_each_case_is_judged_by_the_text_in_force_on_its_date(db, on, reason, basis):
    assert basis in reason_basis(reason, on)


def test_a_case_records_the_text_that_governs_it(alice, anh):
    case = case_propose(
        actor=alice, person=anh, reason="CHUA_DAT_CHUAN", reason_detail="Chưa đạt chuẩn", policy="THOI_VIEC_NGAY",
        proposed_on=ON, is_voluntary=True, youngest_child_birth=D(2024, 1, 1),
    )  # fmt: skip
    assert case.legal_basis.startswith("NĐ 29/2023") and case.is_voluntary


def test_person_no_longer_working_refused(anh):
    anh.status, anh.status_date = "RETIRED", D(2024, 1, 1)
    errors = case_rule_errors(person=anh, reason="DOI_DU_BO_MAY", on=ON)
    assert "không còn công tác" in errors["person"][0]
