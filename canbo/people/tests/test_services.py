import datetime

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError

from canbo.core.exceptions import ConflictError
from canbo.people.models import Employment, Person
from canbo.people.services import (
    change_request_create,
    change_request_decide,
    employment_add,
    person_create,
    person_end_service,
    person_update,
    qualification_add,
)
from tests.factories import national_id_for

pytestmark = pytest.mark.django_db


def _data(**extra):
    birth = datetime.date(1990, 3, 2)
    data = {
        "code": "HS900001",
        "full_name": "  Lò   Văn  Páo ",
        "gender": "NAM",
        "date_of_birth": birth,
        "national_id": national_id_for("NAM", birth, 900001),
        "ethnicity": "03",
    }
    data.update(extra)
    return data


def test_person_create_writes_person_first_employment_and_audit(alice, tree):
    person = person_create(
        actor=alice,
        data=_data(),
        unit=tree["dept_a_office"],
        category="CC",
        start_date=datetime.date(2015, 1, 1),
    )
    assert person.full_name == "Lò Văn Páo"
    assert (person.family_name, person.given_name) == ("Lò", "Páo")
    assert person.search_text.startswith("lo van pao")
    assert person.employments.get().unit == tree["dept_a_office"]
    entry = LogEntry.objects.get_for_object(person).get()
    assert entry.actor == alice and entry.action == LogEntry.Action.CREATE


def test_person_create_outside_units_is_refused_and_nothing_written(charlie, tree):
    with pytest.raises(PermissionDenied):
        person_create(
            actor=charlie,
            data=_data(),
            unit=tree["dept_a"],
            category="CC",
            start_date=datetime.date(2015, 1, 1),
        )
    assert not Person.objects.exists()


def test_person_create_bad_id_gives_vietnamese_field_error(alice, tree):
    with pytest.raises(ValidationError) as exc:
        person_create(
            actor=alice,
            data=_data(national_id="12345"),
            unit=tree["dept_a"],
            category="CC",
            start_date=datetime.date(2015, 1, 1),
        )
    assert "12 chữ số" in str(exc.value.message_dict["national_id"])
    assert not Person.objects.exists()


def test_national_id_must_match_gender(alice, tree):
    birth = datetime.date(1990, 3, 2)
    with pytest.raises(ValidationError) as exc:
        person_create(
            actor=alice,
            data=_data(national_id=national_id_for("NU", birth, 5)),
            unit=tree["dept_a"],
            category="CC",
            start_date=datetime.date(2015, 1, 1),
        )
    assert "giới tính" in str(exc.value.message_dict["national_id"])


def test_second_save_with_stale_version_is_a_conflict(alice, anh):
    stale = anh.version
    person_update(
        actor=alice, person=Person.objects.get(pk=anh.pk), data={"phone": "0912"}, expected_version=stale
    )
    with pytest.raises(ConflictError):
        person_update(
            actor=alice, person=Person.objects.get(pk=anh.pk), data={"phone": "0913"}, expected_version=stale
        )
    assert Person.objects.get(pk=anh.pk).phone == "0912"


def test_update_records_before_and_after(alice, anh):
    person_update(actor=alice, person=anh, data={"religion": "Phật giáo"})
    entry = LogEntry.objects.get_for_object(anh).filter(action=LogEntry.Action.UPDATE).get()
    assert entry.changes_dict["religion"] == ["Không", "Phật giáo"]


def test_leader_cannot_update(bob, anh):
    with pytest.raises(PermissionDenied):
        person_update(actor=bob, person=anh, data={"phone": "1"})


def test_transfer_closes_open_row_and_moves_current_unit(board, anh, tree):
    employment_add(
        actor=board, person=anh, unit=tree["dept_b"], category="CC", start_date=datetime.date(2020, 1, 1)
    )
    rows = list(anh.employments.order_by("start_date"))
    assert rows[0].end_date == datetime.date(2019, 12, 31)
    assert Person.objects.get(pk=anh.pk).current_unit == tree["dept_b"]
    on = datetime.date(2019, 12, 31)
    assert Employment.objects.active_on(on).get(person=anh).unit == tree["dept_a_office"]


def test_officer_cannot_transfer_into_a_unit_outside_scope(alice, anh, tree):
    with pytest.raises(PermissionDenied):
        employment_add(
            actor=alice, person=anh, unit=tree["dept_b"], category="CC", start_date=datetime.date(2020, 1, 1)
        )
    assert anh.employments.count() == 1


def test_overlapping_history_row_is_refused(alice, anh, tree):
    with pytest.raises(ValidationError):
        employment_add(
            actor=alice,
            person=anh,
            unit=tree["dept_a"],
            category="CC",
            start_date=datetime.date(2009, 1, 1),
            end_date=datetime.date(2011, 1, 1),
        )


