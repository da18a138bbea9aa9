"""Movements: each kind updates the career timeline in the same transaction; rotation rules; batches."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from canbo.movements.choices import Direction, MovementKind
from canbo.movements.models import Movement
from canbo.movements.services import direction_between, movement_record, movement_record_batch
from canbo.org.models import AdminLevel, OrgUnit
from canbo.people.choices import PersonStatus
from canbo.people.models import Employment
from canbo.people.retirement import retirement_date

from .conftest import add_months, add_years, make_person, plan, position, today

D = datetime.date
DAY = datetime.timedelta(days=1)


def record(actor, person, kind, **data):
    base = {"decision_number": "58-QĐ/TU", "decision_date": today()}
    if kind != MovementKind.RETIREMENT:
        base["start_date"] = today()
    base.update(data)
    return movement_record(actor=actor, person=person, kind=kind, **base)


def rows(person):
    return list(Employment.objects.filter(person=person).order_by("start_date"))


@pytest.fixture
def planned(tree, board):
    """A working deputy head of dept_a's office, 40 years old, in the approved plan."""
    person = make_person(
        tree["dept_a_office"], born=add_years(today(), -40), deputy_since=add_years(today(), -3)
    )
    plan(person, tree["dept_a_office"], board)
    return person


# --- rotation (rule 13) ------------------------------------------------------------------------------------


def test_a_rotation_moves_the_person_and_records_the_direction(tree, board, levels, planned):
    end = add_months(today(), 36)

    movement = record(board, planned, MovementKind.ROTATION, to_unit=levels["commune"], end_date=end)

    assert (movement.from_unit, movement.to_unit, movement.direction) == (
        tree["dept_a_office"],
        levels["commune"],
        Direction.PROVINCE_TO_COMMUNE,
    )
    before, after = rows(planned)[-2:]
    assert before.end_date == today() - DAY
    assert (after.unit, after.move, after.start_date, after.end_date) == (
        levels["commune"],
        "LUAN_CHUYEN",
        today(),
        None,
    )
    assert movement.employment == after
    planned.refresh_from_db()
    assert planned.current_unit == levels["commune"]


def test_a_rotation_lasts_at_least_36_months(board, levels, planned):
    with pytest.raises(ValidationError) as refused:
        record(
            board,
            planned,
            MovementKind.ROTATION,
            to_unit=levels["commune"],
            end_date=add_months(today(), 36) - DAY,
        )

    assert "ít nhất 36 tháng" in refused.value.message_dict["end_date"][0]
    assert not Movement.objects.exists()


def test_a_rotation_needs_the_approved_plan(tree, board, levels):
    person = make_person(tree["dept_a_office"], born=add_years(today(), -40))

    with pytest.raises(ValidationError) as refused:
        record(
            board, person, MovementKind.ROTATION, to_unit=levels["commune"], end_date=add_years(today(), 3)
        )

    assert "không có trong quy hoạch" in refused.value.message_dict["person"][0]


@pytest.mark.parametrize("age,allowed", [(53, False), (51, True)])
def test_a_rotation_needs_ten_years_of_service_left(tree, board, levels, age, allowed):
    person = make_person(tree["dept_a_office"], born=add_years(today(), -age))
    plan(person, tree["dept_a_office"], board)
    data = {"to_unit": levels["commune"], "end_date": add_years(today(), 3)}

    if allowed:
        assert record(board, person, MovementKind.ROTATION, **data).pk
    else:
        with pytest.raises(ValidationError) as refused:
            record(board, person, MovementKind.ROTATION, **data)
        assert "10 năm công tác" in refused.value.message_dict["person"][0]


def test_a_district_to_commune_rotation_before_the_reform(board, levels):
    person = make_person(levels["district_agency"], born=D(1980, 1, 1), service_since=D(2010, 1, 1))
    plan(person, levels["district_agency"], board, start=D(2023, 1, 1), end=D(2027, 12, 31))

    movement = record(
        board,
        person,
        MovementKind.ROTATION,
        to_unit=levels["commune"],
        start_date=D(2024, 1, 1),
        end_date=D(2027, 1, 1),
        decision_date=D(2023, 12, 15),
    )

    assert movement.direction == Direction.DISTRICT_TO_COMMUNE


