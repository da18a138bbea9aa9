"""Issue 14.2: one pass shows every error, and the user gets their own workbook back with the faulty cells marked."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import load_workbook

from canbo.core.sheets.cells import FORMULA_WITHOUT_VALUE
from canbo.imports.importer import run_import
from canbo.imports.models import ImportJob, ImportStatus
from canbo.imports.services import import_job_start
from canbo.people.models import Employment, Person, Qualification

from .files import history_row, person_row, qualification_row, write_file

pytestmark = pytest.mark.django_db


def _faulty_file(tmp_path):
    """Three persons with several bad cells each, a history row and a qualification row with bad cells too."""
    first = person_row(1, ethnicity="Không có dân tộc này", unit_code="KHONG_CO", date_of_birth="31/02/1990")
    second = person_row(2, gender="Ba", salary_step="bảy", email="không-phải-email", start_date="32/01/2020")
    third = person_row(3, rank_code="99.999", position_code="KHONG_CO", recruited_on="=TODAY()")
    return write_file(
        tmp_path / "nhieu-loi.xlsx",
        persons=[first, second, third],
        history=[history_row(third["national_id"], unit_code="KHONG_CO", end_date="hôm qua", category="X")],
        qualifications=[qualification_row(first["national_id"], scale="Không rõ", awarded_on="1/13/2010")],
    )


def _cells(outcome) -> set[tuple[str, int, str]]:
    return {(e.sheet, e.row, e.column) for e in outcome.errors}


def test_every_bad_cell_of_every_row_is_reported_in_one_run(alice, tmp_path):
    outcome = run_import(_faulty_file(tmp_path), actor=alice)

    assert not outcome.ok
    assert {
        ("Cán bộ", 2, "Dân tộc"),
        ("Cán bộ", 2, "Mã đơn vị"),
        ("Cán bộ", 2, "Ngày sinh"),
        ("Cán bộ", 3, "Giới tính"),
        ("Cán bộ", 3, "Bậc lương"),
        ("Cán bộ", 3, "Email"),
        ("Cán bộ", 3, "Ngày bắt đầu ở đơn vị hiện tại"),
        ("Cán bộ", 4, "Mã ngạch"),
        ("Cán bộ", 4, "Mã chức vụ"),
        ("Cán bộ", 4, "Ngày tuyển dụng"),
        ("Quá trình công tác", 2, "Mã đơn vị"),
        ("Quá trình công tác", 2, "Đến ngày"),
        ("Quá trình công tác", 2, "Phân loại"),
        ("Văn bằng chứng chỉ", 2, "Loại trình độ"),
        ("Văn bằng chứng chỉ", 2, "Ngày cấp"),
    } <= _cells(outcome)
    assert (Person.objects.count(), Employment.objects.count(), Qualification.objects.count()) == (0, 0, 0)


def test_a_bad_cell_reports_one_error_and_not_the_checks_that_depend_on_it(alice, tmp_path):
    """A gender that cannot be read does not also make the personal ID 'disagree with the gender'."""
    path = write_file(tmp_path / "a.xlsx", persons=[person_row(1, gender="Ba")])

    outcome = run_import(path, actor=alice)

    assert [(e.column, e.row) for e in outcome.errors] == [("Giới tính", 2)]


def test_a_formula_without_a_computed_value_says_so(alice, tmp_path):
    path = write_file(tmp_path / "a.xlsx", persons=[person_row(1, full_name='=CONCAT("Lò ","Páo")')])

    outcome = run_import(path, actor=alice)

    assert [(e.column, e.message) for e in outcome.errors] == [("Họ và tên", FORMULA_WITHOUT_VALUE)]
    assert "Không được để trống" not in FORMULA_WITHOUT_VALUE and Person.objects.count() == 0


def test_rows_outside_the_users_scope_are_reported_with_the_other_errors(alice, tmp_path):
    path = write_file(
        tmp_path / "a.xlsx",
        persons=[person_row(1, unit_code="SO_B"), person_row(2, ethnicity="Sao Hỏa")],
    )

    outcome = run_import(path, actor=alice)

    assert {("Cán bộ", 2, "Mã đơn vị"), ("Cán bộ", 3, "Dân tộc")} <= _cells(outcome)
    assert Person.objects.count() == 0


def test_the_rejected_upload_comes_back_with_its_faulty_cells_marked(client, alice, tmp_path):
    path = _faulty_file(tmp_path)
    import_job = import_job_start(actor=alice, upload=SimpleUploadedFile("nhieu-loi.xlsx", path.read_bytes()))
    import_job = ImportJob.objects.select_related("job").get(pk=import_job.pk)
    assert import_job.status == ImportStatus.REJECTED and import_job.job.has_file
    client.force_login(alice)

    page = client.get(reverse("imports:detail", args=[import_job.pk])).content.decode()
    response = client.get(reverse("jobs:download", args=[import_job.job.pk]))

    assert reverse("jobs:download", args=[import_job.job.pk]) in page
    assert "nhieu-loi-danh-dau-loi.xlsx" in response["Content-Disposition"]
    marked = tmp_path / "marked.xlsx"
    marked.write_bytes(b"".join(response.streaming_content))
    workbook = load_workbook(marked)
    persons = workbook["Cán bộ"]
    headers = {cell.value: cell.column_letter for cell in persons[1]}
    ethnicity = persons[f"{headers['Dân tộc (*)']}2"]
    assert ethnicity.value == "Không có dân tộc này"
    assert ethnicity.fill.fgColor.rgb == "FFFFC7CE" and "không có trong danh sách" in ethnicity.comment.text
    assert persons[f"{headers['Họ và tên (*)']}2"].comment is None
    assert persons[f"{headers['Ngày tuyển dụng']}4"].value == "=TODAY()"  # the user's formula is kept
    marked_cells = sum(1 for sheet in workbook for row in sheet.iter_rows() for c in row if c.comment)
    assert marked_cells == len({(e["sheet"], e["row"], e["column"]) for e in import_job.errors})


def test_someone_else_cannot_download_the_marked_workbook(client, alice, charlie, tmp_path):
    path = _faulty_file(tmp_path)
    import_job = import_job_start(actor=alice, upload=SimpleUploadedFile("a.xlsx", path.read_bytes()))
    import_job = ImportJob.objects.select_related("job").get(pk=import_job.pk)
    client.force_login(charlie)

    assert client.get(reverse("jobs:download", args=[import_job.job.pk])).status_code == 404
    assert client.get(reverse("imports:detail", args=[import_job.pk])).status_code == 404


def test_the_api_gives_the_marked_workbooks_address(client, alice, tmp_path):
    path = _faulty_file(tmp_path)
    client.force_login(alice)

    response = client.post(reverse("api-imports"), {"file": SimpleUploadedFile("a.xlsx", path.read_bytes())})
    detail = client.get(response["Location"]).json()

    assert detail["status"] == "REJECTED" and detail["marked_file"].startswith("/")
    assert client.get(detail["marked_file"]).status_code == 200


def test_the_command_writes_the_marked_workbook(alice, tmp_path):
    marked = tmp_path / "marked.xlsx"
    with pytest.raises(CommandError):
        call_command("import_xlsx", str(_faulty_file(tmp_path)), "--no-progress", f"--marked={marked}")

    sheet = load_workbook(marked)["Văn bằng chứng chỉ"]
    assert sum(1 for row in sheet.iter_rows(min_row=2) for c in row if c.comment) == 2
