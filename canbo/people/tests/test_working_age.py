"""Issue 13: a career row starts at the working age of its category (dated PeopleRule rows, read by people.rules), at every door —
the service (form, API), the profile's timeline, a change of birth date and the Excel import; and every field
error of the create form is reported at once, listed above the form."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from canbo.people.models import Person
from canbo.people.rules import working_age_errors
from canbo.people.services import employment_add, person_create, person_update
from tests.factories import national_id_for

pytestmark = pytest.mark.django_db
CHILD_BIRTH = datetime.date(2015, 1, 1)


def _data(birth=CHILD_BIRTH, **extra):
    return {
        "code": "HS900001",
        "full_name": "Lò Văn Páo",
        "gender": "NAM",
        "date_of_birth": birth,
        "national_id": national_id_for("NAM", birth, 900001),
        "ethnicity": "03",
        **extra,
    }


def test_a_child_is_not_created_as_a_cadre_and_nothing_is_written(alice, tree):
    # Given a person born 01/01/2015, when an officer creates them as a cán bộ from 01/09/2024 (age 9)
    with pytest.raises(ValidationError) as caught:
        person_create(
            actor=alice,
            data=_data(),
            unit=tree["dept_a"],
            category="CB",
            start_date=datetime.date(2024, 9, 1),
        )
    # Then the start date is refused with the age and the rule, and nothing is written
    message = " ".join(caught.value.message_dict["start_date"])
    assert "9 tuổi" in message and "từ đủ 18 tuổi" in message
    assert not Person.objects.exists()


@pytest.mark.parametrize(
    ("category", "age", "refused"),
    [("CC", 17, True), ("CC", 18, False), ("VC", 16, False), ("VC", 14, True), ("LD_HD", 15, False)],
)
def test_minimum_age_by_category_counts_whole_years_on_the_start_day(category, age, refused):
    birth = datetime.date(2000, 2, 29)
    start = datetime.date(2000 + age, 3, 1)
    assert bool(working_age_errors(birth=birth, start=start, category=category)) is refused
    # the day before the birthday the person is a year younger
    day_before = datetime.date(2000 + age, 2, 27)
    assert working_age_errors(birth=birth, start=day_before, category=category) or age > {"VC": 15}.get(
        category, 18
    )


def test_a_later_career_row_before_the_working_age_is_refused(alice, tree):
    person = person_create(
        actor=alice,
        data=_data(birth=datetime.date(2000, 6, 1)),
        unit=tree["dept_a"],
        category="CC",
        start_date=datetime.date(2020, 1, 1),
    )
    with pytest.raises(ValidationError) as caught:
        employment_add(
            actor=alice,
            person=person,
            unit=tree["dept_a_office"],
            category="CC",
            start_date=datetime.date(2015, 1, 1),
            end_date=datetime.date(2016, 1, 1),
        )
    assert "start_date" in caught.value.message_dict
    assert person.employments.count() == 1


def test_a_birth_date_that_makes_a_recorded_row_too_early_is_refused(alice, tree):
    person = person_create(
        actor=alice,
        data=_data(birth=datetime.date(1990, 1, 1)),
        unit=tree["dept_a"],
        category="CC",
        start_date=datetime.date(2015, 1, 1),
    )
    with pytest.raises(ValidationError) as caught:
        person_update(actor=alice, person=person, data={"date_of_birth": datetime.date(2000, 1, 1)})
    assert "15 tuổi" in " ".join(caught.value.message_dict["date_of_birth"])
    assert Person.objects.get(pk=person.pk).date_of_birth == datetime.date(1990, 1, 1)


def _form(in_unit, **changes):
    birth = datetime.date(1990, 3, 2)
    data = {
        "code": "HS900001",
        "full_name": "Lò Văn Páo",
        "gender": "NAM",
        "date_of_birth": "02/03/1990",
        "national_id": national_id_for("NAM", birth, 900001),
        "ethnicity": "03",
        "religion": "Không",
        "unit": f"{in_unit.name} — {in_unit.code}",
        "category": "CC",
        "start_date": "01/01/2015",
        "move": "TUYEN_DUNG",
    }
    return {**data, **changes}


def test_the_create_form_reports_every_error_at_once_with_a_summary_on_top(client, alice, tree):
    client.force_login(alice)
    # A future birth date together with a missing name and an unknown unit
    response = client.post(
        reverse("people:create"),
        _form(tree["dept_a"], full_name="", date_of_birth="01/01/2099", unit="Không có — XX"),
    )
    errors = response.context["form"].errors
    assert "tương lai" in str(errors["date_of_birth"])
    assert "bắt buộc" in str(errors["full_name"])
    assert "Lựa chọn không hợp lệ." in str(errors["unit"])
    page = response.content.decode()
    assert 'class="error-summary' in page and 'href="#id_date_of_birth"' in page
    assert not Person.objects.exists()


def test_the_create_form_refuses_a_child_next_to_the_start_date(client, alice, tree):
    client.force_login(alice)
    response = client.post(
        reverse("people:create"),
        _form(
            tree["dept_a"],
            date_of_birth="01/01/2015",
            national_id=national_id_for("NAM", CHILD_BIRTH, 900001),
            start_date="01/09/2024",
            category="CB",
        ),
    )
    assert "9 tuổi" in str(response.context["form"].errors["start_date"])
    assert not Person.objects.exists()


def test_the_unit_is_picked_by_name_and_code_among_the_officers_units(client, alice, tree):
    client.force_login(alice)
    page = client.get(reverse("people:create")).content.decode()
    assert 'list="id_unit-units"' in page and "Văn phòng Sở A — SO_A_VP" in page
    assert "Sở B" not in page  # outside the officer's units
    response = client.post(reverse("people:create"), _form(tree["dept_a_office"]))
    assert response.status_code == 302
    assert Person.objects.get(code="HS900001").current_unit == tree["dept_a_office"]


def test_the_excel_import_refuses_a_child_as_the_form_does(alice, tree, tmp_path):
    from canbo.imports.importer import run_import
    from canbo.imports.tests.files import history_row, person_row, write_file

    child = person_row(
        1,
        date_of_birth=CHILD_BIRTH,
        start_date=datetime.date(2024, 9, 1),
        recruited_on=None,
        party_admission_date=None,
        party_full_member_date=None,
    )
    adult = person_row(2, start_date=datetime.date(2020, 1, 1))
    early = history_row(
        adult["national_id"], start_date=datetime.date(1995, 1, 1), end_date=datetime.date(1996, 1, 1)
    )

    outcome = run_import(
        write_file(tmp_path / "a.xlsx", persons=[child, adult], history=[early]), actor=alice
    )

    assert not outcome.ok and not Person.objects.exists()
    messages = [e.message for e in outcome.errors]
    assert any("9 tuổi" in m for m in messages), messages
    assert any("từ đủ 18 tuổi" in m and "sinh" in m for m in messages if "9 tuổi" not in m), messages
