"""Class pages: list and filters, the class page with its roster as each role may see it, enrol one person,
take someone off the list, create and edit a class."""

import datetime

import pytest
from django.urls import reverse

from canbo.training import services
from canbo.training.models import Enrolment, TrainingClass
from tests.factories import PersonFactory

from .factories import EnrolmentFactory, TrainingClassFactory, programme

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def klass(tree):
    return TrainingClassFactory(
        code="NVTC-01",
        name="Bồi dưỡng nghiệp vụ tổ chức khóa 1",
        organiser_unit=tree["dept_a"],
        capacity=3,
        start_date=D(2026, 3, 2),
        end_date=D(2026, 3, 13),
    )


def _detail(client, user, klass):
    client.force_login(user)
    return client.get(reverse("training:class_detail", args=[klass.pk]))


def test_the_organiser_sees_the_whole_roster_in_vietnamese_order_and_the_write_buttons(
    client, klass, alice, anh, tree
):
    EnrolmentFactory(training_class=klass, person=anh)
    EnrolmentFactory(
        training_class=klass, person=PersonFactory(full_name="Lò Thị Ánh", current_unit=tree["dept_a"])
    )
    response = _detail(client, alice, klass)
    assert response.status_code == 200
    assert [e.person.full_name for e in response.context["page"].object_list] == [
        "Lò Thị Ánh",
        "Nguyễn Văn Ánh",
    ]
    html = response.content.decode()
    for text in ["Sửa thông tin lớp", "Ghi danh theo danh sách lọc", "Nhập kết quả học tập", "Bỏ khỏi lớp"]:
        assert text in html
    assert "2 / 3" in html


def test_a_leader_reads_the_roster_without_write_buttons_and_is_refused_writes(client, klass, bob, anh):
    enrolment = EnrolmentFactory(training_class=klass, person=anh)
    response = _detail(client, bob, klass)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nguyễn Văn Ánh" in html
    for text in ["Sửa thông tin lớp", "Ghi danh", "Nhập kết quả học tập", "Bỏ khỏi lớp"]:
        assert text not in html
    assert (
        client.post(reverse("training:enrol_one", args=[klass.pk]), {"person": anh.uuid}).status_code == 403
    )
    assert client.post(reverse("training:enrolment_remove", args=[enrolment.pk])).status_code == 403
    assert client.get(reverse("training:class_edit", args=[klass.pk])).status_code == 403
    assert client.get(reverse("training:results_entry", args=[klass.pk])).status_code == 403
    assert Enrolment.objects.count() == 1


def test_an_outside_officer_gets_404_and_sees_only_own_people_of_a_class_they_attend(
    client, klass, charlie, anh, outsider_person
):
    mine = EnrolmentFactory(training_class=klass, person=anh)
    assert _detail(client, charlie, klass).status_code == 404
    assert client.post(reverse("training:enrolment_remove", args=[mine.pk])).status_code == 404
    EnrolmentFactory(training_class=klass, person=outsider_person)
    response = _detail(client, charlie, klass)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Trần Thị Bích" in html and "Nguyễn Văn Ánh" not in html
    assert "Sửa thông tin lớp" not in html
    assert Enrolment.objects.filter(pk=mine.pk).exists()


def test_enrol_one_person_found_by_an_unaccented_search(client, klass, alice, anh, outsider_person):
    client.force_login(alice)
    response = client.get(reverse("people:person_picker"), {"person_q": "nguyen van"})
    assert anh.full_name in response.content.decode()
    assert (
        "Trần Thị Bích"
        not in client.get(reverse("people:person_picker"), {"person_q": "tran thi"}).content.decode()
    )
    url = reverse("training:enrol_one", args=[klass.pk])
    response = client.post(url, {"person": anh.uuid}, follow=True)
    assert "Đã ghi danh Nguyễn Văn Ánh" in response.content.decode()
    response = client.post(url, {"person": anh.uuid}, follow=True)
    assert "đã có trong danh sách lớp" in response.content.decode()
    response = client.post(url, {"person": outsider_person.uuid}, follow=True)
    assert "Không tìm thấy người này" in response.content.decode()
    assert list(Enrolment.objects.values_list("person", flat=True)) == [anh.pk]


def test_a_full_class_refuses_one_more(client, klass, alice, tree):
    for _ in range(3):
        EnrolmentFactory(training_class=klass, person__current_unit=tree["dept_a"])
    person = PersonFactory(current_unit=tree["dept_a"])
    client.force_login(alice)
    response = client.post(
        reverse("training:enrol_one", args=[klass.pk]), {"person": person.uuid}, follow=True
    )
    assert "chỉ nhận 3 học viên" in response.content.decode()
    assert Enrolment.objects.count() == 3


