import pytest
from auditlog.models import LogEntry
from django.db import DatabaseError, connection, transaction

from canbo.people.services import person_update

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the append-only trigger exists on PostgreSQL only"
)
def test_audit_rows_cannot_be_updated_or_deleted_on_postgresql(alice, anh):
    person_update(actor=alice, person=anh, data={"phone": "0912"})
    entry = LogEntry.objects.get_for_object(anh).latest("id")
    with pytest.raises(DatabaseError), transaction.atomic():
        LogEntry.objects.filter(pk=entry.pk).update(changes_text="x")
    with pytest.raises(DatabaseError), transaction.atomic():
        LogEntry.objects.filter(pk=entry.pk).delete()
    assert LogEntry.objects.filter(pk=entry.pk).exists()


def test_audit_row_records_request_address(client, alice, anh):
    client.force_login(alice)
    with transaction.atomic():
        from canbo.core.audit import audit_actor

        with audit_actor(alice, remote_addr="10.0.0.7"):
            person_update(actor=alice, person=anh, data={"phone": "0913"})
    entry = LogEntry.objects.get_for_object(anh).latest("id")
    assert entry.remote_addr == "10.0.0.7" and entry.actor == alice
