"""/api/v1/classes/... and /api/v1/enrolments/...: scoping, enrolment (one and all-or-nothing bulk), results."""

import datetime
import uuid

import pytest
from rest_framework.test import APIClient

from canbo.people.models import Qualification
from canbo.training import services
from canbo.training.choices import EnrolmentResult
from canbo.training.models import Enrolment, EnrolmentBatch, TrainingClass
from tests.factories import PersonFactory

from .factories import EnrolmentFactory, PlanLineFactory, TrainingClassFactory, programme

pytestmark = pytest.mark.django_db
D = datetime.date
CLASSES = "/api/v1/classes/"
ENROLMENTS = "/api/v1/enrolments/"


def client_for(user=None):
    client = APIClient()
    if user is not None:
        client.force_login(user)
    return client


def url(klass, rest=""):
    return f"{CLASSES}{klass.pk}/{rest}"


@pytest.fixture
def klass(tree):
    """An advanced political theory class run by Sở A (grants the advanced diploma), 3 places."""
    return TrainingClassFactory(
        code="CCLL-2026",
        programme=programme("LLCT_CAO_CAP"),
        organiser_unit=tree["dept_a"],
        capacity=3,
        start_date=D(2026, 3, 2),
        end_date=D(2026, 10, 30),
    )


def new_class(**extra):
    body = {
        "code": "NVTC-01",
        "name": "Bồi dưỡng nghiệp vụ tổ chức",
        "programme": "NV_TO_CHUC",
        "organiser_unit": "SO_A",
        "start_date": "02/03/2026",
        "end_date": "2026-03-13",
        "capacity": 40,
        "cost_per_trainee": 2_500_000,
    }
    body.update(extra)
    return body


# --- classes -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("who,seen", [("board", True), ("alice", True), ("bob", True), ("charlie", False)])
def test_classes_are_scoped(who, seen, request, klass):
    client = client_for(request.getfixturevalue(who))

    listed = [c["code"] for c in client.get(CLASSES).json()["results"]]
    detail = client.get(url(klass))

    assert listed == (["CCLL-2026"] if seen else [])
    assert detail.status_code == (200 if seen else 404)


def test_official_and_anonymous(klass, dana):
    assert client_for(dana).get(CLASSES).json()["results"] == []
    assert client_for(dana).get(url(klass)).status_code == 404
    assert client_for().get(CLASSES).json()["detail"] == "Anh/chị chưa đăng nhập."


def test_officer_opens_a_class(alice):
    response = client_for(alice).post(CLASSES, new_class(), format="json")

    assert response.status_code == 201
    body = response.json()
    assert (body["code"], body["start_date"], body["enrolled"], body["version"]) == (
        "NVTC-01",
        "2026-03-02",
        0,
        1,
    )
    assert TrainingClass.objects.get(code="NVTC-01").organiser_unit.code == "SO_A"


def test_class_refusals(alice, bob, charlie, board, tree):
    draft_line = PlanLineFactory(plan__owner_unit=tree["province"], programme=programme("NV_TO_CHUC"))

    assert client_for(bob).post(CLASSES, new_class(), format="json").status_code == 403
    outside = client_for(charlie).post(CLASSES, new_class(), format="json")
    assert outside.status_code == 400 and outside.json()["organiser_unit"] == ["Không tìm thấy mã “SO_A”."]
    dates = client_for(alice).post(CLASSES, new_class(end_date="01/03/2026"), format="json")
    assert dates.status_code == 400 and "Ngày bế giảng phải sau ngày khai giảng." in str(dates.json())
    draft = client_for(board).post(CLASSES, new_class(plan_line=draft_line.pk), format="json")
    assert draft.status_code == 400
    assert draft.json()["plan_line"] == ["Chỉ mở lớp theo kế hoạch đã được phê duyệt."]
    unknown = client_for(board).post(CLASSES, new_class(plan_line=999999, start_date="x"), format="json")
    assert unknown.json()["plan_line"] == ["Không tìm thấy dòng kế hoạch số 999999."]
    assert unknown.json()["start_date"][0].startswith("Ngày không hợp lệ.")
    assert not TrainingClass.objects.exists()


