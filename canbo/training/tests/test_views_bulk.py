"""Bulk enrolment from a filtered person list, its refusals (nothing written) and the batch page that stays."""

import datetime
from urllib.parse import urlencode

import pytest
from django.urls import resolve, reverse

from canbo.accounts.models import Role
from canbo.jobs.models import Job, JobStatus
from canbo.training.models import Enrolment, EnrolmentBatch
from tests.factories import PersonFactory, UserFactory, grant

from .factories import EnrolmentFactory, TrainingClassFactory

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def klass(tree):
    return TrainingClassFactory(code="TH-01", organiser_unit=tree["dept_a"], capacity=5)


@pytest.fixture
def staff_a(tree):
    """Three working people of Sở A's office, one retired (not enrolled: only working people are listed)."""
    people = [
        PersonFactory(full_name=f"Lò Văn Học {i}", current_unit=tree["dept_a_office"]) for i in range(3)
    ]
    PersonFactory(
        full_name="Lò Văn Hưu",
        current_unit=tree["dept_a_office"],
        status="RETIRED",
        status_date=D(2024, 1, 1),
    )
    return people


def _url(klass, **params):
    return reverse("training:bulk_enrol", args=[klass.pk]) + ("?" + urlencode(params) if params else "")


def _job(response):
    """The job the submit started (the test queue has already run it)."""
    assert response.status_code == 302, response
    match = resolve(response["Location"])
    assert match.view_name == "jobs:detail"
    return Job.objects.get(pk=match.kwargs["job_id"])


def test_the_page_shows_how_many_match_then_enrols_them_all(client, klass, alice, staff_a):
    client.force_login(alice)
    response = client.get(_url(klass, unit="SO_A_VP"))
    assert response.status_code == 200
    assert response.context["count"] == 3
    html = response.content.decode()
    assert "Ghi danh 3 người vào lớp" in html and "Lò Văn Hưu" not in html
    assert "bỏ qua người đã có trong lớp" in html.lower()
    assert 'hx-indicator="#bulk-indicator"' in html
    response = client.post(_url(klass, unit="SO_A_VP"), {"expected": 3})
    job = _job(response)
    batch = EnrolmentBatch.objects.get()
    assert (job.status, job.kind, job.created_by) == (JobStatus.SUCCEEDED, "training.enrol_bulk", alice)
    assert job.message == "Đã ghi danh 3 người vào lớp TH-01."
    assert set(Enrolment.objects.values_list("person", flat=True)) == {p.pk for p in staff_a}
    batch_url = reverse("training:batch_detail", args=[klass.pk, batch.pk])
    job_page = client.get(response["Location"]).content.decode()
    assert "Đã ghi danh 3 người vào lớp TH-01." in job_page and f'href="{batch_url}"' in job_page
    page = client.get(batch_url).content.decode()
    assert "Số người được ghi danh" in page and "<strong>3</strong>" in page and "SO_A_VP" in page


def test_htmx_submit_redirects_with_a_header(client, klass, alice, staff_a):
    client.force_login(alice)
    response = client.post(_url(klass, unit="SO_A_VP"), {"expected": 3}, HTTP_HX_REQUEST="true")
    assert response.status_code == 204
    assert resolve(response["HX-Redirect"]).view_name == "jobs:detail"
    assert EnrolmentBatch.objects.get().enrolled == 3


def test_a_full_class_enrols_nobody(client, klass, alice, staff_a, tree):
    klass.capacity = 2
    klass.save()
    client.force_login(alice)
    job = _job(client.post(_url(klass, unit="SO_A_VP"), {"expected": 3}))
    assert job.status == JobStatus.FAILED
    assert job.message.startswith("Chưa ghi danh được: ") and "chỉ nhận 2 học viên" in job.message
    assert not Enrolment.objects.exists() and not EnrolmentBatch.objects.exists()


