import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from canbo.imports import services
from canbo.imports.models import ImportJob, ImportStatus
from canbo.imports.selectors import import_job_progress
from canbo.jobs.execution import Progress
from canbo.jobs.models import Job
from canbo.people.models import Person

from .files import person_row, write_file

pytestmark = pytest.mark.django_db
INDEX = reverse("imports:index")


@pytest.fixture
def inline():
    """The queue runs jobs eagerly in tests (a real worker is tested in canbo/jobs/tests/test_worker.py)."""


def _upload(path, name=None):
    return SimpleUploadedFile(name or path.name, path.read_bytes())


def test_it_requires_login(client):
    response = client.get(INDEX)
    assert response.status_code == 302 and "/tai-khoan/dang-nhap/" in response["Location"]


@pytest.mark.parametrize("who", ["bob", "dana", "sysadmin"])
def test_readers_officials_and_admins_may_not_import(client, request, who):
    client.force_login(request.getfixturevalue(who))
    assert client.get(INDEX).status_code == 403
    assert client.get(reverse("imports:template")).status_code == 403


def test_the_page_offers_the_template_and_the_upload_form(client, alice):
    client.force_login(alice)

    response = client.get(INDEX)

    assert response.status_code == 200
    html = response.content.decode()
    assert reverse("imports:template") in html and 'enctype="multipart/form-data"' in html


def test_the_template_download_is_an_xlsx(client, alice):
    client.force_login(alice)

    response = client.get(reverse("imports:template"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert b"".join(response).startswith(b"PK")


def test_an_upload_runs_the_import_and_shows_the_summary(client, alice, tree, tmp_path, inline):
    client.force_login(alice)
    path = write_file(tmp_path / "can-bo.xlsx", persons=[person_row(1)])

    response = client.post(INDEX, {"file": _upload(path)})

    job = ImportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("imports:detail", args=[job.pk])
    assert job.status == ImportStatus.SUCCEEDED and job.created_by == alice and job.finished_at
    assert Person.objects.count() == 1
    page = client.get(response["Location"]).content.decode()
    assert "Đã nhập xong" in page and "Hồ sơ tạo mới" in page


def test_an_upload_with_errors_lists_them_and_writes_nothing(client, alice, tree, tmp_path, inline):
    client.force_login(alice)
    path = write_file(tmp_path / "a.xlsx", persons=[person_row(1), person_row(2, unit_code="SO_B")])

    response = client.post(INDEX, {"file": _upload(path)}, follow=True)

    job = ImportJob.objects.get()
    assert job.status == ImportStatus.REJECTED and job.error_count == 1
    assert job.errors == [
        {
            "sheet": "Cán bộ",
            "row": 3,
            "column": "Mã đơn vị",
            "message": "Đơn vị “SO_B” ngoài phạm vi anh/chị được cập nhật.",
        }
    ]
    assert Person.objects.count() == 0
    assert "ngoài phạm vi" in response.content.decode()


def test_a_dry_run_upload_writes_nothing(client, alice, tree, tmp_path, inline):
    client.force_login(alice)
    path = write_file(tmp_path / "a.xlsx", persons=[person_row(1)])

    client.post(INDEX, {"file": _upload(path), "dry_run": "on"})

    assert ImportJob.objects.get().status == ImportStatus.CHECKED and Person.objects.count() == 0


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"a;b\n1;2\n", "danh-sach.csv", "Chỉ nhận tệp Excel .xlsx"),
        (b"", "rong.xlsx", "rỗng"),
    ],
)
def test_wrong_type_or_empty_files_get_a_message_on_the_form(client, alice, content, name, message):
    client.force_login(alice)

    response = client.post(INDEX, {"file": SimpleUploadedFile(name, content)})

    assert response.status_code == 400 and message in response.content.decode()
    assert not ImportJob.objects.exists()


def test_an_oversized_file_gets_a_message_on_the_form(client, alice, settings):
    settings.IMPORT_MAX_BYTES = 1000
    client.force_login(alice)

    response = client.post(INDEX, {"file": SimpleUploadedFile("lon.xlsx", b"PK" + b"0" * 2000)})

    assert response.status_code == 400 and "Tệp quá lớn" in response.content.decode()


def test_a_corrupted_xlsx_is_refused_on_the_form_before_it_is_queued(client, alice, inline):
    client.force_login(alice)

    response = client.post(INDEX, {"file": SimpleUploadedFile("hong.xlsx", b"PK\x03\x04 khong phai zip")})

    assert response.status_code == 400 and "không phải tệp Excel .xlsx hợp lệ" in response.content.decode()
    assert not ImportJob.objects.exists()


def test_an_unexpected_failure_is_reported_without_a_traceback(
    client, alice, tree, tmp_path, inline, monkeypatch
):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(services, "run_import", broken)
    client.force_login(alice)
    path = write_file(tmp_path / "a.xlsx", persons=[person_row(1)])

    response = client.post(INDEX, {"file": _upload(path)}, follow=True)

    assert ImportJob.objects.get().status == ImportStatus.FAILED
    assert "Có lỗi hệ thống" in response.content.decode() and "boom" not in response.content.decode()


def _job(user, **extra):
    return ImportJob.objects.create(created_by=user, **{"file_name": "a.xlsx", **extra})


def test_a_job_is_visible_to_its_creator_and_the_board_only(client, alice, charlie, board):
    job = _job(alice, status=ImportStatus.SUCCEEDED)
    url = reverse("imports:detail", args=[job.pk])

    client.force_login(charlie)
    assert client.get(url).status_code == 404
    assert client.get(reverse("imports:progress", args=[job.pk])).status_code == 404
    client.force_login(board)
    assert client.get(url).status_code == 200
    client.force_login(alice)
    assert client.get(url).status_code == 200


def test_the_job_page_requires_login(client, alice):
    job = _job(alice)
    response = client.get(reverse("imports:detail", args=[job.pk]))
    assert response.status_code == 302


def test_a_running_job_polls_its_progress_every_second(client, alice):
    job = _job(alice, status=ImportStatus.RUNNING)
    progress = Progress()
    services.StageProgress(progress)("write", 50, 100)
    job.job = Job.objects.create(
        kind="import", title="Nhập", created_by=alice, status="RUNNING", **progress.snapshot()
    )
    job.save()
    client.force_login(alice)

    html = client.get(reverse("imports:progress", args=[job.pk])).content.decode()

    assert 'hx-trigger="every 1s"' in html and "Đang ghi dữ liệu" in html
    assert 'value="82"' in html and "50 / 100 bản ghi" in html


def test_a_finished_job_stops_polling(client, alice):
    job = _job(alice, status=ImportStatus.SUCCEEDED, message="Đã nhập xong.")
    client.force_login(alice)

    html = client.get(reverse("imports:progress", args=[job.pk])).content.decode()

    assert "hx-trigger" not in html and "Đã nhập xong." in html


def test_a_finished_import_shows_its_own_outcome(alice):
    job = _job(alice, status=ImportStatus.REJECTED)
    assert import_job_progress(job=job)["percent"] == 100


def test_the_list_shows_own_jobs_in_a_fixed_number_of_queries(
    client, alice, charlie, django_assert_max_num_queries
):
    for _ in range(5):
        _job(alice)
    _job(charlie, file_name="cua-charlie.xlsx")
    client.force_login(alice)

    with django_assert_max_num_queries(8):
        response = client.get(INDEX)

    assert response.content.decode().count(">Xem<") == 5
