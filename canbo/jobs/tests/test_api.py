"""/api/v1/jobs/<id>/: the starter follows a job and downloads its file; anyone else gets 404."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from canbo.jobs.models import Job, JobStatus

pytestmark = pytest.mark.django_db


def _client(user):
    client = APIClient()
    client.force_login(user)
    return client


def test_the_starter_follows_the_job_and_downloads_its_file(alice):
    job = Job.objects.create(kind="export", title="Xuất", created_by=alice, status=JobStatus.SUCCEEDED,
                             result_name="ds.xlsx", finished_at=timezone.now(), percent=100)  # fmt: skip
    job.result_file.save(f"{job.pk}.xlsx", ContentFile(b"abc"))

    body = _client(alice).get(reverse("api-job-detail", args=[job.pk])).json()
    download = _client(alice).get(body["file_url"])

    assert body["status"] == "SUCCEEDED" and body["percent"] == 100
    assert b"".join(download.streaming_content) == b"abc" and download["Cache-Control"] == "no-store"


def test_another_user_gets_404_and_a_job_without_file_has_no_file_url(alice, charlie):
    job = Job.objects.create(kind="export", title="Xuất", created_by=alice)

    assert _client(charlie).get(reverse("api-job-detail", args=[job.pk])).status_code == 404
    assert _client(charlie).get(reverse("api-job-file", args=[job.pk])).status_code == 404
    assert _client(alice).get(reverse("api-job-detail", args=[job.pk])).json()["file_url"] is None
    assert _client(alice).get(reverse("api-job-file", args=[job.pk])).status_code == 404
    assert APIClient().get(reverse("api-job-detail", args=[job.pk])).status_code in (401, 403)
