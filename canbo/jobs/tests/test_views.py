"""Job pages: only the starter sees a job and its file; progress polls until the job has finished."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from canbo.jobs.models import Job, JobStatus
from canbo.jobs.retention import job_results_purge

pytestmark = pytest.mark.django_db


def _job(user, **fields):
    return Job.objects.create(kind="export", title="Xuất Excel: Danh sách cán bộ", created_by=user, **fields)


def _finished(user, content=b"xlsx bytes"):
    job = _job(user, status=JobStatus.SUCCEEDED, result_name="ds.xlsx", finished_at=timezone.now())
    job.result_file.save(f"{job.pk}.xlsx", ContentFile(content))
    return job


def test_the_pages_require_login(client, alice):
    job = _job(alice)
    for name in ["detail", "progress", "download"]:
        response = client.get(reverse(f"jobs:{name}", args=[job.pk]))
        assert response.status_code == 302 and "/tai-khoan/dang-nhap/" in response["Location"]


def test_a_job_is_visible_only_to_its_starter(client, alice, charlie, board):
    job = _finished(alice)
    for user, status in [(alice, 200), (charlie, 404), (board, 404)]:
        client.force_login(user)
        assert client.get(reverse("jobs:detail", args=[job.pk])).status_code == status
        assert client.get(reverse("jobs:download", args=[job.pk])).status_code == status


def test_the_board_sees_the_scheduled_jobs(client, board, alice):
    Job.objects.create(kind="reminders", title="Nhắc việc hằng ngày", status=JobStatus.SUCCEEDED,
                       finished_at=timezone.now())  # fmt: skip
    client.force_login(board)
    assert "Nhắc việc hằng ngày" in client.get(reverse("jobs:index")).content.decode()
    client.force_login(alice)
    assert "Nhắc việc hằng ngày" not in client.get(reverse("jobs:index")).content.decode()


def test_the_download_is_the_stored_file_and_never_cached(client, alice):
    job = _finished(alice, b"abc")
    client.force_login(alice)

    response = client.get(reverse("jobs:download", args=[job.pk]))

    assert b"".join(response.streaming_content) == b"abc"
    assert response["Cache-Control"] == "no-store" and 'filename="ds.xlsx"' in response["Content-Disposition"]


def test_a_running_job_polls_and_shows_its_progress(client, alice):
    job = _job(alice, status=JobStatus.RUNNING, stage="Đang ghi tệp Excel", done=12000, total=26000,
               percent=46, unit="dòng", heartbeat_at=timezone.now())  # fmt: skip
    client.force_login(alice)

    html = client.get(reverse("jobs:progress", args=[job.pk])).content.decode()

    assert 'hx-trigger="every 1s"' in html and "Đang ghi tệp Excel" in html and "46 %" in html
    assert "12.000 / 26.000 dòng" in html and "Chưa nhận được tín hiệu" not in html


def test_a_job_without_a_heartbeat_says_so_instead_of_spinning(client, alice, settings):
    settings.JOB_STALE_SECONDS = 60
    job = _job(alice, status=JobStatus.RUNNING, heartbeat_at=timezone.now() - timedelta(minutes=5))
    client.force_login(alice)

    html = client.get(reverse("jobs:progress", args=[job.pk])).content.decode()

    assert "Chưa nhận được tín hiệu từ tiến trình xử lý" in html


def test_a_finished_job_stops_polling_and_offers_the_file(client, alice):
    job = _finished(alice)
    client.force_login(alice)

    html = client.get(reverse("jobs:progress", args=[job.pk])).content.decode()

    assert "hx-trigger" not in html and reverse("jobs:download", args=[job.pk]) in html


def test_old_result_files_are_deleted_and_the_page_says_so(client, alice):
    job = _finished(alice)
    name = job.result_file.name
    Job.objects.filter(pk=job.pk).update(finished_at=timezone.now() - timedelta(days=8))

    assert job_results_purge(days=7) == 1

    job.refresh_from_db()
    assert not job.result_file and not job.result_file.storage.exists(name)
    client.force_login(alice)
    assert client.get(reverse("jobs:download", args=[job.pk])).status_code == 404
    assert (
        "đã được xoá theo thời hạn lưu" in client.get(reverse("jobs:detail", args=[job.pk])).content.decode()
    )


def test_a_job_no_worker_has_taken_says_to_call_the_administrator(client, alice, settings):
    settings.JOB_STALE_SECONDS = 60
    job = _job(alice)
    Job.objects.filter(pk=job.pk).update(created_at=timezone.now() - timedelta(minutes=5))
    client.force_login(alice)

    html = client.get(reverse("jobs:progress", args=[job.pk])).content.decode()

    assert "Chưa có tiến trình xử lý nào nhận việc này" in html and "hx-trigger" in html
