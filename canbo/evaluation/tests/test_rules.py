import datetime
from decimal import Decimal as D

import pytest

from canbo.evaluation import rules
from canbo.evaluation.models import RatingLevel

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "score,level",
    [
        (D(90), "HTXS"),
        (D("89.99"), "HTT"),
        (D(70), "HTT"),
        (D("69.5"), "HT"),
        (D(50), "HT"),
        (D("49.9"), "KHT"),
    ],
)
def test_bands(score, level):
    assert rules.band_for(score) == level


def test_months_worked_counts_the_year_only_and_overlaps_once():
    y = 2024
    assert rules.months_worked_in(y, [(datetime.date(2010, 1, 1), None)]) == 12
    assert rules.months_worked_in(y, [(datetime.date(2024, 7, 1), None)]) == 6
    assert rules.months_worked_in(y, [(datetime.date(2024, 8, 1), None)]) == 5
    spans = [
        (datetime.date(2024, 1, 1), datetime.date(2024, 3, 31)),
        (datetime.date(2024, 3, 1), datetime.date(2024, 4, 30)),
    ]
    assert rules.months_worked_in(y, spans) == 4
    assert rules.months_worked_in(y, []) == 0


def facts(**kw):
    base = {
        "name": "A",
        "year": 2024,
        "months_worked": 12,
        "leave_months": 0,
        "maternity": False,
        "disciplines": (),
    }
    return rules.Facts(**{**base, **kw})


def test_score_must_agree_with_the_band():
    errors = rules.score_errors(D(25), D(60), RatingLevel.EXCELLENT)
    assert "Tổng điểm 85,0 (25,0 + 60,0) thuộc khung “Hoàn thành tốt nhiệm vụ”" in errors["level"][0]
    assert rules.score_errors(D(25), D(65), RatingLevel.EXCELLENT) == {}
    assert "score" in rules.score_errors(D(25), None, RatingLevel.GOOD)
    assert rules.score_errors(D(25), D(60), RatingLevel.NOT_RATED)["level"]


def test_cap_is_twenty_percent_of_good():
    assert rules.cap_allows(1, 5) and not rules.cap_allows(1, 4) and rules.cap_allows(0, 0)
    assert rules.cap_message("Sở A", 2, 5) == (
        "Sở A: 2 người “Hoàn thành xuất sắc nhiệm vụ” vượt tỷ lệ tối đa 20 % của 5 người “Hoàn thành tốt "
        "nhiệm vụ” (tối đa 1 người)."
    )


def test_level_rules():
    assert rules.level_errors(facts(months_worked=5), "HT")[0].startswith("A công tác 5 tháng")
    assert rules.level_errors(facts(months_worked=5), "KHONG_XEP_LOAI") == []
    assert rules.level_errors(facts(months_worked=4, maternity=True), "HTT") == []
    assert rules.level_errors(facts(), "KHONG_XEP_LOAI")
    assert "tối đa “Hoàn thành nhiệm vụ”" in rules.level_errors(facts(leave_months=3), "HTT")[0]
    assert rules.level_errors(facts(leave_months=3), "HT") == []
    assert rules.level_errors(facts(leave_months=2), "HTXS") == []
    assert rules.level_errors(facts(), "XYZ") == ["Mức xếp loại không hợp lệ."]
