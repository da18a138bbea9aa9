import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from canbo.imports.models import ImportJob, ImportStatus
from canbo.people.models import Person

from .files import person_row, write_file

pytestmark = pytest.mark.django_db
URL = reverse("api-imports")


def _post(client, path, **data):
    upload = SimpleUploadedFile(path.name, path.read_bytes())
    return client.post(URL, {"file": upload, **data})


def test_post_queues_the_import_and_answers_202_with_the_run_address(client, alice, tree, tmp_path):
    client.force_login(alice)

    response = _post(client, write_file(tmp_path / "a.xlsx", persons=[person_row(1)]))

    assert response.status_code == 202
    body = client.get(response["Location"]).json()  # the queue ran it eagerly in tests
    assert body["status"] == ImportStatus.SUCCEEDED and body["counts"]["persons_created"] == 1
    assert body["errors"] == [] and Person.objects.count() == 1


def test_a_run_with_bad_rows_is_rejected_with_the_error_list(client, alice, tree, tmp_path):
    client.force_login(alice)

    response = _post(client, write_file(tmp_path / "a.xlsx", persons=[person_row(1, gender="Khác")]))

    assert response.status_code == 202
    body = client.get(response["Location"]).json()
    assert body["status"] == ImportStatus.REJECTED
    error = body["errors"][0]
    assert (error["sheet"], error["row"], error["column"]) == ("Cán bộ", 2, "Giới tính")
    assert Person.objects.count() == 0


def test_dry_run_writes_nothing(client, alice, tree, tmp_path):
    client.force_login(alice)

    response = _post(client, write_file(tmp_path / "a.xlsx", persons=[person_row(1)]), dry_run="true")

    assert response.status_code == 202 and response.json()["status"] == ImportStatus.CHECKED
    assert Person.objects.count() == 0


@pytest.mark.parametrize(
    ("upload", "fragment"),
    [
        (SimpleUploadedFile("a.csv", b"a,b"), ".xlsx"),
        (SimpleUploadedFile("a.xlsx", b"not a zip"), "không phải tệp Excel"),
    ],
)
def test_wrong_files_get_a_vietnamese_message(client, alice, upload, fragment):
    client.force_login(alice)

    response = client.post(URL, {"file": upload})

    assert response.status_code == 400 and fragment in str(response.json())


def test_a_missing_file_is_a_400(client, alice):
    client.force_login(alice)

    response = client.post(URL, {})

    assert response.status_code == 400 and "file" in response.json()


def test_leaders_may_not_import(client, bob, tree, tmp_path):
    client.force_login(bob)

    response = _post(client, write_file(tmp_path / "a.xlsx", persons=[person_row(1)]))

    assert response.status_code == 403 and not ImportJob.objects.exists()


def test_anonymous_requests_are_refused(client):
    assert client.post(URL, {}).status_code in (401, 403)


def test_get_returns_own_job_and_404_for_others(client, alice, charlie, board):
    job = ImportJob.objects.create(created_by=alice, file_name="a.xlsx", status=ImportStatus.SUCCEEDED)
    url = reverse("api-import-detail", args=[job.pk])

    client.force_login(alice)
    assert client.get(url).json()["file_name"] == "a.xlsx"
    client.force_login(charlie)
    assert client.get(url).status_code == 404
    client.force_login(board)
    assert client.get(url).status_code == 200
