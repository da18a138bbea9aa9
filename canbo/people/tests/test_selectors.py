import datetime

import pytest
from django.http import Http404

from canbo.people.selectors import employments_on, highest_qualifications, person_get_for_user, person_list
from tests.factories import PersonFactory, QualificationFactory

pytestmark = pytest.mark.django_db


def test_unaccented_search_finds_vietnamese_name(alice, anh):
    assert list(person_list(user=alice, filters={"q": "nguyen van anh"})) == [anh]
    assert list(person_list(user=alice, filters={"q": "ANH nguyen"})) == [anh]
    assert list(person_list(user=alice, filters={"q": anh.national_id[:8]})) == [anh]
    assert list(person_list(user=alice, filters={"q": anh.code})) == [anh]
    assert not person_list(user=alice, filters={"q": "nguyen van binh"}).exists()


def test_search_does_not_reach_outside_units(charlie, anh):
    assert not person_list(user=charlie, filters={"q": "nguyen van anh"}).exists()


def test_list_is_in_vietnamese_order(board, tree):
    names = ["Đỗ Văn Đạt", "Lò Thị Ăn", "Trần An", "Hà Thị Ân", "Lý Văn Ba"]
    for n in names:
        PersonFactory(full_name=n, current_unit=tree["dept_a"])
    assert [p.full_name for p in person_list(user=board)] == [
        "Trần An",
        "Lò Thị Ăn",
        "Hà Thị Ân",
        "Lý Văn Ba",
        "Đỗ Văn Đạt",
    ]


def test_filters_unit_subtree_category_age_and_qualification(board, tree):
    young = PersonFactory(
        current_unit=tree["dept_a_office"], date_of_birth=datetime.date(2000, 1, 1), category="VC"
    )
    old = PersonFactory(current_unit=tree["dept_b"], date_of_birth=datetime.date(1968, 1, 1))
    QualificationFactory(person=old, scale="PROFESSIONAL", level="THAC_SI", rank=7)
    QualificationFactory(person=young, scale="PROFESSIONAL", level="DAI_HOC", rank=6)
    assert list(person_list(user=board, filters={"unit": tree["dept_a"]})) == [young]
    assert list(person_list(user=board, filters={"category": "VC"})) == [young]
    assert list(person_list(user=board, filters={"age_band": "duoi_30"})) == [young]
    found = person_list(
        user=board, filters={"qualification_scale": "PROFESSIONAL", "qualification_level": "THAC_SI"}
    )
    assert list(found) == [old]


def test_highest_qualification_as_of_a_date_is_derived(anh):
    QualificationFactory(person=anh, level="DAI_HOC", rank=6, awarded_on=datetime.date(2008, 1, 1))
    QualificationFactory(person=anh, level="THAC_SI", rank=7, awarded_on=datetime.date(2018, 1, 1))
    assert highest_qualifications(person=anh, on=datetime.date(2015, 1, 1))["PROFESSIONAL"].level == "DAI_HOC"
    assert highest_qualifications(person=anh, on=datetime.date(2019, 1, 1))["PROFESSIONAL"].level == "THAC_SI"


def test_person_outside_units_is_404(charlie, anh):
    with pytest.raises(Http404):
        person_get_for_user(user=charlie, uuid=anh.uuid)


def test_who_worked_where_on_a_date_is_one_query(anh, tree, django_assert_num_queries):
    with django_assert_num_queries(1):
        rows = list(employments_on(on=datetime.date(2019, 12, 31)).values_list("person_id", "unit_id"))
    assert rows == [(anh.pk, tree["dept_a_office"].pk)]


def test_filter_as_of_a_past_date_uses_the_timeline(board, anh, tree):
    from canbo.people.services import employment_add

    employment_add(
        actor=board, person=anh, unit=tree["dept_b"], category="CC", start_date=datetime.date(2020, 1, 1)
    )
    past = {"unit": tree["dept_a"], "on": datetime.date(2019, 12, 31)}
    assert list(person_list(user=board, filters=past)) == [anh]
    assert not person_list(user=board, filters={"unit": tree["dept_a"]}).exists()
    assert list(person_list(user=board, filters={"on": datetime.date(2019, 12, 31), "level": "TINH"})) == [
        anh
    ]
