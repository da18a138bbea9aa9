"""The database part of a backup: PostgreSQL through pg_dump/pg_restore, SQLite through its online backup API.

Each engine has the same four steps: `dump` writes one consistent copy to a file and returns what the manifest
says about it (row counts per table and the migration state, read from the same snapshot as the copy);
`require_empty` refuses a target that already holds tables; `load` puts a copy into place; `count_rows` reads
the counts back for the check against the manifest.
"""

import contextlib
import os
import re
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.db import OperationalError

from .errors import BackupError

PG_RELATIONS = (
    "SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE c.relkind::text = ANY(%s) AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
    "AND n.nspname NOT LIKE 'pg\\_%%' ORDER BY 1, 2"
)
# Django's psycopg OPTIONS that libpq also reads from the environment (the rest are Python-side settings).
PG_OPTION_ENV = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "options": "PGOPTIONS",
    "passfile": "PGPASSFILE",
    "service": "PGSERVICE",
    "connect_timeout": "PGCONNECT_TIMEOUT",
    "target_session_attrs": "PGTARGETSESSIONATTRS",
}


def engine_of(connection) -> str:
    """The engine's name, once the database answers."""
    if connection.vendor not in ("postgresql", "sqlite"):
        raise BackupError(f"Chỉ sao lưu được PostgreSQL và SQLite, không sao lưu được “{connection.vendor}”.")
    try:
        connection.ensure_connection()
    except OperationalError as exc:
        raise BackupError(
            f"Không kết nối được cơ sở dữ liệu “{connection.settings_dict.get('NAME')}”: {str(exc).strip()}. "
            "Kiểm tra DATABASE_URL; để khôi phục, tạo trước một cơ sở dữ liệu trống."
        ) from None
    return connection.vendor


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def vn_int(n: int) -> str:
    return f"{n:,}".replace(",", ".")


# Reading a snapshot: tables, their row counts, the latest applied migration of each app.


def _table_names(cursor, engine: str) -> list[tuple[str, str]]:
    if engine == "postgresql":
        cursor.execute(PG_RELATIONS, [["r", "p"]])
        return list(cursor.fetchall())
    cursor.execute(
        "SELECT '', name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
        "ORDER BY name"
    )
    return list(cursor.fetchall())


def count_rows(cursor, engine: str) -> dict[str, int]:
    """{table: rows} for every table of the database (public schema tables by their bare name)."""
    counts = {}
    for schema, table in _table_names(cursor, engine):
        qualified = f"{quote(schema)}.{quote(table)}" if schema else quote(table)
        cursor.execute(f"SELECT COUNT(*) FROM {qualified}")  # noqa: S608 - names from the catalogue, quoted
        counts[table if schema in ("", "public") else f"{schema}.{table}"] = cursor.fetchone()[0]
    return counts


def migration_state(cursor) -> dict[str, str]:
    """{app: the migration applied last}, from django_migrations."""
    cursor.execute("SELECT app, name FROM django_migrations ORDER BY id")
    return dict(cursor.fetchall())


# PostgreSQL


def pg_server_version(cursor) -> int:
    cursor.execute("SHOW server_version_num")
    return int(cursor.fetchone()[0])


def pg_env(settings_dict: dict) -> dict[str, str]:
    """libpq's environment for the connection in settings: the password travels here, never on a command line."""
    env = dict(os.environ)
    values = {
        "PGDATABASE": settings_dict.get("NAME"),
        "PGHOST": settings_dict.get("HOST"),
        "PGPORT": settings_dict.get("PORT"),
        "PGUSER": settings_dict.get("USER"),
        "PGPASSWORD": settings_dict.get("PASSWORD"),
    }
    options = settings_dict.get("OPTIONS") or {}
    values.update({var: options.get(key) for key, var in PG_OPTION_ENV.items()})
    env.update({var: str(value) for var, value in values.items() if value not in (None, "")})
    return env


def _tool_major(path: Path) -> int | None:
    try:
        out = subprocess.run([str(path), "--version"], capture_output=True, text=True, timeout=30).stdout
    except OSError:
        return None
    match = re.search(r"\(PostgreSQL\) (\d+)", out)
    return int(match.group(1)) if match else None


def pg_tool(name: str, major: int) -> str:
    """The pg_dump or pg_restore of the server's major version: CANBO_PG_BINDIR, `pg_config --bindir`,
    Debian's /usr/lib/postgresql/<major>/bin, RHEL's /usr/pgsql-<major>/bin, then PATH."""
    dirs = []
    if os.environ.get("CANBO_PG_BINDIR"):
        dirs.append(Path(os.environ["CANBO_PG_BINDIR"]))
    pg_config = shutil.which("pg_config")
    if pg_config:
        try:
            out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, timeout=30)
            dirs.append(Path(out.stdout.strip()))
        except OSError:
            pass
    dirs += [Path(f"/usr/lib/postgresql/{major}/bin"), Path(f"/usr/pgsql-{major}/bin")]
    on_path = shutil.which(name)
    if on_path:
        dirs.append(Path(on_path).parent)
    for directory in dirs:
        exe = directory / name
        if exe.is_file() and os.access(exe, os.X_OK) and _tool_major(exe) == major:
            return str(exe)
    raise BackupError(
        f"Không tìm thấy {name} của PostgreSQL {major} (máy chủ cơ sở dữ liệu chạy PostgreSQL {major}; "
        f"{name} phải cùng phiên bản chính). Cài gói postgresql-client-{major}, hoặc đặt biến môi trường "
        f"CANBO_PG_BINDIR là thư mục chứa {name} {major}."
    )


