"""Helpers of the backup tests: an empty target database of the suite's engine, and archives to tamper with."""

import contextlib
import io
import json
import tarfile
from pathlib import Path

import psycopg
from django.db import connections
from psycopg import sql


def wrapper_for(connection, name: str):
    """A Django connection to another database of the same server (alias kept: contrib.postgres needs it)."""
    wrapper = connections[connection.alias]  # not django.db.connection, a proxy
    return type(wrapper)({**wrapper.settings_dict, "NAME": name}, wrapper.alias)


def _admin(settings_dict):
    return psycopg.connect(
        dbname="postgres",
        host=settings_dict["HOST"] or None,
        port=settings_dict["PORT"] or None,
        user=settings_dict["USER"] or None,
        password=settings_dict["PASSWORD"] or None,
        autocommit=True,
    )


def drop_postgres_database(settings_dict, name: str) -> None:
    with _admin(settings_dict) as admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def create_postgres_database(settings_dict, name: str) -> None:
    drop_postgres_database(settings_dict, name)
    with _admin(settings_dict) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


@contextlib.contextmanager
def empty_database(connection, tmp_path: Path):
    """A new, empty database next to the suite's: an SQLite file in tmp_path, or `<test db>_restore`."""
    if connection.vendor == "sqlite":
        target = wrapper_for(connection, str(tmp_path / "restored.sqlite3"))
        try:
            yield target
        finally:
            target.close()
        return
    name = f"{connection.settings_dict['NAME']}_restore"
    create_postgres_database(connection.settings_dict, name)
    target = wrapper_for(connection, name)
    try:
        yield target
    finally:
        target.close()
        drop_postgres_database(connection.settings_dict, name)


def members(path: Path) -> dict[str, bytes]:
    with tarfile.open(path) as tar:
        return {m.name: tar.extractfile(m).read() for m in tar.getmembers()}


def write_archive(path: Path, content: dict[str, bytes]) -> Path:
    with tarfile.open(path, "w") as tar:
        for name, data in content.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


def rewrite_manifest(source: Path, target: Path, change) -> Path:
    """A copy of the archive whose manifest.json went through `change(manifest)`."""
    content = members(source)
    manifest = json.loads(content["manifest.json"])
    change(manifest)
    content["manifest.json"] = json.dumps(manifest).encode()
    return write_archive(target, content)


# The round trip (test_backup_roundtrip.py): what runs in `manage.py shell` on the source database after the
# demo is loaded (the demo bulk-inserts without audit rows), and what is compared afterwards.

STORED_FILES = {
    "exports/2025/danh-sach-can-bo.xlsx": bytes(range(256)) * 400,
    "exports/2025/b\u00e1o c\u00e1o qu\u00fd 4.json": '{"tổng": 25944}'.encode(),
    "imports/readme.txt": b"",
}


def make_audited_changes() -> None:
    """Audited edits through the services (Person, Employment, Qualification rows in LogEntry) and a few
    stored files through default_storage."""
    from django.core.exceptions import ValidationError
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from canbo.accounts.models import User
    from canbo.people import services
    from canbo.people.models import Person

    board = User.objects.get(username="bantochuc")
    edited = 0
    for person in Person.objects.order_by("pk")[:40]:
        try:
            services.person_update(actor=board, person=person, data={"phone": f"0912 000 {edited:03d}"})
            employment = person.employments.order_by("pk").last()
            services.employment_update(actor=board, employment=employment, data={"note": "Sửa thử sao lưu"})
            qualifications = list(person.qualifications.order_by("pk"))
            if qualifications:
                services.qualification_update(
                    actor=board, qualification=qualifications[0], data={"issuer": "Học viện thử sao lưu"}
                )
            if len(qualifications) > 1:
                services.qualification_delete(actor=board, qualification=qualifications[-1])
        except ValidationError:
            continue  # a demo record the services would not accept as it is: take the next one
        edited += 1
        if edited == 5:
            break
    assert edited == 5, "the demo has too few records the services accept"
    for name, data in STORED_FILES.items():
        default_storage.save(name, ContentFile(data))


def _rows(wrapper, queryset) -> list[tuple]:
    sql_text, params = queryset.query.get_compiler(connection=wrapper).as_sql()
    with wrapper.cursor() as cursor:
        cursor.execute(sql_text, params)
        return [tuple(row) for row in cursor.fetchall()]


def table_counts(wrapper) -> dict[str, int]:
    """Rows of every model's table (auto-created many-to-many tables and auditlog's LogEntry included)."""
    from django.apps import apps

    counts = {}
    with wrapper.cursor() as cursor:
        for model in apps.get_models(include_auto_created=True):
            table = model._meta.db_table
            cursor.execute(f"SELECT COUNT(*) FROM {wrapper.ops.quote_name(table)}")  # noqa: S608
            counts[table] = cursor.fetchone()[0]
    return counts


def table_digests(wrapper) -> dict[str, str]:
    """sha256 of every model table's rows in primary-key order: equal digests, equal contents."""
    import hashlib

    from django.apps import apps

    digests = {}
    for model in apps.get_models(include_auto_created=True):
        columns = [f.attname for f in model._meta.concrete_fields]
        rows = _rows(wrapper, model._base_manager.order_by("pk").values_list(*columns))
        digests[model._meta.db_table] = hashlib.sha256(repr(rows).encode()).hexdigest()
    return digests


def person_digests(wrapper) -> dict[str, tuple[str, int]]:
    """{person uuid: (sha256 of the person's record and audit history, audit rows)} (Person, their Employment and
    Qualification rows' LogEntry rows; entries of deleted rows are found by the person named in them)."""
    import hashlib

    from auditlog.models import LogEntry
    from django.contrib.contenttypes.models import ContentType

    from canbo.people.models import Employment, Person, Qualification

    person_fields = [f.attname for f in Person._meta.concrete_fields]
    persons = {
        row[0]: row for row in _rows(wrapper, Person._base_manager.order_by("pk").values_list(*person_fields))
    }
    owner = {
        model: dict(_rows(wrapper, model._base_manager.values_list("pk", "person_id")))
        for model in (Employment, Qualification)
    }
    types = {
        (app, name): pk
        for pk, app, name in _rows(wrapper, ContentType.objects.values_list("pk", "app_label", "model"))
    }
    kind = {types[("people", m._meta.model_name)]: m for m in (Person, Employment, Qualification)}
    log_fields = [f.attname for f in LogEntry._meta.concrete_fields]
    history = {pk: [] for pk in persons}
    entries = LogEntry.objects.filter(content_type_id__in=list(kind)).order_by("pk").values_list(*log_fields)
    ct_at, pk_at, changes_at = (log_fields.index(n) for n in ("content_type_id", "object_pk", "changes"))
    for entry in _rows(wrapper, entries):
        model = kind[entry[ct_at]]
        if model is Person:
            person = int(entry[pk_at])
        else:
            person = owner[model].get(int(entry[pk_at]))
            if person is None:  # the row was deleted: its last entry names the person
                changes = entry[changes_at]
                changes = json.loads(changes) if isinstance(changes, str) else changes
                person = int(changes["person"][0])
        history.setdefault(person, []).append(entry)
    uuid_at = person_fields.index("uuid")
    return {
        str(row[uuid_at]): (hashlib.sha256(repr((row, history[pk])).encode()).hexdigest(), len(history[pk]))
        for pk, row in persons.items()
    }