@pytest.mark.parametrize(
    "a,b,expected",
    [
        ("TINH", "HUYEN", "TINH_HUYEN"),
        ("HUYEN", "TINH", "HUYEN_TINH"),
        ("HUYEN", "XA", "HUYEN_XA"),
        ("XA", "HUYEN", "XA_HUYEN"),
        ("TINH", "XA", "TINH_XA"),
        ("XA", "TINH", "XA_TINH"),
        ("TINH", "TINH", "NGANG"),
        ("XA", "XA", "NGANG"),
    ],
)
def test_direction_follows_the_levels_of_the_two_units(a, b, expected):
    assert direction_between(OrgUnit(level=AdminLevel(a)), OrgUnit(level=AdminLevel(b))) == expected


def test_an_officer_cannot_send_someone_outside_their_units(tree, alice, levels, planned):
    with pytest.raises(PermissionDenied, match="ngoài phạm vi"):
        record(
            alice, planned, MovementKind.ROTATION, to_unit=levels["commune"], end_date=add_years(today(), 3)
        )

    assert len(rows(planned)) == 2


# --- transfer, secondment -----------------------------------------------------------------------------------


def test_a_transfer_inside_the_officers_units(tree, alice, planned):
    movement = record(
        alice, planned, MovementKind.TRANSFER, to_unit=tree["dept_a"], to_position=position("CHUYEN_VIEN")
    )

    last = rows(planned)[-1]
    assert (last.unit, last.position.code, last.move) == (tree["dept_a"], "CHUYEN_VIEN", "DIEU_DONG")
    assert movement.direction == Direction.SAME_LEVEL


def test_a_transfer_has_no_end_date_and_a_secondment_needs_one(tree, alice, planned):
    with pytest.raises(ValidationError) as refused:
        record(alice, planned, MovementKind.TRANSFER, to_unit=tree["dept_a"], end_date=add_years(today(), 1))
    assert "end_date" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        record(alice, planned, MovementKind.SECONDMENT, to_unit=tree["dept_a"])
    assert "end_date" in refused.value.message_dict

    movement = record(
        alice, planned, MovementKind.SECONDMENT, to_unit=tree["dept_a"], end_date=add_months(today(), 6)
    )

    assert rows(planned)[-1].move == "BIET_PHAI"
    assert movement.end_date == add_months(today(), 6)


def test_a_transfer_needs_another_unit(tree, alice, planned):
    with pytest.raises(ValidationError) as refused:
        record(alice, planned, MovementKind.TRANSFER, to_unit=tree["dept_a_office"])

    assert "trùng" in refused.value.message_dict["to_unit"][0]


# --- leaving a post ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", [MovementKind.DISMISSAL, MovementKind.REMOVAL, MovementKind.RESIGNATION])
def test_leaving_the_post_keeps_the_person_employed_without_it(tree, alice, planned, kind):
    movement = record(alice, planned, kind, reason="Theo nguyện vọng")

    last = rows(planned)[-1]
    assert (last.unit, last.position, last.move, last.end_date) == (tree["dept_a_office"], None, kind, None)
    planned.refresh_from_db()
    assert (planned.status, planned.position) == (PersonStatus.WORKING, None)
    assert movement.to_unit == tree["dept_a_office"]


def test_leaving_a_post_needs_a_post(tree, alice):
    person = make_person(tree["dept_a_office"])

    with pytest.raises(ValidationError) as refused:
        record(alice, person, MovementKind.RESIGNATION)

    assert "không giữ chức vụ lãnh đạo" in refused.value.message_dict["person"][0]


# --- retirement and leaving ---------------------------------------------------------------------------------


def test_retirement_uses_the_retirement_date_of_the_roadmap(tree, alice):
    person = make_person(tree["dept_a_office"], born=add_years(today(), -63))
    retire = retirement_date(person.gender, person.date_of_birth)

    movement = record(alice, person, MovementKind.RETIREMENT)

    assert movement.start_date == retire
    person.refresh_from_db()
    assert (person.status, person.status_date) == (PersonStatus.RETIRED, retire)
    assert rows(person)[-1].end_date == retire
    assert movement.to_unit is None and movement.direction == ""


