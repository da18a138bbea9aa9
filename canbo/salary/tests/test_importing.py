"""Excel import of salary history: every cell checked, Vietnamese errors per row and column, all or nothing."""

import datetime
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from openpyxl import Workbook, load_workbook

from canbo.salary.importing import SHEET_SPEC, read_sheet, salary_rows_import
from canbo.salary.models import SalaryRecord

D = datetime.date
pytestmark = pytest.mark.django_db
HEADERS = [c.label for c in SHEET_SPEC]


def sheet(*rows):
    wb = Workbook()
    ws = wb.active
    ws.append(HEADERS)
    for row in rows:
        ws.append([row.get(c.key) for c in SHEET_SPEC])
    return ws


def row(person, **kw):
    return {"national_id": person.national_id, "effective_on": "01/01/2021", "kind": "XEP_LUONG", "scale": "A1",
            "step": 2, **kw}  # fmt: skip


def test_rows_are_written_in_bulk_and_the_person_follows_the_newest(alice, anh):
    rows = read_sheet(sheet(
        row(anh),
        row(anh, effective_on=D(2024, 1, 1), kind="Nâng bậc lương thường xuyên", step=3, coefficient=3.0,
            allowance_KHU_VUC="0,5", decision_number="5/QĐ"),
    ))  # fmt: skip
    result = salary_rows_import(actor=alice, rows=rows)
    assert (result.records, result.allowances, result.persons_updated) == (2, 1, 1)
    anh.refresh_from_db()
    assert (anh.salary_step, anh.salary_coefficient) == (3, Decimal("3.00"))
    newest = anh.salary_records.order_by("-effective_on").first()
    assert newest.kind == "THUONG_XUYEN" and newest.allowances.get().coefficient == Decimal("0.50")
    assert LogEntry.objects.filter(actor=alice, object_pk=str(newest.pk)).exists()


def test_every_bad_cell_is_reported_and_nothing_is_written(alice, anh, outsider_person):
    rows = read_sheet(sheet(
        row(anh, step=12),
        row(anh, effective_on="31/02/2024", kind="XYZ"),
        row(outsider_person),
        row(anh, coefficient="2,50", effective_on="01/01/2022"),
        row(anh, effective_on="01/01/2023", allowance_CHUC_VU="abc"),
    ))  # fmt: skip
    with pytest.raises(ValidationError) as err:
        salary_rows_import(actor=alice, rows=rows)
    messages = err.value.messages
    assert any(m.startswith("Dòng 2, cột “Bậc”") and "từ 1 đến 9" in m for m in messages)
    assert any(m.startswith("Dòng 3, cột “Ngày hưởng”") for m in messages)
    assert any(m.startswith("Dòng 3, cột “Hình thức”") for m in messages)
    assert any(m.startswith("Dòng 4, cột “Số định danh cá nhân”") for m in messages)  # outside alice's units
    assert any(m.startswith("Dòng 5, cột “Hệ số”") and "không khớp" in m for m in messages)
    assert any(m.startswith("Dòng 6, cột “PC chức vụ (hệ số)”") for m in messages)
    assert not SalaryRecord.objects.exists()


def test_a_date_twice_is_refused(alice, anh):
    with pytest.raises(ValidationError) as err:
        salary_rows_import(actor=alice, rows=read_sheet(sheet(row(anh), row(anh, step=3))))
    assert "Dòng 3" in err.value.messages[0] and "đã có" in err.value.messages[0]


def test_a_wrong_header_is_refused():
    wb = Workbook()
    wb.active.append(["Họ tên", "Bậc"])
    with pytest.raises(ValidationError) as err:
        read_sheet(wb.active)
    assert "Họ tên" in err.value.messages[0] and "Thiếu cột" in err.value.messages[1]


def test_the_command_writes_the_template_and_imports_it(alice, anh, tmp_path):
    template = tmp_path / "mau.xlsx"
    call_command("import_salary", str(template), "--template")
    wb = load_workbook(template)
    ws = wb.active
    ws.append([1, *[row(anh).get(c.key) for c in SHEET_SPEC]])
    wb.save(template)
    call_command("import_salary", str(template), "--user", "alice")
    assert anh.salary_records.count() == 1
    with pytest.raises(CommandError, match="không có dòng nào được ghi"):
        call_command("import_salary", str(template), "--user", "alice")
