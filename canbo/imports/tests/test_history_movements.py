"""Issue 14.1: a career row whose "Hình thức" is a rotation, transfer or secondment brings its Movement record."""

import datetime

import pytest
from openpyxl import load_workbook

from canbo.imports.importer import run_import
from canbo.movements.models import Appointment, Movement

from .files import history_row, person_row, write_file

pytestmark = pytest.mark.django_db


def _file(tmp_path, first_move="Điều động"):
    person = person_row(1, start_date=None)  # the whole career is on the history sheet
    nid = person["national_id"]
    history = [
        history_row(
            nid, unit_code="SO_A", start_date=datetime.date(2014, 9, 1), end_date=datetime.date(2017, 12, 31)
        ),
        history_row(
            nid,
            unit_code="SO_A_VP",
            start_date=datetime.date(2018, 1, 1),
            end_date=datetime.date(2019, 12, 31),
            move=first_move,
            decision_number="12/QĐ-UBND",
        ),
        history_row(
            nid,
            unit_code="SO_A",
            start_date=datetime.date(2020, 1, 1),
            end_date=None,
            move="Luân chuyển",
            decision_number="30/QĐ-TU",
        ),
    ]
    return write_file(tmp_path / "a.xlsx", persons=[person], history=history)


def test_transfers_and_rotations_in_the_history_are_recorded_as_movements(board, tree, tmp_path):
    outcome = run_import(_file(tmp_path), actor=board)

    assert outcome.ok, outcome.errors
    moves = list(Movement.objects.order_by("start_date"))
    assert [(m.kind, m.from_unit.code, m.to_unit.code, m.decision_number) for m in moves] == [
        ("DIEU_DONG", "SO_A", "SO_A_VP", "12/QĐ-UBND"),
        ("LUAN_CHUYEN", "SO_A_VP", "SO_A", "30/QĐ-TU"),
    ]
    assert all(m.employment.start_date == m.start_date and m.recorded_by == board for m in moves)
    assert outcome.counts["movements_created"] == 2


def test_importing_the_same_history_again_adds_no_movement(board, tree, tmp_path):
    run_import(_file(tmp_path), actor=board)

    outcome = run_import(_file(tmp_path), actor=board)

    assert outcome.ok and Movement.objects.count() == 2


def test_a_recruitment_row_is_not_a_movement(board, tree, tmp_path):
    run_import(_file(tmp_path, first_move="Tuyển dụng"), actor=board)

    assert list(Movement.objects.values_list("kind", flat=True)) == ["LUAN_CHUYEN"]


def test_a_rejected_file_records_no_movement(board, tree, tmp_path):
    path = _file(tmp_path)
    bad = tmp_path / "b.xlsx"
    workbook = load_workbook(path)
    workbook["Cán bộ"]["F2"] = "Sao Hỏa"
    workbook.save(bad)

    outcome = run_import(bad, actor=board)

    assert not outcome.ok and Movement.objects.count() == 0


def _appointed(tmp_path, decision="45/QĐ-UBND"):
    person = person_row(2, start_date=None)
    nid = person["national_id"]
    history = [
        history_row(
            nid,
            unit_code="SO_A",
            position_code="CHUYEN_VIEN",
            start_date=datetime.date(2012, 1, 1),
            end_date=datetime.date(2015, 12, 31),
        ),  # fmt: skip
        history_row(
            nid,
            unit_code="SO_A",
            position_code="PHO_TRUONG_PHONG",
            start_date=datetime.date(2016, 1, 1),
            end_date=datetime.date(2020, 12, 31),
            move="Bổ nhiệm",
            decision_number="3/QĐ-UBND",
        ),  # fmt: skip
        history_row(
            nid,
            unit_code="SO_A",
            position_code="TRUONG_PHONG",
            start_date=datetime.date(2021, 1, 1),
            end_date=datetime.date(2025, 12, 31),
            move="Bổ nhiệm",
            decision_number=decision,
        ),  # fmt: skip
        history_row(
            nid,
            unit_code="SO_A",
            position_code="TRUONG_PHONG",
            start_date=datetime.date(2026, 1, 1),
            end_date=None,
            move="Bổ nhiệm lại",
            decision_number="7/QĐ-UBND",
        ),  # fmt: skip
    ]
    return write_file(tmp_path / "p.xlsx", persons=[person], history=history)


def test_appointments_in_the_history_are_recorded_as_decided_appointments(board, tree, tmp_path):
    outcome = run_import(_appointed(tmp_path), actor=board)

    assert outcome.ok, outcome.errors
    rows = list(Appointment.objects.order_by("term_start"))
    assert [(a.kind, a.position.code, a.status, a.decision_number) for a in rows] == [
        ("FIRST", "PHO_TRUONG_PHONG", "DECIDED", "3/QĐ-UBND"),
        ("HIGHER", "TRUONG_PHONG", "DECIDED", "45/QĐ-UBND"),
        ("REAPPOINT", "TRUONG_PHONG", "DECIDED", "7/QĐ-UBND"),
    ]
    assert rows[2].previous == rows[1] and rows[1].term_end == datetime.date(2025, 12, 31)
    assert all(a.employment.start_date == a.term_start and a.proposed_by == board for a in rows)
    assert outcome.counts["appointments_created"] == 3


def test_an_appointment_row_needs_its_decision_number(board, tree, tmp_path):
    outcome = run_import(_appointed(tmp_path, decision=""), actor=board)

    assert [(e.row, e.column, e.message) for e in outcome.errors] == [
        (4, "Số quyết định", "Cần số quyết định bổ nhiệm.")
    ]
    assert not Appointment.objects.exists()


def test_importing_the_appointments_again_adds_none(board, tree, tmp_path):
    run_import(_appointed(tmp_path), actor=board)

    outcome = run_import(_appointed(tmp_path), actor=board)

    assert outcome.ok and Appointment.objects.count() == 3
