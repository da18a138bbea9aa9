import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from canbo.imports.models import ImportJob, ImportStatus
from canbo.imports.selectors import import_job_progress
from canbo.imports.services import import_job_start
from canbo.people.models import Person

from .files import person_row, write_file


@pytest.mark.django_db(transaction=True)
def test_the_upload_page_runs_the_import_in_a_background_thread(alice, tree, tmp_path):
    path = write_file(tmp_path / "a.xlsx", persons=[person_row(1), person_row(2)])

    job = import_job_start(actor=alice, upload=SimpleUploadedFile("a.xlsx", path.read_bytes()))

    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if job.is_finished:
            break
        time.sleep(0.1)
    assert job.status == ImportStatus.SUCCEEDED, job.message
    assert Person.objects.count() == 2 and job.counts["persons_created"] == 2
    assert import_job_progress(job=ImportJob.objects.get(pk=job.pk))["percent"] == 100
