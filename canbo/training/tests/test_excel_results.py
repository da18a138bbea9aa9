"""Results from Excel: the class's template, the upload page and import_training_results — all or nothing."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import resolve
from openpyxl import Workbook, load_workbook

from canbo.people.models import Qualification
from canbo.training import services
from canbo.training.choices import EnrolmentResult
from canbo.training.excel.results import import_results
from canbo.training.models import Enrolment
from tests.factories import PersonFactory

from .factories import TrainingClassFactory, programme

pytestmark = pytest.mark.django_db
D = datetime.date
SHEET = "Kết quả học tập"


def client_for(user=None):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def klass(tree):
    return TrainingClassFactory(
        code="CCLL-2026",
        programme=programme("LLCT_CAO_CAP"),
        organiser_unit=tree["dept_a"],
        start_date=D(2026, 3, 2),
        end_date=D(2026, 10, 30),
    )


@pytest.fixture
def learners(klass, alice, tree, anh):
    hoa = PersonFactory(full_name="Lò Thị Hoa", gender="NU", current_unit=tree["dept_a"])
    for person in (anh, hoa):
        services.enrol(actor=alice, training_class=klass, person=person)
    return anh, hoa


def template_url(klass):
    return f"/dao-tao/lop/{klass.pk}/mau-ket-qua.xlsx"


def upload_url(klass):
    return f"/dao-tao/lop/{klass.pk}/nhap-ket-qua/"


def template(client, klass):
    response = client.get(template_url(klass))
    assert response.status_code == 200
    return load_workbook(io.BytesIO(response.content))


def fill(book, rows: dict[str, list]) -> bytes:
    """Fill the result columns (E…I) of the rows whose personal ID is a key."""
    sheet = book[SHEET]
    for row in sheet.iter_rows(min_row=2):
        if row[1].value in rows:
            for cell, value in zip(row[4:9], rows[row[1].value], strict=True):
                cell.value = value
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def upload(client, klass, content: bytes, name="ket-qua.xlsx", dry_run=False):
    """Post the file; a queued one (run eagerly in tests) is followed to the class's page of its outcome."""
    data = {"file": SimpleUploadedFile(name, content)}
    if dry_run:
        data["dry_run"] = "on"
    response = client.post(upload_url(klass), data)
    if response.status_code != 302:
        return response  # refused before it was queued
    job_id = resolve(response["Location"]).kwargs["job_id"]
    return client.get(upload_url(klass), {"tac-vu": str(job_id)})


COMPLETED = ["Hoàn thành", D(2026, 10, 30), 95, "CC-001", D(2026, 11, 5)]


# --- the template ------------------------------------------------------------------------------------------


def test_template_lists_the_class_with_empty_result_columns(klass, learners, alice):
    book = template(client_for(alice), klass)

    assert book.sheetnames == ["Hướng dẫn", SHEET]
    sheet = book[SHEET]
    assert [c.value for c in sheet[1]] == [
        "STT",
        "Số định danh cá nhân (*)",
        "Họ và tên",
        "Đơn vị",
        "Kết quả",
        "Ngày có kết quả",
        "Tỷ lệ chuyên cần (%)",
        "Số văn bằng, chứng chỉ",
        "Ngày cấp văn bằng, chứng chỉ",
    ]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    anh, hoa = learners
    assert sorted((r[1], r[2]) for r in rows) == sorted(
        [(anh.national_id, anh.full_name), (hoa.national_id, hoa.full_name)]
    )
    assert all(r[4:] == [None] * 5 for r in rows)
    assert sheet["B2"].number_format == "@" and sheet["F2"].number_format == "DD/MM/YYYY"
    lists = [v.formula1 for v in sheet.data_validations.dataValidation if v.type == "list"]
    assert lists == ['"Đang học,Hoàn thành,Không hoàn thành,Thôi học"']
    guide = book["Hướng dẫn"]
    assert guide["A1"].value == "Nhập kết quả học tập lớp CCLL-2026"


