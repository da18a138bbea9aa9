import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from canbo.imports.models import ImportJob, ImportStatus
from canbo.imports.selectors import import_job_progress
from canbo.imports.services import import_job_start
from canbo.jobs.models import JobStatus
from canbo.people.models import Person

from .files import person_row, write_file

pytestmark = pytest.mark.django_db


def test_the_upload_runs_as_a_queue_job_and_leaves_no_stored_upload(alice, tree, tmp_path):
    path = write_file(tmp_path / "a.xlsx", persons=[person_row(1), person_row(2)])

    job = import_job_start(actor=alice, upload=SimpleUploadedFile("a.xlsx", path.read_bytes()))

    job = ImportJob.objects.select_related("job").get(pk=job.pk)
    assert job.status == ImportStatus.SUCCEEDED, job.message
    assert job.job.status == JobStatus.SUCCEEDED and job.job.created_by == alice
    assert Person.objects.count() == 2 and job.counts["persons_created"] == 2
    assert import_job_progress(job=job)["percent"] == 100
    assert not default_storage.exists(job.job.params["upload"])


def test_a_job_given_up_marks_the_import_failed(alice, tree, tmp_path, monkeypatch):
    from canbo.imports import services

    def explode(**kwargs):
        raise RuntimeError("disk gone")

    monkeypatch.setattr(services, "import_job_execute", explode)
    path = write_file(tmp_path / "a.xlsx", persons=[person_row(1)])

    job = import_job_start(actor=alice, upload=SimpleUploadedFile("a.xlsx", path.read_bytes()))

    job = ImportJob.objects.select_related("job").get(pk=job.pk)
    assert job.job.status == JobStatus.FAILED and "lỗi hệ thống" in job.job.message
    assert job.status == ImportStatus.FAILED and job.message == job.job.message
    assert Person.objects.count() == 0
