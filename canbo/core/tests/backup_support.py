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