def test_a_name_typed_as_a_formula_is_text_in_the_template(klass, learners, alice):
    anh, _hoa = learners
    type(anh).objects.filter(pk=anh.pk).update(full_name='=HYPERLINK("//x","a") Văn B')

    sheet = template(client_for(alice), klass)[SHEET]

    cell = next(row[2] for row in sheet.iter_rows(min_row=2) if row[1].value == anh.national_id)
    assert (cell.value, cell.data_type) == ('=HYPERLINK("//x","a") Văn B', "s")


def test_template_and_upload_access(klass, learners, bob, charlie, dana):
    assert client_for(bob).get(template_url(klass)).status_code == 403
    assert client_for(bob).get(upload_url(klass)).status_code == 403
    assert client_for(charlie).get(template_url(klass)).status_code == 404
    assert client_for(charlie).post(upload_url(klass)).status_code == 404
    assert client_for(dana).get(template_url(klass)).status_code == 404
    assert client_for().get(upload_url(klass)).status_code == 302


# --- the round trip ----------------------------------------------------------------------------------------


def test_round_trip_writes_results_and_the_qualification(klass, learners, alice):
    anh, hoa = learners
    client = client_for(alice)
    content = fill(template(client, klass), {anh.national_id: COMPLETED})

    page = client.get(upload_url(klass))
    assert page.status_code == 200 and "Tải tệp mẫu" in page.content.decode()
    response = upload(client, klass, content)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Đã ghi 1 kết quả học tập" in html and "1 dòng để trống" in html
    enrolment = Enrolment.objects.get(person=anh)
    assert (enrolment.result, enrolment.result_date, enrolment.attendance_pct) == (
        "COMPLETED",
        D(2026, 10, 30),
        95,
    )
    qualification = Qualification.objects.get(person=anh, level="CAO_CAP")
    assert (qualification.awarded_on, qualification.document_number) == (D(2026, 11, 5), "CC-001")
    assert Enrolment.objects.get(person=hoa).result == EnrolmentResult.PENDING

    again = upload(client, klass, content)
    assert again.status_code == 200
    assert Qualification.objects.filter(person=anh).count() == 1


def test_dates_typed_as_text_and_ids_typed_as_numbers_are_read(klass, learners, alice):
    anh, hoa = learners
    book = template(client_for(alice), klass)
    sheet = book[SHEET]
    for row in sheet.iter_rows(min_row=2):
        if row[1].value == hoa.national_id:
            row[1].value = int(hoa.national_id)  # Excel drops the leading zeros of a number
            for cell, value in zip(row[4:9], ["thôi học", "15/05/2026", None, None, None], strict=True):
                cell.value = value
    buffer = io.BytesIO()
    book.save(buffer)

    response = upload(client_for(alice), klass, buffer.getvalue())

    assert response.status_code == 200, response.content.decode()
    enrolment = Enrolment.objects.get(person=hoa)
    assert (enrolment.result, enrolment.result_date) == ("WITHDRAWN", D(2026, 5, 15))


def test_a_bad_row_writes_nothing_and_every_error_is_listed(klass, learners, alice):
    anh, hoa = learners
    client = client_for(alice)
    content = fill(
        template(client, klass),
        {
            anh.national_id: COMPLETED,
            hoa.national_id: ["Không hoàn thành", D(2026, 3, 1), 140, "X-1", None],
        },
    )

    response = upload(client, klass, content)

    assert response.status_code == 400
    html = response.content.decode()
    assert "không dòng nào được ghi" in html
    row = next(
        r[0].row
        for r in load_workbook(io.BytesIO(content))[SHEET].iter_rows(min_row=2)
        if r[1].value == hoa.national_id
    )
    assert f'<td>{SHEET}</td><td class="num">{row}</td><td>Ngày có kết quả</td>' in html
    assert "Ngày có kết quả (01/03/2026) trước ngày bắt đầu học (02/03/2026)." in html
    assert "Chỉ người hoàn thành mới có văn bằng, chứng chỉ." in html
    assert "Tỷ lệ chuyên cần từ 0 đến 100." in html
    assert not Enrolment.objects.exclude(result=EnrolmentResult.PENDING).exists()
    assert not Qualification.objects.filter(person=anh).exists()