def test_remove_only_without_a_result(client, klass, alice, anh, tree):
    done = EnrolmentFactory(training_class=klass, person=anh, result="COMPLETED", result_date=D(2026, 3, 13))
    pending = EnrolmentFactory(training_class=klass, person__current_unit=tree["dept_a"])
    client.force_login(alice)
    response = client.post(reverse("training:enrolment_remove", args=[done.pk]), follow=True)
    assert "ghi “thôi học”" in response.content.decode()
    assert client.post(reverse("training:enrolment_remove", args=[pending.pk])).status_code == 302
    assert list(Enrolment.objects.values_list("pk", flat=True)) == [done.pk]


def _class_data(tree, **extra):
    data = {
        "code": "TH-2026",
        "name": "Lớp tin học cơ bản",
        "programme": programme("TH_CO_BAN").pk,
        "organiser_unit": tree["dept_a"].pk,
        "organiser_name": "Trung tâm tin học",
        "venue": "TRONG_NUOC",
        "mode": "TAP_TRUNG",
        "start_date": "02/03/2026",
        "end_date": "13/03/2026",
        "capacity": 40,
        "cost_per_trainee": 1_500_000,
    }
    data.update(extra)
    return data


def test_create_and_edit_a_class_with_errors_next_to_the_fields(client, alice, tree, anh):
    client.force_login(alice)
    url = reverse("training:class_create")
    response = client.post(url, _class_data(tree, end_date="01/03/2026"))
    assert (
        response.status_code == 200 and "Ngày bế giảng phải sau ngày khai giảng." in response.content.decode()
    )
    response = client.post(url, _class_data(tree, organiser_unit=tree["dept_b"].pk))
    assert "Lựa chọn không hợp lệ." in response.content.decode()
    assert not TrainingClass.objects.exists()
    assert client.post(url, _class_data(tree)).status_code == 302
    klass = TrainingClass.objects.get()
    services.enrol(actor=alice, training_class=klass, person=anh)
    edit = reverse("training:class_edit", args=[klass.pk])
    response = client.post(edit, _class_data(tree, end_date="20/03/2026", version=klass.version))
    assert response.status_code == 302
    assert Enrolment.objects.get().end_date == D(2026, 3, 20)  # the roster follows the class
    response = client.post(edit, _class_data(tree, capacity=2, version=klass.version))
    assert response.status_code == 409 and "người khác cập nhật" in response.content.decode()


def test_the_list_filters_by_status_programme_and_search(client, board, klass, tree):
    today = datetime.date.today()
    TrainingClass.objects.filter(pk=klass.pk).update(
        start_date=today - datetime.timedelta(days=3), end_date=today + datetime.timedelta(days=3)
    )
    TrainingClassFactory(
        code="CCLL-2020",
        programme=programme("LLCT_CAO_CAP"),
        organiser_unit=tree["dept_b"],
        start_date=D(2020, 3, 1),
        end_date=D(2020, 10, 1),
    )
    TrainingClassFactory(
        code="SAU",
        programme=programme("TH_CO_BAN"),
        organiser_unit=tree["dept_b"],
        start_date=D(2099, 3, 1),
        end_date=D(2099, 3, 2),
    )
    client.force_login(board)

    def codes(**params):
        response = client.get(reverse("training:class_list"), params)
        return [c.code for c in response.context["page"].object_list]

    assert codes() == ["SAU", "NVTC-01", "CCLL-2020"]
    assert codes(status="finished") == ["CCLL-2020"]
    assert codes(status="running") == ["NVTC-01"]
    assert codes(status="upcoming") == ["SAU"]
    assert codes(programme="NV_TO_CHUC") == ["NVTC-01"]
    assert codes(kind="POLITICAL_THEORY", year=2020) == ["CCLL-2020"]
    assert codes(q="nvtc") == ["NVTC-01"]


def test_an_officer_lists_their_units_classes_only(client, charlie, klass, tree):
    TrainingClassFactory(code="SOB-1", organiser_unit=tree["dept_b"])
    TrainingClassFactory(code="TINH-1", organiser_unit=tree["province"])
    client.force_login(charlie)
    codes = {c.code for c in client.get(reverse("training:class_list")).context["page"].object_list}
    assert codes == {"SOB-1", "TINH-1"}


def test_list_and_class_page_query_counts(client, board, klass, tree, django_assert_max_num_queries):
    for i in range(30):
        TrainingClassFactory(code=f"L{i}", organiser_unit=tree["dept_b"])
    for _ in range(3):
        EnrolmentFactory(training_class=klass, person__current_unit=tree["dept_a"])
    client.force_login(board)
    with django_assert_max_num_queries(8):
        assert client.get(reverse("training:class_list")).status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get(reverse("training:class_detail", args=[klass.pk])).status_code == 200
