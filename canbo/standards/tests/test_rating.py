"""The RATING criterion in the engine: the last N years before the check's year at a minimum level, "không xếp
loại" skipped, a missing year unmet; one query for any set of persons; not asked in the review of holders."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from canbo.evaluation.models import AnnualRating
from canbo.people.models import Person, Position
from canbo.standards.choices import CriterionKind
from canbo.standards.engine import check_person, evaluate, gaps_of, unmet_q
from canbo.standards.gaps import REVIEW, evaluate_mode
from canbo.standards.models import StandardCriterion, TitleStandard
from tests.factories import PersonFactory

from .factories import deputy_director, director_standard

D = datetime.date
ON = D(2026, 6, 1)  # a 2-year criterion reads 2024 and 2025
HTXS, HTT, HT, KHT, KXL = "HTXS", "HTT", "HT", "KHT", "KHONG_XEP_LOAI"
NEED_HTT = "Cần xếp loại Hoàn thành tốt nhiệm vụ trở lên trong 2 năm gần nhất; "


def rating_standard(years=2, min_rating=HTT, code="TRUONG_PHONG") -> TitleStandard:
    """A post whose only criterion is the ratings (the catalogue's own versions of it removed)."""
    position = Position.objects.get(code=code)
    TitleStandard.objects.filter(position=position).delete()
    standard = TitleStandard.objects.create(
        position=position, name="Tiêu chuẩn thử", valid_from=D(2020, 1, 1)
    )
    StandardCriterion.objects.create(
        standard=standard, kind=CriterionKind.RATING, years=years, min_rating=min_rating
    )
    return standard


def rate(person, **levels):
    """rate(p, y2024="HTT", y2025="HT")."""
    for key, level in levels.items():
        AnnualRating.objects.create(person=person, year=int(key[1:]), unit=person.current_unit, level=level)


@pytest.fixture
def standard(db):
    return rating_standard()


@pytest.fixture
def person(tree):
    return PersonFactory(full_name="Lò Thị Mai", current_unit=tree["dept_a"], start_date=D(2010, 1, 1))


def messages(person, standard, on=ON, kind="HIGHER"):
    return check_person(person, standard.position, on, kind).messages


# --- met and broken ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "levels", [{"y2024": HTT, "y2025": HTT}, {"y2024": HTXS, "y2025": HTT}, {"y2024": HTXS, "y2025": HTXS}]
)
def test_good_or_better_in_each_of_the_last_years_is_met(standard, person, levels):
    rate(person, **levels)
    assert check_person(person, standard.position, ON, "HIGHER").met


@pytest.mark.parametrize("kind", ["FIRST", "HIGHER", "REAPPOINT"])
def test_every_kind_of_appointment_asks_for_the_ratings(standard, person, kind):
    rate(person, y2024=HT, y2025=HTT)
    assert messages(person, standard, kind=kind) == [NEED_HTT + "năm 2024: Hoàn thành nhiệm vụ."]


def test_a_lower_level_says_which_year_and_what_it_was(standard, person):
    rate(person, y2024=HTT, y2025=KHT)
    assert messages(person, standard) == [NEED_HTT + "năm 2025: Không hoàn thành nhiệm vụ."]


def test_a_missing_year_is_unmet(standard, person):
    rate(person, y2024=HTT)
    assert messages(person, standard) == [NEED_HTT + "chưa có kết quả xếp loại năm 2025."]
    nobody = PersonFactory(current_unit=person.current_unit)
    assert messages(nobody, standard) == [
        NEED_HTT + "chưa có kết quả xếp loại năm 2024; chưa có kết quả xếp loại năm 2025."
    ]


def test_only_the_years_before_the_check_year_count(standard, person):
    rate(person, y2023=HT, y2024=HTT, y2025=HTT, y2026=KHT)
    assert check_person(person, standard.position, ON, "HIGHER").met
    # checked in 2025: 2023 and 2024
    assert messages(person, standard, on=D(2025, 12, 31)) == [NEED_HTT + "năm 2023: Hoàn thành nhiệm vụ."]


def test_the_minimum_level_is_the_criterions(person):
    standard = rating_standard(years=3, min_rating=HT)
    rate(person, y2023=HT, y2024=HTXS, y2025=HT)
    assert check_person(person, standard.position, ON).met
    AnnualRating.objects.filter(person=person, year=2023).update(level=KHT)
    assert messages(person, standard) == [
        "Cần xếp loại Hoàn thành nhiệm vụ trở lên trong 3 năm gần nhất; năm 2023: Không hoàn thành nhiệm vụ."
    ]


# --- "không xếp loại" (under 6 months worked): skipped, neither met nor failed -----------------------------


def test_a_year_not_rated_is_skipped(standard, person):
    rate(person, y2024=KXL, y2025=HTT)
    assert check_person(person, standard.position, ON, "HIGHER").met


