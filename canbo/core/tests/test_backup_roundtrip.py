"""The demo province through backup and restore: nothing may be lost (issue 10).

Run as an operator would, each step its own `manage.py` process with the production settings: migrate a new database, `load_demo`, audited
edits through the services and a few stored files, `backup`, then `restore` into a second new database and
storage. Then every table's row count and contents, every person's record and audit history, the stored files
and a report are compared. Slow (a real demo build): marked `backup`, run only with CANBO_BACKUP_TEST=1
(`.ci/run` does, on PostgreSQL and SQLite). CANBO_BACKUP_TEST_SCALE sets the demo's size (3.000 persons).
"""

import json
import os
import secrets
import subprocess
import sys
import tarfile
import time
from pathlib import Path

import environ
import pytest
from django.db import connections
from django.db.utils import load_backend

from canbo.core.backup import read_manifest

from .backup_support import (
    STORED_FILES,
    create_postgres_database,
    drop_postgres_database,
    person_digests,
    table_counts,
    table_digests,
)

ROOT = Path(__file__).resolve().parents[3]
SECRET_KEY = secrets.token_urlsafe(64)
SCALE = int(os.environ.get("CANBO_BACKUP_TEST_SCALE", "3000"))
CHANGES = "from canbo.core.tests.backup_support import make_audited_changes; make_audited_changes()"

pytestmark = [
    pytest.mark.backup,
    pytest.mark.skipif(
        os.environ.get("CANBO_BACKUP_TEST") != "1", reason="slow demo round trip: set CANBO_BACKUP_TEST=1"
    ),
]


def manage(*args, url: str, media: Path) -> subprocess.CompletedProcess:
    """`manage.py …` with the production settings, on `url`, its files under `media`."""
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "CACHE_URL")}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "DJANGO_SECRET_KEY": SECRET_KEY,
            "DJANGO_ALLOWED_HOSTS": "localhost",
            "CACHE_URL": "locmemcache://backup-roundtrip",
            "HUEY_SQLITE_PATH": str(media.parent / "huey.sqlite3"),
            "DATABASE_URL": url,
            "MEDIA_ROOT": str(media),
        }
    )
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=900
    )
    assert result.returncode == 0, f"manage.py {' '.join(args)}:\n{result.stdout}\n{result.stderr}"
    return result


def wrapper(url: str):
    """A Django connection to `url` for reading, outside the suite's own databases. Its alias is Django's
    "no database" one, so that django.contrib.postgres does not look up type handlers on the suite's."""
    settings_dict = connections.configure_settings({"default": environ.Env.db_url_config(url)})["default"]
    return load_backend(settings_dict["ENGINE"]).DatabaseWrapper(settings_dict, "__no_db__")


def snapshot(url: str) -> dict:
    db = wrapper(url)
    try:
        return {"counts": table_counts(db), "tables": table_digests(db), "persons": person_digests(db)}
    finally:
        db.close()


def round_trip(tmp_path: Path, source_url: str, target_url: str, capsys) -> None:
    source_media, target_media, out = tmp_path / "media-source", tmp_path / "media-target", tmp_path / "out"
    out.mkdir()
    manage("migrate", "--noinput", "-v0", url=source_url, media=source_media)
    started = time.perf_counter()
    manage("load_demo", "--scale", str(SCALE), url=source_url, media=source_media)
    demo_seconds = time.perf_counter() - started
    manage("shell", "-c", CHANGES, url=source_url, media=source_media)

    started = time.perf_counter()
    manage("backup", "--output", str(out), url=source_url, media=source_media)
    backup_seconds = time.perf_counter() - started
    (archive,) = out.iterdir()
    started = time.perf_counter()
    restored = manage("restore", str(archive), url=target_url, media=target_media)
    restore_seconds = time.perf_counter() - started

    assert "khớp bản kê" in restored.stdout
    manage("migrate", "--check", url=target_url, media=target_media)  # the schema is complete
    before, after = snapshot(source_url), snapshot(target_url)
    assert before["counts"]["people_person"] >= SCALE
    assert before["counts"]["auditlog_logentry"] >= 15  # 5 persons × person, employment, qualification
    assert after["counts"] == before["counts"]
    assert [t for t in before["tables"] if after["tables"][t] != before["tables"][t]] == []
    assert after["persons"] == before["persons"]
    audited = [entries for _sha, entries in before["persons"].values() if entries]
    assert len(audited) == 5 and sum(audited) == before["counts"]["auditlog_logentry"]
    for name, data in STORED_FILES.items():
        assert (target_media / name).read_bytes() == data
    report = ("report", "headcount", "--on", "31/12/2019", "--format", "json")
    assert json.loads(manage(*report, url=target_url, media=target_media).stdout) == json.loads(
        manage(*report, url=source_url, media=source_media).stdout
    )
    with tarfile.open(archive) as tar:
        manifest = read_manifest(tar, archive)
    with capsys.disabled():
        size = archive.stat().st_size / 1024 / 1024
        print(
            f"\n  {manifest['engine']}: demo {SCALE} ({before['counts']['people_person']} persons, "
            f"{sum(manifest['tables'].values())} rows) built in {demo_seconds:.1f} s; "
            f"backup {size:.1f} MB in {backup_seconds:.1f} s; restore in {restore_seconds:.1f} s "
            "(each with a manage.py start-up)"
        )


def test_the_demo_survives_a_backup_and_restore_on_sqlite(tmp_path, django_db_blocker, capsys):
    with django_db_blocker.unblock():
        round_trip(
            tmp_path,
            f"sqlite:///{tmp_path / 'source.sqlite3'}",
            f"sqlite:///{tmp_path / 'restored.sqlite3'}",
            capsys,
        )


@pytest.mark.postgres
@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"), reason="needs DATABASE_URL on PostgreSQL"
)
def test_the_demo_survives_a_backup_and_restore_on_postgresql(tmp_path, django_db_blocker, capsys):
    server = environ.Env.db_url_config(os.environ["DATABASE_URL"])
    base = os.environ["DATABASE_URL"].rsplit("/", 1)[0]
    names = {"source": "backup_roundtrip_source", "target": "backup_restore_target"}
    for name in names.values():
        create_postgres_database(server, name)
    try:
        with django_db_blocker.unblock():
            round_trip(tmp_path, f"{base}/{names['source']}", f"{base}/{names['target']}", capsys)
    finally:
        for name in names.values():
            drop_postgres_database(server, name)
