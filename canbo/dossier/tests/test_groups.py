"""Groups 7-10 of NĐ 27/2026: memberships, armed-forces service, declaration references and health."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError

from canbo.dossier.models import AssetDeclaration, HealthRecord, MilitaryService, OrganisationMembership
from canbo.dossier.selectors import health_records_of, memberships_of, sensitive_records_for
from canbo.dossier.services import dossier_record_add, dossier_record_delete, dossier_record_update

pytestmark = pytest.mark.django_db


def test_an_officer_adds_a_membership_and_it_is_audited(alice, anh):
    record = dossier_record_add(
        user=alice, person=anh, model=OrganisationMembership,
        data={"organisation": "YOUTH_UNION", "joined_on": datetime.date(2001, 3, 26), "role": "Bí thư chi đoàn"},
    )  # fmt: skip
    assert memberships_of(person=anh) == [record]
    assert LogEntry.objects.get_for_object(record).get().actor == alice


def test_an_officer_outside_the_unit_may_not_add_a_health_record(charlie, anh):
    with pytest.raises(PermissionDenied):
        dossier_record_add(user=charlie, person=anh, model=HealthRecord,
                           data={"as_of": datetime.date(2026, 1, 5), "status": "GOOD"})  # fmt: skip
    assert not HealthRecord.objects.exists()


def test_a_leader_may_not_write_the_dossier(bob, anh):
    with pytest.raises(PermissionDenied):
        dossier_record_add(user=bob, person=anh, model=AssetDeclaration,
                           data={"year": 2025, "kind": "ANNUAL", "reference_number": "12/KK", "kept_at": "UBKT"})  # fmt: skip


def test_discharge_before_enlistment_is_refused_in_vietnamese(alice, anh):
    with pytest.raises(ValidationError) as exc:
        dossier_record_add(user=alice, person=anh, model=MilitaryService, data={
            "force": "ARMY", "enlisted_on": datetime.date(2005, 2, 1), "discharged_on": datetime.date(2004, 2, 1),
        })  # fmt: skip
    assert "Ngày xuất ngũ phải sau ngày nhập ngũ." in str(exc.value)
    assert not MilitaryService.objects.exists()


def test_other_organisation_needs_its_name(alice, anh):
    with pytest.raises(ValidationError) as exc:
        dossier_record_add(user=alice, person=anh, model=OrganisationMembership,
                           data={"organisation": "OTHER", "joined_on": datetime.date(2010, 1, 1)})  # fmt: skip
    assert "organisation_name" in exc.value.message_dict


def test_a_health_record_out_of_range_is_refused_and_an_update_and_delete_are_audited(alice, anh):
    with pytest.raises(ValidationError) as exc:
        dossier_record_add(user=alice, person=anh, model=HealthRecord,
                           data={"as_of": datetime.date(2026, 1, 5), "status": "GOOD", "height_cm": 400})  # fmt: skip
    assert "height_cm" in exc.value.message_dict
    record = dossier_record_add(user=alice, person=anh, model=HealthRecord,
                                data={"as_of": datetime.date(2026, 1, 5), "status": "GOOD", "height_cm": 168})  # fmt: skip
    dossier_record_update(user=alice, record=record, data={"weight_kg": 60})
    assert health_records_of(person=anh)[0].weight_kg == 60
    pk = record.pk
    dossier_record_delete(user=alice, record=record)
    assert LogEntry.objects.filter(object_pk=str(pk), content_type__model="healthrecord").count() == 3


@pytest.mark.parametrize("part", ["FAMILY", "ASSETS", "HEALTH"])
def test_sensitive_parts_open_to_the_person_the_board_and_the_units_officer_only(
    part, alice, bob, charlie, board, standing, dana
):
    person = dana.person
    for user in (dana, board, alice):
        assert sensitive_records_for(user=user, person=person, part=part) == []
    for user in (bob, charlie, standing):
        with pytest.raises(PermissionDenied):
            sensitive_records_for(user=user, person=person, part=part)