def test_class_update_checks_version_and_capacity(klass, alice, anh, dana, charlie):
    services.enrol(actor=alice, training_class=klass, person=anh)
    services.enrol(actor=alice, training_class=klass, person=dana.person)
    client = client_for(alice)

    ok = client.patch(url(klass), {"location": "Hà Nội", "version": 1}, format="json")
    stale = client.patch(url(klass), {"location": "Điện Biên", "version": 1}, format="json")
    small = client.patch(url(klass), {"capacity": 1, "version": 2}, format="json")
    zero = client.patch(url(klass), {"capacity": 0, "version": 2}, format="json")

    assert ok.status_code == 200 and ok.json()["location"] == "Hà Nội" and ok.json()["enrolled"] == 2
    assert stale.status_code == 409
    assert small.status_code == 400
    assert small.json()["capacity"] == ["Số học viên tối đa nhỏ hơn số người đã ghi danh."]
    assert zero.json()["capacity"] == ["Giá trị không được nhỏ hơn 1."]
    assert (
        client_for(charlie).patch(url(klass), {"location": "x", "version": 2}, format="json").status_code
        == 404
    )


@pytest.mark.parametrize("classes", [2, 10])
def test_class_list_query_count(classes, board, tree, django_assert_max_num_queries):
    for _ in range(classes):
        EnrolmentFactory(training_class=TrainingClassFactory(organiser_unit=tree["dept_a"]))
    client = client_for(board)
    # session, user, roles, the unit filter, count, page
    with django_assert_max_num_queries(6):
        response = client.get(CLASSES, {"year": 2026, "unit": "SO_A"})
    assert response.json()["count"] == classes and response.json()["results"][0]["enrolled"] == 1


# --- enrolment ---------------------------------------------------------------------------------------------


def test_enrol_one_person(klass, alice, anh):
    response = client_for(alice).post(url(klass, "enrol/"), {"person": str(anh.uuid)}, format="json")
    again = client_for(alice).post(url(klass, "enrol/"), {"person": str(anh.uuid)}, format="json")

    assert response.status_code == 201
    body = response.json()
    assert (body["person"], body["unit"], body["result"], body["class_code"]) == (
        str(anh.uuid),
        "SO_A_VP",
        "PENDING",
        "CCLL-2026",
    )
    assert again.status_code == 400 and "đã có trong danh sách lớp" in again.json()["non_field_errors"][0]


def test_enrol_refusals(klass, alice, bob, charlie, anh, outsider_person):
    body = {"person": str(anh.uuid)}

    assert client_for(bob).post(url(klass, "enrol/"), body, format="json").status_code == 403
    assert client_for(charlie).post(url(klass, "enrol/"), body, format="json").status_code == 404
    outside = client_for(alice).post(
        url(klass, "enrol/"), {"person": str(outsider_person.uuid)}, format="json"
    )
    assert outside.status_code == 400 and "Không tìm thấy 1 cán bộ" in outside.json()["person"][0]
    assert "Trần Thị Bích" not in str(outside.json())  # a person outside the scope is not named
    bad = client_for(alice).post(url(klass, "enrol/"), {"person": "abc"}, format="json")
    assert bad.status_code == 400 and bad.json()["person"] == ["Mã UUID không hợp lệ."]
    assert not Enrolment.objects.exists()


def test_bulk_enrol_is_all_or_nothing(klass, alice, tree, outsider_person):
    ours = [PersonFactory(current_unit=tree["dept_a"]) for _ in range(3)]
    client = client_for(alice)

    outside = client.post(
        url(klass, "bulk-enrol/"),
        {"persons": [str(p.uuid) for p in [*ours[:2], outsider_person]]},
        format="json",
    )
    assert outside.status_code == 400 and "persons" in outside.json()
    too_many = client.post(
        url(klass, "bulk-enrol/"),
        {"persons": [str(p.uuid) for p in [*ours, PersonFactory(current_unit=tree["dept_a"])]]},
        format="json",
    )
    # queued (202) and run eagerly in tests: the refusal is the job's message
    assert too_many.status_code == 202
    refused = client.get(too_many["Location"]).json()
    assert refused["status"] == "FAILED" and "chỉ nhận 3 học viên" in refused["message"]
    assert not Enrolment.objects.exists() and not EnrolmentBatch.objects.exists()

    done = client.post(url(klass, "bulk-enrol/"), {"persons": [str(p.uuid) for p in ours]}, format="json")
    job = client.get(done["Location"]).json()
    assert done.status_code == 202 and job["status"] == "SUCCEEDED"
    assert (job["result"]["enrolled"], job["result"]["skipped"]) == (3, 0)
    assert Enrolment.objects.filter(training_class=klass).count() == 3


