"""The outbox's hooks (decision 025): every LogEntry auditlog writes, and every bulk audit (the import)."""

from auditlog.models import LogEntry
from django.db.models.signals import post_save
from django.dispatch import receiver

from canbo.core.audit import bulk_audited
from canbo.core.client_ip import client_ip
from canbo.jobs.exports import personal_rows_exported
from canbo.people.models import Person
from canbo.people.signals import dossier_viewed, persons_exported

from .models import ChangeSource
from .outbox import enqueue_bulk, enqueue_log_entry
from .services import access_log_record, access_log_record_bulk, access_log_record_exported


@receiver(post_save, sender=LogEntry, dispatch_uid="nationaldb_outbox_log_entry")
def outbox_on_log_entry(sender, instance, created, **kwargs):
    if created:
        enqueue_log_entry(instance)


@receiver(bulk_audited, dispatch_uid="nationaldb_outbox_bulk")
def outbox_on_bulk_audit(sender, entries, by_user=False, **kwargs):
    """A user's own bulk change made in Canbo (the import) has the 1-working-day deadline of a change made in
    Canbo; other bulk data the 3 days of data from other sources (decision 037)."""
    enqueue_bulk(entries=entries, source=ChangeSource.CANBO if by_user else ChangeSource.OTHER)


@receiver(dossier_viewed, dispatch_uid="nationaldb_access_log")
def log_dossier_access(sender, request, person, part, **kwargs):
    access_log_record(user=request.user, person=person, part=part, remote_addr=client_ip(request))


@receiver(bulk_audited, dispatch_uid="nationaldb_access_log_bulk")
def access_log_on_bulk_audit(sender, entries, actor=None, remote_addr=None, **kwargs):
    """Copies of persons' dossiers taken by someone (the printed SYLL / 2C, one or a unit's batch) are audited
    as "access" rows: the person sees them in "who looked at my dossier" too."""
    persons = [
        obj
        for obj, action, _changes in entries
        if action == LogEntry.Action.ACCESS and isinstance(obj, Person)
    ]
    if persons and actor is not None:
        access_log_record_bulk(user=actor, persons=persons, part="EXPORT", remote_addr=remote_addr)


@receiver(persons_exported, dispatch_uid="nationaldb_access_log_exported")
def access_log_on_export(sender, user, persons, **kwargs):
    access_log_record_exported(user=user, persons=persons)


@receiver(personal_rows_exported, dispatch_uid="nationaldb_access_log_rows_exported")
def access_log_on_rows_exported(sender, user, person_ids=(), person_uuids=(), **kwargs):
    """Any other export with rows about persons (training, awards, ratings, discipline, party, planning, reports
    with names…): one "export" access per person in the file, one insert."""
    persons = {}
    for key, values in (("pk__in", list(person_ids)), ("uuid__in", list(person_uuids))):
        for start in range(0, len(values), 2000):
            rows = Person.objects.filter(**{key: values[start : start + 2000]}).values_list(
                "pk", "current_unit_id", "user_id"
            )
            persons.update((row[0], row) for row in rows)
    access_log_record_exported(user=user, persons=list(persons.values()))
