"""The salary history through the main import: the "Quá trình lương" sheet is checked with the other sheets
(one pass, every error, the marked workbook) and written in the same transaction, after the persons."""

import datetime
import io

import pytest
from auditlog.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from canbo.imports.importer import run_import
from canbo.imports.models import ImportJob, ImportStatus
from canbo.imports.services import import_job_start
from canbo.imports.template import build_template
from canbo.people.models import Person
from canbo.salary.models import SalaryGrade, SalaryRecord

from .files import person_row, salary_row, write_file

pytestmark = pytest.mark.django_db
D = datetime.date
REGULAR = "Nâng bậc lương thường xuyên"


def _cells(outcome) -> set[tuple[str, int, str]]:
    return {(e.sheet, e.row, e.column) for e in outcome.errors}


def test_a_new_person_and_their_salary_history_come_in_together(alice, tree, tmp_path):
    person = person_row(1)
    nid = person["national_id"]
    path = write_file(
        tmp_path / "a.xlsx",
        persons=[person],
        salary=[
            salary_row(nid, effective_on=D(2020, 1, 1), step=2),
            salary_row(nid, effective_on=D(2023, 1, 1), salary_kind=REGULAR, step=3, allowance_KHU_VUC=None),
        ],
    )

    outcome = run_import(path, actor=alice)

    assert outcome.ok, outcome.errors
    assert outcome.counts["salary_records_created"] == 2
    assert outcome.counts["rows"]["Quá trình lương"] == 2
    stored = Person.objects.get(national_id=nid)
    rows = list(SalaryRecord.objects.filter(person=stored).order_by("effective_on"))
    assert [(r.kind, r.step) for r in rows] == [("XEP_LUONG", 2), ("THUONG_XUYEN", 3)]
    assert rows[0].unit == tree["dept_a_office"] and rows[0].recorded_by == alice
    assert rows[0].allowances.get().kind == "KHU_VUC" and not rows[1].allowances.exists()
    three = SalaryGrade.objects.get(scale=rows[1].scale, step=3).coefficient
    assert (stored.salary_step, stored.salary_coefficient) == (3, three)
    assert LogEntry.objects.get_for_object(rows[1]).filter(actor=alice).exists()


def test_a_stored_person_in_scope_gets_rows_and_one_outside_is_refused(alice, anh, outsider_person, tmp_path):
    path = write_file(
        tmp_path / "a.xlsx",
        salary=[salary_row(anh.national_id), salary_row(outsider_person.national_id)],
    )

    outcome = run_import(path, actor=alice)

    assert _cells(outcome) == {("Quá trình lương", 3, "Số định danh cá nhân")}
    assert "trong phạm vi anh/chị cập nhật" in outcome.errors[0].message
    assert SalaryRecord.objects.count() == 0
    ok = run_import(write_file(tmp_path / "b.xlsx", salary=[salary_row(anh.national_id)]), actor=alice)
    assert ok.ok and SalaryRecord.objects.filter(person=anh).count() == 1


def test_every_error_of_every_sheet_in_one_pass_and_nothing_written(alice, tree, tmp_path):
    good, bad = person_row(1), person_row(2, gender="Ba")
    path = write_file(
        tmp_path / "a.xlsx",
        persons=[good, bad],
        salary=[
            salary_row(good["national_id"]),  # sound, but the file has errors: not written
            salary_row(good["national_id"], effective_on=D(2025, 1, 1), step=99),
            salary_row(good["national_id"], effective_on="31/02/2020", scale="Z9"),
            salary_row(good["national_id"], effective_on=D(2024, 1, 1)),  # the same day twice
            salary_row(good["national_id"], effective_on=D(2026, 1, 1), salary_kind="Không rõ"),
        ],
    )

    outcome = run_import(path, actor=alice)

    assert {
        ("Cán bộ", 3, "Giới tính"),
        ("Quá trình lương", 3, "Bậc"),
        ("Quá trình lương", 4, "Ngày hưởng"),
        ("Quá trình lương", 4, "Nhóm lương"),
        ("Quá trình lương", 5, "Ngày hưởng"),
        ("Quá trình lương", 6, "Hình thức"),
    } <= _cells(outcome)
    assert not outcome.ok and Person.objects.count() == 0 and SalaryRecord.objects.count() == 0
    sheets = [e.sheet for e in outcome.errors]
    assert sheets.index("Cán bộ") < sheets.index("Quá trình lương")


def test_a_file_from_the_older_template_without_the_salary_sheet_still_imports(alice, tree, tmp_path):
    path = write_file(tmp_path / "a.xlsx", persons=[person_row(1)], drop_sheet="Quá trình lương")

    outcome = run_import(path, actor=alice)

    assert outcome.ok and outcome.counts["salary_records_created"] == 0 and Person.objects.count() == 1


def test_the_template_has_the_salary_sheet():
    workbook = build_template()
    headers = [cell.value for cell in workbook["Quá trình lương"][1]]
    assert "Ngày hưởng (*)" in headers and "Nhóm lương (*)" in headers


def test_the_rejected_upload_marks_the_salary_cell(client, alice, tree, tmp_path):
    person = person_row(1)
    path = write_file(
        tmp_path / "a.xlsx", persons=[person], salary=[salary_row(person["national_id"], step=99)]
    )
    import_job = import_job_start(actor=alice, upload=SimpleUploadedFile("a.xlsx", path.read_bytes()))
    import_job = ImportJob.objects.select_related("job").get(pk=import_job.pk)
    assert import_job.status == ImportStatus.REJECTED
    client.force_login(alice)

    response = client.get(reverse("jobs:download", args=[import_job.job.pk]))

    marked = tmp_path / "marked.xlsx"
    marked.write_bytes(b"".join(response.streaming_content))
    sheet = load_workbook(marked)["Quá trình lương"]
    headers = {cell.value: cell.column_letter for cell in sheet[1]}
    assert "bậc" in sheet[f"{headers['Bậc (*)']}2"].comment.text.lower()
    assert Person.objects.count() == 0


def test_the_api_and_the_command_count_the_salary_rows(client, alice, tree, tmp_path):
    person = person_row(1)
    path = write_file(tmp_path / "a.xlsx", persons=[person], salary=[salary_row(person["national_id"])])
    client.force_login(alice)
    response = client.post(reverse("api-imports"), {"file": SimpleUploadedFile("a.xlsx", path.read_bytes())})
    assert client.get(response["Location"]).json()["counts"]["salary_records_created"] == 1

    other = person_row(2)
    path = write_file(tmp_path / "b.xlsx", persons=[other], salary=[salary_row(other["national_id"])])
    out = io.StringIO()
    call_command("import_xlsx", str(path), "--user", "alice", "--no-progress", stdout=out)
    assert "Quá trình lương thêm mới: 1" in out.getvalue()
    assert SalaryRecord.objects.count() == 2
