"""The check stage's plain-row helpers give what the model path gives: value_errors the messages of
clean_fields, unsaved() the instance model(**values) makes, and the audit rows' fast object_repr str(obj)."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType

from canbo.core.audit import created_changes
from canbo.core.bulk import unsaved
from canbo.evaluation.models import AnnualRating, RatingLevel
from canbo.imports.importer import run_import
from canbo.imports.rules import field_errors, value_errors
from canbo.imports.writing import _Describer
from canbo.movements.choices import MovementKind
from canbo.movements.models import Movement
from canbo.people.choices import QUALIFICATION_LEVELS
from canbo.people.models import Person, Qualification
from canbo.training.models import Enrolment

from .files import person_row, qualification_row, write_file


@pytest.mark.parametrize("number", ["", "QĐ-12", "x" * 60, "x" * 61, "y" * 200])
def test_value_errors_are_the_messages_of_clean_fields(number):
    expected = field_errors(Enrolment(certificate_number=number), fields=["certificate_number"])
    assert value_errors(Enrolment, {"certificate_number": number}) == expected
    assert bool(expected) == (len(number) > 60)


def test_unsaved_makes_the_instance_the_model_makes():
    person = Person(full_name="Lò Văn Páo")  # not saved: its pk is taken when it is written
    values = {"mode": "TAP_TRUNG", "venue": "TRONG_NUOC", "start_date": datetime.date(2020, 3, 2)}
    fast = unsaved(Enrolment, values, {"person": person})
    slow = Enrolment(**values, person=person)
    for field in Enrolment._meta.concrete_fields:
        assert getattr(fast, field.attname) == getattr(slow, field.attname), field.name
    assert fast.person is person and fast._state.adding and fast.pk is None


def test_the_audit_text_of_qualifications_and_ratings_is_their_str():
    describe = _Describer()
    person = Person(full_name="Lò Thị Hoa")
    for scale, levels in QUALIFICATION_LEVELS.items():
        for level, _label, _rank in [*levels, ("KHONG_CO", "", 0)]:
            qual = Qualification(scale=scale, level=level)
            assert describe(qual) == str(qual)
    for level in [*RatingLevel.values, "LA"]:
        rating = AnnualRating(person=person, year=2024, level=level)
        assert describe(rating) == str(rating)
    for kind in [*MovementKind.values, "LA"]:
        movement = Movement(person=person, kind=kind, start_date=datetime.date(2021, 7, 1))
        assert describe(movement) == str(movement)


@pytest.mark.django_db
def test_an_imported_qualification_is_audited_under_its_own_name_with_every_value(alice, tree, tmp_path):
    pao = person_row(1)
    path = write_file(
        tmp_path / "tep.xlsx", persons=[pao], qualifications=[qualification_row(pao["national_id"])]
    )
    assert run_import(path, actor=alice).ok
    qual = Qualification.objects.get(person__national_id=pao["national_id"])
    entry = LogEntry.objects.get(
        content_type=ContentType.objects.get_for_model(Qualification), object_pk=str(qual.pk)
    )
    assert entry.object_repr == str(qual) and entry.actor == alice
    assert entry.changes_dict == {
        name: ["None", str(new)] for name, (_old, new) in created_changes(qual).items()
    }