def test_bulk_enrol_skips_people_already_in_the_class_only_when_asked(klass, alice, tree, anh):
    services.enrol(actor=alice, training_class=klass, person=anh)
    other = PersonFactory(current_unit=tree["dept_a"])
    body = {"persons": [str(anh.uuid), str(other.uuid)]}
    client = client_for(alice)

    refused = client.get(client.post(url(klass, "bulk-enrol/"), body, format="json")["Location"]).json()
    skipped = client.post(url(klass, "bulk-enrol/"), {**body, "skip_existing": True}, format="json")

    assert refused["status"] == "FAILED" and "đã có trong danh sách lớp" in refused["message"]
    result = client.get(skipped["Location"]).json()["result"]
    assert skipped.status_code == 202 and (result["enrolled"], result["skipped"]) == (1, 1)
    empty = client.post(url(klass, "bulk-enrol/"), {"persons": []}, format="json")
    assert empty.status_code == 400 and empty.json()["persons"] == ["Chưa chọn người nào để ghi danh."]
    not_a_list = client.post(url(klass, "bulk-enrol/"), {"persons": "abc"}, format="json")
    assert not_a_list.json()["persons"] == ["Cần một danh sách."]
    assert (
        client_for(alice)
        .post(url(klass, "bulk-enrol/"), {"persons": [str(uuid.uuid4())]}, format="json")
        .json()["persons"][0]
        .startswith("Không tìm thấy 1 cán bộ")
    )


def test_roster_is_scoped(klass, alice, charlie, board, anh):
    services.enrol(actor=alice, training_class=klass, person=anh)

    assert [r["person_name"] for r in client_for(board).get(url(klass, "roster/")).json()["results"]] == [
        "Nguyễn Văn Ánh"
    ]
    assert client_for(charlie).get(url(klass, "roster/")).status_code == 404


# --- enrolments and results --------------------------------------------------------------------------------


@pytest.fixture
def enrolment(klass, alice, anh):
    return services.enrol(actor=alice, training_class=klass, person=anh)


def detail(enrolment):
    return f"{ENROLMENTS}{enrolment.pk}/"


def test_recording_completion_writes_the_qualification(enrolment, alice, anh):
    body = {
        "result": "COMPLETED",
        "result_date": "30/10/2026",
        "attendance_pct": 96,
        "certificate_number": "CC-123",
        "certificate_date": "2026-11-05",
        "version": enrolment.version,
    }
    response = client_for(alice).patch(detail(enrolment), body, format="json")

    assert response.status_code == 200
    assert response.json()["result_label"] == "Hoàn thành" and response.json()["qualification"] is not None
    qual = Qualification.objects.get(person=anh, level="CAO_CAP")
    assert (qual.awarded_on, qual.document_number) == (D(2026, 11, 5), "CC-123")
    stale = client_for(alice).patch(detail(enrolment), {**body, "certificate_number": "CC-9"}, format="json")
    assert stale.status_code == 409 and stale.json()["code"] == "conflict"


