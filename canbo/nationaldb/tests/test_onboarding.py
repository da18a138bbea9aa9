"""Onboarding from the national database: a unit's export (JSON, ten groups) imported all or nothing, and not
sent back."""

import uuid

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from canbo.dossier.models import HealthRecord
from canbo.nationaldb.client import national_db_client
from canbo.nationaldb.models import OutboxItem
from canbo.nationaldb.onboarding import onboarding_import
from canbo.people.models import Person

pytestmark = pytest.mark.django_db


def _store(standin, national_id, *, religion="Không", unit="SO_A"):
    group1 = {"1.01": national_id, "1.02": "Lường Văn Mạnh", "1.07": "NAM", "1.08": "1990-02-03",
              "1.13": "03", "1.14": religion, "1.34": "CC"}  # fmt: skip
    health = {"10.01": "2026-01-05", "10.02": "GOOD", "10.05": "A"}
    items = [
        {"key": str(uuid.uuid4()), "national_id": national_id, "unit": unit, "group": 1, "action": "create",
         "record": "p", "change": group1},
        {"key": str(uuid.uuid4()), "national_id": national_id, "unit": unit, "group": 10, "action": "create",
         "record": "h", "change": health},
    ]  # fmt: skip
    standin.receive({"items": items})
    return standin.dossiers[national_id]


def test_a_units_export_becomes_canbo_records_and_is_not_sent_back(standin, alice, tree):
    _store(standin, "011090000123")
    OutboxItem.objects.all().delete()
    export = national_db_client().unit_export(unit_code="SO_A")

    created = onboarding_import(user=alice, unit=tree["dept_a"], export=export)

    person = Person.objects.get(national_id="011090000123")
    assert created == [person] and person.full_name == "Lường Văn Mạnh" and person.ethnicity == "03"
    assert HealthRecord.objects.get(person=person).blood_group == "A"
    assert not OutboxItem.objects.exists()


def test_one_bad_dossier_and_nothing_is_written(standin, alice, tree):
    _store(standin, "011090000123")
    _store(standin, "011090000456", religion="Đạo lạ")
    export = national_db_client().unit_export(unit_code="SO_A")
    with pytest.raises(ValidationError) as exc:
        onboarding_import(user=alice, unit=tree["dept_a"], export=export)
    assert "Hồ sơ 011090000456" in exc.value.message_dict
    assert not Person.objects.filter(national_id__startswith="01109000").exists()


def test_an_officer_of_another_unit_may_not_onboard_into_it(standin, charlie, tree):
    _store(standin, "011090000123")
    export = national_db_client().unit_export(unit_code="SO_A")
    with pytest.raises(PermissionDenied):
        onboarding_import(user=charlie, unit=tree["dept_a"], export=export)
    assert not Person.objects.filter(national_id="011090000123").exists()
