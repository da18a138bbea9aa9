"""Issue 14.1 and 14.4: persons who left are imported with their status and exit, and a person without any
career row is stored and listed as incomplete."""

import datetime

import pytest
from django.urls import reverse

from canbo.imports.importer import run_import
from canbo.people.models import Employment, Person
from canbo.people.services import person_end_service
from tests.factories import PersonFactory

from .files import history_row, person_row, write_file

pytestmark = pytest.mark.django_db
RETIRED_ON = datetime.date(2024, 6, 30)


def _retired(serial=1, **values):
    row = person_row(serial, status="Đã nghỉ hưu", exit_date=RETIRED_ON, exit_decision="45/QĐ-UBND")
    row.update(values)
    return row


def test_a_retired_person_is_imported_with_the_current_row_closed_on_the_exit_date(alice, tmp_path):
    path = write_file(tmp_path / "a.xlsx", persons=[_retired()])

    outcome = run_import(path, actor=alice)

    assert outcome.ok, outcome.errors
    person = Person.objects.get()
    assert (person.status, person.status_date) == ("RETIRED", RETIRED_ON)
    row = person.employments.get()
    assert row.end_date == RETIRED_ON and row.note == "Nghỉ hưu 45/QĐ-UBND"
    assert person.current_unit.code == "SO_A_VP"


def test_the_import_ends_a_service_as_the_form_does(alice, tree, tmp_path):
    """The same rule closes the row: a person ended by the service and one ended by a file look alike."""
    by_form = PersonFactory(current_unit=tree["dept_a_office"])  # with its open career row
    person_end_service(
        actor=alice,
        person=by_form,
        status="RETIRED",
        on=RETIRED_ON,
        move="NGHI_HUU",
        decision_number="45/QĐ-UBND",
    )
    run_import(write_file(tmp_path / "a.xlsx", persons=[_retired()]), actor=alice)

    by_file = Person.objects.exclude(pk=by_form.pk).get()
    form_row, file_row = by_form.employments.get(), by_file.employments.get()
    assert (form_row.end_date, form_row.note) == (file_row.end_date, file_row.note)


def test_a_stored_person_who_left_is_closed_by_the_file(alice, tmp_path):
    run_import(write_file(tmp_path / "a.xlsx", persons=[person_row(1)]), actor=alice)

    outcome = run_import(
        write_file(
            tmp_path / "b.xlsx", persons=[_retired(status="Đã chuyển công tác ra ngoài tỉnh / thôi việc")]
        ),
        actor=alice,
    )

    assert outcome.ok, outcome.errors
    person = Person.objects.get()
    assert person.status == "MOVED_OUT" and person.employments.get().end_date == RETIRED_ON
    assert person.employments.get().note == "Thôi việc 45/QĐ-UBND"


def test_a_history_that_ends_before_the_exit_is_kept(alice, tmp_path):
    person = _retired(start_date=None)
    history = history_row(person["national_id"], end_date=datetime.date(2019, 12, 31))

    outcome = run_import(write_file(tmp_path / "a.xlsx", persons=[person], history=[history]), actor=alice)

    assert outcome.ok, outcome.errors
    assert Employment.objects.get().end_date == datetime.date(2019, 12, 31)


@pytest.mark.parametrize(
    ("values", "column", "fragment"),
    [
        ({"exit_date": None}, "Ngày thôi công tác", "Cần “Ngày thôi công tác”"),
        ({"status": "Đang công tác"}, "Ngày thôi công tác", "Chỉ ghi ngày"),
        ({"exit_date": datetime.date(2019, 1, 1)}, "Ngày thôi công tác", "bắt đầu sau ngày thôi công tác"),
        ({"exit_date": datetime.date(2099, 1, 1)}, "Ngày thôi công tác", "tương lai"),
        ({"status": "Về hưu sớm"}, "Tình trạng", "không có trong danh sách"),
    ],
)
def test_bad_exits_are_refused_with_a_clear_message(alice, tmp_path, values, column, fragment):
    outcome = run_import(write_file(tmp_path / "a.xlsx", persons=[_retired(**values)]), actor=alice)

    assert not outcome.ok and Person.objects.count() == 0
    assert any(e.column == column and fragment in e.message for e in outcome.errors), outcome.errors


def test_a_row_starting_after_the_exit_is_refused(alice, tmp_path):
    person = _retired(start_date=None)
    later = history_row(person["national_id"], start_date=datetime.date(2025, 1, 1), end_date=None)

    outcome = run_import(write_file(tmp_path / "a.xlsx", persons=[person], history=[later]), actor=alice)

    assert [(e.column, e.row) for e in outcome.errors] == [("Ngày thôi công tác", 2)]
    assert Person.objects.count() == 0


def test_a_file_from_the_older_template_without_the_exit_columns_still_imports(alice, tmp_path):
    path = tmp_path / "cu.xlsx"
    write_file(path, persons=[person_row(1)], drop_column="Tình trạng")

    outcome = run_import(path, actor=alice)

    assert outcome.ok, outcome.errors
    assert Person.objects.get().status == "WORKING"


def test_a_person_without_any_career_row_is_stored_and_listed_as_incomplete(client, alice, charlie, tmp_path):
    path = write_file(tmp_path / "a.xlsx", persons=[person_row(1, start_date=None), person_row(2)])

    outcome = run_import(path, actor=alice)

    assert outcome.ok, outcome.errors
    assert outcome.counts["persons_incomplete"] == 1 and Person.objects.count() == 2
    incomplete = Person.objects.get(employments__isnull=True)
    client.force_login(alice)
    page = client.get(reverse("imports:incomplete")).content.decode()
    assert incomplete.full_name in page and reverse("people:detail", args=[incomplete.uuid]) in page
    assert page.count(reverse("people:detail", args=[incomplete.uuid])) == 1
    client.force_login(charlie)
    assert (
        reverse("people:detail", args=[incomplete.uuid])
        not in client.get(reverse("imports:incomplete")).content.decode()
    )


@pytest.mark.parametrize("who", ["bob", "dana"])
def test_readers_and_officials_do_not_open_the_incomplete_list(client, request, who):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("imports:incomplete")).status_code == 403
