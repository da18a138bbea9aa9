"""Issue 14.5: completing a course never duplicates a degree the imported record already holds."""

import datetime

import pytest

from canbo.imports.importer import run_import
from canbo.people.models import Person, Qualification, QualificationSource
from canbo.training import services
from canbo.training.tests.factories import TrainingClassFactory, programme

from .files import person_row, qualification_row, write_file

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def klass(tree):
    return TrainingClassFactory(
        code="CCLL-2026",
        programme=programme("LLCT_CAO_CAP"),
        organiser_unit=tree["dept_a"],
        start_date=D(2026, 3, 2),
        end_date=D(2026, 10, 30),
    )


def _imported_with(tmp_path, alice, awarded_on):
    row = person_row(1)
    degree = qualification_row(
        row["national_id"], scale="Lý luận chính trị", level="Cao cấp", field="", awarded_on=awarded_on
    )
    outcome = run_import(write_file(tmp_path / "a.xlsx", persons=[row], qualifications=[degree]), actor=alice)
    assert outcome.ok, outcome.errors
    return Person.objects.get()


def _complete(alice, klass, person):
    enrolment = services.enrol(actor=alice, training_class=klass, person=person)
    services.record_result(
        actor=alice,
        enrolment=enrolment,
        data={"result": "COMPLETED", "result_date": D(2026, 10, 30), "certificate_number": "CC-1"},
    )
    return enrolment


def test_completion_links_the_imported_degree_instead_of_writing_a_second(tmp_path, alice, klass):
    person = _imported_with(tmp_path, alice, D(2026, 11, 20))  # the diploma, issued after the course

    enrolment = _complete(alice, klass, person)

    [degree] = Qualification.objects.filter(person=person, scale="POLITICAL_THEORY")
    assert enrolment.qualification == degree and degree.source == QualificationSource.RECORDED
    assert degree.awarded_on == D(2026, 11, 20)


def test_undoing_the_completion_keeps_the_imported_degree(tmp_path, alice, klass):
    person = _imported_with(tmp_path, alice, D(2026, 10, 30))
    enrolment = _complete(alice, klass, person)

    services.record_result(
        actor=alice, enrolment=enrolment, data={"result": "NOT_COMPLETED", "certificate_number": ""}
    )

    assert Qualification.objects.filter(person=person, scale="POLITICAL_THEORY").count() == 1


def test_a_degree_from_before_the_course_is_not_the_one_it_grants(tmp_path, alice, klass):
    person = _imported_with(tmp_path, alice, D(2015, 6, 30))

    enrolment = _complete(alice, klass, person)

    degrees = Qualification.objects.filter(person=person, scale="POLITICAL_THEORY").order_by("awarded_on")
    assert [(q.awarded_on, q.source) for q in degrees] == [
        (D(2015, 6, 30), QualificationSource.RECORDED),
        (D(2026, 10, 30), QualificationSource.COURSE),
    ]
    assert enrolment.qualification == degrees[1]