def test_cell_errors_unknown_people_and_duplicates(klass, learners, alice, tree, tmp_path):
    anh, hoa = learners
    stranger = PersonFactory(current_unit=tree["dept_a"])
    book = template(client_for(alice), klass)
    sheet = book[SHEET]
    sheet.append([3, stranger.national_id, "", "", "Hoàn thành", D(2026, 10, 30)])
    sheet.append([4, anh.national_id, "", "", "Đã xong", "31/02/2026", "nhiều"])
    sheet.append([5, stranger.national_id, "", "", None, None, 90])
    sheet.append([6, hoa.national_id, "", "", "Hoàn thành", D(2026, 10, 30)])
    for row in sheet.iter_rows(min_row=2, max_row=3):
        if row[1].value == hoa.national_id:
            row[5].value = D(2026, 10, 30)  # a date without a result
            hoa_row = row[0].row
    path = tmp_path / "ket-qua.xlsx"
    book.save(path)

    outcome = import_results(path, actor=alice, klass=klass)

    found = {(e.row, e.column, e.message) for e in outcome.errors}
    assert (
        4,
        "Số định danh cá nhân",
        f"Không có người mang số định danh “{stranger.national_id}” trong danh sách lớp CCLL-2026.",
    ) in found
    assert any(
        e.row == 5 and e.column == "Kết quả" and "không có trong danh sách" in e.message
        for e in outcome.errors
    )
    assert (5, "Ngày có kết quả", "Ngày “31/02/2026” không có thật (kiểm tra ngày và tháng).") in found
    assert (5, "Tỷ lệ chuyên cần (%)", "“nhiều” không phải là số nguyên.") in found
    assert (hoa_row, "Kết quả", "Cần chọn kết quả.") in found
    assert (
        6,
        "Số định danh cá nhân",
        f"Không có người mang số định danh “{stranger.national_id}” trong danh sách lớp CCLL-2026.",
    ) in found
    assert (7, "Số định danh cá nhân", f"Số định danh “{hoa.national_id}” đã có ở dòng {hoa_row}.") in found
    assert len(outcome.errors) == 7
    assert all(e.sheet == SHEET for e in outcome.errors)
    assert not outcome.ok and outcome.written == []
    assert not Enrolment.objects.exclude(result=EnrolmentResult.PENDING).exists()


def test_dry_run_checks_without_writing(klass, learners, alice):
    anh, _hoa = learners
    client = client_for(alice)
    content = fill(template(client, klass), {anh.national_id: COMPLETED})

    response = upload(client, klass, content, dry_run=True)

    assert response.status_code == 200
    assert "Chỉ kiểm tra, chưa ghi dữ liệu" in response.content.decode()
    assert Enrolment.objects.get(person=anh).result == EnrolmentResult.PENDING
    assert not Qualification.objects.filter(person=anh).exists()


# --- files that cannot be used -----------------------------------------------------------------------------


def test_corrupted_wrong_type_oversized_and_foreign_files_are_refused(klass, learners, alice, settings):
    client = client_for(alice)

    corrupted = upload(client, klass, b"PK\x03\x04 not really a zip")
    csv = upload(client, klass, b"a;b\n1;2\n", name="ket-qua.csv")
    other = Workbook()
    other.active.title = "Trang tính 1"
    buffer = io.BytesIO()
    other.save(buffer)
    foreign = upload(client, klass, buffer.getvalue())
    settings.IMPORT_MAX_BYTES = 1024
    big = upload(client, klass, b"x" * 2048)

    assert corrupted.status_code == 400 and "không phải tệp Excel .xlsx hợp lệ" in corrupted.content.decode()
    assert csv.status_code == 400 and "Chỉ nhận tệp Excel .xlsx" in csv.content.decode()
    assert (
        foreign.status_code == 400 and "Tệp không có trang tính “Kết quả học tập”" in foreign.content.decode()
    )
    assert big.status_code == 400 and "Tệp quá lớn" in big.content.decode()
    assert not Enrolment.objects.exclude(result=EnrolmentResult.PENDING).exists()


