"""Factories of the training module. The programme catalogue comes from migration 0002: use programme(code)."""

import datetime

import factory

from canbo.training.choices import PlanStatus, TrainingMode, Venue
from canbo.training.models import Enrolment, PlanLine, Programme, StudyAssignment, TrainingClass, TrainingPlan
from tests.factories import OrgUnitFactory, PersonFactory


def programme(code: str) -> Programme:
    return Programme.objects.get(code=code)


class TrainingPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrainingPlan

    year = 2026
    owner_unit = factory.SubFactory(OrgUnitFactory)
    title = factory.LazyAttribute(lambda o: f"Kế hoạch đào tạo, bồi dưỡng năm {o.year}")
    due_date = factory.LazyAttribute(lambda o: datetime.date(o.year, 1, 31))
    status = PlanStatus.DRAFT


class PlanLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanLine

    plan = factory.SubFactory(TrainingPlanFactory)
    programme = factory.LazyFunction(lambda: programme("LLCT_CAO_CAP"))
    mode = TrainingMode.FULL_TIME
    venue = Venue.DOMESTIC
    responsible_unit = factory.SelfAttribute("plan.owner_unit")
    target_count = 55
    budget = 1_100_000_000


class TrainingClassFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrainingClass

    code = factory.Sequence(lambda n: f"LOP{n:04d}")
    name = factory.LazyAttribute(lambda o: f"Lớp {o.programme.name} {o.code}")
    programme = factory.LazyFunction(lambda: programme("NV_TO_CHUC"))
    organiser_unit = factory.SubFactory(OrgUnitFactory)
    organiser_name = "Trường Chính trị tỉnh"
    location = "Thành phố Điện Biên Phủ"
    mode = TrainingMode.FULL_TIME
    venue = Venue.DOMESTIC
    start_date = datetime.date(2026, 3, 2)
    end_date = datetime.date(2026, 3, 13)
    capacity = 50
    cost_per_trainee = 2_500_000


class EnrolmentFactory(factory.django.DjangoModelFactory):
    """An enrolment row as the services write it (copied class fields); for report and selector fixtures."""

    class Meta:
        model = Enrolment

    person = factory.SubFactory(PersonFactory)
    training_class = factory.SubFactory(TrainingClassFactory)
    programme = factory.SelfAttribute("training_class.programme")
    plan_line = factory.SelfAttribute("training_class.plan_line")
    unit = factory.SelfAttribute("person.current_unit")
    mode = factory.SelfAttribute("training_class.mode")
    venue = factory.SelfAttribute("training_class.venue")
    start_date = factory.SelfAttribute("training_class.start_date")
    end_date = factory.SelfAttribute("training_class.end_date")
    cost = factory.SelfAttribute("training_class.cost_per_trainee")


class StudyAssignmentFactory(factory.django.DjangoModelFactory):
    """A proposal (status PROPOSED, no enrolment yet); send it with services.study_send."""

    class Meta:
        model = StudyAssignment

    person = factory.SubFactory(PersonFactory)
    unit = factory.SelfAttribute("person.current_unit")
    programme = factory.LazyFunction(lambda: programme("DT_THAC_SI"))
    institution = "Học viện Hành chính Quốc gia"
    field_of_study = "Quản lý công"
    mode = TrainingMode.PART_TIME
    start_date = datetime.date(2026, 3, 1)
    expected_end = datetime.date(2028, 3, 1)
    cost = 60_000_000
    proposed_by = factory.SubFactory("tests.factories.UserFactory")
