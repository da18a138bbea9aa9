"""The due lists the pages and the reminders read: 90 working days at their boundaries, rotations ending,
retirements within 6 months (set-based), each scoped to the user's units or to given units."""

import datetime

import pytest

from canbo.core.dates import reappointment_due_date
from canbo.movements.choices import AppointmentKind, AppointmentStatus, MovementKind
from canbo.movements.models import Appointment, Movement
from canbo.movements.selectors import (
    appointment_queryset_for,
    movement_queryset_for,
    reappointments_due,
    retirements_within,
    rotations_ending,
)
from canbo.movements.services import appointment_extend_to_retirement, term_end_for
from canbo.people.choices import PersonStatus
from canbo.people.retirement import retirement_date

from .conftest import add_months, add_years, born_retiring_in, decided, make_person, today

D = datetime.date
DAY = datetime.timedelta(days=1)


# --- reappointments due ------------------------------------------------------------------------------------


def _term_ending(tree, board, end, **person):
    holder = make_person(tree["dept_a_office"], deputy_since=add_years(today(), -12), **person)
    start = add_years(end + DAY, -5)
    appointment = decided(holder, tree["dept_a_office"], board, term_start=start)
    assert appointment.term_end == end
    return appointment


def _last_end_due_on(day):
    """The latest term end whose due date (reappointment_due_date) is on or before `day`."""
    end = day
    while reappointment_due_date(end + DAY) <= day:
        end += DAY
    return end


@pytest.mark.parametrize("shift,listed", [(0, True), (1, False)])
def test_a_term_is_due_from_its_due_date(tree, board, standard, shift, listed):
    # The last term end already due today is listed; the next day's end (due tomorrow or later) is not.
    end = _last_end_due_on(today()) + shift * DAY
    assert (reappointment_due_date(end) <= today()) is listed
    appointment = _term_ending(tree, board, end)

    assert (appointment in reappointments_due(today=today())) is listed


def test_an_ended_term_is_no_longer_listed(tree, board, standard):
    appointment = _term_ending(tree, board, today() - DAY)

    assert appointment not in reappointments_due(today=today())


def test_a_term_under_way_or_extended_or_lost_is_not_listed(tree, alice, board, standard):
    end = today() + datetime.timedelta(days=30)
    renewed = _term_ending(tree, board, end)
    Appointment.objects.create(
        person=renewed.person,
        position=renewed.position,
        unit=renewed.unit,
        kind=AppointmentKind.REAPPOINT,
        previous=renewed,
        proposed_by=alice,
    )
    extended = _term_ending(tree, board, end, born=add_years(today(), -61))
    appointment_extend_to_retirement(actor=alice, appointment=extended, votes_for=3, votes_total=5)
    dismissed = _term_ending(tree, board, end)
    type(dismissed.person).objects.filter(pk=dismissed.person.pk).update(position=None)
    kept = _term_ending(tree, board, end)

    assert list(reappointments_due(today=today())) == [kept]


def test_reappointments_due_are_scoped(tree, alice, bob, charlie, board, standard, head):
    on = today()

    assert head in reappointments_due(user=alice, today=on)
    assert head in reappointments_due(user=bob, today=on)
    assert head in reappointments_due(user=board, today=on)
    assert not reappointments_due(user=charlie, today=on).exists()
    assert head in reappointments_due(units=[tree["dept_a"]], today=on)
    assert not reappointments_due(units=[tree["dept_b"]], today=on).exists()


def test_an_official_gets_nothing(dana, head):
    assert not reappointments_due(user=dana, today=today()).exists()
    assert not appointment_queryset_for(user=dana).exists()
    assert not movement_queryset_for(user=dana).exists()


# --- rotations ending ---------------------------------------------------------------------------------------


def _rotation(person, board, *, start, end, kind=MovementKind.ROTATION, to_unit):
    return Movement.objects.create(
        person=person,
        kind=kind,
        from_unit=person.current_unit,
        to_unit=to_unit,
        start_date=start,
        end_date=end,
        decision_number="1",
        decision_date=start,
        recorded_by=board,
    )


