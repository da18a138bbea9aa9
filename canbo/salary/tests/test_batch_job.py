"""A batch raise above the threshold runs as a job on the queue (eager in tests), with its progress; all or
nothing, and a repeated run after its worker died does not raise anyone twice."""

import datetime

import pytest
from django.urls import reverse

from canbo.jobs.models import Job, JobStatus
from canbo.salary.jobs import JOB_KIND, run_salary_raise_batch
from canbo.salary.models import SalaryRecord
from canbo.salary.services import salary_record_create
from tests.factories import PersonFactory

D = datetime.date
pytestmark = pytest.mark.django_db
URL = reverse("salary:batch_raise") + "?month=01/2027"


@pytest.fixture(autouse=True)
def small_threshold(settings, monkeypatch):
    settings.SALARY_BATCH_JOB_THRESHOLD = 1
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: D(2026, 12, 7))


@pytest.fixture
def cuc(alice, tree, a1):
    person = PersonFactory(full_name="Lò Thị Cúc", gender="NU", current_unit=tree["dept_a"])
    salary_record_create(actor=alice, person=person, kind="XEP_LUONG", effective_on=D(2024, 1, 1), scale=a1,
                         step=1)  # fmt: skip
    return person


def test_a_long_batch_runs_as_a_job_and_raises_everyone(client, alice, graded, cuc):
    client.force_login(alice)
    response = client.post(URL, {"person": [graded.uuid, cuc.uuid], "decision_number": "40/QĐ-SA"})
    job = Job.objects.get(kind=JOB_KIND)
    assert response.status_code == 302 and response.url == reverse("jobs:detail", args=[job.pk])
    assert job.status == JobStatus.SUCCEEDED and job.result["raised"] == 2
    assert SalaryRecord.objects.filter(kind="THUONG_XUYEN", decision_number="40/QĐ-SA").count() == 2
    assert job.created_by == alice and "2 người" in job.message


def test_the_job_is_all_or_nothing_and_lists_every_problem(client, alice, graded, tree, a1):
    late = PersonFactory(full_name="Lò Văn Sáng", current_unit=tree["dept_a"])
    salary_record_create(actor=alice, person=late, kind="XEP_LUONG", effective_on=D(2026, 1, 1), scale=a1,
                         step=1)  # fmt: skip
    client.force_login(alice)
    client.post(URL, {"person": [graded.uuid, late.uuid], "decision_number": "41/QĐ-SA"})
    job = Job.objects.get(kind=JOB_KIND)
    assert job.status == JobStatus.FAILED and any("Lò Văn Sáng" in e for e in job.errors)
    assert not SalaryRecord.objects.filter(decision_number="41/QĐ-SA").exists()


def test_short_batches_stay_on_the_page_and_leaders_are_refused(client, alice, bob, graded, cuc, settings):
    client.force_login(bob)
    assert client.post(URL, {"person": [graded.uuid, cuc.uuid], "decision_number": "7/QĐ"}).status_code == 403
    settings.SALARY_BATCH_JOB_THRESHOLD = 5
    client.force_login(alice)
    response = client.post(URL, {"person": [graded.uuid, cuc.uuid], "decision_number": "7/QĐ"})
    assert response.status_code == 302 and not Job.objects.exists()
    assert SalaryRecord.objects.filter(decision_number="7/QĐ").count() == 2


def test_a_run_repeated_after_its_worker_died_does_not_raise_twice(alice, graded, cuc):
    job = Job.objects.create(kind=JOB_KIND, title="t", created_by=alice, params={
        "persons": [str(graded.uuid), str(cuc.uuid)], "decision_number": "42/QĐ", "decision_date": None})  # fmt: skip
    stages = []
    run_salary_raise_batch(job, lambda label, done=0, total=0, **kw: stages.append((label, done, total)))
    assert stages[-1] == ("Xong", 2, 2) and ("Đang kiểm tra", 0, 2) in stages
    run_salary_raise_batch(job, lambda *a, **kw: None)
    assert SalaryRecord.objects.filter(decision_number="42/QĐ").count() == 2