def test_retirement_on_a_given_date(tree, alice):
    person = make_person(tree["dept_a_office"], born=add_years(today(), -58))

    movement = record(alice, person, MovementKind.RETIREMENT, start_date=today() - DAY)

    assert movement.start_date == today() - DAY
    assert rows(person)[-1].end_date == today() - DAY


def test_retirement_in_the_future_waits_for_its_day(tree, alice):
    person = make_person(tree["dept_a_office"], born=add_years(today(), -45))

    with pytest.raises(ValidationError) as refused:
        record(alice, person, MovementKind.RETIREMENT)

    assert "chưa đến" in refused.value.message_dict["start_date"][0]
    person.refresh_from_db()
    assert person.status == PersonStatus.WORKING


def test_leaving_the_service_ends_the_record(tree, alice, planned):
    record(alice, planned, MovementKind.LEAVE)

    planned.refresh_from_db()
    assert (planned.status, planned.status_date) == (PersonStatus.MOVED_OUT, today())
    assert rows(planned)[-1].end_date == today()
    with pytest.raises(ValidationError, match="không còn công tác"):
        record(alice, planned, MovementKind.TRANSFER, to_unit=tree["dept_a"])


# --- refusals ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["bob", "charlie", "dana", "standing"])
def test_only_officers_of_the_unit_and_the_board_record(request, tree, planned, who):
    with pytest.raises(PermissionDenied):
        record(request.getfixturevalue(who), planned, MovementKind.TRANSFER, to_unit=tree["dept_a"])

    assert not Movement.objects.exists()


def test_bad_input_is_refused_with_every_error_and_nothing_written(tree, alice, planned):
    with pytest.raises(ValidationError) as refused:
        record(
            alice,
            planned,
            MovementKind.TRANSFER,
            decision_number="",
            decision_date=today() + DAY,
            start_date=D(2000, 1, 1),
        )

    assert set(refused.value.message_dict) == {"decision_number", "decision_date", "start_date", "to_unit"}
    assert len(rows(planned)) == 2


# --- batches -----------------------------------------------------------------------------------------------


def test_one_decision_for_many_people(tree, alice):
    people = [make_person(tree["dept_a_office"], name=f"Người {i}") for i in range(3)]

    movements = movement_record_batch(
        actor=alice,
        persons=people,
        kind=MovementKind.TRANSFER,
        to_unit=tree["dept_a"],
        start_date=today(),
        decision_number="12/QĐ-SNV",
        decision_date=today(),
    )

    assert len(movements) == 3
    assert (
        Employment.objects.filter(unit=tree["dept_a"], move="DIEU_DONG", decision_number="12/QĐ-SNV").count()
        == 3
    )


def test_a_batch_is_all_or_nothing(tree, alice, outsider_person):
    people = [make_person(tree["dept_a_office"], name=f"Người {i}") for i in range(2)]
    retired = make_person(tree["dept_a_office"], name="Người nghỉ")
    type(retired).objects.filter(pk=retired.pk).update(status=PersonStatus.RETIRED, status_date=today())
    retired.refresh_from_db()

    with pytest.raises(ValidationError) as refused:
        movement_record_batch(
            actor=alice,
            persons=[*people, retired, outsider_person],
            kind=MovementKind.TRANSFER,
            to_unit=tree["dept_a"],
            start_date=today(),
            decision_number="12/QĐ-SNV",
            decision_date=today(),
        )

    messages = refused.value.messages
    assert messages[0].startswith("Chưa ghi nhận cho ai: 2 trong 4 người có lỗi.")
    assert any("Người nghỉ" in m for m in messages) and any(outsider_person.full_name in m for m in messages)
    assert not Movement.objects.exists()
    assert not Employment.objects.filter(unit=tree["dept_a"]).exists()


def test_a_batch_refuses_duplicates_and_emptiness(tree, alice, planned):
    common = {
        "kind": MovementKind.LEAVE,
        "start_date": today(),
        "decision_number": "1",
        "decision_date": today(),
    }
    with pytest.raises(ValidationError, match="trùng"):
        movement_record_batch(actor=alice, persons=[planned, planned], **common)
    with pytest.raises(ValidationError, match="Chưa chọn"):
        movement_record_batch(actor=alice, persons=[], **common)
