"""Who sees which classes, enrolments and sending records."""

import datetime

import pytest

from canbo.training.selectors import (
    class_queryset_for,
    enrolment_queryset_for,
    overdue_plans,
    plan_queryset_for,
)
from tests.factories import OrgUnitFactory, PersonFactory

from .factories import EnrolmentFactory, TrainingClassFactory, TrainingPlanFactory


@pytest.fixture
def classes(tree):
    return {
        "province": TrainingClassFactory(code="P", organiser_unit=tree["province"]),
        "a": TrainingClassFactory(code="A", organiser_unit=tree["dept_a_office"]),
        "b": TrainingClassFactory(code="B", organiser_unit=tree["dept_b"]),
    }


def codes(qs):
    return sorted(qs.values_list("code", flat=True))


def test_classes_of_own_units_and_those_above(classes, alice, bob, charlie, board, standing, dana, sysadmin):
    assert codes(class_queryset_for(user=alice)) == ["A", "P"]
    assert codes(class_queryset_for(user=bob)) == ["A", "P"]
    assert codes(class_queryset_for(user=charlie)) == ["B", "P"]
    assert codes(class_queryset_for(user=board)) == ["A", "B", "P"]
    assert codes(class_queryset_for(user=standing)) == ["A", "B", "P"]
    assert codes(class_queryset_for(user=dana)) == []
    assert codes(class_queryset_for(user=sysadmin)) == []


def test_a_class_elsewhere_is_visible_when_own_people_attend(classes, charlie, tree):
    elsewhere = TrainingClassFactory(code="X", organiser_unit=OrgUnitFactory(code="HV", parent=None))
    assert "X" not in codes(class_queryset_for(user=charlie))
    EnrolmentFactory(training_class=elsewhere, person=PersonFactory(current_unit=tree["dept_b"]))
    assert "X" in codes(class_queryset_for(user=charlie))


def test_enrolments_follow_the_person_and_own(classes, alice, charlie, dana, tree, anh, outsider_person):
    mine = EnrolmentFactory(training_class=classes["province"], person=anh)
    theirs = EnrolmentFactory(training_class=classes["province"], person=outsider_person)
    assert list(enrolment_queryset_for(user=alice)) == [mine]
    assert list(enrolment_queryset_for(user=charlie)) == [theirs]
    from canbo.people.models import Person

    own = EnrolmentFactory(training_class=classes["a"], person=Person.objects.get(user=dana))
    assert list(enrolment_queryset_for(user=dana)) == [own]
    # anh moved to Sở B: Sở B, which manages anh now, sees the enrolment; Sở A no longer does (decision 018)
    anh.current_unit = tree["dept_b"]
    anh.save()
    assert mine not in enrolment_queryset_for(user=alice) and mine in enrolment_queryset_for(user=charlie)


def test_plans_for_staff_only_and_overdue(tree, alice, dana, sysadmin, board):
    late = TrainingPlanFactory(year=2026, owner_unit=tree["province"])
    TrainingPlanFactory(
        year=2025,
        owner_unit=tree["province"],
        status="ISSUED",
        decision_number="1/KH",
        decision_date=datetime.date(2025, 1, 20),
    )
    assert plan_queryset_for(user=alice).count() == 2
    assert not plan_queryset_for(user=dana).exists() and not plan_queryset_for(user=sysadmin).exists()
    assert list(overdue_plans(user=board, today=datetime.date(2026, 2, 1))) == [late]