def test_a_year_not_rated_does_not_reach_back_to_an_older_year(standard, person):
    rate(person, y2023=HT, y2024=KXL, y2025=HTXS)
    assert check_person(person, standard.position, ON, "HIGHER").met


def test_a_year_not_rated_does_not_excuse_a_low_one(standard, person):
    rate(person, y2024=KXL, y2025=HT)
    assert messages(person, standard) == [NEED_HTT + "năm 2025: Hoàn thành nhiệm vụ."]


def test_no_year_rated_at_all_is_unmet(standard, person):
    rate(person, y2024=KXL, y2025=KXL)
    assert messages(person, standard) == [
        NEED_HTT + "không năm nào được xếp loại (2024, 2025: không xếp loại)."
    ]


# --- set-based -----------------------------------------------------------------------------------------------


def test_bulk_is_one_query_and_agrees_with_the_single_check(tree, board, django_assert_num_queries):
    """With the qualification/service aggregates in the same query: the subqueries multiply no rows."""
    standard = director_standard()
    StandardCriterion.objects.create(standard=standard, kind=CriterionKind.RATING, years=2, min_rating=HTT)
    ready = deputy_director(tree["dept_a"], board)
    rate(ready, y2024=HTT, y2025=HTXS)
    cycle = [(HTT, HTT), (HT, HTT), (None, HTXS), (KXL, HTT), (KXL, KXL), (HTXS, KHT)]
    for i in range(36):
        p = PersonFactory(full_name=f"Người {i}", current_unit=tree["dept_a"])
        first, second = cycle[i % len(cycle)]
        rate(p, y2025=second, **({"y2024": first} if first else {}))
    persons = Person.objects.filter(current_unit=tree["dept_a"])
    rows, criteria = evaluate(persons, standard, ON, "HIGHER")
    with django_assert_num_queries(1):
        rows = list(rows)
    assert len(rows) == 37
    rating = next(c for c in criteria if c.kind == CriterionKind.RATING)
    short = {r["pk"] for r in rows if r[f"c{rating.pk}_unmet"]}
    assert len(short) == 36 // 6 * 4  # (HT, HTT), missing 2024, all not rated, KHT
    assert ready.pk not in short
    by_pk = {r["pk"]: [g.message for g in gaps_of(r, criteria, ON)] for r in rows}
    for p in persons:
        assert by_pk[p.pk] == check_person(p, standard.position, ON, "HIGHER").messages
    counted, _ = evaluate(persons, standard, ON, "HIGHER")
    with django_assert_num_queries(1):
        assert counted.filter(unmet_q([rating])).count() == 24


def test_the_review_of_sitting_holders_does_not_ask_for_ratings(standard, person):
    rows, criteria = evaluate_mode(Person.objects.filter(pk=person.pk), standard, ON, REVIEW)
    assert criteria == []
    assert rows.filter(unmet_q(criteria)).count() == 0
    assert evaluate_mode(Person.objects.filter(pk=person.pk), standard, ON, "HIGHER")[1] != []


# --- validation ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "values, field, message",
    [
        ({"years": None, "min_rating": HTT}, "years", "Số năm xét kết quả xếp loại từ 1 đến 5."),
        ({"years": 0, "min_rating": HTT}, "years", "Số năm xét kết quả xếp loại từ 1 đến 5."),
        ({"years": 6, "min_rating": HTT}, "years", "Số năm xét kết quả xếp loại từ 1 đến 5."),
        ({"years": 2, "min_rating": ""}, "min_rating", "Cần mức xếp loại tối thiểu"),
        ({"years": 2, "min_rating": KHT}, "min_rating", "không phải là lựa chọn hợp lệ"),
    ],
)
def test_a_rating_criterion_needs_years_and_a_level(standard, values, field, message):
    criterion = StandardCriterion(standard=standard, kind=CriterionKind.RATING, **values)
    with pytest.raises(ValidationError) as error:
        criterion.full_clean()
    assert any(message in m for m in error.value.message_dict[field]), error.value.message_dict


def test_only_a_rating_criterion_has_a_rating_level(standard):
    criterion = StandardCriterion(
        standard=standard, kind=CriterionKind.SERVICE_YEARS, years=5, min_rating=HTT
    )
    with pytest.raises(ValidationError) as error:
        criterion.full_clean()
    assert error.value.message_dict["min_rating"] == [
        "Chỉ tiêu chí kết quả xếp loại mới có mức xếp loại tối thiểu."
    ]


@pytest.mark.parametrize(
    "values",
    [
        {"kind": CriterionKind.RATING, "years": 6, "min_rating": HTT},
        {"kind": CriterionKind.RATING, "years": 2, "min_rating": ""},
        {"kind": CriterionKind.SERVICE_YEARS, "years": 5, "min_rating": HTT},
    ],
)
def test_the_database_refuses_an_incomplete_rating_criterion(standard, values):
    with pytest.raises(IntegrityError), transaction.atomic():
        StandardCriterion.objects.create(standard=standard, **values)