def test_result_refusals(enrolment, alice, bob, charlie):
    early = {"result": "COMPLETED", "result_date": "01/03/2026", "version": enrolment.version}

    bad = client_for(alice).patch(detail(enrolment), early, format="json")
    assert bad.status_code == 400
    assert bad.json()["result_date"] == ["Ngày có kết quả (01/03/2026) trước ngày bắt đầu học (02/03/2026)."]
    wrong = client_for(alice).patch(
        detail(enrolment), {"result": "DONE", "attendance_pct": 120}, format="json"
    )
    assert set(wrong.json()) == {"result", "attendance_pct", "version"}
    assert wrong.json()["attendance_pct"] == ["Giá trị không được lớn hơn 100."]
    assert client_for(bob).patch(detail(enrolment), early, format="json").status_code == 403
    assert client_for(charlie).patch(detail(enrolment), early, format="json").status_code == 404
    enrolment.refresh_from_db()
    assert enrolment.result == EnrolmentResult.PENDING and enrolment.version == 1


def test_remove_from_the_class(enrolment, alice):
    assert client_for(alice).delete(detail(enrolment)).status_code == 204
    assert not Enrolment.objects.exists()


def test_enrolment_list_filters_like_the_page(klass, alice, board, tree, anh, dana):
    services.enrol(actor=alice, training_class=klass, person=anh)
    done = EnrolmentFactory(
        training_class=TrainingClassFactory(programme=programme("NV_TO_CHUC"), organiser_unit=tree["dept_a"]),
        person=PersonFactory(current_unit=tree["dept_b"], full_name="Lò Văn Hoàn"),
        result=EnrolmentResult.COMPLETED,
        result_date=D(2026, 3, 13),
    )
    client = client_for(board)

    def names(**params):
        response = client.get(ENROLMENTS, params)
        assert response.status_code == 200, response.json()
        return [r["person_name"] for r in response.json()["results"]]

    assert sorted(names()) == ["Lò Văn Hoàn", "Nguyễn Văn Ánh"]
    assert names(measure="completed", **{"from": "01/03/2026", "to": "31/03/2026"}) == ["Lò Văn Hoàn"]
    assert names(measure="completed", **{"from": "14/03/2026"}) == []
    assert names(unit="SO_A", programme="LLCT_CAO_CAP", form="DAO_TAO", kind="POLITICAL_THEORY") == [
        "Nguyễn Văn Ánh"
    ]
    assert names(q="lo van hoan", result="COMPLETED", mode="TAP_TRUNG", venue="TRONG_NUOC") == ["Lò Văn Hoàn"]
    assert done.pk in [r["id"] for r in client.get(ENROLMENTS, {"unit": "SO_B"}).json()["results"]]
    bad = client.get(ENROLMENTS, {"from": "31/02/2026", "measure": "x"})
    assert bad.status_code == 400 and set(bad.json()) == {"from", "measure"}
    assert client_for(alice).get(ENROLMENTS, {"unit": "SO_B"}).status_code == 400
    assert [r["person_name"] for r in client_for(alice).get(ENROLMENTS).json()["results"]] == [
        "Nguyễn Văn Ánh"
    ]
    assert client_for(dana).get(ENROLMENTS).json()["results"] == []
    assert client_for(alice).get(detail(done)).status_code == 404
    # Counted where they were sent from (as the reports count): someone who moved to Sở A since is not
    # in Sở A's list, though their record stays readable; an official lists her own.
    moved = EnrolmentFactory(person=PersonFactory(current_unit=tree["dept_a"]), unit=tree["dept_b"])
    own = EnrolmentFactory(person=dana.person)
    assert moved.pk not in [r["id"] for r in client_for(alice).get(ENROLMENTS).json()["results"]]
    assert client_for(alice).get(detail(moved)).status_code == 200
    assert [r["id"] for r in client_for(dana).get(ENROLMENTS).json()["results"]] == [own.pk]


@pytest.mark.parametrize("rows", [3, 25])
def test_enrolment_list_query_count(rows, board, tree, django_assert_max_num_queries):
    klass = TrainingClassFactory(organiser_unit=tree["dept_a"], capacity=100)
    for _ in range(rows):
        EnrolmentFactory(training_class=klass, person=PersonFactory(current_unit=tree["dept_a"]))
    client = client_for(board)
    # session, user, roles, the form's programme choices, the unit filter, count, page
    with django_assert_max_num_queries(7):
        response = client.get(ENROLMENTS, {"unit": "SO_A", "from": "01/01/2026"})
    assert response.json()["count"] == rows