def test_someone_outside_the_users_units_in_the_list_enrols_nobody(
    client, klass, tree, staff_a, outsider_person
):
    """An officer of Sở A who also leads Sở B sees Sở B's people in the list, but may not enrol them."""
    user = grant(
        grant(UserFactory(username="eve"), Role.UNIT_OFFICER, tree["dept_a"]), Role.LEADER, tree["dept_b"]
    )
    client.force_login(user)
    job = _job(client.post(_url(klass, category="CC"), {"expected": 4}))
    assert job.status == JobStatus.FAILED
    assert "không thuộc đơn vị anh/chị quản lý" in job.message and "Trần Thị Bích" in job.message
    assert not Enrolment.objects.exists() and not EnrolmentBatch.objects.exists()


def test_people_already_in_the_class_refuse_the_batch_unless_skipped(client, klass, alice, staff_a):
    EnrolmentFactory(training_class=klass, person=staff_a[0])
    client.force_login(alice)
    job = _job(client.post(_url(klass, unit="SO_A_VP"), {"expected": 3}))
    assert job.status == JobStatus.FAILED and "đã có trong danh sách lớp" in job.message
    assert Enrolment.objects.count() == 1
    job = _job(client.post(_url(klass, unit="SO_A_VP"), {"expected": 3, "skip_existing": "on"}))
    assert job.message == "Đã ghi danh 2 người vào lớp TH-01; bỏ qua 1 người đã có trong lớp."
    batch = EnrolmentBatch.objects.get()
    assert (batch.enrolled, batch.criteria["skipped"]) == (2, 1)
    assert Enrolment.objects.count() == 3


def test_a_list_changed_since_viewed_or_no_filter_enrols_nobody(client, klass, alice, staff_a):
    client.force_login(alice)
    response = client.post(_url(klass, unit="SO_A_VP"), {"expected": 2})
    assert "Danh sách đã thay đổi" in response.content.decode()
    response = client.post(_url(klass), {"expected": 3})
    assert "ít nhất một điều kiện lọc" in response.content.decode()
    assert not Enrolment.objects.exists()


def test_readers_and_outsiders_cannot_bulk_enrol(client, klass, bob, charlie, dana, staff_a):
    for user, status in [(bob, 403), (dana, 403), (charlie, 404)]:
        client.force_login(user)
        assert client.get(_url(klass, unit="SO_A_VP")).status_code == status
        assert client.post(_url(klass, unit="SO_A_VP"), {"expected": 3}).status_code == status
    assert not Enrolment.objects.exists()


def test_the_batch_page_is_for_those_who_see_the_class(client, klass, alice, bob, charlie, staff_a):
    client.force_login(alice)
    client.post(_url(klass, unit="SO_A_VP"), {"expected": 3})
    url = reverse("training:batch_detail", args=[klass.pk, EnrolmentBatch.objects.get().pk])
    client.force_login(bob)
    assert client.get(url).status_code == 200
    client.force_login(charlie)
    assert client.get(url).status_code == 404


def test_bulk_page_query_count_does_not_grow_with_the_list(
    client, klass, board, tree, django_assert_max_num_queries
):
    for i in range(60):
        PersonFactory(full_name=f"Người {i}", current_unit=tree["dept_a"])
    client.force_login(board)
    with django_assert_max_num_queries(10):  # + the notification badge
        assert client.get(_url(klass, unit="SO_A")).status_code == 200


def test_the_job_checks_again_when_it_runs_and_a_repeated_run_enrols_nobody_twice(
    klass, alice, staff_a, tree
):
    from canbo.training.bulk import enrol_bulk_start, run_enrol_bulk

    changed = enrol_bulk_start(
        actor=alice, klass=klass, query="unit=SO_A_VP", expected=2, skip_existing=False
    )
    changed.refresh_from_db()
    assert changed.status == JobStatus.FAILED and "Danh sách đã thay đổi" in changed.message
    job = enrol_bulk_start(actor=alice, klass=klass, query="unit=SO_A_VP", expected=3, skip_existing=False)
    job.refresh_from_db()
    assert job.status == JobStatus.SUCCEEDED and Enrolment.objects.count() == 3

    job.result = {"batch": job.result["batch"]}  # as left by a worker that died after committing
    run_enrol_bulk(job, lambda *args, **kwargs: None)

    assert Enrolment.objects.count() == 3 and EnrolmentBatch.objects.count() == 1
    assert job.message == "Đã ghi danh 3 người vào lớp TH-01."
