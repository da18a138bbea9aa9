"""audit_bulk writes nothing inside auditlog's disable_auditlog() (the demo's build), as a single save does not;
outside it, one LogEntry per object."""

import pytest
from auditlog.context import disable_auditlog
from auditlog.models import LogEntry

from canbo.core.audit import audit_bulk, created_changes
from tests.factories import OrgUnitFactory

pytestmark = pytest.mark.django_db


def test_bulk_audit_follows_disable_auditlog(admin_user):
    unit = OrgUnitFactory(code="AUDIT_BULK")
    entry = [(unit, LogEntry.Action.CREATE, created_changes(unit))]
    before = LogEntry.objects.count()

    with disable_auditlog():
        audit_bulk(actor=admin_user, entries=entry)
    assert LogEntry.objects.count() == before

    audit_bulk(actor=admin_user, entries=entry)
    assert LogEntry.objects.count() == before + 1
