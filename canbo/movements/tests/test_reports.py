"""The module's reports: rotations by direction and period (seed 004), appointments by kind and status."""

import datetime

import pytest

from canbo.movements.choices import AppointmentKind, AppointmentStatus, Direction, MovementKind
from canbo.movements.models import Appointment, Movement
from canbo.reports.registry import all_reports, get_report

from .conftest import make_person, position
from .conftest import today as today_

D = datetime.date


def run(name, user, **data):
    return get_report(name).execute(user=user, data=data)


def rotation(person, board, start, from_unit, to_unit, direction, kind=MovementKind.ROTATION):
    return Movement.objects.create(
        person=person,
        kind=kind,
        from_unit=from_unit,
        to_unit=to_unit,
        direction=direction,
        start_date=start,
        end_date=start.replace(year=start.year + 3),
        decision_number="1",
        decision_date=start,
        recorded_by=board,
    )


@pytest.fixture
def rotations(tree, board, levels):
    agency, commune = levels["district_agency"], levels["commune"]
    people = [make_person(agency, name=f"Cán bộ {i}") for i in range(4)]
    rotation(people[0], board, D(2014, 3, 1), agency, commune, Direction.DISTRICT_TO_COMMUNE)
    rotation(people[1], board, D(2014, 6, 1), agency, commune, Direction.DISTRICT_TO_COMMUNE)
    rotation(people[2], board, D(2015, 2, 1), agency, commune, Direction.DISTRICT_TO_COMMUNE)
    rotation(people[0], board, D(2015, 9, 1), commune, agency, Direction.COMMUNE_TO_DISTRICT)  # back up
    rotation(people[3], board, D(2015, 9, 1), commune, agency, Direction.COMMUNE_TO_DISTRICT)
    rotation(people[3], board, D(2013, 9, 1), tree["dept_a"], agency, Direction.PROVINCE_TO_DISTRICT)
    rotation(
        people[1], board, D(2015, 1, 1), agency, commune, Direction.DISTRICT_TO_COMMUNE, MovementKind.TRANSFER
    )
    rotation(
        people[2], board, D(2016, 1, 1), agency, commune, Direction.DISTRICT_TO_COMMUNE
    )  # after the period
    return people


def test_the_reports_are_registered():
    names = [r.name for r in all_reports()]

    assert "rotations" in names and "appointments" in names
    assert [p["name"] for p in get_report("rotations").describe()["parameters"]] == [
        "org",
        "from",
        "to",
        "kind",
        "group",
    ]


def test_rotations_by_direction_in_a_period(board, rotations):
    result = run("rotations", board, **{"from": "01/01/2011", "to": "31/12/2015"})

    by_direction = {r.values["direction_code"]: (r.values["persons"], r.values["turns"]) for r in result.rows}
    assert by_direction == {"TINH_HUYEN": (1, 1), "HUYEN_XA": (3, 3), "XA_HUYEN": (2, 2)}
    assert (result.totals[0].values["persons"], result.totals[0].values["turns"]) == (4, 6)
    assert result.meta["district_commune"] == 5
    assert "giữa cấp huyện và cấp xã (hai chiều): 5 lượt" in result.notes[0]
    assert result.rows[0].links["turns"].startswith("/bo-nhiem/dieu-dong/?")


def test_rotations_by_year(board, rotations):
    result = run("rotations", board, **{"from": "01/01/2014", "to": "31/12/2015", "group": "year_direction"})

    cells = {(r.values["year"], r.values["direction_code"]): r.values["turns"] for r in result.rows}
    assert cells == {("2014", "HUYEN_XA"): 2, ("2015", "HUYEN_XA"): 1, ("2015", "XA_HUYEN"): 2}
    assert "from=01%2F01%2F2015" in result.rows[1].links["turns"]


def test_transfers_are_counted_apart(board, rotations):
    result = run("rotations", board, **{"from": "01/01/2011", "to": "31/12/2015", "kind": "DIEU_DONG"})

    assert [(r.values["direction_code"], r.values["turns"]) for r in result.rows] == [("HUYEN_XA", 1)]


def test_rotations_are_scoped_by_either_unit(alice, charlie, tree, rotations):
    assert (
        run("rotations", alice, **{"from": "01/01/2011", "to": "31/12/2015"}).totals[0].values["turns"] == 1
    )
    assert (
        run("rotations", charlie, **{"from": "01/01/2011", "to": "31/12/2015"}).totals[0].values["turns"] == 0
    )
    scoped = run("rotations", None, org="X01", **{"from": "01/01/2011", "to": "31/12/2015"})
    assert scoped.totals[0].values["turns"] == 5


def test_rotation_report_query_count(board, rotations, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        run("rotations", board, **{"from": "01/01/2011", "to": "31/12/2015"})


def test_appointments_by_kind_and_status(tree, board, alice, charlie, standard):
    office = tree["dept_a_office"]
    people = [make_person(office, name=f"Người {i}") for i in range(4)]
    post = position("TRUONG_PHONG")
    rows = [
        (AppointmentKind.FIRST, AppointmentStatus.BLOCKED, None),
        (AppointmentKind.FIRST, AppointmentStatus.CHECKED, None),
        (AppointmentKind.HIGHER, AppointmentStatus.DECIDED, D(2025, 3, 1)),
        (AppointmentKind.REAPPOINT, AppointmentStatus.WITHDRAWN, None),
    ]
    for person, (kind, status, decided_on) in zip(people, rows, strict=True):
        extra = {}
        if decided_on:
            extra = {
                "decision_number": "1",
                "decision_date": decided_on,
                "term_start": decided_on,
                "term_end": decided_on.replace(year=2030),
            }
        Appointment.objects.create(
            person=person, position=post, unit=office, kind=kind, status=status, proposed_by=alice, **extra
        )
    today = today_().strftime("%d/%m/%Y")

    result = run("appointments", board, **{"from": "01/01/2020", "to": today})

    cells = {
        r.values["kind_code"]: {s: r.values[s] for s in AppointmentStatus.values if r.values[s]}
        for r in result.rows
    }
    assert cells == {
        "FIRST": {"BLOCKED": 1, "CHECKED": 1},
        "HIGHER": {"DECIDED": 1},
        "REAPPOINT": {"WITHDRAWN": 1},
    }
    assert result.totals[0].values["total"] == 4
    decided = run("appointments", board, measure="decided", **{"from": "01/01/2025", "to": "31/12/2025"})
    assert decided.meta["total"] == 1
    assert run("appointments", charlie, **{"from": "01/01/2020", "to": today}).meta["total"] == 0
