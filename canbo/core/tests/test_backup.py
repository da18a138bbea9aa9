"""Backup and restore (canbo.core.backup): the refusals and checks, on the suite's own database.

The full round trip of the demo province is in test_backup_roundtrip.py (slow, CANBO_BACKUP_TEST=1).
"""

import datetime
import json
import stat
import tarfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, InMemoryStorage
from django.core.management import CommandError, call_command
from django.db import connection

from canbo.core.backup import BackupError, backup_create, backup_prune, backup_restore, storage_names
from canbo.core.backup.prune import backups_to_keep

from .backup_support import empty_database, members, rewrite_manifest, wrapper_for, write_archive

pytestmark = pytest.mark.django_db

STORED = {
    "a.txt": b"hello",
    "exports/2025/danh s\u00e1ch c\u00e1n b\u1ed9.xlsx": bytes(range(256)) * 300,
    "exports/empty.bin": b"",
}


@pytest.fixture
def media(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    return FileSystemStorage(location=settings.MEDIA_ROOT)


@pytest.fixture
def stored_files():
    storage = InMemoryStorage()
    for name, data in STORED.items():
        storage.save(name, ContentFile(data))
    return storage


@pytest.fixture
def archive(tmp_path, stored_files):
    out = tmp_path / "out"
    out.mkdir()
    return backup_create(output=out, storage=stored_files).path


def test_backup_writes_one_private_tar_with_the_database_files_and_manifest(archive):
    assert archive.name.startswith("canbo-backup-") and archive.suffix == ".tar"
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    content = members(archive)
    manifest = json.loads(content["manifest.json"])
    database = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}[connection.vendor]
    assert set(content) == {database, "manifest.json", *(f"files/{name}" for name in STORED)}
    assert manifest["engine"] == connection.vendor
    assert manifest["migrations"]["people"].startswith("00")
    assert manifest["tables"]["django_migrations"] > 50
    assert {f["name"] for f in manifest["files"]} == set(STORED)
    assert manifest["database"]["size"] == len(content[database])


def test_stored_files_are_listed_through_the_storage_api(stored_files):
    assert list(storage_names(stored_files)) == [
        "a.txt",
        "exports/empty.bin",
        "exports/2025/danh s\u00e1ch c\u00e1n b\u1ed9.xlsx",
    ]
    assert list(storage_names(FileSystemStorage(location="/nonexistent/canbo-media"))) == []


def test_it_restores_the_database_and_the_files_into_an_empty_database(archive, tmp_path):
    restored_files = InMemoryStorage()
    with empty_database(connection, tmp_path) as target:
        result = backup_restore(archive=archive, connection=target, storage=restored_files)

        with target.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM django_migrations")
            assert cursor.fetchone()[0] == result.manifest["tables"]["django_migrations"]
    assert result.rows == sum(result.manifest["tables"].values())
    assert result.pending_migrations == []
    for name, data in STORED.items():
        with restored_files.open(name, "rb") as f:
            assert f.read() == data


def test_it_refuses_to_restore_into_a_database_that_is_not_empty(archive, media):
    with pytest.raises(CommandError, match="không trống.*Không có gì bị thay đổi"):
        call_command("restore", str(archive))

    assert list(storage_names(media)) == []


def test_a_file_that_is_not_a_tar_is_refused_with_a_clear_message(tmp_path):
    junk = tmp_path / "canbo-backup-20250101-010000.tar"
    junk.write_bytes(b"PGDMP" + bytes(range(256)) * 10)

    with pytest.raises(CommandError, match="không phải bản sao lưu Canbo: không đọc được như một tệp .tar"):
        call_command("restore", str(junk))


def test_a_tar_of_something_else_is_not_a_canbo_backup(tmp_path):
    foreign = write_archive(tmp_path / "other.tar", {"readme.txt": b"hello"})
    with pytest.raises(CommandError, match="không phải bản sao lưu Canbo: không có manifest.json"):
        call_command("restore", str(foreign))

    other_format = write_archive(tmp_path / "other2.tar", {"manifest.json": b'{"format": "other"}'})
    with pytest.raises(CommandError, match="không phải bản sao lưu Canbo"):
        call_command("restore", str(other_format))


def test_a_database_that_does_not_answer_is_named(archive, tmp_path):
    missing = str(tmp_path / "no-such-dir" / "x.sqlite3")
    if connection.vendor == "postgresql":
        missing = f"{connection.settings_dict['NAME']}_does_not_exist"
    target = wrapper_for(connection, missing)

    with pytest.raises(
        BackupError, match="Không kết nối được cơ sở dữ liệu .*tạo trước một cơ sở dữ liệu trống"
    ):
        backup_restore(archive=archive, connection=target, storage=InMemoryStorage())


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(CommandError, match="Không có tệp"):
        call_command("restore", str(tmp_path / "missing.tar"))