def test_a_sheet_without_the_result_columns_is_refused(klass, learners, alice):
    book = Workbook()
    book.active.title = SHEET
    book.active.append(["STT", "Số định danh cá nhân", "Họ và tên"])
    buffer = io.BytesIO()
    book.save(buffer)

    response = upload(client_for(alice), klass, buffer.getvalue())

    assert response.status_code == 400
    assert "thiếu cột: “Kết quả”, “Ngày có kết quả”" in response.content.decode()


# --- the command -------------------------------------------------------------------------------------------


def test_command_imports_and_dry_runs(klass, learners, alice, tmp_path, capsys):
    anh, _hoa = learners
    path = tmp_path / "ket-qua.xlsx"
    path.write_bytes(fill(template(client_for(alice), klass), {anh.national_id: COMPLETED}))

    call_command("import_training_results", str(path), "--class", "CCLL-2026", "--user", "alice", "--dry-run")
    assert "chưa ghi dữ liệu" in capsys.readouterr().out
    assert not Qualification.objects.filter(person=anh).exists()

    call_command("import_training_results", str(path), "--class", "CCLL-2026", "--user", "alice")
    out = capsys.readouterr().out
    assert "Kết quả ghi: 1" in out and "Văn bằng, chứng chỉ vào hồ sơ: 1" in out
    assert Qualification.objects.filter(person=anh, level="CAO_CAP").exists()


def test_command_reports_errors_and_writes_nothing(klass, learners, alice, bob, charlie, tmp_path, capsys):
    anh, hoa = learners
    path = tmp_path / "ket-qua.xlsx"
    content = fill(
        template(client_for(alice), klass),
        {anh.national_id: COMPLETED, hoa.national_id: ["Hoàn thành", D(2026, 3, 1), None, None, None]},
    )
    path.write_bytes(content)

    with pytest.raises(CommandError, match="Có 1 lỗi; không dòng nào được ghi"):
        call_command("import_training_results", str(path), "--class", "CCLL-2026", "--user", "alice")
    assert "Kết quả học tập – dòng" in capsys.readouterr().err
    assert not Qualification.objects.exists()
    with pytest.raises(CommandError, match="Không có lớp mã “CCLL-2026”"):
        call_command("import_training_results", str(path), "--class", "CCLL-2026", "--user", "charlie")
    with pytest.raises(CommandError, match="không có quyền nhập"):
        call_command("import_training_results", str(path), "--class", "CCLL-2026", "--user", "bob")
    with pytest.raises(CommandError, match="Không có người dùng"):
        call_command("import_training_results", str(path), "--class", "CCLL-2026", "--user", "ai")
    (tmp_path / "hong.xlsx").write_bytes(b"hong")
    with pytest.raises(CommandError, match="không phải tệp Excel"):
        call_command(
            "import_training_results", str(tmp_path / "hong.xlsx"), "--class", "CCLL-2026", "--user", "alice"
        )


def test_the_upload_runs_as_a_job_whose_outcome_only_its_starter_sees(klass, learners, alice, board):
    from canbo.jobs.models import Job

    anh, _hoa = learners
    client = client_for(alice)
    response = client.post(
        upload_url(klass),
        {"file": SimpleUploadedFile("kq.xlsx", fill(template(client, klass), {anh.national_id: COMPLETED}))},
    )

    job = Job.objects.get(kind="training.results_import")
    assert response.status_code == 302 and response["Location"] == f"/tac-vu/{job.pk}/"
    assert job.status == "SUCCEEDED" and job.message == "Đã ghi 1 kết quả học tập lớp CCLL-2026."
    assert client_for(board).get(upload_url(klass), {"tac-vu": str(job.pk)}).status_code == 404
    assert client_for(alice).get(upload_url(klass), {"tac-vu": "khong-phai-ma"}).status_code == 404


def test_the_learners_in_a_results_template_see_the_download_on_their_own_page(
    client, klass, learners, alice
):
    from tests.access_log import assert_the_person_sees_the_export

    template(client_for(alice), klass)
    for learner in learners:
        assert_the_person_sees_the_export(client, learner, alice)
