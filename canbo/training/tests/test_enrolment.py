"""Classes, enrolment one by one and in bulk, results and the qualification they write."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError

from canbo.people.models import Qualification
from canbo.training import services
from canbo.training.choices import EnrolmentResult, PlanStatus
from canbo.training.models import Enrolment, EnrolmentBatch
from tests.factories import PersonFactory

from .factories import PlanLineFactory, TrainingClassFactory, programme

D = datetime.date


@pytest.fixture
def klass(tree):
    return TrainingClassFactory(
        code="CCLL-2026",
        programme=programme("LLCT_CAO_CAP"),
        organiser_unit=tree["dept_a"],
        capacity=3,
        start_date=D(2026, 3, 2),
        end_date=D(2026, 10, 30),
    )


def people(unit, n):
    return [PersonFactory(current_unit=unit, full_name=f"Lò Văn Học {i}") for i in range(n)]


def test_enrol_copies_the_class_and_records_the_unit_then(klass, alice, anh):
    enrolment = services.enrol(actor=alice, training_class=klass, person=anh)
    assert (enrolment.programme, enrolment.mode, enrolment.start_date) == (
        klass.programme,
        "TAP_TRUNG",
        D(2026, 3, 2),
    )
    assert enrolment.unit == anh.current_unit
    assert enrolment.cost == klass.cost_per_trainee
    assert LogEntry.objects.get_for_object(enrolment).filter(actor=alice).exists()


def test_same_person_twice_refused(klass, alice, anh):
    services.enrol(actor=alice, training_class=klass, person=anh)
    with pytest.raises(ValidationError, match="đã có trong danh sách lớp"):
        services.enrol(actor=alice, training_class=klass, person=anh)
    assert Enrolment.objects.count() == 1


def test_person_outside_the_users_units_refused(klass, alice, charlie, outsider_person, anh, bob):
    with pytest.raises(PermissionDenied, match="không thuộc đơn vị"):
        services.enrol(actor=alice, training_class=klass, person=outsider_person)
    with pytest.raises(PermissionDenied):
        services.enrol(actor=bob, training_class=klass, person=anh)  # leader: read only
    services.enrol(actor=charlie, training_class=klass, person=outsider_person)  # own person, province class
    assert Enrolment.objects.count() == 1


def test_capacity_exceeded_refused(klass, alice, tree):
    for person in people(tree["dept_a"], 3):
        services.enrol(actor=alice, training_class=klass, person=person)
    with pytest.raises(ValidationError, match="chỉ nhận 3 học viên"):
        services.enrol(actor=alice, training_class=klass, person=PersonFactory(current_unit=tree["dept_a"]))


def test_bulk_enrol_all_or_nothing(klass, alice, tree, outsider_person):
    klass.capacity = 100
    klass.save()
    ours = people(tree["dept_a_office"], 5)
    with pytest.raises(ValidationError, match="1 người không thuộc đơn vị"):
        services.enrol_bulk(actor=alice, training_class=klass, persons=[*ours, outsider_person])
    assert not Enrolment.objects.exists()
    batch = services.enrol_bulk(actor=alice, training_class=klass, persons=ours, criteria={"unit": "SO_A_VP"})
    assert batch.enrolled == 5 and EnrolmentBatch.objects.count() == 1
    assert Enrolment.objects.filter(training_class=klass).count() == 5
    assert LogEntry.objects.filter(content_type__model="enrolment", actor=alice).count() == 5
    more = people(tree["dept_a"], 2)
    with pytest.raises(ValidationError, match="đã có trong danh sách lớp"):
        services.enrol_bulk(actor=alice, training_class=klass, persons=[*ours[:2], *more])
    batch = services.enrol_bulk(
        actor=alice, training_class=klass, persons=[*ours[:2], *more], skip_existing=True
    )
    assert (batch.enrolled, batch.criteria["skipped"]) == (2, 2)


def test_bulk_enrol_respects_capacity(klass, alice, tree):
    with pytest.raises(ValidationError, match="chỉ nhận 3"):
        services.enrol_bulk(actor=alice, training_class=klass, persons=people(tree["dept_a"], 4))
    assert not Enrolment.objects.exists()


def test_bulk_enrol_is_set_based(klass, alice, tree, django_assert_max_num_queries):
    klass.capacity = 500
    klass.save()
    persons = people(tree["dept_a"], 40)
    from canbo.people.models import Person

    # 14: with the national-database outbox of the enrolments (one query for the persons, one bulk insert)
    with django_assert_max_num_queries(14):
        services.enrol_bulk(
            actor=alice, training_class=klass, persons=Person.objects.filter(pk__in=[p.pk for p in persons])
        )


def test_completion_writes_the_qualification_in_the_same_transaction(klass, alice, anh):
    enrolment = services.enrol(actor=alice, training_class=klass, person=anh)
    services.record_result(
        actor=alice,
        enrolment=enrolment,
        data={"result": "COMPLETED", "result_date": D(2026, 10, 30), "certificate_number": "CC-123"},
    )
    qual = Qualification.objects.get(person=anh, scale="POLITICAL_THEORY")
    assert (qual.level, qual.awarded_on, qual.document_number) == ("CAO_CAP", D(2026, 10, 30), "CC-123")
    assert enrolment.qualification == qual
    assert LogEntry.objects.get_for_object(qual).filter(actor=alice).exists()
    # corrected to "not completed": the qualification goes away again
    services.record_result(
        actor=alice, enrolment=enrolment, data={"result": "NOT_COMPLETED", "certificate_number": ""}
    )
    assert not Qualification.objects.filter(person=anh, scale="POLITICAL_THEORY").exists()


def test_fostering_without_a_qualification_writes_none(tree, alice, anh):
    klass = TrainingClassFactory(
        organiser_unit=tree["dept_a"], start_date=D(2026, 3, 2), end_date=D(2026, 3, 6)
    )
    enrolment = services.enrol(actor=alice, training_class=klass, person=anh)
    services.record_result(
        actor=alice, enrolment=enrolment, data={"result": "COMPLETED", "result_date": D(2026, 3, 6)}
    )
    assert not Qualification.objects.filter(person=anh).exists()


def test_result_before_the_class_starts_refused(klass, alice, anh):
    enrolment = services.enrol(actor=alice, training_class=klass, person=anh)
    with pytest.raises(ValidationError) as exc:
        services.record_result(
            actor=alice, enrolment=enrolment, data={"result": "COMPLETED", "result_date": D(2026, 3, 1)}
        )
    assert "trước ngày bắt đầu học" in exc.value.message_dict["result_date"][0]
    enrolment.refresh_from_db()
    assert enrolment.result == EnrolmentResult.PENDING
    assert not Qualification.objects.exists()


def test_results_in_bulk_are_all_or_nothing(klass, alice, tree):
    rows = []
    for person in people(tree["dept_a"], 3):
        rows.append(services.enrol(actor=alice, training_class=klass, person=person))
    good = {"result": "COMPLETED", "result_date": D(2026, 10, 30)}
    bad = {"result": "COMPLETED", "result_date": D(2025, 1, 1)}
    with pytest.raises(services.ResultRowsError) as exc:
        services.record_results(actor=alice, rows=[(rows[0], good), (rows[1], bad), (rows[2], good)])
    assert list(exc.value.rows) == [1]
    assert not Enrolment.objects.exclude(result="PENDING").exists()
    assert not Qualification.objects.exists()
    services.record_results(actor=alice, rows=[(r, good) for r in rows])
    assert Qualification.objects.count() == 3


def test_outsider_cannot_record_results(klass, alice, charlie, anh):
    enrolment = services.enrol(actor=alice, training_class=klass, person=anh)
    with pytest.raises(PermissionDenied):
        services.record_result(
            actor=charlie, enrolment=enrolment, data={"result": "WITHDRAWN", "result_date": D(2026, 4, 1)}
        )


def test_class_against_a_draft_plan_or_another_programme_refused(tree, alice):
    line = PlanLineFactory(plan__owner_unit=tree["dept_a"], plan__status=PlanStatus.DRAFT)
    data = {
        "code": "L1",
        "name": "Lớp 1",
        "programme": programme("LLCT_CAO_CAP"),
        "plan_line": line,
        "organiser_unit": tree["dept_a"],
        "start_date": D(2026, 3, 1),
        "end_date": D(2026, 9, 1),
        "capacity": 50,
    }
    with pytest.raises(ValidationError, match="phê duyệt"):
        services.class_create(actor=alice, data=data)
    line.plan.status = PlanStatus.APPROVED
    line.plan.save()
    with pytest.raises(ValidationError, match="chương trình khác"):
        services.class_create(actor=alice, data={**data, "programme": programme("DT_THAC_SI")})
    klass = services.class_create(actor=alice, data=data)
    assert klass.plan_line == line


def test_class_outside_units_refused(tree, charlie):
    with pytest.raises(PermissionDenied):
        services.class_create(
            actor=charlie,
            data={
                "code": "L2",
                "name": "x",
                "programme": programme("NV_TO_CHUC"),
                "organiser_unit": tree["dept_a"],
                "start_date": D(2026, 3, 1),
                "end_date": D(2026, 3, 5),
                "capacity": 5,
            },
        )


def test_class_change_moves_its_enrolments(klass, alice, anh):
    services.enrol(actor=alice, training_class=klass, person=anh)
    services.class_update(
        actor=alice, klass=klass, data={"start_date": D(2026, 4, 1), "mode": "KHONG_TAP_TRUNG"}
    )
    enrolment = Enrolment.objects.get()
    assert (enrolment.start_date, enrolment.mode) == (D(2026, 4, 1), "KHONG_TAP_TRUNG")
    with pytest.raises(ValidationError, match="không đổi được chương trình"):
        services.class_update(actor=alice, klass=klass, data={"programme": programme("DT_THAC_SI")})


def test_remove_only_without_result(klass, alice, anh):
    enrolment = services.enrol(actor=alice, training_class=klass, person=anh)
    services.record_result(
        actor=alice, enrolment=enrolment, data={"result": "WITHDRAWN", "result_date": D(2026, 4, 1)}
    )
    with pytest.raises(ValidationError, match="thôi học"):
        services.enrolment_remove(actor=alice, enrolment=enrolment)
