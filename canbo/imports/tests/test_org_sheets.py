"""Issue 14.1: the org tree and its events in the same workbook — units that ended can be named by the careers of
their time; only the board imports them; all or nothing with the other sheets; audited."""

import datetime

import pytest
from auditlog.models import LogEntry

from canbo.imports.importer import run_import
from canbo.org.models import OrgEvent, OrgUnit
from canbo.people.models import Employment

from .files import history_row, person_row, write_file

pytestmark = pytest.mark.django_db

D = datetime.date


def unit_row(code, name, **values):
    row = {
        "org_code": code,
        "org_name": name,
        "org_level": "Cấp huyện",
        "org_sector": "Khối chính quyền",
        "org_kind": "Cơ quan",
        "parent_code": "T11",
        "valid_from": D(2008, 1, 1),
        "legal_basis": "NĐ 08/2008",
    }
    row.update(values)
    return row


def _tree():
    units = [
        unit_row("H01", "UBND huyện Mường Chà", org_kind="Địa bàn hành chính"),
        unit_row(
            "H01_NV", "Phòng Nội vụ huyện Mường Chà", parent_code="H01", org_kind="Phòng, ban chuyên môn"
        ),
        unit_row(
            "X01",
            "UBND xã Mường Chà",
            org_level="Cấp xã",
            org_kind="Xã, phường, thị trấn",
            valid_from=D(2025, 7, 1),
        ),  # fmt: skip
    ]
    events = [
        {
            "event_kind": "Giải thể",
            "effective_on": D(2025, 7, 1),
            "predecessors": "H01_NV, H01",
            "event_decision": "1/NQ-UBTVQH",
            "event_basis": "NQ 1660/NQ-UBTVQH15",
        },  # fmt: skip
    ]
    return units, events


def test_units_that_ended_are_imported_with_the_careers_spent_in_them(board, tree, tmp_path):
    units, events = _tree()
    person = person_row(1, start_date=None, unit_code="X01")
    nid = person["national_id"]
    history = [
        history_row(nid, unit_code="H01_NV", start_date=D(2014, 9, 1), end_date=D(2025, 6, 30)),
        history_row(
            nid, unit_code="X01", start_date=D(2025, 7, 1), end_date=None, move="Sắp xếp tổ chức bộ máy"
        ),
    ]
    path = write_file(
        tmp_path / "a.xlsx", persons=[person], history=history, org_units=units, org_events=events
    )

    outcome = run_import(path, actor=board)

    assert outcome.ok, outcome.errors
    office = OrgUnit.objects.get(code="H01_NV")
    assert office.valid_to == D(2025, 6, 30) and office.parent.code == "H01"
    assert office.path.startswith(tree["province"].path) and office.depth == 2
    event = OrgEvent.objects.get()
    assert sorted(event.predecessors.values_list("code", flat=True)) == ["H01", "H01_NV"]
    assert list(Employment.objects.order_by("start_date").values_list("unit__code", flat=True)) == [
        "H01_NV",
        "X01",
    ]
    assert outcome.counts["units_created"] == 3 and outcome.counts["org_events_created"] == 1
    assert LogEntry.objects.get_for_model(OrgUnit).filter(actor=board).count() == 3


def test_an_error_in_any_sheet_writes_no_unit(board, tree, tmp_path):
    units, events = _tree()
    person = person_row(1, ethnicity="Sao Hỏa", unit_code="X01", start_date=D(2025, 7, 1))
    path = write_file(tmp_path / "a.xlsx", persons=[person], org_units=units, org_events=events)

    outcome = run_import(path, actor=board)

    assert not outcome.ok
    assert [e.column for e in outcome.errors] == ["Dân tộc"]  # the unit X01 of the file was found
    assert not OrgUnit.objects.filter(code__in=["H01", "X01"]).exists() and not OrgEvent.objects.exists()


def test_a_dry_run_writes_no_unit(board, tree, tmp_path):
    units, events = _tree()
    path = write_file(tmp_path / "a.xlsx", org_units=units, org_events=events)

    outcome = run_import(path, actor=board, dry_run=True)

    assert outcome.ok and outcome.counts["units_created"] == 3
    assert not OrgUnit.objects.filter(code="H01").exists()


def test_only_the_board_imports_the_tree(alice, tree, tmp_path):
    units, _events = _tree()
    path = write_file(tmp_path / "a.xlsx", org_units=units)

    outcome = run_import(path, actor=alice)

    assert not outcome.ok and {e.message for e in outcome.errors} == {
        "Chỉ Ban Tổ chức Tỉnh ủy / Sở Nội vụ hoặc quản trị hệ thống được nhập cây tổ chức."
    }
    assert not OrgUnit.objects.filter(code="H01").exists()


def test_bad_tree_rows_are_all_reported(board, tree, tmp_path):
    units, events = _tree()
    units[1]["parent_code"] = "KHONG_CO"
    units.append(unit_row("H02", "Huyện mới", valid_from=D(2026, 1, 1)))
    events.append({"event_kind": "Hợp nhất, sáp nhập", "effective_on": D(2025, 7, 1), "predecessors": "SO_A"})
    path = write_file(tmp_path / "a.xlsx", org_units=units, org_events=events)

    outcome = run_import(path, actor=board)

    found = {(e.sheet, e.row, e.column) for e in outcome.errors}
    assert ("Đơn vị", 3, "Mã đơn vị cấp trên") in found
    assert ("Đơn vị", 5, "Cấp") in found
    assert ("Sự kiện tổ chức", 3, "Mã đơn vị trước") in found