def _run(args: list[str], env: dict, what: str) -> subprocess.CompletedProcess:
    result = subprocess.run(args, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip()
        raise BackupError(f"{what} thất bại (mã {result.returncode}): {detail}")
    return result


def pg_dump(connection, target: Path) -> dict:
    """pg_dump --format=custom of the database, from a snapshot that the counts in the manifest also read."""
    snap = connection.copy()  # same alias: django.contrib.postgres looks its type handlers up by alias
    try:
        snap.ensure_connection()
        snap.set_autocommit(False)
        with snap.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            version = pg_server_version(cursor)
            exe = pg_tool("pg_dump", version // 10000)
            args = [exe, "--format=custom", f"--snapshot={snapshot}", "--no-password", f"--file={target}"]
            _run(args, pg_env(snap.settings_dict), "pg_dump")
            info = {"tables": count_rows(cursor, "postgresql"), "migrations": migration_state(cursor)}
        snap.rollback()
    finally:
        snap.close()
    return {**info, "server_version_num": version}


def pg_require_empty(connection) -> None:
    with connection.cursor() as cursor:
        cursor.execute(PG_RELATIONS, [["r", "p", "v", "m", "f"]])  # tables, views, foreign tables
        found = [name for _schema, name in cursor.fetchall()]
    _refuse_if(found, connection.settings_dict.get("NAME"))


def pg_load(connection, dump: Path, workdir: Path, archive_version: int) -> None:
    """pg_restore in one transaction (all or nothing), without owners; comments on extensions are left out,
    since only the extension's owner (often a superuser who created it beforehand) may set them."""
    with connection.cursor() as cursor:
        version = pg_server_version(cursor)
    if archive_version // 10000 > version // 10000:
        raise BackupError(
            f"Bản sao lưu được tạo từ PostgreSQL {archive_version // 10000}, không khôi phục được vào máy chủ "
            f"PostgreSQL {version // 10000} cũ hơn."
        )
    exe = pg_tool("pg_restore", version // 10000)
    env = pg_env(connection.settings_dict)
    listing = _run([exe, "--list", str(dump)], env, "pg_restore --list").stdout
    use_list = workdir / "restore.list"
    use_list.write_text(
        "".join(line for line in listing.splitlines(keepends=True) if " COMMENT - EXTENSION " not in line),
        encoding="utf-8",
    )
    args = [exe, "--no-owner", "--exit-on-error", "--single-transaction", "--no-password"]
    args += [f"--use-list={use_list}", f"--dbname={connection.settings_dict['NAME']}", str(dump)]
    _run(args, env, "pg_restore")


# SQLite


def sqlite_dump(connection, target: Path) -> dict:
    """A copy made with SQLite's online backup API on a connection of its own (a consistent snapshot of what is
    committed, while others go on writing); the counts are read from the copy. An in-memory database (tests) is
    copied from its own connection's image."""
    if connection.is_in_memory_db():
        connection.ensure_connection()
        target.write_bytes(connection.connection.serialize())
    else:
        source = sqlite3.connect(connection.settings_dict["NAME"], timeout=60)
        try:
            with contextlib.closing(sqlite3.connect(target)) as dest:
                source.backup(dest)
        finally:
            source.close()
    with contextlib.closing(sqlite3.connect(target)) as copy:
        cursor = copy.cursor()
        return {
            "tables": count_rows(cursor, "sqlite"),
            "migrations": migration_state(cursor),
            "server_version_num": 0,
        }


def sqlite_require_empty(connection) -> None:
    with connection.cursor() as cursor:
        found = [name for _schema, name in _table_names(cursor, "sqlite")]
    _refuse_if(found, connection.settings_dict.get("NAME"))


def sqlite_load(connection, copy_path: Path) -> None:
    if connection.in_atomic_block:
        raise BackupError("Không khôi phục được bên trong một giao dịch đang mở.")
    connection.ensure_connection()
    source = sqlite3.connect(f"{copy_path.as_uri()}?mode=ro", uri=True)
    try:
        source.backup(connection.connection)
    finally:
        source.close()


def _refuse_if(found: list[str], name) -> None:
    if found:
        sample = ", ".join(found[:3])
        raise BackupError(
            f"Cơ sở dữ liệu đích “{name}” không trống: đã có {vn_int(len(found))} bảng (ví dụ {sample}). "
            "Chỉ khôi phục vào một cơ sở dữ liệu mới tạo, còn trống (chưa chạy migrate): tạo cơ sở dữ liệu "
            "mới, trỏ DATABASE_URL vào đó rồi chạy lại lệnh. Không có gì bị thay đổi."
        )