def test_a_damaged_database_copy_is_refused_before_anything_is_written(archive, tmp_path):
    content = members(archive)
    name = next(n for n in content if n.startswith("database."))
    data = bytearray(content[name])
    data[len(data) // 2] ^= 0xFF
    content[name] = bytes(data)
    damaged = write_archive(tmp_path / "damaged.tar", content)

    with empty_database(connection, tmp_path) as target:
        with pytest.raises(BackupError, match=f"bị hỏng: {name} không khớp mã kiểm tra"):
            backup_restore(archive=damaged, connection=target, storage=InMemoryStorage())
        with target.cursor() as cursor:
            assert target.introspection.table_names(cursor) == []


def test_a_truncated_archive_is_refused(archive, tmp_path):
    truncated = tmp_path / "truncated.tar"
    truncated.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])

    with pytest.raises(CommandError, match="không phải bản sao lưu Canbo|bị hỏng"):
        call_command("restore", str(truncated))


def test_a_damaged_stored_file_is_refused(archive, tmp_path):
    content = members(archive)
    content["files/a.txt"] = b"HELLO"
    damaged = write_archive(tmp_path / "damaged.tar", content)

    with pytest.raises(CommandError, match="bị hỏng: files/a.txt không khớp mã kiểm tra"):
        call_command("restore", str(damaged))


def test_restored_rows_that_differ_from_the_manifest_fail_loudly(archive, tmp_path):
    def one_more_migration_row(manifest):
        manifest["tables"]["django_migrations"] += 1

    tampered = rewrite_manifest(archive, tmp_path / "tampered.tar", one_more_migration_row)

    with (
        empty_database(connection, tmp_path) as target,
        pytest.raises(BackupError, match="KHÔNG KHỚP BẢN KÊ.*django_migrations"),
    ):
        backup_restore(archive=tampered, connection=target, storage=InMemoryStorage())


def test_it_refuses_an_archive_of_the_other_engine(archive, tmp_path):
    other = "sqlite" if connection.vendor == "postgresql" else "postgresql"
    tampered = rewrite_manifest(archive, tmp_path / "other.tar", lambda m: m.update(engine=other))

    with pytest.raises(CommandError, match="không khôi phục được vào cơ sở dữ liệu"):
        call_command("restore", str(tampered))


def test_it_refuses_a_backup_made_by_a_newer_canbo(archive, tmp_path):
    def newer(manifest):
        manifest["migrations"]["people"] = "9999_from_the_future"

    tampered = rewrite_manifest(archive, tmp_path / "newer.tar", newer)

    with pytest.raises(CommandError, match="people.9999_from_the_future"):
        call_command("restore", str(tampered))


def test_a_stored_file_with_other_content_is_never_overwritten(archive, tmp_path):
    storage = InMemoryStorage()
    storage.save("a.txt", ContentFile(b"something else"))

    with empty_database(connection, tmp_path) as target:
        with pytest.raises(BackupError, match="“a.txt” với nội dung khác"):
            backup_restore(archive=archive, connection=target, storage=storage)
        with target.cursor() as cursor:
            assert target.introspection.table_names(cursor) == []


def test_the_command_names_the_file_and_refuses_to_overwrite_it(tmp_path, media, capsys):
    out = tmp_path / "nightly.tar"
    call_command("backup", output=str(out))

    assert "Đã sao lưu vào" in capsys.readouterr().out
    assert tarfile.is_tarfile(out)
    with pytest.raises(CommandError, match="đã có: không ghi đè"):
        call_command("backup", output=str(out))
    with pytest.raises(CommandError, match="không tồn tại"):
        call_command("backup", output=str(tmp_path / "missing" / "x.tar"))


def test_a_backup_inside_the_media_directory_is_refused(media, settings):
    settings.MEDIA_ROOT.mkdir(parents=True)

    with pytest.raises(CommandError, match="MEDIA_ROOT"):
        call_command("backup", output=str(settings.MEDIA_ROOT))


def _stamps(*texts):
    return [datetime.datetime.strptime(t, "%Y-%m-%d %H:%M") for t in texts]


def test_retention_keeps_the_newest_backup_of_each_day_week_and_month():
    nightly = [datetime.datetime(2025, 1, 1, 1) + datetime.timedelta(days=d) for d in range(120)]
    extra = _stamps("2025-04-30 13:00")  # a second backup on the last day

    keep = backups_to_keep(nightly + extra, daily=14, weekly=8, monthly=12)

    days = {s.date() for s in keep}
    assert datetime.datetime(2025, 4, 30, 13) in keep and datetime.datetime(2025, 4, 30, 1) not in keep
    assert {datetime.date(2025, 4, 30) - datetime.timedelta(days=d) for d in range(14)} <= days
    assert datetime.date(2025, 1, 31) in days and datetime.date(2025, 2, 28) in days  # month ends
    assert datetime.date(2025, 3, 16) in days  # a Sunday: the 8th ISO week back ends there
    assert datetime.date(2025, 3, 9) not in days  # the 9th week back
    assert len(keep) < 14 + 8 + 12


def test_prune_deletes_only_backups_outside_the_retention(tmp_path):
    for day in range(1, 11):
        (tmp_path / f"canbo-backup-202503{day:02d}-010000.tar").write_bytes(b"x")
    (tmp_path / "notes.txt").write_text("keep me")

    removed = backup_prune(directory=tmp_path, daily=3, weekly=0, monthly=0)

    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "canbo-backup-20250308-010000.tar",
        "canbo-backup-20250309-010000.tar",
        "canbo-backup-20250310-010000.tar",
        "notes.txt",
    ]
    assert len(removed) == 7
