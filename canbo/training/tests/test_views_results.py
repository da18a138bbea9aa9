"""Results entry: the grid of the class list posted at once; a bad row writes nothing; completion writes the
qualification to the record."""

import datetime

import pytest
from django.urls import reverse

from canbo.people.models import Qualification
from canbo.training.models import Enrolment
from tests.factories import PersonFactory

from .factories import EnrolmentFactory, TrainingClassFactory, programme

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def klass(tree):
    return TrainingClassFactory(
        code="CCLL-26",
        programme=programme("LLCT_CAO_CAP"),
        organiser_unit=tree["dept_a"],
        start_date=D(2026, 3, 2),
        end_date=D(2026, 10, 30),
    )


@pytest.fixture
def roster(klass, anh, tree):
    other = PersonFactory(full_name="Lò Thị Hoa", current_unit=tree["dept_a"])
    return [EnrolmentFactory(training_class=klass, person=p) for p in (other, anh)]


def _grid(enrolments, rows: dict[int, dict]) -> dict:
    """The POST of the grid: one form per enrolment in roster order, values overridden per index."""
    data = {"form-TOTAL_FORMS": len(enrolments), "form-INITIAL_FORMS": len(enrolments)}
    for i, e in enumerate(enrolments):
        values = {
            "id": e.pk,
            "version": e.version,
            "result": e.result,
            "result_date": "",
            "attendance_pct": "",
        }
        values.update({"certificate_number": "", "certificate_date": ""})
        values.update(rows.get(i, {}))
        data.update({f"form-{i}-{k}": v for k, v in values.items()})
    return data


def _ordered(klass):
    return list(Enrolment.objects.filter(training_class=klass).order_by("person__sort_key", "person_id"))


def test_the_grid_records_every_row_and_completion_writes_the_qualification(
    client, klass, roster, alice, anh
):
    client.force_login(alice)
    url = reverse("training:results_entry", args=[klass.pk])
    response = client.get(url)
    assert response.status_code == 200 and len(response.context["rows"]) == 2
    enrolments = _ordered(klass)
    data = _grid(
        enrolments,
        {
            0: {
                "result": "COMPLETED",
                "result_date": "30/10/2026",
                "attendance_pct": "95",
                "certificate_number": "CC-1",
            },
            1: {"result": "NOT_COMPLETED", "result_date": "30/10/2026", "attendance_pct": "60"},
        },
    )
    response = client.post(url, data)
    assert response.status_code == 302
    results = dict(Enrolment.objects.values_list("person__full_name", "result"))
    assert sorted(results.values()) == ["COMPLETED", "NOT_COMPLETED"]
    completed = Enrolment.objects.get(result="COMPLETED")
    assert completed.qualification is not None
    assert Qualification.objects.filter(
        person=completed.person, scale="POLITICAL_THEORY", level="CAO_CAP"
    ).exists()


def test_a_bad_row_writes_nothing_and_is_marked(client, klass, roster, alice):
    client.force_login(alice)
    url = reverse("training:results_entry", args=[klass.pk])
    enrolments = _ordered(klass)
    data = _grid(
        enrolments,
        {
            0: {"result": "COMPLETED", "result_date": "30/10/2026", "certificate_number": "CC-1"},
            1: {"result": "COMPLETED", "result_date": "01/01/2026"},  # before the class started
        },
    )
    response = client.post(url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "trước ngày bắt đầu học" in html and "không dòng nào được ghi" in html
    forms = [form for _e, form in response.context["rows"]]
    assert not forms[0].errors and "result_date" in forms[1].errors
    assert set(Enrolment.objects.values_list("result", flat=True)) == {"PENDING"}
    assert not Qualification.objects.exists()


def test_an_invalid_cell_writes_nothing(client, klass, roster, alice):
    client.force_login(alice)
    enrolments = _ordered(klass)
    data = _grid(
        enrolments, {0: {"result": "COMPLETED", "result_date": "30/10/2026"}, 1: {"attendance_pct": "120"}}
    )
    response = client.post(reverse("training:results_entry", args=[klass.pk]), data)
    assert "Có dòng chưa hợp lệ" in response.content.decode()
    assert set(Enrolment.objects.values_list("result", flat=True)) == {"PENDING"}


def test_a_row_changed_by_someone_else_is_a_conflict(client, klass, roster, alice):
    client.force_login(alice)
    enrolments = _ordered(klass)
    data = _grid(enrolments, {0: {"result": "COMPLETED", "result_date": "30/10/2026"}})
    Enrolment.objects.filter(pk=enrolments[0].pk).update(version=9)
    response = client.post(reverse("training:results_entry", args=[klass.pk]), data)
    assert response.status_code == 409
    assert "người khác cập nhật" in response.content.decode()
    assert set(Enrolment.objects.values_list("result", flat=True)) == {"PENDING"}


def test_readers_and_outsiders_cannot_enter_results(client, klass, roster, bob, charlie, dana):
    url = reverse("training:results_entry", args=[klass.pk])
    data = _grid(_ordered(klass), {0: {"result": "COMPLETED", "result_date": "30/10/2026"}})
    for user, status in [(bob, 403), (charlie, 404), (dana, 403)]:
        client.force_login(user)
        assert client.get(url).status_code == status
        assert client.post(url, data).status_code == status
    assert set(Enrolment.objects.values_list("result", flat=True)) == {"PENDING"}


def test_grid_query_count_does_not_grow_with_the_roster(
    client, klass, alice, tree, django_assert_max_num_queries
):
    for _ in range(40):
        EnrolmentFactory(training_class=klass, person__current_unit=tree["dept_a"])
    client.force_login(alice)
    with django_assert_max_num_queries(9):
        assert client.get(reverse("training:results_entry", args=[klass.pk])).status_code == 200