def test_rotations_ending_within_the_window(tree, board, levels):
    people = [make_person(tree["dept_a_office"], name=f"Người {i}") for i in range(4)]
    start = add_years(today(), -3)
    inside = _rotation(
        people[0], board, start=start, end=today() + datetime.timedelta(days=90), to_unit=levels["commune"]
    )
    outside = _rotation(
        people[1], board, start=start, end=today() + datetime.timedelta(days=91), to_unit=levels["commune"]
    )
    past = _rotation(people[2], board, start=start, end=today() - DAY, to_unit=levels["commune"])
    moved_again = _rotation(
        people[3], board, start=start, end=today() + datetime.timedelta(days=10), to_unit=levels["commune"]
    )
    _rotation(
        people[3], board, start=today() - DAY, end=None, kind=MovementKind.TRANSFER, to_unit=tree["dept_a"]
    )

    found = list(rotations_ending(today=today(), within_days=90))

    assert found == [inside]
    assert outside not in found and past not in found and moved_again not in found


def test_rotations_ending_are_scoped_by_either_unit(tree, board, alice, charlie, levels):
    person = make_person(tree["dept_a_office"])
    rotation = _rotation(
        person, board, start=add_years(today(), -3), end=today() + DAY * 5, to_unit=levels["commune"]
    )

    assert rotation in rotations_ending(user=alice, today=today())
    assert rotation in rotations_ending(units=[levels["district"]], today=today())
    assert not rotations_ending(user=charlie, today=today()).exists()


# --- retirements within 6 months ---------------------------------------------------------------------------


def test_retirements_within_six_months_at_the_boundaries(tree):
    on = today()
    people = {
        "today": make_person(tree["dept_a"], name="Hôm Nay", born=born_retiring_in(months=0)),
        "in_3": make_person(tree["dept_a"], name="Ba Tháng", born=born_retiring_in(months=3)),
        "in_3_woman": make_person(
            tree["dept_a"], name="Nữ Ba Tháng", gender="NU", born=born_retiring_in(months=3, gender="NU")
        ),
        "in_7": make_person(tree["dept_a"], name="Bảy Tháng", born=born_retiring_in(months=7)),
        "young": make_person(tree["dept_a"], name="Còn Trẻ", born=add_years(on, -40)),
    }
    expected = {
        key
        for key, p in people.items()
        if on <= retirement_date(p.gender, p.date_of_birth) <= add_months(on, 6)
    }
    assert {"in_3", "in_3_woman"} <= expected and "in_7" not in expected and "young" not in expected

    found = set(retirements_within(today=on))

    assert found == {people[k] for k in expected}


def test_retirement_window_edges_are_exact(tree):
    """A person retiring exactly on the last day of the window is in; one day later is out."""
    on = today()
    end = add_months(on, 6)
    inside = make_person(tree["dept_a"], name="Trong", born=born_retiring_in(months=6))
    retires = retirement_date(inside.gender, inside.date_of_birth)

    assert (inside in retirements_within(today=on)) is (on <= retires <= end)
    assert (inside in retirements_within(today=retires)) is True
    assert (inside in retirements_within(today=retires + DAY)) is False
    assert (inside in retirements_within(today=retires + DAY, overdue=True)) is True


def test_retired_people_and_other_units_are_not_listed(tree, alice, charlie):
    person = make_person(tree["dept_a"], born=born_retiring_in(months=2))
    assert person in retirements_within(user=alice, today=today())
    assert not retirements_within(user=charlie, today=today()).exists()

    type(person).objects.filter(pk=person.pk).update(status=PersonStatus.RETIRED, status_date=today())

    assert not retirements_within(user=alice, today=today()).exists()


def test_the_due_lists_take_one_query_each(tree, board, standard, head, django_assert_num_queries):
    make_person(tree["dept_a"], born=born_retiring_in(months=2))
    with django_assert_num_queries(1):
        list(reappointments_due(today=today()))
    with django_assert_num_queries(1):
        list(rotations_ending(today=today()))
    with django_assert_num_queries(1):
        list(retirements_within(today=today()))


def test_term_end_matches_the_decided_fixture(head):
    assert head.term_end == term_end_for(head.term_start)
    assert head.status == AppointmentStatus.DECIDED


def test_a_persons_appointments_and_movements_follow_the_users_scope(tree, alice, charlie, head):
    from canbo.movements.selectors import person_appointments, person_movements

    assert list(person_appointments(user=alice, person=head.person)) == [head]
    assert not person_appointments(user=charlie, person=head.person).exists()
    assert not person_movements(user=alice, person=head.person).exists()
