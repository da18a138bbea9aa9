import datetime
import io

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from canbo.core.sheets.columns import header_text
from canbo.imports.columns import CATALOGUE_TITLE, INSTRUCTIONS_TITLE, SHEETS
from canbo.imports.template import build_template
from tests.factories import OrgUnitFactory

pytestmark = pytest.mark.django_db


def _validations(sheet) -> dict[str, object]:
    """column letter -> its data validation"""
    found = {}
    for validation in sheet.data_validations.dataValidation:
        for cell_range in validation.sqref.ranges:
            found[cell_range.coord.split(":")[0].rstrip("0123456789")] = validation
    return found


def _catalogue(workbook, defined_name: str) -> list[str]:
    sheet_title, cells = next(iter(workbook.defined_names[defined_name].destinations))
    return [c[0].value for c in workbook[sheet_title][cells]]


def test_the_template_has_one_sheet_per_kind_with_headers_and_instructions(tree):
    workbook = build_template()

    assert workbook.sheetnames == [INSTRUCTIONS_TITLE, *(s.title for s in SHEETS), CATALOGUE_TITLE]
    assert workbook[CATALOGUE_TITLE].sheet_state == "hidden"
    for spec in SHEETS:
        sheet = workbook[spec.title]
        assert [c.value for c in sheet[1]] == [header_text(c) for c in spec.columns]
        assert sheet.freeze_panes == "A2"
        assert sheet["A1"].font.bold
    guide = " ".join(str(c.value) for row in workbook[INSTRUCTIONS_TITLE].iter_rows() for c in row if c.value)
    assert "không dòng nào được ghi" in guide and "dd/mm/yyyy" in guide


def test_every_enumeration_has_a_drop_down_list(tree):
    workbook = build_template()
    persons = _validations(workbook["Cán bộ"])

    assert _catalogue(workbook, persons["C"].formula1) == ["Nam", "Nữ"]
    assert "Công chức" in _catalogue(workbook, persons["L"].formula1)
    ethnicities = _catalogue(workbook, persons["F"].formula1)
    assert len(ethnicities) == 54 and ethnicities[0] == "Kinh" and "HMông" in ethnicities
    assert persons["F"].showErrorMessage
    assert "Không" in _catalogue(workbook, persons["G"].formula1) and not persons["G"].showErrorMessage
    assert persons["D"].type == "date" and persons["U"].type == "date"
    assert workbook["Cán bộ"].column_dimensions["D"].number_format == "DD/MM/YYYY"
    history = _validations(workbook["Quá trình công tác"])
    assert "Điều động" in _catalogue(workbook, history["G"].formula1)
    qualifications = _validations(workbook["Văn bằng chứng chỉ"])
    assert "Lý luận chính trị" in _catalogue(workbook, qualifications["B"].formula1)
    assert {"Đại học", "Cao cấp", "Bậc 3 (B1)"} <= set(_catalogue(workbook, qualifications["C"].formula1))


def test_the_unit_list_holds_only_the_units_the_user_may_update(alice, tree):
    workbook = build_template(actor=alice)

    units = _catalogue(workbook, _validations(workbook["Cán bộ"])["M"].formula1)
    assert units == ["SO_A", "SO_A_VP"]


def test_without_a_user_every_body_is_listed_but_not_areas(tree):
    workbook = build_template()

    assert _catalogue(workbook, _validations(workbook["Cán bộ"])["M"].formula1) == ["SO_A", "SO_A_VP", "SO_B"]


def test_export_template_command_writes_the_file(tree, tmp_path):
    target = tmp_path / "mau.xlsx"
    out = io.StringIO()

    call_command("export_template", str(target), stdout=out)

    assert "Đã ghi tệp mẫu" in out.getvalue()
    assert load_workbook(target).sheetnames[1] == "Cán bộ"


def test_export_template_command_with_an_unknown_user_fails_clearly(tree, tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Không có người dùng"):
        call_command("export_template", str(tmp_path / "mau.xlsx"), "--user", "khong-co")


def test_unit_names_from_the_database_are_written_as_text(tree):
    """Issue 18.3: a unit name typed as a formula stays text in the catalogue sheet of the template."""
    tree["dept_b"].name = '=HYPERLINK("//x","a") Văn B'
    tree["dept_b"].save(update_fields=["name"])

    workbook = load_workbook(io.BytesIO(_saved(build_template())))

    cells = [c for row in workbook[CATALOGUE_TITLE].iter_rows(min_row=2) for c in row]
    formula = [c for c in cells if c.value == '=HYPERLINK("//x","a") Văn B']
    assert len(formula) == 1 and formula[0].data_type == "s"


def _saved(workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_the_unit_list_keeps_the_units_that_ended_for_history_rows(alice, tree):
    """Issue 14: rows in district units that ended in 2025 must be choosable."""
    ended = OrgUnitFactory(
        code="SO_A_CU", name="Phòng cũ", parent=tree["dept_a"], valid_to=datetime.date(2025, 6, 30)
    )

    workbook = build_template(actor=alice)

    units = _catalogue(workbook, _validations(workbook["Cán bộ"])["M"].formula1)
    assert units == ["SO_A", "SO_A_VP", ended.code]