def test_end_of_service_closes_row_and_keeps_history(alice, anh):
    person_end_service(actor=alice, person=anh, status="RETIRED", on=datetime.date(2024, 6, 30))
    anh.refresh_from_db()
    assert anh.status == "RETIRED"
    assert anh.employments.get().end_date == datetime.date(2024, 6, 30)


def test_qualification_level_must_belong_to_scale(alice, anh):
    with pytest.raises(ValidationError):
        qualification_add(
            actor=alice,
            person=anh,
            scale="POLITICAL_THEORY",
            level="DAI_HOC",
            awarded_on=datetime.date(2010, 1, 1),
        )
    q = qualification_add(
        actor=alice,
        person=anh,
        scale="POLITICAL_THEORY",
        level="CU_NHAN",
        awarded_on=datetime.date(2010, 1, 1),
    )
    assert q.rank == 3


def test_official_change_request_waits_for_approval(dana, alice):
    person = dana.person
    req = change_request_create(actor=dana, person=person, changes={"phone": "0988"})
    person.refresh_from_db()
    assert person.phone == ""
    change_request_decide(actor=alice, request=req, approve=True)
    person.refresh_from_db()
    assert person.phone == "0988"


def test_official_cannot_propose_rank_change(dana):
    with pytest.raises(ValidationError):
        change_request_create(actor=dana, person=dana.person, changes={"salary_step": 9})


def test_audit_actor_is_recorded_for_consecutive_actors(alice, board, anh):
    person_update(actor=alice, person=anh, data={"phone": "1"})
    person_update(actor=board, person=Person.objects.get(pk=anh.pk), data={"phone": "2"})
    actors = list(
        LogEntry.objects.get_for_object(anh)
        .filter(action=LogEntry.Action.UPDATE)
        .order_by("id")
        .values_list("actor__username", flat=True)
    )
    assert actors == ["alice", "board"]


def test_party_admission_age_check_handles_29_february(alice, tree):
    birth = datetime.date(1992, 2, 29)
    data = _data(
        date_of_birth=birth,
        national_id=national_id_for("NAM", birth, 900002),
        party_admission_date=datetime.date(2010, 2, 27),
    )
    with pytest.raises(ValidationError):
        person_create(
            actor=alice, data=data, unit=tree["dept_a"], category="CC", start_date=datetime.date(2015, 1, 1)
        )


def test_duplicate_qualification_is_a_validation_error_not_a_crash(alice, anh):
    data = {"scale": "IT", "level": "CO_BAN", "awarded_on": datetime.date(2012, 1, 1)}
    qualification_add(actor=alice, person=anh, **data)
    with pytest.raises(ValidationError):
        qualification_add(actor=alice, person=anh, **data)


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("full_name", "Lò Văn\x07 Páo", "Họ và tên không được chứa ký tự điều khiển."),
        ("full_name", "Lò Văn\nPáo", "Họ và tên không được chứa ký tự điều khiển."),
        ("full_name", "Lò Văn \u202ePáo", "Họ và tên không được chứa ký tự điều khiển."),
        ("other_names", "Páo\x1b[31m", "Tên gọi khác không được chứa ký tự điều khiển."),
    ],
)
def test_control_characters_in_names_are_refused_and_nothing_written(alice, tree, field, value, message):
    with pytest.raises(ValidationError) as exc:
        person_create(
            actor=alice,
            data=_data(**{field: value}),
            unit=tree["dept_a"],
            category="CC",
            start_date=datetime.date(2015, 1, 1),
        )
    assert exc.value.message_dict[field] == [message]
    assert not Person.objects.exists()


def test_control_characters_are_refused_on_update_and_in_change_requests(alice, dana, anh):
    with pytest.raises(ValidationError) as exc:
        person_update(actor=alice, person=anh, data={"full_name": "Nguyễn Văn\tÁnh"})
    assert exc.value.message_dict["full_name"] == ["Họ và tên không được chứa ký tự điều khiển."]
    dana_record = Person.objects.get(user=dana)
    with pytest.raises(ValidationError) as exc:
        change_request_create(actor=dana, person=dana_record, changes={"other_names": "Da\x00na"})
    assert "other_names" in exc.value.message_dict
    anh.refresh_from_db()
    assert anh.full_name == "Nguyễn Văn Ánh"


def test_names_keep_their_letters_and_lose_extra_spaces(alice, tree):
    person = person_create(
        actor=alice,
        data=_data(full_name="  Giàng\u00a0A   Chứ "),
        unit=tree["dept_a"],
        category="CC",
        start_date=datetime.date(2015, 1, 1),
    )
    assert (person.full_name, person.given_name) == ("Giàng A Chứ", "Chứ")
