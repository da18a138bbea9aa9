"""NĐ 29/2023 checks (rule 18): exemptions and the "HT + KHT in two consecutive years" reason."""

import datetime

import pytest

from canbo.discipline.models import DisciplineRecord
from canbo.evaluation.models import AnnualRating
from canbo.staffing.rules import case_rule_errors, low_rating_years

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
    assert "truy tố" in errors["under_prosecution"][0]


@pytest.mark.parametrize(
    ("decided", "until", "refused"),
    [
        (D(2024, 6, 1), D(2025, 6, 1), True),
        (D(2024, 6, 1), None, True),
        (D(2023, 1, 1), D(2024, 1, 1), False),  # ended
        (D(2025, 4, 1), None, False),  # decided after the day
    ],
)
def test_discipline_in_effect_refused(anh, decided, until, refused):
    DisciplineRecord.objects.create(
        person=anh, form="CANH_CAO", decision_number="12/QĐ-KL", decided_on=decided, effective_until=until
    )
    errors = case_rule_errors(person=anh, reason="CHUA_DAT_CHUAN", on=ON)
    assert bool(errors) is refused
    if refused:
        assert "thi hành kỷ luật (Cảnh cáo, quyết định số 12/QĐ-KL" in errors["__all__"][0]


def test_person_no_longer_working_refused(anh):
    anh.status, anh.status_date = "RETIRED", D(2024, 1, 1)
    errors = case_rule_errors(person=anh, reason="DOI_DU_BO_MAY", on=ON)
    assert "không còn công tác" in errors["person"][0]
